package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.engine.TestRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migkb check as a consultant uses it on a copy of rules/. */
class CheckCommandTest {
    private static final String MEETINGS = "changes-to-meetings.drl";
    private static final String FEDERATED = "meetings-with-federated-organizations.drl";
    private static final String LYNC2010 = "migrating-meetings-from-lync-server-2010.drl";

    @TempDir
    Path dir;

    @Test
    void cleanCatalogueSummarizesFilesAndRules() {
        CliRun run = CliRun.of("check", "--rules", "rules");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("ok: " + TestRules.catalogue().fileCount() + " files, "
                + TestRules.catalogue().rules().size() + " rules in rules" + System.lineSeparator());
    }

    @Test
    void checkNamesEachBrokenFileAndLineInFileOrder() {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        // a syntax error (a parenthesis left open), an unknown field, a rule that lost its end
        String opening = "Participation( federated, meeting.locked == true,";
        int unclosed = RulesCopy.lineOf(rules.resolve(FEDERATED), opening);
        int unclosedColumn = RulesCopy.columnOf(rules.resolve(FEDERATED), opening) + "Participation".length();
        RulesCopy.edit(rules.resolve(FEDERATED), "$m : meeting, $f : participant )", "$m : meeting, $f : participant");
        RulesCopy.edit(rules.resolve(MEETINGS), "lost(client, ServerVersion.LYNC_2013) contains MeetingFeature.NEW_",
                "lost(clinet, ServerVersion.LYNC_2013) contains MeetingFeature.NEW_");
        int unknown = RulesCopy.lineOf(rules.resolve(MEETINGS), "clinet");
        int unknownColumn = RulesCopy.columnOf(rules.resolve(MEETINGS), "clinet");
        int ruleLine = RulesCopy.lineOf(rules.resolve(LYNC2010), "rule \"MOVE-MEETINGS-CARRY\"");
        RulesCopy.edit(rules.resolve(LYNC2010), "after Move-CsUser\");\nend\n", "after Move-CsUser\");\n");

        CliRun run = CliRun.of("check", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out().lines()).hasSize(3);
        assertThat(run.out().lines().toList().get(0))
                .startsWith(MEETINGS + ":" + unknown + ":" + unknownColumn + ": User has no field 'clinet'; fields: addIns, client, ");
        assertThat(run.out().lines().toList().get(1))
                .startsWith(FEDERATED + ":" + unclosed + ":" + unclosedColumn + ": rule \"FED-LOCKED-OC2007\": this '(' is not closed");
        assertThat(run.out().lines().toList().get(2))
                .isEqualTo(LYNC2010 + ":" + ruleLine + ":1: rule \"MOVE-MEETINGS-CARRY\" has no 'end': rule"
                        + " \"MOVE-CONTENT-LOST\" starts at line " + RulesCopy.lineOf(rules.resolve(LYNC2010), "rule \"MOVE-CONTENT-LOST\"")
                        + " before it ends");
        assertThat(run.err()).contains("3 errors in 3 files").doesNotContain("Exception");
    }

    @Test
    void aDuplicateIdIsAnErrorAtTheSecondRule() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        Files.writeString(rules.resolve("extra.drl"), """
                package io.migkb.rules;
                import io.migkb.model.*;

                rule "MY-COPY"
                    @id("CLIENT-IM-ONLY")
                    @severity("WARNING")
                    @reference("Changes to Meetings in Lync Server 2013")
                when
                    User( client == Client.COMMUNICATOR_2007 )
                then
                end
                """);
        CliRun run = CliRun.of("check", "--rules", rules.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out()).startsWith("extra.drl:4:1: rule id CLIENT-IM-ONLY is used again; first at "
                + "after-user-account-is-migrated-before-lync-2013-is-installed.drl:" + RulesCopy.lineOf(
                        rules.resolve("after-user-account-is-migrated-before-lync-2013-is-installed.drl"), "rule \"CLIENT-IM-ONLY\""));
        assertThat(run.err()).contains("1 error in 1 file");
    }

    @Test
    void rulesThatReadTheClientSupportTableWithNoTableAreRefusedNotRunSilentlyShort() throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules"));
        Files.delete(rules.resolve("client-support.xlsx"));
        String declaring = "after-user-account-is-migrated-before-lync-2013-is-installed.drl";
        CliRun check = CliRun.of("check", "--rules", rules.toString());
        assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(2);
        assertThat(check.out()).startsWith(declaring + ":" + RulesCopy.lineOf(rules.resolve(declaring),
                "global ClientSupport clientSupport") + ":1: the rules read the client-support table")
                .contains("add client-support.xlsx");
        Path out = dir.resolve("r.json");
        CliRun assess = CliRun.of("assess", "examples/contoso.json", "--rules", rules.toString(), "--out", out.toString());
        assertThat(assess.exitCode()).isEqualTo(2);
        assertThat(out).doesNotExist();
    }

    @Test
    void aConsequenceMissingASemicolonOrGivenAnExtraArgumentIsReportedWhereTheSlipIs() {
        String remedy = "\"Have \" + $u.getSip() + \" join with Lync Web App 2013 until the client is upgraded to Lync 2013\")";
        Path missing = RulesCopy.of(dir.resolve("missing"));
        RulesCopy.edit(missing.resolve(MEETINGS), remedy + ";", remedy);
        CliRun run = CliRun.of("check", "--rules", missing.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEqualTo(MEETINGS + ":" + RulesCopy.lineOf(missing.resolve(MEETINGS), remedy) + ":"
                + (RulesCopy.columnOf(missing.resolve(MEETINGS), remedy) + remedy.length()) + ": rule"
                + " \"CLIENT-NO-CONFERENCING\": a ';' is missing here, at the end of the statement" + System.lineSeparator());

        Path extra = RulesCopy.of(dir.resolve("extra"));
        RulesCopy.edit(extra.resolve(MEETINGS), remedy + ";", remedy.substring(0, remedy.length() - 1) + ", \"extra\");");
        run = CliRun.of("check", "--rules", extra.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).startsWith(MEETINGS + ":" + RulesCopy.lineOf(extra.resolve(MEETINGS), "\"extra\"") + ":"
                + RulesCopy.columnOf(extra.resolve(MEETINGS), "\"extra\"") + ": rule \"CLIENT-NO-CONFERENCING\": The method"
                + " report(").contains("(Findings.report takes 5 arguments, here 6)");
    }

    @Test
    void aFolderThatIsNotThereIsABadInput() {
        CliRun run = CliRun.of("check", "--rules", dir.resolve("nope").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no such folder");
    }
}
