package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.inventory.InventoryReaders;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
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

    /** Every row of the workbook's one sheet, each cell as Excel shows it, quoted as CSV. */
    private static String asCsv(Path workbook) throws Exception {
        StringBuilder csv = new StringBuilder();
        DataFormatter formatter = new DataFormatter();
        try (InputStream in = Files.newInputStream(workbook); Workbook book = WorkbookFactory.create(in)) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = book.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                    String text = formatter.formatCellValue(row.getCell(c));
                    cells.add(text.isEmpty() ? "" : "\"" + text.replace("\"", "\"\"") + "\"");
                }
                csv.append(String.join(",", cells)).append('\n');
            }
        }
        return csv.toString();
    }
}
