package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.inventory.InventoryReaders;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

/**
 * {@code RuleSupport.report} makes a fact only of findings some rule matches; the others reach the assessment
 * directly. Either way every finding is in the result, and rules that read or delete findings still see them.
 */
class ReportedFindingsTest {
    private static Inventory contoso() throws Exception {
        return InventoryReaders.read(Path.of("examples/contoso.json"));
    }

    private static CompiledRules catalogueWith(String drl) throws Exception {
        Map<String, byte[]> files = new TreeMap<>(RuleFiles.fromFolder(TestRules.RULES_FOLDER).files());
        files.put("zz-extra.drl", drl.getBytes(StandardCharsets.UTF_8));
        return RuleCompiler.compile(RuleFiles.of("rules+extra", files));
    }

    @Test
    void aRuleThatDeletesOneRulesFindingsRemovesJustThose() throws Exception {
        List<Finding> all = TestRules.assessor().assess(contoso()).findings();
        CompiledRules rules = catalogueWith("""
                package test.extra;
                import io.migkb.model.*;
                rule "DROP-LEGACY-CONF" @id("DROP-LEGACY-CONF") @severity("INFO") when $f : Finding( rule == "URL-LEGACY-CONF" ) then delete($f); end
                """);
        List<Finding> left = new Assessor(rules).assess(contoso()).findings();
        assertThat(all).anyMatch(f -> f.getRule().equals("URL-LEGACY-CONF"));
        // The deleted ones were facts (a rule matches them); every other finding, fact or not, is still reported.
        assertThat(left).containsExactlyElementsOf(all.stream().filter(f -> !f.getRule().equals("URL-LEGACY-CONF")).toList());
    }

    @Test
    void onlyFindingsThatRulesReadBecomeFacts() throws Exception {
        var read = TestRules.catalogue().findingsReadByRules();
        List<Finding> all = TestRules.assessor().assess(contoso()).findings();
        assertThat(all.stream().filter(read)).isNotEmpty().allMatch(f -> f.getRule().equals("FED-LOCKED-OC2007"));
        // The partner summary, which reads them, still counts them.
        assertThat(all).anyMatch(f -> f.getRule().equals("FED-PARTNER-SUMMARY"));
    }

    @Test
    void inASessionOfOnesOwnReportInsertsEveryFindingAsAFact() throws Exception {
        Inventory contoso = contoso();
        KieSession session = TestRules.catalogue().kieBase().newKieSession();
        try {
            session.setGlobal(CompiledRules.CLIENT_SUPPORT_GLOBAL, TestRules.catalogue().clientSupport());
            session.insert(contoso.getPlan());
            contoso.getUsers().forEach(session::insert);
            contoso.getMeetings().forEach(session::insert);
            session.fireAllRules();
            assertThat(session.getObjects(new ClassObjectFilter(Finding.class)))
                    .anyMatch(o -> ((Finding) o).getRule().equals("URL-LEGACY-CONF"));
        } finally {
            session.dispose();
        }
    }
}
