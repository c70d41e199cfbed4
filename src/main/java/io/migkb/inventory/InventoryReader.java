package io.migkb.inventory;

import io.migkb.model.Inventory;
import io.migkb.model.SourceLocation;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads one inventory format into an {@link Inventory}, validating everything: a reader either returns a
 * complete, consistent inventory or throws an {@link InventoryException} listing every problem with its file,
 * line and field. One implementation per format; {@link InventoryReaders} picks one by name or file extension.
 */
public interface InventoryReader {

    /** Reads the inventory in {@code file}; errors name the file as given. */
    Inventory read(Path file) throws InventoryException;

    /**
     * Reads an inventory from a stream, which is not closed. {@code sourceName} stands for the file in error
     * messages. Formats that need a folder rather than one stream say so with an {@link InventoryException}.
     */
    default Inventory read(InputStream in, String sourceName) throws InventoryException {
        throw new InventoryException(new InventoryError(new SourceLocation(sourceName, 0, 0), null,
                "this inventory format cannot be read from a stream; give a path"));
    }
}
