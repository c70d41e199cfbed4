package io.migkb.inventory;

import io.migkb.model.SourceLocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Gathers the errors of one read: keeps the first {@link InventoryException#MAX_ERRORS}, counts the rest. */
final class ErrorCollector {
    private static final Comparator<InventoryError> FILE_ORDER = Comparator
            .comparingInt((InventoryError e) -> e.location() == null ? 0 : e.location().line())
            .thenComparingInt(e -> e.location() == null ? 0 : e.location().column());

    private final List<InventoryError> errors = new ArrayList<>();
    private int omitted;

    void add(SourceLocation location, String field, String message) {
        add(new InventoryError(location, field, message));
    }

    void add(InventoryError error) {
        if (errors.size() < InventoryException.MAX_ERRORS) {
            errors.add(error);
        } else {
            omitted++;
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int count() {
        return errors.size() + omitted;
    }

    /** The errors kept, in file order (stable: errors at the same place keep the order they were found in). */
    InventoryException toException() {
        List<InventoryError> sorted = new ArrayList<>(errors);
        sorted.sort(FILE_ORDER);
        return new InventoryException(sorted, omitted);
    }
}
