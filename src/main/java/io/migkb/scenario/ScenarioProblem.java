package io.migkb.scenario;

/**
 * Something wrong with a scenario file (not with the rules it tests): bad YAML, a missing name, an unknown rule id,
 * an inventory that does not read. {@code file} is relative to the rules folder; line and column are 0 when unknown.
 */
public record ScenarioProblem(String file, int line, int column, String message) {
    /** {@code file:line:col: message}, like the rule checker's errors. */
    public String format() {
        if (line <= 0) {
            return file + ": " + message;
        }
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
