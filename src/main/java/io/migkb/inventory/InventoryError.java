package io.migkb.inventory;

import io.migkb.model.SourceLocation;

/**
 * One problem found in an inventory: where it is, which field (a path such as {@code meetings[2].organizer}),
 * and what is wrong and how to fix it.
 *
 * @param location where the problem is; its line and column are 0 when unknown, and it is null when no file is
 *                 involved (an unknown format name, say)
 * @param field    the field's path ({@code users[0].client}, {@code plan.targetPool}), or null when the problem
 *                 concerns the whole file
 * @param message  what is wrong and what to do about it
 */
public record InventoryError(SourceLocation location, String field, String message) {

    /** {@code file:line:col: field: message}; the column (and line) are left out when unknown, the field when null. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(96);
        if (location != null) {
            text.append(location.file());
            if (location.line() > 0) {
                text.append(':').append(location.line());
                if (location.column() > 0) {
                    text.append(':').append(location.column());
                }
            }
            text.append(": ");
        }
        if (field != null && !field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(message).toString();
    }
}
