package io.migkb.engine;

/**
 * A problem with a rule file, located in it. {@code file} is relative to the rules folder; line and column
 * start at 1 and are 0 when unknown.
 */
public record RuleProblem(Level level, String file, int line, int column, String message) {
    public enum Level { ERROR, WARNING }

    /**
     * {@code file:line:col: message}, the form editors and CI annotations understand; in a decision table, whose
     * line and column are a row and a column of cells, {@code file!B12: message}, as a spreadsheet names the cell.
     */
    public String format() {
        String at = DecisionTables.isDecisionTable(file) && line > 0 && column > 0
                ? DecisionTables.cellName(file, line, column) : file + ":" + line + ":" + column;
        return at + ": " + (level == Level.WARNING ? "warning: " : "") + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
