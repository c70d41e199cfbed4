package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.engine.RuleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateAndBenchCliTest {
    @TempDir
    Path temp;

    @Test
    void generateWritesTheSameFileForTheSameSeedAndAssessReadsIt() throws IOException {
        Path a = temp.resolve("a.json");
        Path b = temp.resolve("b.json");
        assertThat(CliRun.of("generate", "--users", "300", "--seed", "4", "--out", a.toString()).exitCode()).isZero();
        assertThat(CliRun.of("generate", "--users", "300", "--seed", "4", "--out", b.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        CliRun assess = CliRun.of("assess", a.toString(), "--format", "json", "--quiet");
        assertThat(assess.exitCode()).as(assess.err()).isZero();
        assertThat(assess.out()).contains("\"findings\"");
    }

    @Test
    void generateRefusesNoUsers() {
        assertThat(CliRun.of("generate", "--users", "0", "--out", temp.resolve("x.json").toString()).exitCode())
                .isEqualTo(2);
    }

    @Test
    void benchComparesBothPathsAndEndsWithTheRatio() {
        CliRun run = CliRun.of("bench", "--users", "400", "--seed", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(run.out()).contains("read", "build rules", "insert", "fire", "write (json)", "peak live heap",
                "findings per rule", "findings identical: yes");
        assertThat(lines.get(lines.size() - 1)).matches("ratio drools/plain: \\d+\\.\\d\\d");
    }

    @Test
    void benchComparesOnlyWhenTheRulesAreTheCatalogueThePlainTwinEncodes() throws Exception {
        CliRun catalogue = CliRun.of("bench", "--users", "300", "--warm-up", "0", "--rules", "rules");
        assertThat(catalogue.exitCode()).as(catalogue.err()).isZero();
        assertThat(catalogue.out()).contains("findings identical: yes");

        Path customer = Files.createDirectories(temp.resolve("acme-rules"));
        Files.writeString(customer.resolve(RuleFiles.DISABLE_LIST), "URL-LEGACY-MEET\n");
        CliRun layered = CliRun.of("bench", "--users", "300", "--warm-up", "0", "--rules", "rules", "--rules",
                customer.toString());
        assertThat(layered.exitCode()).as(layered.err()).isZero();
        assertThat(layered.out()).contains("findings identical: not compared (the rules differ from the bundled"
                + " catalogue, which the plain twin encodes)").doesNotContain("findings identical: no ");
    }

    @Test
    void benchOnTwoThreadsRunsBothPathsOnTwoThreadsAndTheyAgree() {
        CliRun run = CliRun.of("bench", "--users", "400", "--seed", "2", "--partitions", "3", "--threads", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow())
                .contains("2 threads for both paths").contains("drools in 3 partitions");
        assertThat(run.out()).contains("findings identical: yes");
        CliRun alone = CliRun.of("bench", "--users", "400", "--threads", "2");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("--threads 2 needs --partitions");
    }

    @Test
    void benchWarmsUpOnItsOwnInputWithTheRulesItTimesOrTimesAColdRunLikeAssess() {
        CliRun warm = CliRun.of("bench", "--users", "300", "--warm-up", "2");
        assertThat(warm.exitCode()).as(warm.err()).isZero();
        assertThat(warm.out()).contains("warmed up 2 time(s) on this input", "* once, before the warm-up",
                "findings identical: yes");
        CliRun cold = CliRun.of("bench", "--users", "300", "--warm-up", "0");
        assertThat(cold.exitCode()).as(cold.err()).isZero();
        assertThat(cold.out()).contains("warmed up 0 time(s)", "* on its own thread, beside the read, as assess does",
                "findings identical: yes");
        CliRun wrong = CliRun.of("bench", "--users", "300", "--warm-up", "-1");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("--warm-up must be between 0 and 100");
    }

    @Test
    void benchWarmsUpLongerOnSmallInputsBetweenThreeAndThirtyRounds() {
        assertThat(BenchCommand.warmUpRoundsFor(100_000)).isEqualTo(3);
        assertThat(BenchCommand.warmUpRoundsFor(60_000)).isEqualTo(5);
        assertThat(BenchCommand.warmUpRoundsFor(10_000)).isEqualTo(30);
        assertThat(BenchCommand.warmUpRoundsFor(300)).isEqualTo(30);
        CliRun run = CliRun.of("bench", "--users", "300");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("warmed up 30 time(s) on this input");
    }

    @Test
    void benchOfHalfAMillionUsersOrMoreRunsDroolsInPartitionsUnlessToldOtherwise() {
        assertThat(BenchCommand.droolsPartitions(1_000_000, null)).isEqualTo(64);
        assertThat(BenchCommand.droolsPartitions(500_000, null)).isEqualTo(64);
        assertThat(BenchCommand.droolsPartitions(499_999, null)).isEqualTo(1);
        assertThat(BenchCommand.droolsPartitions(1_000_000, 1)).isEqualTo(1);
        assertThat(BenchCommand.droolsPartitions(100_000, 8)).isEqualTo(8);
        CliRun small = CliRun.of("bench", "--users", "300", "--warm-up", "0");
        assertThat(small.out().lines().findFirst().orElseThrow()).doesNotContain("partitions");
    }
}
