package io.migkb.engine;

/**
 * A problem with a rule file, located in it. {@code file} is relative to the rules folder; line and column
 * start at 1 and are 0 when unknown.
 */
public record RuleProblem(Level level, String file, int line, int column, String message) {
    public enum Level { ERROR, WARNING }

    /** {@code file:line:col: message}, the form editors and CI annotations understand. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + (level == Level.WARNING ? "warning: " : "") + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
