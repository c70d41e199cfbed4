package io.migkb.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.migkb.model.Suggestions;
import org.drools.decisiontable.parser.ActionType;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;

/**
 * Checks a decision table's cells before Drools compiles them, so that a mistake is reported once, at its cell, with
 * what the cell must hold, rather than as the Java compiler's complaint about the DRL generated from it, at another
 * cell, once per row. Table by table (a cell starting "RuleTable"), it checks the column kinds and each column's code,
 * then every row below the header (a blank row does not end the table: see {@link BlankRowsListener}): the cells a
 * row cannot do without, values against the model's enums, numbers, and text that would end its string early.
 */
final class DecisionTableCheck {
    private static final String RULE_TABLE = "ruletable";
    /** Rows below a RuleTable cell: 1 the column kinds, 2 object types, 3 code, 4 the labels people read. */
    private static final int KINDS = 1;
    private static final int OBJECT_TYPES = 2;
    private static final int CODE = 3;
    private static final int LABELS = 4;
    private static final int FIRST_ROW = 5;

    private static final Pattern DECLARATION = Pattern.compile("^\\s*[\\w.<>\\[\\]]+\\s+(\\w+)\\s*=");
    /**
     * The answers {@code ClientCapability.Builder.source()} refuses to build a row without (it throws while the
     * rules run); the client is the builder's own argument, so its column is required as the declaring one.
     */
    private static final Pattern REQUIRED_CLIENT_SUPPORT_ANSWER = Pattern.compile("\\.(server|meetings)\\(\\s*\\w+\\.\\$param");

    private final String path;
    private final String sheet;
    private final NavigableMap<Integer, Map<Integer, String>> rows;
    private final List<RuleProblem> problems = new ArrayList<>();

    private DecisionTableCheck(String path, TableCells cells) {
        this.path = path;
        this.sheet = cells.firstSheet();
        this.rows = new TreeMap<>(cells.rows(sheet));
    }

    /** Every problem of the table, in sheet order; empty when Drools may compile it. Drools reads the first sheet. */
    static List<RuleProblem> check(String path, TableCells cells) {
        DecisionTableCheck check = new DecisionTableCheck(path, cells);
        check.run();
        check.tablesOnLaterSheets(cells);
        return check.problems;
    }

    /** A table on any sheet but the first would be left out without a word: Drools reads only the first. */
    private void tablesOnLaterSheets(TableCells cells) {
        for (String other : cells.sheetNames()) {
            if (other == null || other.equals(sheet)) {
                continue;
            }
            cells.rows(other).forEach((row, values) -> values.forEach((column, value) -> {
                if (value.trim().toLowerCase(Locale.ROOT).startsWith(RULE_TABLE)) {
                    problems.add(new RuleProblem(RuleProblem.Level.ERROR, path, row, column, where(other)
                            + quoted(value.trim()) + " is not read: only the workbook's first sheet (\"" + sheet
                            + "\") is; move the table there, or save it as a workbook of its own"));
                }
            }));
        }
    }

    private void run() {
        List<int[]> tables = new ArrayList<>();
        rows.forEach((row, cells) -> cells.forEach((column, value) -> {
            if (value.trim().toLowerCase(Locale.ROOT).startsWith(RULE_TABLE)) {
                tables.add(new int[] {row, column});
            }
        }));
        if (tables.isEmpty()) {
            noRuleTable();
            return;
        }
        propertyKeywords(tables.get(0)[0]);
        for (int i = 0; i < tables.size(); i++) {
            int end = i + 1 < tables.size() ? tables.get(i + 1)[0] : Integer.MAX_VALUE;
            table(tables.get(i)[0], tables.get(i)[1], end);
        }
    }

    /**
     * The keywords Drools reads above a table (compared ignoring case), by its own constants, and the rule attributes
     * a RuleSet may set for all its rules. Any other name (Notes, Author) is text Drools leaves alone.
     */
    private static final List<String> KEYWORDS = keywords();

    private static List<String> keywords() {
        List<String> keywords = new ArrayList<>(List.of(DefaultRuleSheetListener.RULESET_TAG,
                DefaultRuleSheetListener.IMPORT_TAG, DefaultRuleSheetListener.VARIABLES_TAG,
                DefaultRuleSheetListener.FUNCTIONS_TAG, DefaultRuleSheetListener.QUERIES_TAG,
                DefaultRuleSheetListener.DECLARES_TAG, DefaultRuleSheetListener.UNIT_TAG,
                DefaultRuleSheetListener.DIALECT_TAG, DefaultRuleSheetListener.SEQUENTIAL_FLAG,
                DefaultRuleSheetListener.MIN_SALIENCE_TAG, DefaultRuleSheetListener.MAX_SALIENCE_TAG,
                DefaultRuleSheetListener.ESCAPE_QUOTES_FLAG, DefaultRuleSheetListener.NUMERIC_DISABLED_FLAG,
                DefaultRuleSheetListener.IGNORE_NUMERIC_FORMAT_FLAG));
        for (ActionType.Code code : ActionType.Code.values()) {
            keywords.add(code.getColHeader());
        }
        return List.copyOf(keywords);
    }

