package io.migkb.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A consultant's copy of rules/ (DRL files, decision tables, scenarios) to break and fix in a test. */
final class RulesCopy {
    private RulesCopy() {
    }

    static Path of(Path target) {
        Path source = Path.of("rules");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} (which must occur) by {@code to} in a file. */
    static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            if (!text.contains(from)) {
                throw new AssertionError(file + " does not contain: " + from);
            }
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based column of {@code text} on the first line holding it. */
    static int columnOf(Path file, String text) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.contains(text)) {
                    return line.indexOf(text) + 1;
                }
            }
            throw new AssertionError(file + " has no line with: " + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line of the first line holding {@code text}. */
    static int lineOf(Path file, String text) {
        try {
            var lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
            throw new AssertionError(file + " has no line with: " + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
