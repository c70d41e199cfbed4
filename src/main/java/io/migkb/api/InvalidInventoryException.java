package io.migkb.api;

import java.util.List;

/** An inventory cannot be assessed: the file is missing or malformed, or its content is invalid. */
public final class InvalidInventoryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> errors;
    private final int errorCount;

    InvalidInventoryException(String message, List<Problem> errors, int errorCount, Throwable cause) {
        super(message, cause);
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    /** The errors found, in file order, each with its file, line, column and field (at most 50 are kept). */
    public List<Problem> errors() {
        return errors;
    }

    /** How many errors were found, including those beyond the 50 kept. */
    public int errorCount() {
        return errorCount;
    }
}
