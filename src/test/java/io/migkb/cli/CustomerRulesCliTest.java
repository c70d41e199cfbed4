package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migkb.engine.RuleFiles;
import io.migkb.engine.TestRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer's rules in a folder of their own, given after the catalogue's: what it adds, replaces and disables is
 * listed by {@code rules} and heads every report, and its mistakes are located in its own files.
 */
class CustomerRulesCliTest {
    private static final String ACME_RULES = """
            package io.migkb.rules;
            import io.migkb.model.*;
            import io.migkb.api.rules.Findings;

            // customer: a locked meeting with a federated Communicator 2007 user is only advice at Acme
            rule "FED-LOCKED-OC2007"
                @id("FED-LOCKED-OC2007")
                @severity("ADVICE")
                @reference("Meetings with Federated Organizations that Use Previous Clients")
            when
                Participation( federated, meeting.locked == true, $m : meeting, $f : participant )
            then
                Findings.report(kcontext, "meeting:" + $m.getId(), $f.getSip(),
                    "Acme: " + $f.getSip() + " cannot join locked meeting " + $m.getId(), "Unlock it");
            end

            rule "ACME-EVERY-POOL"
                @id("ACME-EVERY-POOL")
                @severity("INFO")
                @reference("Changes to Meetings in Lync Server 2013")
            when
                $p : Pool()
            then
                Findings.report(kcontext, "pool:" + $p.getFqdn(), null, "Acme counts pool " + $p.getFqdn(), "none");
            end
            """;

    @TempDir
    Path dir;

    private Path acme(String disabled) throws IOException {
        Path acme = Files.createDirectories(dir.resolve("acme-rules"));
        Files.writeString(acme.resolve("acme.drl"), ACME_RULES);
        Files.writeString(acme.resolve(RuleFiles.DISABLE_LIST), disabled);
        return acme;
    }

    @Test
    void rulesListsWhatTheCustomerFolderAddsReplacesAndDisables() throws IOException {
        Path acme = acme("# no legacy meet URLs at Acme\nURL-LEGACY-MEET\n");
        CliRun run = CliRun.of("rules", "--rules", "rules", "--rules", acme.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        int count = TestRules.catalogue().rules().size(); // one replaced, one added, one disabled
        assertThat(run.out()).contains(count + " rules from rules + " + acme)
                .contains("replaces FED-LOCKED-OC2007 (" + acme + "/acme.drl:6)")
                .contains("adds ACME-EVERY-POOL (" + acme + "/acme.drl:17)")
                .contains("disables URL-LEGACY-MEET (" + acme + "/" + RuleFiles.DISABLE_LIST + ":2)")
                .contains(acme + "/acme.drl:17");

        JsonNode json = new ObjectMapper().readTree(CliRun.of("rules", "--rules", "rules", "--rules", acme.toString(),
                "--format", "json").out());
        assertThat(json.get("changes")).extracting(c -> c.get("change").asText() + " " + c.get("id").asText())
                .containsExactly("replaces FED-LOCKED-OC2007", "adds ACME-EVERY-POOL", "disables URL-LEGACY-MEET");
        assertThat(json.get("rules")).extracting(r -> r.get("id").asText())
                .contains("ACME-EVERY-POOL").doesNotContain("URL-LEGACY-MEET");
    }

    @Test
    void everyReportHeaderNamesTheCustomerFolderAndItsChanges() throws IOException {
        Path acme = acme("URL-LEGACY-MEET\n");
        Path out = dir.resolve("reports");
        CliRun run = CliRun.of("assess", "examples/contoso.json", "--rules", "rules", "--rules", acme.toString(),
                "--format", "table,json,markdown,html,sarif", "--out-dir", out.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String summary = "rules + " + acme + " (adds ACME-EVERY-POOL; replaces FED-LOCKED-OC2007; disables"
                + " URL-LEGACY-MEET)";
        for (String file : new String[] {"contoso.txt", "contoso.md", "contoso.html", "contoso.sarif"}) {
            assertThat(Files.readString(out.resolve(file))).as(file).contains(summary);
        }
        assertThat(Files.readString(out.resolve("contoso.txt")))
                .contains("disables URL-LEGACY-MEET (" + acme + "/" + RuleFiles.DISABLE_LIST + ":1)")
                .contains("ACME-EVERY-POOL").doesNotContain("URL-LEGACY-MEET  meeting");
        JsonNode json = new ObjectMapper().readTree(out.resolve("contoso.json").toFile());
        assertThat(json.at("/rules/from").asText()).isEqualTo(summary);
        assertThat(json.at("/rules/changes")).hasSize(3);
        assertThat(json.get("findings")).noneMatch(f -> f.get("rule").asText().equals("URL-LEGACY-MEET"))
                .filteredOn(f -> f.get("rule").asText().equals("FED-LOCKED-OC2007"))
                .isNotEmpty().allMatch(f -> f.get("severity").asText().equals("ADVICE"));
    }

    @Test
    void theCatalogueAloneHasNoRulesLineInTheTableOrJson() throws IOException {
        Path out = dir.resolve("reports");
        CliRun run = CliRun.of("assess", "examples/contoso.json", "--rules", "rules", "--format", "table,json",
                "--out-dir", out.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out.resolve("contoso.txt"))).doesNotContain("rules:");
        assertThat(new ObjectMapper().readTree(out.resolve("contoso.json").toFile()).has("rules")).isFalse();
    }

    @Test
    void aDisabledIdThatNamesNoRuleStopsAssessAtItsLineWithNoReport() throws IOException {
        Path acme = acme("URL-LEGACY-MEET\nURL-LEGACY-MEAT\n");
        Path report = dir.resolve("contoso.html");
        CliRun run = CliRun.of("assess", "examples/contoso.json", "--rules", "rules", "--rules", acme.toString(),
                "--out", report.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(acme + "/" + RuleFiles.DISABLE_LIST + ":2:1: no rule of the folders before"
                + " this one has id URL-LEGACY-MEAT");
        assertThat(report).doesNotExist();
    }

    @Test
    void aCustomerFolderInsideTheCatalogueIsRefused() {
        CliRun run = CliRun.of("rules", "--rules", "rules", "--rules", "rules/tests");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--rules rules/tests").contains("lies inside the other");
    }

    @Test
    void testRunsTheCustomerFoldersScenariosOnTheLayeredRules() throws IOException {
        Path acme = acme("URL-LEGACY-MEET\n");
        Files.createDirectories(acme.resolve("tests"));
        Files.writeString(acme.resolve("tests/acme.yaml"), """
                name: Acme's advice on locked meetings, its pool count, no legacy meet URL finding
                inventory: ../../../../examples/contoso.json
                expect:
                  - { rule: ACME-EVERY-POOL, subject: "pool:*" }
                  - { rule: FED-LOCKED-OC2007, message: "Acme:" }
                forbid:
                  - { rule: FED-LOCKED-OC2007, message: "Federated Communicator 2007 user" }
                """.replace("../../../../examples/contoso.json", Path.of("examples/contoso.json").toAbsolutePath()
                .toString()));
        CliRun run = CliRun.of("test", "--rules", "rules", "--rules", acme.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("coverage: 2/2 rules added or replaced by the later rules folders")
                .doesNotContain("uncovered").contains("1 passed, 0 failed");
    }
}
