package io.migkb.inventory;

import java.util.List;
import java.util.Objects;

/**
 * An inventory could not be read: the file is missing, malformed, or its content is invalid. Carries every
 * problem found (at most {@value #MAX_ERRORS}); {@link #getMessage()} lists them one per line.
 */
public class InventoryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** At most this many errors are kept; the rest are only counted. */
    public static final int MAX_ERRORS = 50;

    private final transient List<InventoryError> errors;
    private final int omitted;

    public InventoryException(InventoryError error) {
        this(List.of(error), 0, null);
    }

    public InventoryException(InventoryError error, Throwable cause) {
        this(List.of(error), 0, cause);
    }

    public InventoryException(List<InventoryError> errors) {
        this(errors, 0, null);
    }

    /**
     * @param errors  the errors kept (not empty)
     * @param omitted how many more errors were found but not kept
     */
    public InventoryException(List<InventoryError> errors, int omitted) {
        this(errors, omitted, null);
    }

    private InventoryException(List<InventoryError> errors, int omitted, Throwable cause) {
        super(format(errors, omitted), cause);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an InventoryException needs at least one error");
        }
        this.errors = List.copyOf(errors);
        this.omitted = omitted;
    }

    /** The errors found, in file order, at most {@value #MAX_ERRORS}. */
    public List<InventoryError> getErrors() {
        return errors;
    }

    /** How many further errors were found but not kept. */
    public int getOmittedCount() {
        return omitted;
    }

    /** All errors found, kept or not. */
    public int getErrorCount() {
        return errors.size() + omitted;
    }

    private static String format(List<InventoryError> errors, int omitted) {
        Objects.requireNonNull(errors, "errors");
        StringBuilder text = new StringBuilder();
        for (InventoryError error : errors) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(error);
        }
        if (omitted > 0) {
            text.append("\n... and ").append(omitted).append(omitted == 1 ? " more error" : " more errors")
                    .append(" (only the first ").append(errors.size()).append(" are listed)");
        }
        return text.toString();
    }
}
