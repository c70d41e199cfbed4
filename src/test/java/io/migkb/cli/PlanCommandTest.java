package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migkb plan as a user runs it. */
class PlanCommandTest {
    private static final String CONTOSO = "examples/contoso.json";

    @TempDir
    Path dir;

    private static String[] names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void writesTheReportsAndOneScriptPerWaveAndReplacesStaleScriptsItWrote() throws IOException {
        Path out = dir.resolve("plan");
        Files.createDirectories(out);
        Files.writeString(out.resolve("wave-9.ps1"), "\uFEFF# migkb migration plan for contoso.com: wave 9 of 9\r\n");
        Files.writeString(out.resolve("wave-8.ps1"), "# my own script\r\n");
        Files.writeString(out.resolve("notes.txt"), "mine");

        CliRun run = CliRun.of("plan", CONTOSO, "--rules", "rules", "--out-dir", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(names(out)).containsExactly("notes.txt", "plan-meetings.csv", "plan-not-assessed.csv",
                "plan-tasks.csv", "plan-waves.csv", "plan.html", "plan.md", "wave-1.ps1", "wave-2.ps1", "wave-3.ps1", "wave-4.ps1", "wave-8.ps1");
        assertThat(Files.readString(out.resolve("wave-1.ps1")))
                .contains("Move-CsUser -Identity 'sip:erin@contoso.com' -Target 'pool13.contoso.com'\r\n");
        assertThat(Files.readString(out.resolve("wave-3.ps1")))
                .contains("Move-CsLegacyUser -Identity 'sip:dave@contoso.com' -Target 'pool13.contoso.com'\r\n");
        assertThat(run.err()).contains("migkb: plan for contoso.com: 4 waves after the preparation, 5 to move, 1 held back")
                .containsPattern("migkb: read \\d+\\.\\d s, rules \\d+\\.\\d s, assess \\d+\\.\\d s, plan \\d+\\.\\d s, write \\d+\\.\\d s")
                .as("no progress bar when stderr is not a terminal").doesNotContain("\r").doesNotContain("[#");
    }

    @Test
    void usersTheExportsHoldButMigkbDoesNotAssessAreListedInEveryFormatAndInNoScript() throws IOException {
        Path out = dir.resolve("litware");

        CliRun run = CliRun.of("plan", "examples/litware-exports", "--rules", "rules", "--out-dir", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("users? not assessed \\([^)]*1 disabled, 1 without a Registrar pool[^)]*\\):"
                + " see plan-not-assessed.csv; wrote ");
        assertThat(Files.readString(out.resolve("plan-not-assessed.csv")))
                .startsWith("sip,reason,detail,location\r\n")
                .contains("\r\ngus@litwareinc.com,DISABLED,").contains("\r\nhana@litwareinc.com,NO_POOL,");
        assertThat(Files.readString(out.resolve("plan.md")))
                .contains("| gus@litwareinc.com | `DISABLED` ").contains("| hana@litwareinc.com | `NO_POOL` ");
        assertThat(Files.readString(out.resolve("plan.html"))).contains("<h2 id=\"not-assessed\">")
                .contains("<tr><td>gus@litwareinc.com</td><td><code>DISABLED</code>")
                .contains("<tr><td>hana@litwareinc.com</td><td><code>NO_POOL</code>");
        try (Stream<Path> scripts = Files.list(out).filter(p -> p.getFileName().toString().endsWith(".ps1"))) {
            for (Path script : scripts.toList()) {
                assertThat(Files.readString(script)).as(script.toString())
                        .doesNotContain("gus@litwareinc.com").doesNotContain("hana@litwareinc.com");
            }
        }
    }

    @Test
    void partitionsOnThreadsWriteTheSamePlanAndThreadsAloneAreRefused() throws IOException {
        Path one = dir.resolve("one");
        Path threaded = dir.resolve("threaded");
        assertThat(CliRun.of("plan", CONTOSO, "--rules", "rules", "--out-dir", one.toString(), "--format", "markdown",
                "--quiet").exitCode()).isZero();
        CliRun run = CliRun.of("plan", CONTOSO, "--rules", "rules", "--out-dir", threaded.toString(), "--format",
                "markdown", "--quiet", "--partitions", "3", "--threads", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(threaded.resolve("plan.md"))).isEqualTo(Files.readString(one.resolve("plan.md")));
        CliRun alone = CliRun.of("plan", CONTOSO, "--rules", "rules", "--out-dir", dir.resolve("x").toString(),
                "--threads", "3");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("--threads 3 needs --partitions");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void formatChoosesTheReportsAndQuietPrintsNothing() throws IOException {
        Path out = dir.resolve("md");

        CliRun run = CliRun.of("plan", CONTOSO, "--rules", "rules", "--out-dir", out.toString(), "--format", "markdown",
                "--quiet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(names(out)).containsExactly("plan.md", "wave-1.ps1", "wave-2.ps1", "wave-3.ps1", "wave-4.ps1");
    }

    @Test
    void anUnknownFormatOrABadWaiversFileWritesNothing() throws IOException {
        Path out = dir.resolve("none");
        Path waivers = Files.writeString(dir.resolve("w.yaml"), "- rule: CLIENT-IM-ONLY\n  subject: x\n");

        CliRun format = CliRun.of("plan", CONTOSO, "--out-dir", out.toString(), "--format", "pdf");
        CliRun bad = CliRun.of("plan", CONTOSO, "--out-dir", out.toString(), "--waivers", waivers.toString());

        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("--format pdf: unknown plan format");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains(waivers + ":1:3: [0].reason: missing");
        assertThat(out).doesNotExist();
    }
}
