package io.migkb.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.RuleSheetParserUtil;
import org.drools.template.model.Package;
import org.drools.template.model.Rule;

/**
 * Drools' own sheet listener, told of a table's rows without its blank ones. Drools ends a rule table at its first
 * blank row and takes what follows for notes, so a row added below a blank row would be dropped without a word; here
 * every row below a table's header is one of its rows. Drools names each rule after the row it saw
 * ({@code ClientSupport_12}) and notes the cell its values came from, so those are put back to the sheet's rows.
 * Rows are 0-based here, as the parsers give them.
 */
final class BlankRowsListener extends DefaultRuleSheetListener {
    /** A table's first rule row is this many rows below its RuleTable cell. */
    private static final int FIRST_ROW = 5;

    private final Map<Integer, Integer> sheetRows = new HashMap<>(); // the row Drools was told → the sheet's row
    private final Map<Integer, String> headers = new HashMap<>(); // the row Drools was told → its table's header cell
    private final Map<Integer, Integer> tableColumns = new HashMap<>(); // the row Drools was told → its table's column
    private final List<Object[]> pending = new ArrayList<>(); // the current row's cells: column, value, merged start
    private int pendingRow = -1;
    private int pendingColumns;
    private int left; // blank rows left out so far
    private int firstRuleRow = Integer.MAX_VALUE;
    private int tableColumn;
    private String header;

    @Override
    public void newRow(int rowNumber, int columns) {
        flush();
        pendingRow = rowNumber;
        pendingColumns = columns;
    }

    @Override
    public void newCell(int row, int column, String value, int mergedColStart) {
        pending.add(new Object[] {column, value, mergedColStart});
    }

    @Override
    public void finishSheet() {
        flush();
        super.finishSheet();
    }

    private void flush() {
        if (pendingRow < 0) {
            return;
        }
        boolean blank = true;
        for (Object[] cell : pending) {
            String value = (String) cell[1];
            int column = (Integer) cell[0];
            if (value != null && value.trim().toLowerCase(Locale.ROOT).startsWith(RULE_TABLE_TAG)) {
                firstRuleRow = pendingRow + FIRST_ROW;
                tableColumn = column;
                header = RuleSheetParserUtil.rc2name(pendingRow, column);
            }
            blank &= value == null || value.isBlank() || column < tableColumn;
        }
        if (blank && pendingRow >= firstRuleRow) {
            left++;
        } else {
            int told = pendingRow - left;
            sheetRows.put(told, pendingRow);
            headers.put(told, header);
            tableColumns.put(told, tableColumn);
            super.newRow(told, pendingColumns);
            for (Object[] cell : pending) {
                super.newCell(told, (Integer) cell[0], (String) cell[1], (Integer) cell[2]);
            }
        }
        pending.clear();
        pendingRow = -1;
    }

    @Override
    public Package getRuleSet() {
        Package rules = super.getRuleSet();
        for (Rule rule : rules.getRules()) {
            int told = rule.getSpreadsheetRowNumber() - 1;
            Integer row = sheetRows.get(told);
            String suffix = "_" + (told + 1);
            String name = unquoted(rule.getName());
            if (row != null && row != told && name.endsWith(suffix)) {
                rule.setName(name.substring(0, name.length() - suffix.length()) + "_" + (row + 1));
                rule.setComment(" rule values at " + RuleSheetParserUtil.rc2name(row, tableColumns.get(told))
                        + ", header at " + headers.get(told));
            }
        }
        return rules;
    }

    /** A rule's name as given: Drools keeps it as the string literal it writes in the DRL. */
    private static String unquoted(String literal) {
        if (literal.length() >= 2 && literal.startsWith("\"") && literal.endsWith("\"")) {
            return literal.substring(1, literal.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return literal;
    }
}
