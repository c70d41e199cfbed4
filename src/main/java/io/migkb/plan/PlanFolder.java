package io.migkb.plan;

import io.migkb.report.ReportFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a plan's files into a folder, all together or none ({@link ReportFiles#writeAll}): a failure leaves the
 * previous plan as it was. Wave scripts of an earlier plan that this plan no longer has ({@code wave-5.ps1} when
 * there are now four waves) are deleted, provided migkb wrote them: a stale script must not be run by mistake.
 * Nothing else in the folder is touched.
 */
public final class PlanFolder {
    static final Pattern SCRIPT = Pattern.compile("wave-\\d+\\.ps1");
    static final String SCRIPT_MARK = "# migkb migration plan";

    private PlanFolder() {
    }

    /** Writes {@code files} into {@code folder}; {@code written} is told once they are all in place. */
    public static void write(Path folder, List<PlanFile> files, java.util.function.IntConsumer written) throws IOException {
        Path dir = folder.toAbsolutePath();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ReportFiles.WriteException("--out-dir " + folder + ": it is a file, not a folder; nothing"
                    + " written: name a folder (it is created when missing)", null);
        }
        List<ReportFiles.Target> targets = new ArrayList<>();
        for (PlanFile f : files) {
            targets.add(new ReportFiles.Target(dir.resolve(f.name()), out -> out.write(f.content())));
        }
        ReportFiles.writeAll(targets);
        written.accept(files.size());
        removeStaleScripts(dir, files);
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
