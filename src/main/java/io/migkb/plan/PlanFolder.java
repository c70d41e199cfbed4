package io.migkb.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a plan's files into a folder: every file first into a temporary file beside its target, and only when all
 * are written are they moved into place (each move atomic where the file system allows), so a failure leaves the
 * previous plan as it was. Wave scripts of an earlier plan that this plan no longer has ({@code wave-5.ps1} when
 * there are now four waves) are deleted, provided migkb wrote them: a stale script must not be run by mistake.
 * Nothing else in the folder is touched.
 */
public final class PlanFolder {
    static final Pattern SCRIPT = Pattern.compile("wave-\\d+\\.ps1");
    static final String SCRIPT_MARK = "# migkb migration plan";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private PlanFolder() {
    }

    /** Writes {@code files} into {@code folder}; {@code written} is told after each one. */
    public static void write(Path folder, List<PlanFile> files, java.util.function.IntConsumer written) throws IOException {
        Path dir = folder.toAbsolutePath();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(folder + " is a file, not a folder");
        }
        Files.createDirectories(dir);
        List<Path> temps = new ArrayList<>();
        try {
            for (PlanFile f : files) {
                // Not Files.createTempFile, which makes the file readable by its owner only: a plan is for sharing,
                // so the temporary file gets the usual permissions (the umask's), which the move keeps.
                Path temp = dir.resolve("." + f.name() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
                temps.add(temp);
                Files.write(temp, f.content(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
            for (int i = 0; i < files.size(); i++) {
                move(temps.get(i), dir.resolve(files.get(i).name()));
                written.accept(i + 1);
            }
        } finally {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
        removeStaleScripts(dir, files);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void removeStaleScripts(Path dir, List<PlanFile> files) throws IOException {
        Set<String> current = new HashSet<>();
        files.forEach(f -> current.add(f.name()));
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "wave-*.ps1")) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (SCRIPT.matcher(name).matches() && !current.contains(name) && Files.isRegularFile(p)
                        && writtenByMigkb(p)) {
                    stale.add(p);
                }
            }
        }
        for (Path p : stale) {
            Files.deleteIfExists(p);
        }
    }

    private static boolean writtenByMigkb(Path script) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(script)) {
            head = in.readNBytes(64);
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.startsWith(SCRIPT_MARK);
    }
}
