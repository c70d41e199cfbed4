package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migkb.generate.ModelInventorySink;
import io.migkb.inventory.InventoryReaders;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Assessing in sessions by organizer gives the findings of one session for the catalogue (whose rules read one
 * organizer's neighbourhood, and the partner summary which reads findings), and keeps the guard rails whole.
 */
class PartitionedAssessmentTest {
    private static final Inventory GENERATED = ModelInventorySink.generate(3_000, 11);

    @Test
    void theExampleGivesTheSameFindingsInOneTwoAndFivePartitions() throws Exception {
        Inventory contoso = InventoryReaders.read(Path.of("examples/contoso.json"));
        List<Finding> one = TestRules.assessor().assess(contoso).findings();
        for (int partitions : new int[] {2, 5}) {
            List<Finding> split = new Assessor(TestRules.catalogue(), GuardRails.DEFAULT, partitions)
                    .assess(contoso).findings();
            assertThat(split).as("%d partitions", partitions).containsExactlyElementsOf(one);
        }
    }

    @Test
    void partnerSummariesCountEveryPartitionsLockedMeetings() {
        List<Finding> one = TestRules.assessor().assess(GENERATED).findings();
        List<Finding> split = new Assessor(TestRules.catalogue(), GuardRails.DEFAULT, 4).assess(GENERATED).findings();
        List<Finding> summaries = split.stream().filter(f -> f.getRule().equals("FED-PARTNER-SUMMARY")).toList();
        assertThat(summaries).isNotEmpty();
        assertThat(summaries).containsExactlyElementsOf(
                one.stream().filter(f -> f.getRule().equals("FED-PARTNER-SUMMARY")).toList());
        assertThat(split).containsExactlyElementsOf(one);
    }

    @Test
    void theCatalogueReadsFindingsAndARuleBaseWithoutFindingPatternsDoesNot() throws Exception {
        assertThat(FindingReaders.readFindings(TestRules.catalogue().kieBase()).test(finding("FED-LOCKED-OC2007"))).isTrue();
        Map<String, byte[]> files = new TreeMap<>();
        files.put("urls.drl", """
                package test.partitions;
                import io.migkb.model.*;
                import io.migkb.engine.RuleSupport;
                rule "LEGACY" @id("LEGACY") @severity("INFO") @reference("test")
                when $m : Meeting( legacy == true )
                then insert(RuleSupport.finding(kcontext, "meeting:" + $m.getId(), null, "legacy", "update"));
                end
                """.getBytes(StandardCharsets.UTF_8));
        CompiledRules rules = RuleCompiler.compile(RuleFiles.of("test", files));
        // A first assessment inserts findings, which makes Drools add a node for their type: it has no rule below it.
        new Assessor(rules).assess(GENERATED);
        assertThat(FindingReaders.readFindings(rules.kieBase()).test(finding("LEGACY"))).isFalse();
    }

    @Test
    void onlyFindingsOfTheIdsThatFindingPatternsTestAreGivenToTheClosingSession() throws Exception {
        var catalogue = FindingReaders.readFindings(TestRules.catalogue().kieBase());
        assertThat(catalogue.test(finding("FED-LOCKED-OC2007"))).isTrue();
        assertThat(catalogue.test(finding("CLIENT-IM-ONLY"))).isFalse();
        // A pattern that tests something else than the rule id may match any finding: all of them go in.
        Map<String, byte[]> files = new TreeMap<>();
        files.put("blockers.drl", """
                package test.partitions;
                import io.migkb.model.*;
                rule "COUNT-BLOCKERS" @id("COUNT-BLOCKERS") @severity("INFO") when Finding( severity == Severity.BLOCKER ) then end
                """.getBytes(StandardCharsets.UTF_8));
        var anyFinding = FindingReaders.readFindings(RuleCompiler.compile(RuleFiles.of("test", files)).kieBase());
        assertThat(anyFinding.test(finding("CLIENT-IM-ONLY"))).isTrue();
    }

    private static Finding finding(String rule) {
        return new Finding(rule, io.migkb.model.Severity.WARNING, "user:a@contoso.com", "m", "r", "ref", null);
    }

    @Test
    @Timeout(120)
    void theFiringLimitHoldsForAllPartitionsTogether() throws Exception {
        // Each partition fires a sixth or so of the whole; only the sum can pass the limit. (The decision table's
        // rows fire once per session, so the sum is a little more than one session's.)
        long all = new Assessor(TestRules.catalogue(), GuardRails.DEFAULT, 6).assess(GENERATED).firings();
        assertThat(all).isGreaterThanOrEqualTo(TestRules.assessor().assess(GENERATED).firings());
        Assessor assessor = new Assessor(TestRules.catalogue(), GuardRails.DEFAULT.withMaxFirings(all - 1), 6);
        assertThatThrownBy(() -> assessor.assess(GENERATED)).isInstanceOf(RunawayRulesException.class)
                .hasMessageContaining("more than the limit of " + (all - 1));
        assertThat(new Assessor(TestRules.catalogue(), GuardRails.DEFAULT.withMaxFirings(all), 6)
                .assess(GENERATED).firings()).isEqualTo(all);
    }

    @Test
    @Timeout(120)
    void aLoopingRuleIsStoppedAndNamedInAPartitionedAssessment() throws Exception {
        CompiledRules looping = RunawayGuardTest.catalogueWith("zz-loop.drl", """
                package test.loop;
                declare Ticker
                    n : long
                end
                rule "SEED" @id("SEED") @severity("INFO") when not Ticker() then insert(new Ticker(0)); end
                rule "MODIFY-FOREVER" @id("MODIFY-FOREVER") @severity("INFO") when $t : Ticker( n >= 0 ) then modify($t) { setN($t.getN() + 1) }; end
                """);
        Assessor assessor = new Assessor(looping, new GuardRails(Long.MAX_VALUE, Duration.ofMillis(700)), 3);
        assertThatThrownBy(() -> assessor.assess(GENERATED))
                .isInstanceOfSatisfying(RunawayRulesException.class, e -> {
                    assertThat(e.getMessage()).contains("time limit");
                    assertThat(e.busiestRule()).isEqualTo("MODIFY-FOREVER");
                });
    }
}
