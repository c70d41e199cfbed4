package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.inventory.InventoryException;
import io.migkb.inventory.InventoryReaders;
import io.migkb.model.Finding;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled example is a showcase: every rule of the catalogue fires on it at least once, but for the rules about
 * gaps in a customer's exports (DATA-*), which an inventory written for migkb cannot have: the export example's own
 * test pins those; and CONF-DIRECTORY-*, which needs a Get-CsConferenceDirectory export (ConferenceDirectoryMovesTest
 * and the scenario conference-directories-on-legacy-pools.yaml pin it).
 */
class ExampleInventoryTest {
    @ParameterizedTest
    @ValueSource(strings = {"examples/contoso.json", "examples/contoso.yaml"})
    void everyRuleOfTheCatalogueFiresOnTheExample(String example) throws InventoryException {
        Assessment assessment = TestRules.assessor().assess(InventoryReaders.read(Path.of(example)));
        Set<String> fired = assessment.findings().stream().map(Finding::getRule).collect(Collectors.toCollection(TreeSet::new));
        Set<String> catalogue = TestRules.catalogue().rules().stream().map(RuleInfo::id)
                .filter(id -> !id.startsWith("DATA-") && !id.startsWith("CONF-DIRECTORY-")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(fired).isEqualTo(catalogue);
    }
}
