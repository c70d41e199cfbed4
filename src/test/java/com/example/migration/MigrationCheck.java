package com.example.migration;

import io.migkb.api.AssessmentResult;
import io.migkb.api.InvalidInventoryException;
import io.migkb.api.InventoryBuilder;
import io.migkb.api.Migkb;
import io.migkb.api.MigrationAssessor;
import io.migkb.api.Problem;
import io.migkb.api.RulesException;
import io.migkb.api.RunawayRulesException;
import io.migkb.model.Client;
import io.migkb.model.Content;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import io.migkb.model.Need;
import io.migkb.model.ServerVersion;
import io.migkb.model.Severity;
import java.nio.file.Path;
import java.time.Duration;

/** Assesses a meeting-migration inventory with migkb: java com.example.migration.MigrationCheck [inventory.json] */
public final class MigrationCheck {

    public static void main(String[] args) throws RulesException {
        // 1. One assessor for the whole program: it is safe to share across threads. The catalogue bundled in
        //    the migkb jar, or the rules/ folder: Migkb.fromRulesFolder(Path.of("rules")); a customer's own rules
        //    laid over either with .customerRules(Path.of("my-rules")) (docs/authoring.md).
        MigrationAssessor assessor = Migkb.bundledCatalogue()
                .maxFirings(1_000_000)
                .timeLimit(Duration.ofMinutes(1))
                .build();
        System.out.println("rules: " + assessor.rules().ruleIds().size() + " from " + assessor.rules().origin());

        // 2. An inventory built in code (or read: assessor.assess(Path), assessor.assess(InputStream, name, format)).
        try {
            Inventory inventory = new InventoryBuilder()
                    .organization("contoso.com")
                    .pool("ocs.contoso.com", ServerVersion.OCS_2007_R2)
                    .pool("pool13.contoso.com", ServerVersion.LYNC_2013)
                    .user("alice@contoso.com", "ocs.contoso.com", Client.COMMUNICATOR_2007_R2,
                            u -> u.meetingsPerMonth(25).needs(Need.LARGE_MEETINGS))
                    .user("bob@contoso.com", "pool13.contoso.com", Client.LYNC_2013)
                    .federatedUser("carol@fabrikam.com", Client.COMMUNICATOR_2007)
                    .meeting("m-001", "alice@contoso.com",
                            "meet:sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:K9Q1",
                            m -> m.locked().content(Content.POWERPOINT)
                                    .participants("bob@contoso.com", "carol@fabrikam.com"))
                    .build();

            // 3. Findings, most serious first, and a summary by severity.
            AssessmentResult result = assessor.assess(inventory);
            for (Finding f : result.findings()) {
                System.out.println(f.getSeverity() + " " + f.getRule() + " " + f.getSubject() + ": " + f.getMessage());
            }
            System.out.println("summary: " + result.summary());
            if (result.hasFindingsAtLeast(Severity.BLOCKER)) {
                System.out.println("some meetings will fail after the migration");
            }

            // An inventory file: the format (JSON or YAML) comes from its name.
            if (args.length > 0) {
                System.out.println(args[0] + ": " + assessor.assess(Path.of(args[0])).summary());
            }
        } catch (InvalidInventoryException e) {
            // Bad input: every error, with file, line, column and field (for inventories built in code, the field).
            for (Problem p : e.errors()) {
                System.err.println(p.format());
            }
        } catch (RunawayRulesException e) {
            // A guard rail stopped a rule that kept firing.
            System.err.println(e.getMessage());
        }

        // 4. Invalid inventories are refused, however they are made: here a meeting nobody organizes.
        try {
            new InventoryBuilder()
                    .pool("pool13.contoso.com", ServerVersion.LYNC_2013)
                    .meeting("m-9", "nobody@contoso.com", "https://meet.contoso.com/nobody/X")
                    .build();
        } catch (InvalidInventoryException e) {
            System.out.println("refused: " + e.errors().get(0).format());
        }

        // 5. A consultant edited the rules: reload them. If they do not compile, the exception locates every
        //    problem (file:line:column; for a decision table, its sheet, row and cell) and the last good rules stay.
        try {
            System.out.println("reloaded: " + assessor.reload().ruleIds().size() + " rules");
        } catch (RulesException e) {
            for (Problem p : e.problems()) {
                System.err.println(p.format());
            }
        }
    }
}
