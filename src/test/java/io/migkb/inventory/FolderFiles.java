package io.migkb.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the files of an inventory folder for a test, and reads it expecting success or failure. */
final class FolderFiles {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    final Path dir;

    FolderFiles(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code name}, UTF-8 without a byte-order mark, lines ending as given. */
    FolderFiles write(String name, String text) {
        return write(name, text, false);
    }

    /** Writes {@code name} in UTF-8 with a byte-order mark, as Export-Csv -Encoding UTF8 and Excel's "CSV UTF-8" do. */
    FolderFiles writeWithBom(String name, String text) {
        return write(name, text, true);
    }

    private FolderFiles write(String name, String text, boolean bom) {
        try {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            byte[] all = bom ? new byte[UTF8_BOM.length + body.length] : body;
            if (bom) {
                System.arraycopy(UTF8_BOM, 0, all, 0, UTF8_BOM.length);
                System.arraycopy(body, 0, all, UTF8_BOM.length, body.length);
            }
            Files.write(dir.resolve(name), all);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String path(String name) {
        return dir.resolve(name).toString();
    }

    /** Reads the folder with {@code reader}, expecting it to fail; returns the errors as printed. */
    List<String> errors(InventoryReader reader) {
        InventoryException e = catchThrowableOfType(InventoryException.class, () -> reader.read(dir));
        assertThat(e).as("the folder should not read").isNotNull();
        return e.getErrors().stream().map(InventoryError::toString).toList();
    }
}
