package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migkb.generate.ModelInventorySink;
import io.migkb.model.Inventory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rules that never stop firing are stopped by a firing limit or a time limit, naming the busiest rule. */
class RunawayGuardTest {
    private static final Inventory SMALL = ModelInventorySink.generate(30, 5);

    private static final String INSERT_FOREVER = """
            package test.loop;
            declare Counter
                n : long
            end
            rule "SEED" @id("SEED") @severity("INFO") when not Counter() then insert(new Counter(0)); end
            // Every firing inserts a new fact that matches again.
            rule "INSERT-FOREVER" @id("INSERT-FOREVER") @severity("INFO") when $c : Counter() then insert(new Counter($c.getN() + 1)); end
            """;

    private static final String MODIFY_FOREVER = """
            package test.loop;
            declare Ticker
                n : long
            end
            rule "SEED" @id("SEED") @severity("INFO") when not Ticker() then insert(new Ticker(0)); end
            // Every firing modifies the property its pattern reads, which re-activates it (no no-loop). A pattern
            // that did not read n would not loop: property reactivity ignores changes it does not test.
            rule "MODIFY-FOREVER" @id("MODIFY-FOREVER") @severity("INFO") when $t : Ticker( n >= 0 ) then modify($t) { setN($t.getN() + 1) }; end
            """;

    /** The catalogue plus one looping rule file, as a consultant's broken edit would be. */
    static CompiledRules catalogueWith(String name, String drl) throws Exception {
        Map<String, byte[]> files = new TreeMap<>(RuleFiles.fromFolder(TestRules.RULES_FOLDER).files());
        files.put(name, drl.getBytes(StandardCharsets.UTF_8));
        return RuleCompiler.compile(RuleFiles.of("rules+loop", files));
    }

    @Test
    @Timeout(120)
    void aRuleThatInsertsForeverIsStoppedByTheFiringLimitAndNamed() throws Exception {
        Assessor assessor = new Assessor(catalogueWith("zz-loop.drl", INSERT_FOREVER),
                GuardRails.DEFAULT.withMaxFirings(20_000));
        assertThatThrownBy(() -> assessor.assess(SMALL))
                .isInstanceOfSatisfying(RunawayRulesException.class, e -> {
                    assertThat(e.busiestRule()).isEqualTo("INSERT-FOREVER");
                    assertThat(e.busiestRuleFirings()).isGreaterThan(10_000);
                    assertThat(e.getMessage()).contains("more than the limit of 20000").contains("INSERT-FOREVER");
                });
    }

    @Test
    @Timeout(120)
    void aRuleThatModifiesForeverIsStoppedByTheFiringLimitAndNamed() throws Exception {
        Assessor assessor = new Assessor(catalogueWith("zz-loop.drl", MODIFY_FOREVER),
                GuardRails.DEFAULT.withMaxFirings(50_000));
        assertThatThrownBy(() -> assessor.assess(SMALL))
                .isInstanceOfSatisfying(RunawayRulesException.class,
                        e -> assertThat(e.busiestRule()).isEqualTo("MODIFY-FOREVER"));
    }

    @Test
    @Timeout(120)
    void theTimeLimitAloneStopsALoopWithinOneLongChainOfFirings() throws Exception {
        // No practical firing limit: only the watchdog's halt can end this fireAllRules call.
        Assessor assessor = new Assessor(catalogueWith("zz-loop.drl", MODIFY_FOREVER),
                new GuardRails(Long.MAX_VALUE, Duration.ofSeconds(2)));
        assertThatThrownBy(() -> assessor.assess(SMALL))
                .isInstanceOfSatisfying(RunawayRulesException.class, e -> {
                    assertThat(e.getMessage()).contains("time limit");
                    assertThat(e.busiestRule()).isEqualTo("MODIFY-FOREVER");
                });
    }

    @Test
    void theCatalogueStaysWellInsideTheDefaults() {
        Assessment a = TestRules.assessor().assess(ModelInventorySink.generate(2_000, 9));
        assertThat(a.firings()).isPositive().isLessThan(GuardRails.DEFAULT.maxFirings() / 1_000);
    }

    @Test
    void anAssessorStillWorksAfterARunawayAndAnotherAssessmentIsNotAffected() throws Exception {
        Assessor looping = new Assessor(catalogueWith("zz-loop.drl", INSERT_FOREVER), GuardRails.DEFAULT.withMaxFirings(1_000));
        assertThatThrownBy(() -> looping.assess(SMALL)).isInstanceOf(RunawayRulesException.class);
        assertThat(TestRules.assessor().assess(SMALL).findings()).isNotEmpty();
    }
}
