package io.migkb.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.RuleSheetParserUtil;

/**
 * Spreadsheet decision tables ({@code .xlsx}, {@code .xls}, {@code .csv}) in the rules folder. migkb turns them
 * into DRL here, with Drools' own {@link SpreadsheetCompiler}, rather than leaving them to KieBuilder, for two
 * reasons: KieBuilder only takes tables named {@code *.drl.xlsx} (a plain {@code .xlsx} is skipped without a word),
 * and it reports an error in a table as a line of DRL that nobody can see. With the generated DRL at hand, each
 * error is mapped back to the sheet, row and cell it came from.
 */
final class DecisionTables {
    private static final Pattern RULE_VALUES =
            Pattern.compile("^//\\s*rule values at ([A-Z]+)(\\d+), header at ([A-Z]+)(\\d+)\\s*$");
    private static final Pattern RULE_NAME = Pattern.compile("^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*$");
    private static final Pattern CELL_REFERENCE = Pattern.compile("\\bcells?\\s+\\[?([A-Z]{1,3})(\\d+)\\b");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    /** Rows below a RuleTable cell: 1 the column kinds, 2 object types, 3 code, 4 the labels people read. */
    private static final int LABEL_ROW_OFFSET = 4;

    private DecisionTables() {
    }

    static boolean isDecisionTable(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".csv");
    }

    /**
     * Compiles one table to DRL, after checking its cells ({@link DecisionTableCheck}); a row below a blank row is
     * one of the table's rows ({@link BlankRowsListener}).
     *
     * @throws TableException when the table is not one Drools can compile as it stands: each problem is located at
     *     its cell
     */
    static Table compile(String path, byte[] content) throws TableException {
        boolean csv = path.toLowerCase(Locale.ROOT).endsWith(".csv");
        TableCells cells;
        try {
            cells = TableCells.read(path, content);
        } catch (IOException | RuntimeException e) {
            throw new TableException(List.of(new RuleProblem(RuleProblem.Level.ERROR, path, 0, 0,
                    "cannot read the spreadsheet: " + oneLine(e.getMessage()))));
        }
        List<RuleProblem> problems = DecisionTableCheck.check(path, cells);
        if (!problems.isEmpty()) {
            throw new TableException(problems);
        }
        String drl;
        try {
            drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), csv ? InputType.CSV : InputType.XLS,
                    new BlankRowsListener());
        } catch (RuntimeException e) {
            throw new TableException(List.of(parseProblem(path, cells, e)));
        }
        return new Table(path, drl, () -> cells, null);
    }

    /**
     * A table whose DRL was generated before from these very bytes ({@link RuleCache}): neither POI nor the
     * spreadsheet compiler runs; the cells are read only if an error in the DRL must be located in them.
     *
     * @param sheets the sheet each generated rule came from, in order, as {@link Table#sheets()} gave them
     */
    static Table cached(String path, byte[] content, String drl, List<String> sheets) {
        return new Table(path, drl, () -> {
            try {
                return TableCells.read(path, content);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, sheets);
    }

    /** What the spreadsheet parser refused, at the cell it names (the checks before it catch what they can). */
    private static RuleProblem parseProblem(String path, TableCells cells, RuntimeException e) {
        String message = oneLine(e.getMessage() != null ? e.getMessage() : e.toString());
        Matcher m = CELL_REFERENCE.matcher(message);
        if (m.find()) {
            return new RuleProblem(RuleProblem.Level.ERROR, path, Integer.parseInt(m.group(2)), columnNumber(m.group(1)),
                    DecisionTableCheck.where(cells.firstSheet()) + "not a decision table Drools can read: " + message);
        }
        return new RuleProblem(RuleProblem.Level.ERROR, path, 0, 0, "not a decision table Drools can read: " + message);
    }

    /** Spreadsheet column letters to a number: A is 1, Z 26, AA 27. */
    static int columnNumber(String letters) {
        int n = 0;
        for (char c : letters.toCharArray()) {
            n = n * 26 + (c - 'A' + 1);
        }
        return n;
    }

    /** A column number to its letters: 1 is A. */
    static String columnLetters(int column) {
        return RuleSheetParserUtil.rc2name(0, column - 1).replaceAll("\\d", "");
    }

    /** A cell as a table error names it: {@code client-support.xlsx!B12}. */
    static String cellName(String path, int row, int column) {
        return path + "!" + columnLetters(column) + row;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** A table that Drools cannot compile as it stands. */
    static final class TableException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<RuleProblem> problems;

        TableException(List<RuleProblem> problems) {
            super(problems.get(0).format());
            this.problems = List.copyOf(problems);
        }

        List<RuleProblem> problems() {
            return problems;
        }
    }

    /** A compiled table: the DRL Drools generated from it and where each generated rule came from. */
    static final class Table {
        private final String path;
        private final String drl;
        private final java.util.function.Supplier<TableCells> cells;
        private TableCells grid;
        private final List<GeneratedRule> rules = new ArrayList<>();

        /** {@code sheets}: each generated rule's sheet when known (a cached table), else null to read the cells. */
        private Table(String path, String drl, java.util.function.Supplier<TableCells> cells, List<String> sheets) {
            this.path = path;
            this.drl = drl;
            this.cells = cells;
            index(sheets);
        }

        /** The cells, read when first needed. */
        private synchronized TableCells grid() {
            if (grid == null) {
                grid = cells.get();
            }
            return grid;
        }

        /** The sheet of each generated rule, in order (null for a CSV table). */
        List<String> sheets() {
            return rules.stream().map(r -> r.sheet).toList();
        }

        /** The table's path in the rules folder. */
        String path() {
            return path;
        }

        /** Where the generated DRL goes in the KieFileSystem, relative to the rules folder. */
        String generatedPath() {
            return path + ".drl";
        }

        String drl() {
            return drl;
        }

        /** The rules generated from the table's rows, in row order. */
        List<GeneratedRule> rules() {
            return rules;
        }

        private void index(List<String> sheets) {
            String[] lines = drl.split("\\R", -1);
            int valuesRow = 0;
            int headerRow = 0;
            int headerColumn = 0;
            GeneratedRule open = null;
            for (int i = 0; i < lines.length; i++) {
                Matcher values = RULE_VALUES.matcher(lines[i].trim());
                Matcher name = RULE_NAME.matcher(lines[i]);
                if (values.matches()) {
                    valuesRow = Integer.parseInt(values.group(2));
                    headerColumn = columnNumber(values.group(3));
                    headerRow = Integer.parseInt(values.group(4));
                } else if (open == null && name.find()) {
                    open = new GeneratedRule(name.group(1), i + 1, valuesRow, headerRow, headerColumn);
                    valuesRow = 0;
                } else if (open != null && END.matcher(lines[i]).matches()) {
                    open.endLine = i + 1;
                    open.body = String.join("\n", java.util.Arrays.copyOfRange(lines, open.line, i));
                    open.sheet = sheets != null && rules.size() < sheets.size() ? sheets.get(rules.size())
                            : grid().sheetOfTable(open);
                    rules.add(open);
                    open = null;
                }
            }
        }

        /**
         * An error KieBuilder reported at {@code line} of the generated DRL, located in the spreadsheet: at the cell
         * whose value it is about; else at the header cell whose code it is about (the same error then comes from
         * every row, and is reported once); else at the row.
         */
        RuleProblem locate(RuleProblem.Level level, int line, String message) {
            GeneratedRule rule = rules.stream()
                    .filter(r -> line >= r.line && line <= r.endLine)
                    .findFirst()
                    .orElse(null);
            String plain = CompilerMessages.plain(message);
            if (rule == null || rule.row == 0) {
                return new RuleProblem(level, path, 0, 0, "in the DRL generated from this table, line " + line + ": " + plain);
            }
            String where = DecisionTableCheck.where(rule.sheet);
            Map<Integer, String> cells = grid().row(rule.sheet, rule.row);
            int column = cellNamedBy(message, rule, cells);
            if (column == 0) {
                column = cellOnLine(line, rule, cells);
            }
            if (column != 0) {
                String label = grid().cell(rule.sheet, rule.headerRow + LABEL_ROW_OFFSET, column);
                return new RuleProblem(level, path, rule.row, column, where + DecisionTableCheck.columnName(column, label)
                        + ": this value does not compile: " + plain);
            }
            int codeRow = rule.headerRow + LABEL_ROW_OFFSET - 1;
            column = codeCellNamedBy(message, rule, grid().row(rule.sheet, codeRow));
            if (column != 0) {
                String label = grid().cell(rule.sheet, codeRow + 1, column);
                return new RuleProblem(level, path, codeRow, column, where + "the code of "
                        + DecisionTableCheck.columnName(column, label) + " (row " + codeRow + "): does not compile, in any row: " + plain + "; rows " + rule.headerRow
                        + " to " + (codeRow + 1) + " are the table's header: put back the code this cell had");
            }
            return new RuleProblem(level, path, rule.row, rule.headerColumn,
                    where + "row " + rule.row + " does not compile: " + plain);
        }

        /** The code cell that alone holds a word the message names: "sever" in "The method sever(...) is undefined". */
        private static int codeCellNamedBy(String message, GeneratedRule rule, Map<Integer, String> code) {
            for (String word : words(message)) {
                List<Integer> holding = code.entrySet().stream()
                        .filter(c -> c.getKey() >= rule.headerColumn && words(c.getValue()).contains(word))
                        .map(Map.Entry::getKey)
                        .toList();
                if (holding.size() == 1) {
                    return holding.get(0);
                }
            }
            return 0;
        }

        /**
         * The cell whose value holds a word the message names and the rule's code uses (outside string literals):
         * "LYNC_2099 cannot be resolved or is not a field" names the cell that says LYNC_2099.
         */
        private static int cellNamedBy(String message, GeneratedRule rule, Map<Integer, String> cells) {
            Set<String> code = words(STRING_LITERAL.matcher(rule.body).replaceAll("\"\""));
            for (String word : words(message)) {
                if (!code.contains(word)) {
                    continue;
                }
                for (Map.Entry<Integer, String> cell : cells.entrySet()) {
                    if (cell.getKey() >= rule.headerColumn && words(cell.getValue()).contains(word)) {
                        return cell.getKey();
                    }
                }
            }
            return 0;
        }

        /** For an error inside the rule's body: the cell whose value appears on that line, the longest if several. */
        private int cellOnLine(int line, GeneratedRule rule, Map<Integer, String> cells) {
            if (line <= rule.line || line >= rule.endLine) {
                return 0;
            }
            String text = drl.split("\\R", -1)[line - 1];
            int best = 0;
            int bestLength = 0;
            for (Map.Entry<Integer, String> cell : cells.entrySet()) {
                String value = cell.getValue().trim();
                if (cell.getKey() >= rule.headerColumn && !value.isEmpty() && text.contains(value) && value.length() > bestLength) {
                    best = cell.getKey();
                    bestLength = value.length();
                }
            }
            return best;
        }

        private static Set<String> words(String text) {
            Set<String> words = new LinkedHashSet<>();
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                words.add(m.group());
            }
            return words;
        }
    }

    /** A rule Drools generated from one row of a table. */
    static final class GeneratedRule {
        final String name;
        final int line;
        final int row;
        final int headerRow;
        final int headerColumn;
        int endLine;
        String body = "";
        String sheet;

        GeneratedRule(String name, int line, int row, int headerRow, int headerColumn) {
            this.name = name;
            this.line = line;
            this.row = row;
            this.headerRow = headerRow;
            this.headerColumn = headerColumn;
        }

        String name() {
            return name;
        }

        /** The spreadsheet row (from 1) the rule was made from. */
        int row() {
            return row;
        }

        /** The rule's conditions and actions as generated DRL. */
        String body() {
            return body;
        }
    }
}
