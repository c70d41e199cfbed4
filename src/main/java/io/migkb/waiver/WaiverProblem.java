package io.migkb.waiver;

import io.migkb.model.SourceLocation;

/**
 * One thing wrong in a waivers file.
 *
 * @param location where (file, line, column)
 * @param field    the field at fault, as a path: {@code [2].expires} is the third waiver's expiry date; empty when the
 *                 fault is the file's shape
 * @param message  what is wrong and how to fix it
 */
public record WaiverProblem(SourceLocation location, String field, String message) {
    /** {@code waivers.yaml:7:14: [2].expires: "2027-02-30" is not a date (yyyy-mm-dd)} */
    public String format() {
        return location + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
