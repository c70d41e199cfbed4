package io.migkb.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.engine.TestRules;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped folder examples are the Contoso inventory of examples/contoso.json, and assess the same. */
class FolderExamplesTest {
    private static final Path JSON = Path.of("examples/contoso.json");
    private static final Path CSV_FOLDER = Path.of("examples/contoso-csv");
    private static final Path LYNC_EXPORT = Path.of("examples/contoso-lync-export");

    @Test
    void csvFolderExampleIsTheJsonInventory() throws InventoryException {
        assertSameInventory(new CsvFolderInventoryReader().read(CSV_FOLDER), InventoryReaders.read(JSON));
    }

    @Test
    void lyncExportExampleIsTheJsonInventory() throws InventoryException {
        assertSameInventory(new LyncExportInventoryReader().read(LYNC_EXPORT), InventoryReaders.read(JSON));
    }

    @Test
    void csvFolderExampleGivesTheJsonExamplesFindings() throws InventoryException {
        assertThat(findings(InventoryReaders.read(CSV_FOLDER))).isNotEmpty()
                .containsExactlyElementsOf(findings(InventoryReaders.read(JSON)));
    }

    @Test
    void lyncExportExampleGivesTheJsonExamplesFindings() throws InventoryException {
        assertThat(findings(InventoryReaders.read(LYNC_EXPORT))).isNotEmpty()
                .containsExactlyElementsOf(findings(InventoryReaders.read(JSON)));
    }

    @Test
    void theFormatOfEachExampleFolderIsToldFromItsFiles() throws InventoryException {
        assertThat(InventoryReaders.forPath(CSV_FOLDER)).isInstanceOf(CsvFolderInventoryReader.class);
        assertThat(InventoryReaders.forPath(LYNC_EXPORT)).isInstanceOf(LyncExportInventoryReader.class);
        assertThat(InventoryReaders.forPath(LYNC_EXPORT, "csv-folder")).isInstanceOf(CsvFolderInventoryReader.class);
        assertThat(InventoryReaders.formats()).contains("csv-folder", "lync-export");
    }

    static void assertSameInventory(Inventory actual, Inventory expected) {
        assertThat(actual.getOrganization()).isEqualTo(expected.getOrganization());
        assertThat(actual.getPlan()).isEqualTo(expected.getPlan());
        assertThat(actual.getPools()).containsExactlyElementsOf(expected.getPools());
        assertThat(actual.getUsers()).containsExactlyElementsOf(expected.getUsers());
        assertThat(actual.getFederatedUsers()).containsExactlyElementsOf(expected.getFederatedUsers());
        assertThat(actual.getMeetings()).containsExactlyElementsOf(expected.getMeetings());
        assertThat(actual.getLocations().keySet()).containsAll(expected.getLocations().keySet());
    }

    private static List<Finding> findings(Inventory inventory) {
        return TestRules.assessor().assess(inventory).findings().stream().sorted(Finding.REPORT_ORDER).toList();
    }
}
