package io.migkb.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migkb.engine.Assessor;
import io.migkb.engine.RuleCache;
import io.migkb.engine.RuleCompiler;
import io.migkb.engine.RuleFiles;
import io.migkb.engine.RuleRuntimeException;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import io.migkb.model.Plan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan.parameters}: the one free-form map of the plan, names to values the customer's rules read; every
 * other plan key stays checked.
 */
class PlanParametersTest {
    private static final String POOLS_AND_USERS = """
              "pools": [ { "fqdn": "pool13.contoso.com", "version": "LYNC_2013" } ],
              "users": [ { "sip": "ann@contoso.com", "pool": "pool13.contoso.com", "client": "LYNC_2013",
                           "meetingsPerMonth": 30 },
                         { "sip": "bob@contoso.com", "pool": "pool13.contoso.com", "client": "LYNC_2013",
                           "meetingsPerMonth": 5 } ]
            }
            """;
    /** A customer's rule with a threshold of its own, read from the plan with a default. */
    private static final String BUSY_ORGANIZER = """
            package io.migkb.rules;
            import io.migkb.model.*;
            import io.migkb.api.rules.Findings;

            rule "ACME-BUSY-ORGANIZER"
                @id("ACME-BUSY-ORGANIZER")
                @severity("ADVICE")
                @reference("Migrating Users Based on Their Conferencing Needs")
            when
                $plan : Plan()
                $u : User( meetingsPerMonth >= $plan.intParameter("busy-organizer-meetings", 40) )
            then
                Findings.report(kcontext, "user:" + $u.getSip(), $u.getSip(), $u.getSip() + " is busy", "move early");
            end
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void parametersOfAnyNameAreReadWithTheirTypesFromJsonAndYaml() throws Exception {
        Plan json = InventoryReaders.read(write("i.json", """
                { "plan": { "parameters": { "busy-organizer-meetings": 20, "ratio": 0.5, "pilot": true,
                                            "region": "EMEA", "unset": null } },
                """ + POOLS_AND_USERS)).getPlan();
        assertThat(json.getParameters()).containsExactly(Map.entry("busy-organizer-meetings", 20L),
                Map.entry("ratio", 0.5), Map.entry("pilot", true), Map.entry("region", "EMEA"));
        assertThat(json.intParameter("busy-organizer-meetings", 40)).isEqualTo(20);
        assertThat(json.intParameter("unset", 40)).isEqualTo(40);
        assertThat(json.decimalParameter("ratio", 1)).isEqualTo(0.5);
        assertThat(json.flagParameter("pilot", false)).isTrue();
        assertThat(json.textParameter("region", "")).isEqualTo("EMEA");

        Plan yaml = InventoryReaders.read(write("i.yaml", """
                plan:
                  parameters:
                    busy-organizer-meetings: 20
                pools: [ { fqdn: pool13.contoso.com, version: LYNC_2013 } ]
                users: [ { sip: ann@contoso.com, pool: pool13.contoso.com, client: LYNC_2013 } ]
                """)).getPlan();
        assertThat(yaml.intParameter("busy-organizer-meetings", 40)).isEqualTo(20);
    }

    @Test
    void aParameterThatIsNotOneValueIsAnErrorAtItsLineAndEveryOtherPlanKeyStaysChecked() throws Exception {
        Path bad = write("bad.json", """
                { "plan": { "parameters": { "sizes": [ 250, 500 ] },
                            "largeMeetingSize": 250 },
                """ + POOLS_AND_USERS);
        assertThatThrownBy(() -> InventoryReaders.read(bad)).isInstanceOf(InventoryException.class)
                .satisfies(e -> assertThat(((InventoryException) e).getErrors()).satisfiesExactlyInAnyOrder(
                        error -> {
                            assertThat(error.field()).isEqualTo("plan.parameters.sizes");
                            assertThat(error.location().line()).isEqualTo(1);
                            assertThat(error.message()).contains("a text, a number or true/false");
                        },
                        error -> {
                            assertThat(error.location().line()).isEqualTo(2);
                            assertThat(error.message()).contains("largeMeetingSize").contains("parameters");
                        }));
    }

    @Test
    void aCustomerRuleReadsItsThresholdFromThePlanOrItsDefault() throws Exception {
        var rules = RuleCompiler.compile(RuleFiles.of("acme", Map.of("acme.drl",
                BUSY_ORGANIZER.getBytes(StandardCharsets.UTF_8))), RuleCache.disabled());
        Inventory lowered = InventoryReaders.read(write("lowered.json", """
                { "plan": { "parameters": { "busy-organizer-meetings": 5 } },
                """ + POOLS_AND_USERS));
        Inventory unset = InventoryReaders.read(write("unset.json", "{\n" + POOLS_AND_USERS));
        assertThat(new Assessor(rules).assess(lowered).findings()).extracting(Finding::getSubject)
                .containsExactlyInAnyOrder("user:ann@contoso.com", "user:bob@contoso.com");
        assertThat(new Assessor(rules).assess(unset).findings()).isEmpty();

        Inventory wrongType = InventoryReaders.read(write("wrong.json", """
                { "plan": { "parameters": { "busy-organizer-meetings": "many" } },
                """ + POOLS_AND_USERS));
        assertThatThrownBy(() -> new Assessor(rules).assess(wrongType)).isInstanceOf(RuleRuntimeException.class)
                .hasMessageContaining("ACME-BUSY-ORGANIZER")
                .hasMessageContaining("plan.parameters.busy-organizer-meetings is \"many\"");
    }
}
