package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that throws while the rules run is the rule's fault: told at the rule's file and line, with what it threw
 * and the fact it was matching where the inventory declares it; exit 2 and no report.
 */
class RuleRuntimeFailureTest {
    private static final String FILE = "changes-to-meetings.drl";

    @TempDir
    Path dir;

    private Path rules;
    private int ruleLine;

    @BeforeEach
    void aConsequenceThatThrows() {
        rules = RulesCopy.of(dir.resolve("rules"));
        ruleLine = RulesCopy.lineOf(rules.resolve(FILE), "rule \"CLIENT-NO-CONFERENCING\"");
        RulesCopy.edit(rules.resolve(FILE), "Findings.report(kcontext, \"meeting:\" + $m.getId(), $u.getSip(),",
                "Findings.report(kcontext, \"meeting:\" + $m.getId().substring(99), $u.getSip(),");
    }

    @Test
    void assessNamesTheRuleWhatItThrewAndTheMeetingWithNoReport() {
        Path out = dir.resolve("report.json");
        CliRun run = CliRun.of("assess", "examples/contoso.json", "--rules", rules.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(FILE + ":" + ruleLine + ": rule \"CLIENT-NO-CONFERENCING\" threw"
                        + " StringIndexOutOfBoundsException: begin 99, end 5, length 5 while matching meeting:m-001"
                        + " (examples/contoso.json:42)")
                .doesNotContain("internal error");
        assertThat(out).doesNotExist();
    }

    @Test
    void checkRunsTheRulesOnTheExampleAndTheScenariosAndCatchesIt() {
        String home = System.getProperty(RulesOption.HOME_PROPERTY);
        System.setProperty(RulesOption.HOME_PROPERTY, ".");
        try {
            CliRun run = CliRun.of("check", "--rules", rules.toString());
            assertThat(run.exitCode()).isEqualTo(2);
            String threw = FILE + ":" + ruleLine + ": rule \"CLIENT-NO-CONFERENCING\" threw StringIndexOutOfBoundsException";
            assertThat(run.out()).contains(threw).contains("while matching meeting:m-001 (./examples/contoso.json:42)"
                            + " [on examples/contoso.json]")
                    .contains("(tests/changes-to-meetings.yaml:20) [in tests/changes-to-meetings.yaml]")
                    .doesNotContain("ok: ");
            assertThat(run.err()).containsPattern("the rules compile, but \\d+ runs failed");
            CliRun clean = CliRun.of("check", "--rules", "rules");
            assertThat(clean.exitCode()).as(clean.out()).isZero();
        } finally {
            if (home == null) {
                System.clearProperty(RulesOption.HOME_PROPERTY);
            } else {
                System.setProperty(RulesOption.HOME_PROPERTY, home);
            }
        }
    }

    @Test
    void testReportsItAgainstTheScenarioAndRunsTheOthers() {
        CliRun run = CliRun.of("test", "--rules", rules.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("ERROR tests/changes-to-meetings.yaml: cannot run this scenario")
                .contains("tests/changes-to-meetings.yaml: a rule failed: " + FILE + ":" + ruleLine
                        + ": rule \"CLIENT-NO-CONFERENCING\" threw StringIndexOutOfBoundsException")
                .contains("PASS  tests/meetings-with-federated-organizations.yaml")
                .containsPattern("\\d+ passed, [1-9]\\d* failed");
        assertThat(run.err()).doesNotContain("internal error");
    }
}
