package io.migkb.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rule files of a knowledge base, read into memory: DRL files and decision tables, keyed by their path
 * relative to the rules folder ("meetings-with-federated-organizations.drl"). Scenario files under
 * {@code tests/} are not rules and are left out. A folder's {@value #DISABLE_LIST} is kept apart: it is not a rule
 * file, but what {@link RuleLayers} reads to take earlier folders' rules out.
 */
public final class RuleFiles {
    /** Where the jar carries its copy of the catalogue, for embedders with no rules folder. */
    public static final String BUNDLED_LOCATION = "migkb/rules";

    /** In a rules folder given after the first: the ids of earlier rules to leave out, one a line. */
    public static final String DISABLE_LIST = "disabled-rules.txt";

    private static final String TESTS_FOLDER = "tests";

    private final String origin;
    private final SortedMap<String, byte[]> files;
    private final byte[] disableList;
    private final List<RuleChange> changes;

    private RuleFiles(String origin, SortedMap<String, byte[]> files, byte[] disableList, List<RuleChange> changes) {
        this.origin = origin;
        files.replaceAll((path, content) -> isText(path) ? withoutBom(content) : content);
        this.files = Collections.unmodifiableSortedMap(files);
        this.disableList = disableList == null ? null : withoutBom(disableList);
        this.changes = List.copyOf(changes);
    }

    private RuleFiles(String origin, SortedMap<String, byte[]> files) {
        this(origin, files, null, List.of());
    }

    /** Rule files merged from several folders by {@link RuleLayers}, with what the later folders changed. */
    static RuleFiles layered(String origin, SortedMap<String, byte[]> files, List<RuleChange> changes) {
        return new RuleFiles(origin, files, null, changes);
    }

    private static boolean isText(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".drl") || lower.endsWith(".csv");
    }

    /** Editors on Windows may start a UTF-8 file with a byte-order mark, which the DRL parser takes for code. */
    private static byte[] withoutBom(byte[] content) {
        boolean bom = content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB
                && content[2] == (byte) 0xBF;
        return bom ? java.util.Arrays.copyOfRange(content, 3, content.length) : content;
    }

    /** What the files were read from: a folder's path or "bundled catalogue". */
    public String origin() {
        return origin;
    }

    /** The folder's {@value #DISABLE_LIST}, or null when it has none. */
    byte[] disableList() {
        return disableList;
    }

    /** What folders given after the first added, replaced and disabled; empty for one folder. */
    public List<RuleChange> changes() {
        return changes;
    }

    /** Relative path to content, in path order. */
    public SortedMap<String, byte[]> files() {
        return files;
    }

    /** A DRL file, by its name (any case). */
    static boolean isDrl(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".drl");
    }

    public static boolean isRuleFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".drl") || lower.endsWith(".xlsx") || lower.endsWith(".xls")
                || (lower.endsWith(".csv") && !lower.startsWith(TESTS_FOLDER + "/"));
    }

    /** Reads every rule file below {@code folder}, except the scenario folder {@code tests/}. */
    public static RuleFiles fromFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "not a rules folder");
        }
        Path list = folder.resolve(DISABLE_LIST);
        byte[] disableList = Files.isRegularFile(list) ? Files.readAllBytes(list) : null;
        return new RuleFiles(folder.toString(), readTree(folder), disableList, List.of());
    }

    /** The catalogue carried inside the migkb jar. */
    public static RuleFiles bundled() {
        URL url = RuleFiles.class.getClassLoader().getResource(BUNDLED_LOCATION);
        if (url == null) {
            throw new IllegalStateException("the migkb jar carries no rule catalogue at " + BUNDLED_LOCATION);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = openJar(uri)) {
                    return new RuleFiles("bundled catalogue", readTree(jar.getPath(BUNDLED_LOCATION)));
                }
            }
            return new RuleFiles("bundled catalogue", readTree(Path.of(uri)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled rule catalogue", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rule files given directly, e.g. by a test or an embedder that keeps rules elsewhere. */
    public static RuleFiles of(String origin, Map<String, byte[]> files) {
        return new RuleFiles(origin, new TreeMap<>(files));
    }

    private static FileSystem openJar(URI uri) throws IOException {
        try {
            // A file system another caller opened must not be closed under it: read through a fresh one.
            FileSystems.getFileSystem(uri);
            return FileSystems.newFileSystem(Path.of(jarFileOf(uri)));
        } catch (FileSystemNotFoundException e) {
            return FileSystems.newFileSystem(uri, Map.of());
        }
    }

    private static URI jarFileOf(URI jarUri) {
        String spec = jarUri.getSchemeSpecificPart();
        return URI.create(spec.substring(0, spec.indexOf("!/")));
    }

    private static SortedMap<String, byte[]> readTree(Path root) throws IOException {
        SortedMap<String, byte[]> result = new TreeMap<>();
        // Not entered at all, so that scenario files a rules run cannot read (or a tests/ folder it may not list)
        // never stop assess, check or rules; a rule file or folder that cannot be read fails with its path.
        Path tests = root.resolve(TESTS_FOLDER);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.equals(tests) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
                // The walk opens a folder before asking whether to enter it: tests/ failing to open is no matter.
                if (p.equals(tests)) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult visitFile(Path p, BasicFileAttributes attributes) throws IOException {
                String relative = root.relativize(p).toString().replace('\\', '/');
                // Files.isRegularFile follows a link: a rule file may be a link to one kept elsewhere.
                if (Files.isRegularFile(p) && isRuleFile(relative) && !p.getFileName().toString().startsWith(".")
                        && !p.getFileName().toString().startsWith("~$")) {
                    result.put(relative, Files.readAllBytes(p));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return result;
    }
}
