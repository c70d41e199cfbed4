package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** assess with a looping rule in a copy of rules/, and with an inventory too big for the heap. */
class GuardRailsCliTest {
    private static final String LOOP = """
            package test.loop;
            declare Counter
                n : long
            end
            rule "SEED" @id("SEED") @severity("INFO") when not Counter() then insert(new Counter(0)); end
            rule "INSERT-FOREVER" @id("INSERT-FOREVER") @severity("INFO") when $c : Counter() then insert(new Counter($c.getN() + 1)); end
            """;

    @TempDir
    Path temp;

    private Path rulesWithLoop() throws IOException {
        Path rules = temp.resolve("rules");
        Files.createDirectories(rules);
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.toString().endsWith(".drl") || f.toString().endsWith(".xlsx")) { // the rules read the table
                    Files.copy(f, rules.resolve(f.getFileName()));
                }
            }
        }
        Files.writeString(rules.resolve("zz-loop.drl"), LOOP);
        return rules;
    }

    @Test
    void aLoopingRuleIsStoppedByMaxFiringsExitTwoNamingItAndNoReport() throws IOException {
        Path report = temp.resolve("report.json");
        CliRun run = CliRun.of("assess", "examples/contoso.json", "--rules", rulesWithLoop().toString(),
                "--max-firings", "5000", "--out", report.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("INSERT-FOREVER").contains("5000").contains("no report written");
        assertThat(report).doesNotExist();
    }

    @Test
    void aLoopingRuleInPartitionsOnTwoThreadsIsStoppedExitTwoNamingItAndNoReport() throws IOException {
        Path rules = rulesWithLoop();
        for (String[] limit : new String[][] {{"--max-firings", "5000"}, {"--time-limit", "1", "--max-firings", "2000000000"}}) {
            Path report = temp.resolve("report.json");
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("assess", "examples/contoso.json",
                    "--rules", rules.toString(), "--partitions", "4", "--threads", "2", "--out", report.toString()));
            args.addAll(java.util.List.of(limit));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("INSERT-FOREVER").contains("no report written")
                    .contains(limit[0].equals("--max-firings") ? "limit of 5000" : "time limit of 1 s");
            assertThat(report).doesNotExist();
        }
    }

    @Test
    void aLoopingRuleIsStoppedByTheTimeLimitToo() throws IOException {
        Path report = temp.resolve("report.json");
        CliRun run = CliRun.of("assess", "examples/contoso.json", "--rules", rulesWithLoop().toString(),
                "--max-firings", "2000000000", "--time-limit", "1", "--out", report.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("time limit").contains("INSERT-FOREVER");
        assertThat(report).doesNotExist();
    }

    @Test
    void byDefaultTheBudgetFollowsTheInventorySoALoopOnASmallOneIsStoppedAndNamed() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("counting"));
        Files.writeString(rules.resolve("zz-count.drl"), """
                package io.migkb.rules;
                import io.migkb.model.*;
                import java.util.concurrent.atomic.AtomicLong;

                rule "COUNT-EVERYTHING" @id("COUNT-EVERYTHING") @severity("INFO")
                when
                    $n : Number() from accumulate( Object(), count() )
                then
                    insert(new AtomicLong($n.longValue()));
                end
                """);
        Path report = temp.resolve("report.json");
        CliRun run = CliRun.of("assess", "examples/contoso.json", "--rules", rules.toString(), "--out", report.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).containsPattern("limit of \\d+ \\(100000 plus 10 per input fact, \\d+ facts\\)")
                .contains("the looping rule is \"COUNT-EVERYTHING\"").contains("no report written");
        assertThat(report).doesNotExist();
    }

    @Test
    void theRuleWhoseOwnUpdatesLoopIsNamedNotTheRulesItReactivates() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("touching"));
        Files.writeString(rules.resolve("zz-touch.drl"), """
                package io.migkb.rules;
                import io.migkb.model.*;

                rule "TOUCH-USERS" @id("TOUCH-USERS") @severity("INFO")
                when
                    $u : User( )
                then
                    update($u);
                end
                """);
        CliRun run = CliRun.of("assess", "examples/contoso.json", "--rules", rules.toString(), "--max-firings", "20000");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the looping rule is \"TOUCH-USERS\"");
    }

    @Test
    void guardOptionsAreCheckedAndDocumented() {
        assertThat(CliRun.of("assess", "examples/contoso.json", "--max-firings", "0").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("assess", "--help").out()).contains("--max-firings").contains("--time-limit");
    }

    @Test
    void anInventoryTooBigForTheHeapIsRefusedSayingHowMuchItNeeds() throws IOException {
        Path huge = temp.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(Runtime.getRuntime().maxMemory()); // sparse: no disk used, never read
        }
        Path report = temp.resolve("report.json");
        CliRun run = CliRun.of("assess", huge.toString(), "--out", report.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("needs about").contains("JAVA_OPTS=-Xmx").doesNotContain("OutOfMemoryError");
        assertThat(report).doesNotExist();
    }

    @Test
    void anInventoryThatFitsInPartitionsIsRefusedWithThePartitionsItNeeds() throws IOException {
        long max = Runtime.getRuntime().maxMemory();
        Path big = temp.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(max / 4); // sparse; refused before it is read
        }
        // As assess would run them: by default as many threads as partitions and cores allow.
        int fit = HeapGuard.partitionsThatFit(max / 4, max, ThreadsOption::defaultFor);
        assertThat(fit).isGreaterThan(1);
        assertThat(HeapGuard.needed(max / 4, fit, ThreadsOption.defaultFor(fit))).isLessThanOrEqualTo(max)
                .isLessThan(HeapGuard.needed(max / 4, 1, 1));
        CliRun run = CliRun.of("assess", big.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        // It suggests the faster 64, saying how few would fit.
        assertThat(run.err()).contains("needs about").contains("--partitions " + HeapGuard.FAST_PARTITIONS)
                .contains("(" + fit + " or more fit, and more are faster");
    }

    @Test
    void sessionsHeldAtOnceCountInTheHeapNeeded() {
        long gb = 1L << 30;
        // One session's part is split among the partitions, and multiplied by the sessions held at once.
        assertThat(HeapGuard.needed(gb, 8, 1)).isLessThan(HeapGuard.needed(gb, 8, 2));
        assertThat(HeapGuard.needed(gb, 8, 8)).isEqualTo(HeapGuard.needed(gb, 1, 1));
        assertThat(HeapGuard.needed(gb, 8, 2)).isEqualTo(HeapGuard.needed(gb, 4, 1));
        assertThat(HeapGuard.needed(gb, 4, 64)).isEqualTo(HeapGuard.needed(gb, 4, 4));
        // So with two threads it takes more partitions to fit the same heap.
        long heap = HeapGuard.needed(gb, 4, 1);
        assertThat(HeapGuard.partitionsThatFit(gb, heap, p -> 1)).isEqualTo(4);
        assertThat(HeapGuard.partitionsThatFit(gb, heap, p -> Math.min(2, p))).isEqualTo(8);
    }

    @Test
    void anInventoryTooBigForTwoSessionsAtOnceIsRefusedNamingTheThreads() throws IOException {
        long max = Runtime.getRuntime().maxMemory();
        Path big = temp.resolve("big.json");
        // Fits in 2 partitions one after the other, not both at once.
        long size = (long) ((max - HeapGuard.BASE_MB * 1024 * 1024)
                / (HeapGuard.SHARED_PER_INPUT_BYTE + HeapGuard.SESSION_PER_INPUT_BYTE * 0.75));
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(size); // sparse; refused before it is read
        }
        assertThat(HeapGuard.needed(size, 2, 1)).isLessThanOrEqualTo(max);
        assertThat(HeapGuard.needed(size, 2, 2)).isGreaterThan(max);
        CliRun run = CliRun.of("assess", big.toString(), "--partitions", "2", "--threads", "2");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("in 2 partitions on 2 threads needs about")
                .contains("--partitions " + HeapGuard.FAST_PARTITIONS + " (4 or more fit,");
    }
}
