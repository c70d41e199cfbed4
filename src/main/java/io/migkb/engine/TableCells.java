package io.migkb.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * The non-blank cells of a decision table as text, by sheet (null for CSV), row and column, all from 1. A cell reads
 * as Drools' parser reads it (English number format, a formula as its value), so that what is checked here is what
 * Drools compiles.
 */
final class TableCells {
    private final Map<String, Map<Integer, Map<Integer, String>>> sheets = new LinkedHashMap<>();

    private TableCells() {
    }

    static TableCells read(String path, byte[] content) throws IOException {
        return path.toLowerCase(Locale.ROOT).endsWith(".csv") ? ofCsv(content) : ofWorkbook(content);
    }

    static TableCells ofWorkbook(byte[] content) throws IOException {
        TableCells cells = new TableCells();
        DataFormatter formatter = new DataFormatter(Locale.ENGLISH);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            for (Sheet sheet : workbook) {
                Map<Integer, Map<Integer, String>> rows = new TreeMap<>();
                for (Row row : sheet) {
                    Map<Integer, String> values = new TreeMap<>();
                    for (Cell cell : row) {
                        String text = text(formatter, evaluator, cell);
                        if (!text.isBlank()) {
                            values.put(cell.getColumnIndex() + 1, text);
                        }
                    }
                    rows.put(row.getRowNum() + 1, values);
                }
                spreadMergedCells(sheet, rows);
                cells.sheets.put(sheet.getSheetName(), rows);
            }
        }
        return cells;
    }

    /**
     * Drools gives every cell of a merged range the value of its first cell (merged kinds share one header); a cell
     * the file does not hold at all it skips, as here.
     */
    private static void spreadMergedCells(Sheet sheet, Map<Integer, Map<Integer, String>> rows) {
        for (CellRangeAddress range : sheet.getMergedRegions()) {
            String value = rows.getOrDefault(range.getFirstRow() + 1, Map.of()).get(range.getFirstColumn() + 1);
            if (value == null) {
                continue;
            }
            for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
                for (int c = range.getFirstColumn(); c <= range.getLastColumn(); c++) {
                    if (sheet.getRow(r) != null && sheet.getRow(r).getCell(c) != null) {
                        rows.computeIfAbsent(r + 1, k -> new TreeMap<>()).put(c + 1, value);
                    }
                }
            }
        }
    }

    private static String text(DataFormatter formatter, FormulaEvaluator evaluator, Cell cell) {
        try {
            return formatter.formatCellValue(cell, evaluator);
        } catch (RuntimeException e) {
            // a formula POI cannot evaluate (an external link): Drools falls back to the value Excel saved
            return formatter.formatCellValue(cell);
        }
    }

    static TableCells ofCsv(byte[] content) {
        TableCells cells = new TableCells();
        Map<Integer, Map<Integer, String>> rows = new TreeMap<>();
        CsvLineParser parser = new CsvLineParser();
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\\R", -1);
        for (int r = 0; r < lines.length; r++) {
            Map<Integer, String> values = new TreeMap<>();
            List<String> parsed = parser.parse(lines[r]);
            for (int c = 0; c < parsed.size(); c++) {
                if (parsed.get(c) != null && !parsed.get(c).isBlank()) {
                    values.put(c + 1, parsed.get(c));
                }
            }
            rows.put(r + 1, values);
        }
        cells.sheets.put(null, rows);
        return cells;
    }

    /** The sheet Drools reads: the first of a workbook (null for CSV). */
    String firstSheet() {
        return sheets.isEmpty() ? null : sheets.keySet().iterator().next();
    }

    /** The sheets' names in workbook order (one null for CSV). */
    java.util.Set<String> sheetNames() {
        return sheets.keySet();
    }

    /** The non-blank rows of a sheet, in order, each by column. */
    Map<Integer, Map<Integer, String>> rows(String sheet) {
        return sheets.getOrDefault(sheet, Map.of());
    }

    Map<Integer, String> row(String sheet, int row) {
        return rows(sheet).getOrDefault(row, Map.of());
    }

    String cell(String sheet, int row, int column) {
        return row(sheet, row).get(column);
    }

    /** The sheet whose RuleTable cell made this rule: the one at the rule's header cell with the rule's prefix. */
    String sheetOfTable(DecisionTables.GeneratedRule rule) {
        String prefix = rule.name.contains("_") ? rule.name.substring(0, rule.name.lastIndexOf('_')) : rule.name;
        String fallback = null;
        for (Map.Entry<String, Map<Integer, Map<Integer, String>>> sheet : sheets.entrySet()) {
            String header = sheet.getValue().getOrDefault(rule.headerRow, Map.of()).get(rule.headerColumn);
            if (header != null && header.trim().toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                if (org.drools.decisiontable.parser.RuleSheetParserUtil.getRuleName(header.trim()).equals(prefix)) {
                    return sheet.getKey();
                }
                if (fallback == null) {
                    fallback = sheet.getKey();
                }
            }
        }
        return fallback != null ? fallback : firstSheet();
    }
}
