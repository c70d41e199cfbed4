package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A looping rule that fills a small heap before any firing limit, in the real command line in a child JVM (an
 * OutOfMemoryError in the test's own JVM would take the test run with it): exit 2, the looping rule named (not a
 * rule it re-activates), no report. Without the heap guard the JVM's OutOfMemoryError names no rule.
 */
class SmallHeapRunawayTest {
    /** Small enough to fill in seconds, big enough for the catalogue's compile and the heap guard's estimate. */
    private static final String HEAP = "-Xmx300m";

    @TempDir
    Path temp;

    @Test
    void aRuleInsertingASmallFactEveryFiringFillsTheHeapAndIsNamedExitTwoNoReport() throws Exception {
        Child run = assessWithLoop("""
                rule "COUNT-EVERYTHING" @id("COUNT-EVERYTHING") @severity("INFO")
                when
                    $n : Number() from accumulate( Object(), count() )
                then
                    insert(new java.util.concurrent.atomic.AtomicLong($n.longValue()));
                end
                """);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("heap").contains("the looping rule is \"COUNT-EVERYTHING\"")
                .contains("no report written").doesNotContain("OutOfMemoryError");
        assertThat(run.report()).doesNotExist();
    }

    @Test
    void aRuleInsertingAHundredMegabytesAFiringRunsOutOfHeapAndIsNamedNotTheRulesItReactivates() throws Exception {
        // Three such facts fill the heap before it is ever 95% live after a collection: the heap watch cannot see it
        // coming, the OutOfMemoryError comes in the rule's own consequence, and the rules that fired more often
        // (the catalogue's, reporting the inventory's findings) are not the loop.
        Child run = assessWithLoop("""
                declare Blob
                    payload : byte[]
                end

                rule "FILL-HEAP" @id("FILL-HEAP") @severity("INFO")
                when
                    $n : Number() from accumulate( Object(), count() )
                then
                    insert(new Blob(new byte[100_000_000]));
                end
                """);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("the heap (").contains("ran out while the rules fired")
                .contains("in rule \"FILL-HEAP\"").contains("it is the looping rule").contains("no report written")
                .doesNotContain("OutOfMemoryError");
        assertThat(run.report()).doesNotExist();
    }

    private record Child(int exitCode, String err, Path report) {
    }

    /** assess of the example in the child JVM, with a copy of rules/ and {@code rule} in a file of its own. */
    private Child assessWithLoop(String rule) throws IOException, InterruptedException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        Files.writeString(rules.resolve("zz-loop.drl"), "package io.migkb.rules;\n\n" + rule);
        Path report = temp.resolve("report.json");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-D" + CacheSetting.PROPERTY + "=off",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "assess", "examples/contoso.json", "--rules", rules.toString(), "--out", report.toString(), "--quiet",
                // No practical firing limit: the heap is what stops the loop.
                "--max-firings", "2000000000"));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("migkb assess was still running after 120 s: " + Files.readString(err));
        }
        return new Child(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8), report);
    }
}