    /**
     * Each row above the first table names a setting in its first cell. Drools ignores a name it does not know, so a
     * misspelt keyword ("Improt") silently drops its row: the imports, or Sequential, are lost and the errors surface
     * elsewhere. A name one or two letters from a keyword is reported at its cell; other names are notes.
     */
    private void propertyKeywords(int firstTableRow) {
        rows.headMap(firstTableRow, false).forEach((row, cells) -> cells.entrySet().stream()
                .filter(cell -> !cell.getValue().isBlank()).findFirst().ifPresent(cell -> {
                    String name = cell.getValue().trim();
                    if (KEYWORDS.stream().anyMatch(name::equalsIgnoreCase)) {
                        return;
                    }
                    String meant = Suggestions.closest(name, KEYWORDS);
                    if (meant != null) {
                        error(row, cell.getKey(), quoted(name) + " is no keyword Drools reads above the table, so it"
                                + " ignores this row; did you mean " + meant + "? (keywords: RuleSet, Import, Variables,"
                                + " Functions, Queries, Declare, Sequential, ...; a row of notes may have any other name)");
                    }
                }));
    }

    private void noRuleTable() {
        for (Map.Entry<Integer, Map<Integer, String>> row : rows.entrySet()) {
            for (Map.Entry<Integer, String> cell : row.getValue().entrySet()) {
                String first = cell.getValue().trim().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
                if (Suggestions.distance(first, RULE_TABLE) <= 2) {
                    error(row.getKey(), cell.getKey(), "the table's name: " + quoted(cell.getValue())
                            + " must start with RuleTable (RuleTable ClientSupport), or Drools finds no table in the sheet");
                    return;
                }
            }
        }
        problems.add(new RuleProblem(RuleProblem.Level.ERROR, path, 0, 0, (sheet != null ? "sheet \"" + sheet + "\": " : "")
                + "no cell starts with RuleTable, so this is no decision table: a table starts at a cell holding"
                + " RuleTable and its name, with the column kinds, object types, code and titles in the four rows below"));
    }

    /** One table: its header at {@code top} (the RuleTable cell's row), its rows until {@code end} (exclusive). */
    private void table(int top, int start, int end) {
        Map<Integer, Column> columns = columns(top, start);
        if (columns.isEmpty()) {
            error(top + KINDS, start, "the column kinds (row " + (top + KINDS) + "): empty; the row below RuleTable"
                    + " gives each column's kind; allowed values: " + kinds());
            return;
        }
        int last = columns.keySet().stream().mapToInt(Integer::intValue).max().orElse(start);
        for (Map.Entry<Integer, Map<Integer, String>> row : rows.subMap(top + FIRST_ROW, true, end, false).entrySet()) {
            Map<Integer, String> cells = new TreeMap<>(row.getValue()).tailMap(start);
            if (!cells.isEmpty()) {
                dataRow(row.getKey(), cells, columns, start, last);
            }
        }
    }

    /**
     * The table's columns, from its header rows; a problem in them is reported at its header cell, and the column is
     * kept with no description (null), so that its cells below are not reported too.
     */
    private Map<Integer, Column> columns(int top, int start) {
        Map<Integer, Column> columns = new LinkedHashMap<>();
        Map<Integer, String> kinds = tail(top + KINDS, start);
        Map<Integer, String> code = tail(top + CODE, start);
        kinds.forEach((column, kind) -> {
            Optional<ActionType.Code> parsed = kind(kind);
            if (parsed.isEmpty()) {
                error(top + KINDS, column, "the column kinds (row " + (top + KINDS) + "): " + quoted(kind)
                        + " is not a column kind; allowed values: " + kinds());
                columns.put(column, null);
                return;
            }
            String snippet = code.getOrDefault(column, "");
            boolean needsCode = parsed.get() == ActionType.Code.CONDITION || parsed.get() == ActionType.Code.ACTION
                    || parsed.get() == ActionType.Code.METADATA;
            if (needsCode && snippet.isBlank()) {
                error(top + CODE, column, "the code of " + columnName(column, label(top, column)) + " (row "
                        + (top + CODE) + "): empty; " + parsed.get().getColHeader() + " columns need their code here,"
                        + " with $param where the cell's value goes");
            }
            columns.put(column, new Column(snippet, label(top, column),
                    ColumnValues.of(snippet, parsed.get() == ActionType.Code.CONDITION ? cell(top + OBJECT_TYPES, column) : null)));
        });
        for (int offset = OBJECT_TYPES; offset <= LABELS; offset++) {
            for (Integer column : tail(top + offset, start).keySet()) {
                if (!columns.containsKey(column)) {
                    error(top + KINDS, column, "the column kinds (row " + (top + KINDS) + "): empty, but column "
                            + DecisionTables.columnLetters(column) + " has a header below; give its kind; allowed values: "
                            + kinds());
                    columns.put(column, null);
                }
            }
        }
        required(columns);
        return columns;
    }

