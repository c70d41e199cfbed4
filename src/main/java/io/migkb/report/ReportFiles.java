package io.migkb.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a report file (or any other file migkb hands out) whole or not at all: into a temporary file beside it,
 * then moved into place. The temporary file is created like any other file (the user's umask applies), so the
 * file can be shared as usual.
 */
public final class ReportFiles {
    /** What goes into the file, written to a buffered stream that is closed afterwards. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private ReportFiles() {
    }

    public static void writeAtomically(Path target, ReportWriter writer, Report report) throws IOException {
        writeAtomically(target, out -> writer.write(report, out));
    }

    public static void writeAtomically(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        Path temp = temporaryBeside(absolute);
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path temporaryBeside(Path target) {
        String name = "." + target.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + ".tmp";
        return target.resolveSibling(name);
    }
}
