package io.migkb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** An inventory on disk is a file or a folder of files (customer exports): its size, and removing a temporary one. */
final class InputFiles {
    private InputFiles() {
    }

    /** The bytes of a file, or of every file below a folder; 0 when it cannot be read. */
    static long size(Path path) {
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
                }
            }
            return Files.isRegularFile(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Deletes a file, or a folder of files (migkb writes no subfolders into one), if it exists. */
    static void delete(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
        }
        Files.deleteIfExists(path);
    }
}
