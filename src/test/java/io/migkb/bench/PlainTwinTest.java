package io.migkb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.engine.Assessment;
import io.migkb.engine.Assessor;
import io.migkb.engine.GuardRails;
import io.migkb.engine.RuleInfo;
import io.migkb.engine.TestRules;
import io.migkb.generate.ModelInventorySink;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import io.migkb.inventory.InventoryReaders;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java twin and the DRL catalogue must agree finding for finding (rule, severity, subject, message,
 * remedy, reference, user concerned): the build fails when a rule and its twin drift apart.
 */
class PlainTwinTest {
    static Inventory tenThousand = ModelInventorySink.generate(10_000, 42);

    @Test
    void twinImplementsEveryRuleOfTheCatalogue() {
        assertThat(new TreeSet<>(PlainAssessor.RULES))
                .isEqualTo(new TreeSet<>(TestRules.catalogue().rules().stream().map(RuleInfo::id).toList()));
    }

    @Test
    void twinAndDroolsAgreeOnTheExampleInventory() throws Exception {
        for (String example : new String[] {"examples/contoso.json", "examples/contoso.yaml", "examples/litware-exports",
                "rules/tests/exports-with-conference-directories"}) {
            Inventory contoso = InventoryReaders.read(Path.of(example));
            List<Finding> drools = TestRules.assessor().assess(contoso).findings();
            assertThat(drools).as(example).isNotEmpty();
            assertSame(drools, new PlainAssessor().assess(contoso));
        }
    }

    @Test
    void twinAndDroolsAgreeOnAGeneratedTenThousandUserInventory() {
        Assessment drools = TestRules.assessor().assess(tenThousand);
        List<Finding> plain = new PlainAssessor().assess(tenThousand);
        assertSame(drools.findings(), plain);
        // Every rule about the article fires on a generated inventory of 10,000 users; DATA-* need gaps in exports,
        // CONF-DIRECTORY-* a Get-CsConferenceDirectory export.
        Map<String, Integer> perRule = perRule(plain);
        assertThat(perRule.keySet()).containsExactlyInAnyOrderElementsOf(
                PlainAssessor.RULES.stream().filter(id -> !id.startsWith("DATA-") && !id.startsWith("CONF-DIRECTORY-"))
                        .toList());
    }

    @Test
    void droolsInSevenPartitionsByOrganizerAgreesWithTheTwinAsInOneSession() {
        Assessor partitioned = new Assessor(TestRules.catalogue(), GuardRails.DEFAULT, 7);
        assertSame(partitioned.assess(tenThousand).findings(), new PlainAssessor().assess(tenThousand));
    }

    @Test
    void theTwinOnTwoOrThreeThreadsGivesWhatItGivesOnOne() throws Exception {
        List<Finding> one = new PlainAssessor().assess(tenThousand);
        assertThat(new PlainAssessor(2).assess(tenThousand)).isEqualTo(one);
        assertThat(new PlainAssessor(3).assess(tenThousand)).isEqualTo(one);
        Inventory contoso = InventoryReaders.read(Path.of("examples/contoso.json"));
        assertThat(new PlainAssessor(2).assess(contoso)).isEqualTo(new PlainAssessor().assess(contoso));
    }

    @Test
    void droolsInEightPartitionsOnTwoThreadsAgreesWithTheTwinOnTwoThreads() {
        Assessor threaded = new Assessor(TestRules.catalogue(), GuardRails.DEFAULT, 8, 2);
        assertSame(threaded.assess(tenThousand).findings(), new PlainAssessor(2).assess(tenThousand));
    }

    static void assertSame(List<Finding> drools, List<Finding> plain) {
        assertThat(perRule(plain)).as("findings per rule").isEqualTo(perRule(drools));
        for (int i = 0; i < drools.size(); i++) {
            Finding d = drools.get(i);
            Finding p = plain.get(i);
            assertThat(p).as("finding %d: drools %s, plain %s", i, d, p).isEqualTo(d);
            assertThat(p.getConcerns()).as("concerns of %s", d).isEqualTo(d.getConcerns());
        }
    }

    static Map<String, Integer> perRule(List<Finding> findings) {
        Map<String, Integer> counts = new TreeMap<>();
        findings.forEach(f -> counts.merge(f.getRule(), 1, Integer::sum));
        return counts;
    }
}
