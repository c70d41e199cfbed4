package io.migkb.inventory;

import io.migkb.model.Inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Writes small inventories into a temporary folder and reads them back. */
final class InventoryFiles {
    private final Path dir;

    InventoryFiles(Path dir) {
        this.dir = dir;
    }

    Path write(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Inventory read(String name, String text) throws InventoryException {
        return InventoryReaders.read(write(name, text));
    }

    /** Reads a file that must fail; returns the exception. */
    InventoryException fail(String name, String text) {
        return fail(write(name, text));
    }

    InventoryException fail(Path file) {
        InventoryException e = catchThrowableOfType(InventoryException.class, () -> InventoryReaders.read(file));
        assertThat(e).as("reading %s should fail", file).isNotNull();
        return e;
    }

    /** The one line of the message that names {@code field}. */
    static String lineFor(InventoryException e, String field) {
        return e.getErrors().stream().map(InventoryError::toString).filter(s -> s.contains(" " + field + ": "))
                .findFirst().orElseThrow(() -> new AssertionError("no error for " + field + " in:\n" + e.getMessage()));
    }
}
