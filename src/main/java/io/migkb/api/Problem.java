package io.migkb.api;

/**
 * One problem with an input, located: an error in an inventory ({@link InvalidInventoryException}) or in a rule
 * file or decision table ({@link RulesException}, {@link LoadedRules#warnings()}).
 *
 * @param file    the file, relative to the rules folder for rules; null when no file is involved (an inventory
 *                built in code)
 * @param line    the line from 1 (for a decision table, the spreadsheet row); 0 when unknown
 * @param column  the column from 1 (for a decision table, the spreadsheet column: A is 1); 0 when unknown
 * @param field   the inventory field ({@code meetings[3].organizer}); null for rules
 * @param message what is wrong, and what to do about it
 */
public record Problem(String file, int line, int column, String field, String message) {

    /** {@code file:line:column: field: message}, leaving out what is unknown: the form editors and CI understand. */
    public String format() {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file);
            if (line > 0) {
                text.append(':').append(line);
                if (column > 0) {
                    text.append(':').append(column);
                }
            }
            text.append(": ");
        }
        if (field != null && !field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
