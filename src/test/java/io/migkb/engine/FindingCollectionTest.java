package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.generate.ModelInventorySink;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The assessor keeps findings as rules make them; what it returns must still be what the session holds at the end
 * (a finding a rule deletes or replaces is gone), in report order.
 */
class FindingCollectionTest {
    private static final Inventory INVENTORY = ModelInventorySink.generate(300, 3);

    private static CompiledRules compile(String drl) throws Exception {
        return RuleCompiler.compile(RuleFiles.of("test", Map.of("extra.drl", drl.getBytes(StandardCharsets.UTF_8))));
    }

    private static final String HEADER = """
            package test.collect;
            import io.migkb.model.*;
            import io.migkb.engine.RuleSupport;
            rule "MAKE"
                @id("MAKE") @severity("INFO") @reference("test")
            when
                $u : User()
            then
                insert(RuleSupport.finding(kcontext, "user:" + $u.getSip(), $u.getSip(), "made", "none"));
            end
            """;

    @Test
    void findingsComeBackInReportOrder() throws Exception {
        Assessment a = new Assessor(compile(HEADER)).assess(INVENTORY);
        assertThat(a.findings()).hasSize(INVENTORY.getUsers().size()).isSortedAccordingTo(Finding.REPORT_ORDER);
    }

    @Test
    void aFindingARuleDeletesIsNotReported() throws Exception {
        String drl = HEADER + """
                rule "DROP"
                    @id("DROP") @severity("INFO")
                    salience -10
                when
                    $f : Finding( rule == "MAKE", subject matches ".*[02468]@.*" )
                then
                    delete($f);
                end
                """;
        Assessment a = new Assessor(compile(drl)).assess(INVENTORY);
        assertThat(a.findings()).isNotEmpty().isSortedAccordingTo(Finding.REPORT_ORDER)
                .noneMatch(f -> f.getSubject().matches(".*[02468]@.*"));
        assertThat(a.findings()).hasSize((int) INVENTORY.getUsers().stream().filter(u -> !u.getSip().matches(".*[02468]@.*")).count());
    }
}
