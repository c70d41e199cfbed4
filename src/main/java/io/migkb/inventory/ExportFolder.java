package io.migkb.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of a Lync export folder, sorted out: migkb's own files by their names ({@code profiles.csv},
 * {@code federated.csv}, {@code meetings.csv}, {@code versions.yaml}, {@code plan.yaml}), every other {@code .csv}
 * by what it holds ({@link ExportKind}), whatever its name, several of one kind read one after the other in name
 * order; {@code .ics} files are organizers' calendars. A file that is none of these is skipped, and listed, with
 * why, so that nothing is left out silently.
 */
final class ExportFolder {
    static final String PROFILES = "profiles.csv";
    static final String FEDERATED = "federated.csv";
    static final String MEETINGS = "meetings.csv";
    static final String VERSIONS = "versions.yaml";
    static final String PLAN = "plan.yaml";
    private static final Set<String> OWN_FILES = Set.of(PROFILES, FEDERATED, MEETINGS, VERSIONS, PLAN);
    /** Files that kept their kind by name before content decided: read as that kind when their header is none. */
    private static final Map<String, ExportKind> FORMER_NAMES = Map.of("users.csv", ExportKind.USERS,
            "pools.csv", ExportKind.POOLS, "clients.csv", ExportKind.CLIENTS, "registrars.csv", ExportKind.REGISTRARS);

    /** A file left out, and why. */
    record Skipped(String file, String why) {
        @Override
        public String toString() {
            return file + " (" + why + ")";
        }
    }

    private final Map<ExportKind, List<String>> byKind = new EnumMap<>(ExportKind.class);
    private final List<Skipped> skipped = new ArrayList<>();
    /** Entries named like exports (.csv, .ics, plan.yaml...) that are folders or other non-regular files. */
    private final List<String> notFiles = new ArrayList<>();
    private final List<String> calendars = new ArrayList<>();

    private ExportFolder() {
        for (ExportKind kind : ExportKind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
    }

    /** Sorts out the files of {@code dir} (not of its subfolders). */
    static ExportFolder scan(Path dir) throws IOException {
        ExportFolder folder = new ExportFolder();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        for (Path entry : files) {
            String lower = entry.getFileName().toString().toLowerCase(Locale.ROOT);
            // A folder named like an export would be skipped as if absent: say so instead.
            if (!Files.isRegularFile(entry) && (lower.endsWith(".csv") || lower.endsWith(".ics")
                    || OWN_FILES.contains(lower))) {
                folder.notFiles.add(entry.getFileName().toString());
            }
        }
        files = files.stream().filter(Files::isRegularFile).toList();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (OWN_FILES.contains(lower)) {
                continue;
            }
            if (lower.endsWith(".ics")) {
                folder.calendars.add(name);
                continue;
            }
            if (!lower.endsWith(".csv")) {
                folder.skipped.add(new Skipped(name, "not a .csv file"));
                continue;
            }
            folder.classify(file, name, lower);
        }
        return folder;
    }

    private void classify(Path file, String name, String lower) {
        String why;
        try (CsvFile head = CsvFile.openHead(file)) {
            ExportKind kind = ExportKind.of(head.typeName(), head.header());
            if (kind == null) {
                kind = FORMER_NAMES.get(lower);
            }
            if (kind != null) {
                byKind.get(kind).add(name);
                return;
            }
            why = head.header().isEmpty() ? "empty" : (head.typeName().isEmpty() ? "" : "#TYPE "
                    + abbreviate(head.typeName()) + ", ") + "columns " + abbreviate(String.join(", ", head.header()));
        } catch (IOException e) {
            why = "cannot be read: " + e.getMessage();
        } catch (CsvFile.SyntaxException e) {
            // A file whose #TYPE line or name says what it is is read as that, so its error is reported, located.
            ExportKind kind = ExportKind.of(e.typeName, List.of());
            kind = kind != null ? kind : FORMER_NAMES.get(lower);
            if (kind != null) {
                byKind.get(kind).add(name);
                return;
            }
            why = "not CSV: " + e.getMessage() + " (line " + e.line + ")";
        }
        skipped.add(new Skipped(name, why));
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    /** The files of {@code kind}, in name order. */
    List<String> files(ExportKind kind) {
        return byKind.get(kind);
    }

    /** The organizers' calendars ({@code .ics}), in name order. */
    List<String> calendars() {
        return calendars;
    }

    /** The files that are none of the kinds, nor migkb's own. */
    List<String> notFiles() {
        return notFiles;
    }

    List<Skipped> skipped() {
        return skipped;
    }

    /** True for a folder with at least one Get-CsUser export (and not a CSV folder of migkb's own format). */
    static boolean recognizes(Path path) {
        if (!Files.isDirectory(path) || CsvFolderInventoryReader.recognizes(path)) {
            return false;
        }
        try {
            return !scan(path).files(ExportKind.USERS).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