    /**
     * Marks the columns a row cannot do without: one whose code declares what the others use, one that inserts the
     * row's fact (without it the row adds nothing), and the client-support answers the model requires.
     */
    private static void required(Map<Integer, Column> columns) {
        for (Map.Entry<Integer, Column> entry : columns.entrySet()) {
            Column column = entry.getValue();
            if (column == null) {
                continue;
            }
            Matcher declaration = DECLARATION.matcher(column.code);
            if (declaration.find() && column.code.contains("$param")) {
                Pattern use = Pattern.compile("\\b" + Pattern.quote(declaration.group(1)) + "\\b");
                if (columns.entrySet().stream().anyMatch(o -> !o.getKey().equals(entry.getKey()) && o.getValue() != null
                        && use.matcher(o.getValue().code).find())) {
                    column.required = "the row's other cells build on it";
                }
            } else if (column.code.matches("(?s).*\\binsert(Logical)?\\s*\\(.*") && column.code.contains("$param")) {
                column.required = "it is the cell that adds the row: without it the row adds nothing";
            } else if (REQUIRED_CLIENT_SUPPORT_ANSWER.matcher(column.code).find()) {
                column.required = "a client-support row needs this answer";
            }
        }
    }

    private void dataRow(int row, Map<Integer, String> cells, Map<Integer, Column> columns, int start, int last) {
        for (Map.Entry<Integer, String> cell : cells.entrySet()) {
            if (!columns.containsKey(cell.getKey())) {
                error(row, cell.getKey(), "row " + row + ": this cell is outside the table's columns ("
                        + DecisionTables.columnLetters(start) + " to " + DecisionTables.columnLetters(last)
                        + "), and Drools would refuse the whole table for it; move it off the table's rows");
            }
        }
        columns.forEach((index, column) -> {
            String value = cells.get(index);
            if (column == null) {
                return;
            }
            if (value == null) {
                if (column.required != null) {
                    error(row, index, column.name(index) + ": empty, but every row needs it (" + column.required
                            + "); " + column.values.allowed());
                }
                return;
            }
            String wrong = column.values.problem(value.trim());
            if (wrong != null) {
                error(row, index, column.name(index) + ": " + wrong);
            }
        });
    }

    private String label(int top, int column) {
        return cell(top + LABELS, column);
    }

    private String cell(int row, int column) {
        return rows.getOrDefault(row, Map.of()).get(column);
    }

    private Map<Integer, String> tail(int row, int start) {
        return new TreeMap<>(rows.getOrDefault(row, Map.of())).tailMap(start);
    }

    private void error(int row, int column, String what) {
        problems.add(new RuleProblem(RuleProblem.Level.ERROR, path, row, column, where(sheet) + what));
    }

    /** How every table error starts: the sheet it is in (a CSV table has none). */
    static String where(String sheet) {
        return sheet != null ? "sheet \"" + sheet + "\", " : "";
    }

    private static Optional<ActionType.Code> kind(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(ActionType.Code.values())
                .filter(c -> c.getColHeader().equals(upper) || c.getColShort().equals(upper))
                .findFirst();
    }

    private static String kinds() {
        return "CONDITION, ACTION (or one of Drools' attribute columns: " + Arrays.stream(ActionType.Code.values())
                .filter(c -> c != ActionType.Code.CONDITION && c != ActionType.Code.ACTION)
                .map(ActionType.Code::getColHeader)
                .collect(java.util.stream.Collectors.joining(", ")) + ")";
    }

    /** {@code column "Meeting hosted on"}, or {@code column B} when the column has no title. */
    static String columnName(int column, String label) {
        return label != null && !label.isBlank() ? "column \"" + label.trim().replaceAll("\\s+", " ") + "\""
                : "column " + DecisionTables.columnLetters(column);
    }

    private static String quoted(String value) {
        return "\"" + value.trim() + "\"";
    }

    /** A column of a table: its code and title, what its cells may hold, and why a row needs it (or null). */
    private static final class Column {
        final String code;
        final String label;
        final ColumnValues values;
        String required;

        Column(String code, String label, ColumnValues values) {
            this.code = code;
            this.label = label;
            this.values = values;
        }

        String name(int index) {
            return columnName(index, label);
        }
    }
}
