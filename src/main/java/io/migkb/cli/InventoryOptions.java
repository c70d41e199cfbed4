package io.migkb.cli;

import io.migkb.inventory.InventoryException;
import io.migkb.inventory.InventoryReaders;
import io.migkb.model.Inventory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --input-format}: how to read the inventory; by default from the path. */
final class InventoryOptions {
    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "Inventory format: json, yaml, csv-folder or lync-export (docs/inputs.md)."
                    + " Default: from the file's extension, or for a folder from the files in it.")
    String inputFormat;

    Inventory read(Path file) throws InventoryException {
        return InventoryReaders.read(file, inputFormat);
    }
}
