package com.example.migration;

import io.migkb.api.AssessmentResult;
import io.migkb.api.CatalogueRule;
import io.migkb.api.InvalidInventoryException;
import io.migkb.api.InvalidWaiversException;
import io.migkb.api.Migkb;
import io.migkb.api.MigrationAssessor;
import io.migkb.api.Problem;
import io.migkb.api.RuleFailedException;
import io.migkb.api.RulesException;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The whole job of a consultant's tool: assess, waive, report, plan.
 * java com.example.migration.ReportAndPlan INVENTORY WAIVERS OUT-FOLDER
 */
public final class ReportAndPlan {

    public static void main(String[] args) throws RulesException, IOException {
        Path inventory = Path.of(args[0]); // a JSON or YAML file, or a folder of CSV files or customer exports
        Path waivers = Path.of(args[1]);
        Path out = Path.of(args[2]);

        // 1. The compiled rules are kept in a folder between runs: the next start of the program skips the compile.
        MigrationAssessor assessor = Migkb.bundledCatalogue()
                .compiledRulesCache(Path.of(System.getProperty("java.io.tmpdir"), "migkb-cache"))
                .build();
        try {
            // 2. Assess, then apply the waivers the customer accepted.
            AssessmentResult result = assessor.assess(inventory).withWaivers(waivers);
            System.out.println(result.organization() + ": " + result.summary());

            // 3. Each finding, where its subject is declared in the inventory, and its rule's section of the article.
            for (Finding f : result.findings()) {
                CatalogueRule rule = result.rule(f.getRule()).orElseThrow();
                String at = result.locationOf(f).map(Object::toString).orElse("(built in code)");
                System.out.println(at + ": " + f.getSeverity() + " " + f.getRule() + " [" + rule.section() + "]"
                        + (result.isWaived(f) ? " waived" : ""));
            }
            result.waiverNotices().forEach(notice -> System.err.println("warning: " + notice));

            // 4. Reports: to a stream, or to a file written whole or not at all (format from its name, or given).
            result.write("markdown", System.out);
            result.write(null, out.resolve("findings.html"));
            result.write("sarif", out.resolve("findings.sarif"));
            result.withFailOn(Severity.BLOCKER).write("junit", out.resolve("findings-junit.xml"));

            // 5. The plan: waves, what happens to each meeting, and one PowerShell script per wave.
            for (Path written : result.writePlan(out.resolve("plan"))) {
                System.out.println("wrote " + written);
            }
        } catch (InvalidInventoryException e) {
            e.errors().forEach(p -> System.err.println(p.format()));
        } catch (InvalidWaiversException e) {
            e.problems().forEach(p -> System.err.println(p.format()));
        } catch (RuleFailedException e) {
            // A rule's consequence threw: the rule, its file and line, and the facts it was matching.
            System.err.println(e.getMessage());
        }
    }
}
