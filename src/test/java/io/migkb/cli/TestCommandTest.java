package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.engine.TestRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migkb test: the bundled scenarios, and a consultant's new rule, broken scenario and bad scenario file. */
class TestCommandTest {
    private static final String FEDERATED = "tests/meetings-with-federated-organizations.yaml";

    @TempDir
    Path dir;

    /** The same code path as {@code bin/migkb test}: a broken bundled scenario fails the build. */
    @Test
    void bundledScenariosPassAndCoverEveryRule() {
        CliRun run = CliRun.of("test", "--rules", "rules");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        int rules = TestRules.catalogue().rules().size();
        assertThat(lines).contains("coverage: " + rules + "/" + rules + " rules")
                .noneMatch(l -> l.startsWith("FAIL") || l.startsWith("ERROR") || l.startsWith("uncovered"));
        assertThat(lines.get(lines.size() - 1)).matches("\\d+ passed, 0 failed");
    }

    @Test
    void newRuleWithItsScenarioCountsInCoverage() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        Files.writeString(rules.resolve("attendant.drl"), """
                package io.migkb.rules;
                import io.migkb.model.*;
                import io.migkb.engine.RuleSupport;

                // "You cannot use the following clients to join meetings [...]: Microsoft Office Communications
                //  Server 2007 R2 Attendant"
                rule "CLIENT-ATTENDANT-REPLACE"
                    @id("CLIENT-ATTENDANT-REPLACE")
                    @severity("ADVICE")
                    @reference("Changes to Meetings in Lync Server 2013")
                when
                    $u : User( client == Client.OCS_2007_R2_ATTENDANT )
                then
                    insert(RuleSupport.finding(kcontext, "user:" + $u.getSip(), $u.getSip(),
                        $u.getSip() + " uses the OCS 2007 R2 Attendant",
                        "Order the Lync 2010 Attendant, which signs in to Lync Server 2013, for " + $u.getSip() + " early"));
                end
                """);
        Files.writeString(rules.resolve("tests/attendant.yaml"), """
                name: the Attendant console is to be replaced
                inventory:
                  pools: [ { fqdn: ocs.contoso.com, version: OCS_2007_R2 } ]
                  users:
                    - { sip: reception@contoso.com, pool: ocs.contoso.com, client: OCS_2007_R2_ATTENDANT }
                    - { sip: dave@contoso.com, pool: ocs.contoso.com, client: COMMUNICATOR_2007_R2 }
                expect:
                  - { rule: CLIENT-ATTENDANT-REPLACE, subject: "user:reception@contoso.com" }
                forbid:
                  - { rule: CLIENT-ATTENDANT-REPLACE, subject: "user:dave@contoso.com" }
                """);

        CliRun run = CliRun.of("test", "--rules", rules.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("PASS  tests/attendant.yaml: the Attendant console is to be replaced")
                .contains("coverage: " + (TestRules.catalogue().rules().size() + 1) + "/" + (TestRules.catalogue().rules().size() + 1) + " rules");
    }

    @Test
    void testReportsWhatFiredInsteadOfTheExpectedFinding() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        Path scenario = rules.resolve(FEDERATED);
        RulesCopy.edit(scenario, "{ rule: FED-LOCKED-OC2007, subject: \"meeting:m-4\" }", "{ rule: FED-LOCKED-OC2007, subject: \"meeting:m-5\" }");
        RulesCopy.edit(scenario, "{ rule: FED-LOCKED-OC2007, subject: \"meeting:m-5\" }      # near miss: not locked",
                "{ rule: FED-CLIENT-WEB-APP, subject: \"meeting:m-4\" }");
        int expectLine = RulesCopy.lineOf(scenario, "{ rule: FED-LOCKED-OC2007, subject: \"meeting:m-5\" }");
        int forbidLine = lastLineOf(scenario, "{ rule: FED-CLIENT-WEB-APP, subject: \"meeting:m-4\" }");

        CliRun run = CliRun.of("test", "--rules", rules.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("FAIL  " + FEDERATED + ": ")
                .contains("  " + FEDERATED + ":" + expectLine + ": expected FED-LOCKED-OC2007 on meeting:m-5, which did not fire")
                .contains("      fired instead: FED-LOCKED-OC2007 on meeting:m-4; on meeting:m-5: FED-CLIENT-WEB-APP (")
                .contains("  " + FEDERATED + ":" + forbidLine + ": forbidden FED-CLIENT-WEB-APP on meeting:m-4 fired:")
                .contains("      FED-CLIENT-WEB-APP meeting:m-4: Federated user ivan@litwareinc.com uses Office Communicator 2007 R2");
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches("\\d+ passed, 1 failed");
    }

    @Test
    void badScenarioFileExitsTwoNamingFileAndLine() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        // every scenario that fires COEX-2010-CLIENT-POWERPOINT (organizers on Lync 2010 with PowerPoint count too)
        for (String name : List.of("user-experience-during-lync-server-2010-migration.yaml",
                "migrating-meetings-from-lync-server-2010.yaml", "migrating-meetings-from-lync-server-2010-moving-conference-data.yaml")) {
            Files.delete(rules.resolve("tests/" + name));
        }
        RulesCopy.edit(rules.resolve(FEDERATED), "rule: FED-PARTNER-SUMMARY, subject: \"partner:fabrikam.com\"",
                "rule: FED-PARTNER-SUMARY, subject: \"partner:fabrikam.com\"");
        int line = RulesCopy.lineOf(rules.resolve(FEDERATED), "FED-PARTNER-SUMARY");

        CliRun run = CliRun.of("test", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("ERROR " + FEDERATED + ": cannot run this scenario:")
                .contains(FEDERATED + ":" + line + ": expect: no rule has the id FED-PARTNER-SUMARY (did you mean FED-PARTNER-SUMMARY?)")
                .contains("uncovered: ")
                .contains("COEX-2010-CLIENT-POWERPOINT");
    }

    @Test
    void rulesThatDoNotCompileRunNoScenario() {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        RulesCopy.edit(rules.resolve("changes-to-meetings.drl"), "contains MeetingFeature.NEW_CONFERENCING_FEATURES )",
                "contains MeetingFeature.NEW_CONFERENCING_FEATURES");
        CliRun run = CliRun.of("test", "--rules", rules.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).startsWith("changes-to-meetings.drl:").doesNotContain("PASS");
        assertThat(run.err()).contains("no scenario ran");
    }

    private static int lastLineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }
}
