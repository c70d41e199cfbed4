package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A severity typo is refused by every command that compiles rules, at its file and line, with the allowed values. */
class RuleMetadataCliTest {
    private static final String FILE = "changes-to-meetings.drl";
    private static final String CONTOSO = "examples/contoso.json";

    @TempDir
    Path dir;

    private Path rules;
    private String located;

    @BeforeEach
    void typo() {
        rules = RulesCopy.of(dir.resolve("rules"));
        int line = RulesCopy.lineOf(rules.resolve(FILE), "rule \"CLIENT-NEW-FEATURES\"");
        RulesCopy.edit(rules.resolve(FILE), "rule \"CLIENT-NEW-FEATURES\"\n    @id(\"CLIENT-NEW-FEATURES\")\n"
                + "    @severity(\"INFO\")", "rule \"CLIENT-NEW-FEATURES\"\n    @id(\"CLIENT-NEW-FEATURES\")\n"
                + "    @severity(\"BLOKER\")");
        located = FILE + ":" + line + ":1: rule \"CLIENT-NEW-FEATURES\" has @severity(\"BLOKER\"), which is not a"
                + " severity: use one of BLOCKER, WARNING, ADVICE, INFO";
    }

    @Test
    void checkRefusesIt() {
        CliRun run = CliRun.of("check", "--rules", rules.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains(located);
    }

    @Test
    void assessRefusesItWithNoReport() {
        Path out = dir.resolve("report.json");
        CliRun run = CliRun.of("assess", CONTOSO, "--rules", rules.toString(), "--fail-on", "BLOCKER",
                "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(located);
        assertThat(out).doesNotExist();
    }

    @Test
    void planRefusesIt() {
        Path out = dir.resolve("plan");
        CliRun run = CliRun.of("plan", CONTOSO, "--rules", rules.toString(), "--out-dir", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(located);
        assertThat(out).doesNotExist();
    }

    @Test
    void testRefusesIt() {
        CliRun run = CliRun.of("test", "--rules", rules.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out() + run.err()).contains(located);
    }
}
