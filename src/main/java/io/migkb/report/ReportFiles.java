package io.migkb.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes report files (or any other files migkb hands out) whole or not at all, one or several together.
 *
 * <ul>
 *   <li>A symbolic link is followed: its target is what gets written (atomically there); the link stays a link.</li>
 *   <li>A regular file, or a path where nothing is yet, is written into a short-named temporary file beside it,
 *       which is moved into place once complete. With several targets every one is checked first and written to
 *       its temporary file, and only when all are complete are they moved in: a failure replaces none.</li>
 *   <li>A FIFO or a character device (a pipe, a terminal) is written through as a stream, never renamed over.</li>
 *   <li>A folder, a block device or a socket at a target refuses the whole set.</li>
 *   <li>Temporary files of migkb's own naming left by a run that was killed are removed on the next write to the
 *       same folder.</li>
 * </ul>
 * The temporary file is created like any other file (the user's umask applies), so the file can be shared as usual.
 */
public final class ReportFiles {
    /** What goes into the file, written to a buffered stream that is closed afterwards. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** One file of a set written together. */
    public record Target(Path path, Content content) {
    }

    /** A write that failed, or was refused before anything was written; the message names the file and why. */
    public static final class WriteException extends IOException {
        private static final long serialVersionUID = 1L;

        public WriteException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** {@code .migkb-<pid>-<random>.tmp}: short, whatever the target's name, and telling which process owns it. */
    static final Pattern TEMPORARY = Pattern.compile("\\.migkb-(\\d{1,10})-[0-9a-z]{1,13}\\.tmp");
    /** Older runs named a temporary after its target: {@code .<target>.<random>.tmp}. */
    private static final Pattern LEGACY_RANDOM = Pattern.compile("[0-9a-z]{6,16}");
    /** A temporary this old is stale even if a process of the same id runs (ids are reused). */
    static final Duration STALE_AFTER = Duration.ofHours(12);
    /** A legacy temporary carries no process id: only an old one is taken for stale. */
    static final Duration LEGACY_STALE_AFTER = Duration.ofHours(1);

    private static final int MAX_LINKS = 40;
    private static final long PID = ProcessHandle.current().pid();

    private ReportFiles() {
    }

    public static void writeAtomically(Path target, ReportWriter writer, Report report) throws IOException {
        writeAtomically(target, out -> writer.write(report, out));
    }

    public static void writeAtomically(Path target, Content content) throws IOException {
        writeAll(List.of(new Target(target, content)));
    }

    /**
     * Writes every target, or (as far as the file system allows) none: all are checked and written to temporary
     * files before the first is moved into place.
     */
    public static void writeAll(List<Target> targets) throws IOException {
        List<Planned> planned = new ArrayList<>();
        for (Target t : targets) {
            planned.add(plan(t));
        }
        Set<Path> folders = new LinkedHashSet<>();
        for (Planned p : planned) {
            if (!p.stream) {
                folders.add(p.real.getParent());
            }
        }
        for (Path folder : folders) {
            createFolder(folder);
            removeStaleTemporaries(folder, planned);
        }
        List<Path> temps = new ArrayList<>();
        try {
            for (Planned p : planned) {
                if (!p.stream) {
                    temps.add(writeTemporary(p));
                }
            }
            for (Planned p : planned) {
                if (p.stream) {
                    writeThrough(p);
                }
            }
            int i = 0;
            for (Planned p : planned) {
                if (!p.stream) {
                    moveIntoPlace(temps.get(i++), p);
                }
            }
        } finally {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Where writing {@code target} lands: symbolic links followed, as an absolute path; for a target that does not
     * exist yet, its folder's real path and its name.
     */
    public static Path realTarget(Path target) throws IOException {
        Path path = target.toAbsolutePath();
        for (int i = 0; Files.isSymbolicLink(path); i++) {
            if (i == MAX_LINKS) {
                throw new WriteException(target + ": too many levels of symbolic links", null);
            }
            Path parent = path.getParent();
            path = parent.resolve(Files.readSymbolicLink(path));
        }
        if (Files.exists(path)) {
            return path.toRealPath();
        }
        Path parent = path.getParent();
        Path name = path.getFileName();
        if (parent == null || name == null) {
            return path.normalize();
        }
        Path existing = parent;
        Path rest = name;
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        return existing == null ? path.normalize() : existing.toRealPath().resolve(rest).normalize();
    }

    /** Why an I/O operation failed, in words: the reason the system gave, or what kind of failure it was. */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return "a folder that is not empty is in the way";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "something is already there";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private record Planned(Target target, Path real, boolean stream) {
    }

    private static Planned plan(Target target) throws IOException {
        Path given = target.path();
        Path real;
        try {
            real = realTarget(given);
        } catch (WriteException e) {
            throw e;
        } catch (IOException e) {
            throw new WriteException("cannot write " + given + ": " + reason(e) + "; nothing written", e);
        }
        if (!Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
            if (real.getParent() == null) {
                throw new WriteException("cannot write " + given + ": not a file name; nothing written", null);
            }
            return new Planned(target, real, false);
        }
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
        if (attributes.isRegularFile()) {
            return new Planned(target, real, false);
        }
        if (attributes.isDirectory()) {
            throw new WriteException("cannot write " + given + ": it is a folder; name a file (or move the folder"
                    + " away); nothing written", null);
        }
        String kind = SpecialFile.kind(real);
        if (SpecialFile.STREAMS.contains(kind)) {
            return new Planned(target, real, true);
        }
        throw new WriteException("cannot write " + given + ": it is a " + kind + ", not a regular file; nothing"
                + " written", null);
    }

    private static void createFolder(Path folder) throws IOException {
        try {
            Files.createDirectories(folder);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new WriteException("cannot write into " + folder + ": it is a file, not a folder; nothing written",
                    e);
        } catch (IOException e) {
            throw new WriteException("cannot create the folder " + folder + ": " + reason(e) + "; nothing written", e);
        }
    }

    private static Path writeTemporary(Planned p) throws IOException {
        Path temp = p.real.resolveSibling(".migkb-" + PID + "-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try (OutputStream out = new BufferedOutputStream(
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
            p.target.content().writeTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw failed(p, e);
        }
        return temp;
    }

    private static void writeThrough(Planned p) throws IOException {
        // No CREATE, no TRUNCATE: a pipe or a device is opened as it is.
        try (OutputStream out = new BufferedOutputStream(
                Files.newOutputStream(p.real, StandardOpenOption.WRITE), 1 << 16)) {
            p.target.content().writeTo(out);
        } catch (IOException e) {
            throw failed(p, e);
        }
    }

    private static void moveIntoPlace(Path temp, Planned p) throws IOException {
        try {
            try {
                Files.move(temp, p.real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, p.real, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new WriteException("cannot move the finished " + p.target.path() + " into place: " + reason(e), e);
        }
    }

    private static WriteException failed(Planned p, IOException e) {
        return new WriteException("cannot write " + p.target.path() + ": " + reason(e) + "; nothing replaced", e);
    }

    /** Removes temporaries that a killed migkb left in {@code folder}; never one a running process may still own. */
    private static void removeStaleTemporaries(Path folder, List<Planned> planned) {
        Set<String> targetNames = new LinkedHashSet<>();
        planned.forEach(p -> targetNames.add(p.real.getFileName().toString()));
        Instant now = Instant.now();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, ".*.tmp")) {
            for (Path entry : entries) {
                if (isStale(entry.getFileName().toString(), entry, targetNames, now)) {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Cleaning up is a courtesy: a folder that cannot be listed fails the write itself, with its reason.
        }
    }

    private static boolean isStale(String name, Path entry, Set<String> targetNames, Instant now) throws IOException {
        Matcher m = TEMPORARY.matcher(name);
        if (m.matches()) {
            long pid = Long.parseLong(m.group(1));
            boolean running = pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                    && (!running || olderThan(entry, STALE_AFTER, now)) && pid != PID;
        }
        for (String target : targetNames) {
            String prefix = "." + target + ".";
            if (name.length() > prefix.length() + 4 && name.startsWith(prefix)
                    && LEGACY_RANDOM.matcher(name.substring(prefix.length(), name.length() - 4)).matches()) {
                return Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                        && olderThan(entry, LEGACY_STALE_AFTER, now);
            }
        }
        return false;
    }

    private static boolean olderThan(Path file, Duration age, Instant now) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
        return modified.toInstant().plus(age).isBefore(now);
    }
}
