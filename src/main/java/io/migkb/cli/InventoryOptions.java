package io.migkb.cli;

import io.migkb.inventory.InventoryException;
import io.migkb.inventory.InventoryReader;
import io.migkb.inventory.InventoryReaders;
import io.migkb.model.Inventory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** {@code --input-format}: how to read the inventory; by default from the path. */
final class InventoryOptions {
    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "Inventory format: json, yaml, csv-folder or lync-export (docs/inputs.md)."
                    + " Default: from the file's extension, or for a folder from the files in it.")
    String inputFormat;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The day of the assessment, e.g. 2014-03-02: scheduled meetings that expired or ended before"
                    + " it (conference database, calendars) are skipped and counted. Default: today.")
    LocalDate asOf;

    Inventory read(Path file) throws InventoryException {
        return InventoryReaders.read(file, inputFormat, asOf);
    }

    /**
     * As {@link #read(Path)}, with a reading bar when {@code progress} shows one: the file is then read as a stream
     * whose bytes are counted. Should that fail, the file is read again by path, so that errors read exactly as
     * they do without a bar.
     */
    Inventory read(Path file, Progress progress) throws InventoryException {
        if (!progress.showsBar() || !Files.isRegularFile(file)) {
            return read(file);
        }
        InventoryReader reader = InventoryReaders.forPath(file, inputFormat, asOf);
        try (InputStream in = new CountingInputStream(Files.newInputStream(file),
                new ReadListener(progress, Files.size(file)))) {
            return reader.read(in, file.toString());
        } catch (InventoryException | IOException e) {
            return reader.read(file);
        }
    }

    private record ReadListener(Progress progress, long size) implements java.util.function.LongConsumer {
        @Override
        public void accept(long bytes) {
            progress.update(bytes, size, "bytes");
        }
    }
}
