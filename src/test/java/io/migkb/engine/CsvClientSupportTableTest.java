package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.inventory.InventoryReaders;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consultant without Excel keeps the client-support table as CSV (docs/authoring.md): the bundled table saved as
 * CSV, cell for cell, gives the same findings as the workbook on every example.
 */
class CsvClientSupportTableTest {
    @TempDir
    Path temp;

    @Test
    void theTableSavedAsCsvGivesTheSameFindingsAsTheWorkbook() throws Exception {
        Path rules = Files.createDirectories(temp.resolve("rules"));
        try (Stream<Path> files = Files.list(TestRules.RULES_FOLDER)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.toString().endsWith(".drl")) {
                    Files.copy(f, rules.resolve(f.getFileName()));
                }
            }
        }
        Files.writeString(rules.resolve("client-support.csv"), asCsv(TestRules.RULES_FOLDER.resolve("client-support.xlsx")),
                StandardCharsets.UTF_8);
        Assessor fromCsv = new Assessor(RuleCompiler.compile(RuleFiles.fromFolder(rules), RuleCache.disabled()));
        assertThat(fromCsv.rules().supportingRules()).hasSameSizeAs(TestRules.catalogue().supportingRules());

        for (String example : List.of("examples/contoso.json", "examples/litware-exports")) {
            Inventory inventory = InventoryReaders.read(Path.of(example));
            List<Finding> csv = fromCsv.assess(inventory).findings();
            List<Finding> xlsx = TestRules.assessor().assess(inventory).findings();
            assertThat(csv).as(example).isNotEmpty().usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(xlsx);
        }
    }

    /** The workbook's one sheet as CSV. */
    private static String asCsv(Path workbook) {
        assertThat(WorkbookCsv.sheets(workbook)).isEqualTo(1);
        return WorkbookCsv.of(workbook);
    }
}
