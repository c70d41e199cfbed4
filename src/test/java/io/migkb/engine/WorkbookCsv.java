package io.migkb.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** A workbook's first sheet saved as CSV the way a consultant without Excel keeps it: each cell as Excel shows it. */
public final class WorkbookCsv {
    private WorkbookCsv() {
    }

    public static String of(Path workbook) {
        StringBuilder csv = new StringBuilder();
        DataFormatter formatter = new DataFormatter();
        try (InputStream in = Files.newInputStream(workbook); Workbook book = WorkbookFactory.create(in)) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    /** How many sheets the workbook has. */
    public static int sheets(Path workbook) {
        try (InputStream in = Files.newInputStream(workbook); Workbook book = WorkbookFactory.create(in)) {
            return book.getNumberOfSheets();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
