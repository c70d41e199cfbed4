package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile cases of src/test/resources/hostile/cases.yaml, one row each: a temporary folder is set up (files
 * copied from the project or written from text, symbolic links, FIFOs, stale temporaries), migkb runs, and the
 * exit code, the message on standard error, and the files that must stay untouched are checked.
 */
class HostileCasesTest {
    static final Path CASES = Path.of("src/test/resources/hostile/cases.yaml");
    /** What must never reach a terminal: C0 controls but tab, line feed and carriage return; DEL; C1 controls. */
    static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");

    /** One row of cases.yaml; see the comment at its top. */
    public record Case(String name, Map<String, String> copy, Map<String, String> write, Map<String, String> links,
                       List<String> fifos, List<String> old, String run, int exit, String stderr, String stdout,
                       List<String> written, List<String> absent, Boolean stdoutFails,
                       Map<String, String> fifoReads, Map<String, String> modes) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The compiled-rules cache of the runs in a JVM of their own: the same rules compile once, not once a row. */
    @TempDir
    static Path childCache;

    static List<Case> cases() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return Arrays.asList(yaml.readValue(CASES.toFile(), Case[].class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void holds(Case c, @TempDir Path dir) throws Exception {
        setUp(c, dir);
        Map<String, Snapshot> before = snapshot(dir);
        nonNull(c.written()).forEach(before::remove);
        nonNull(c.absent()).forEach(before::remove);
        String[] args = Arrays.stream(c.run().trim().split("\\s+"))
                .map(a -> a.replace("{dir}", dir.toString())).toArray(String[]::new);
        Map<String, Fifos.Reader> readers = new LinkedHashMap<>();
        for (String fifo : nonNull(c.fifos())) {
            readers.put(fifo, Fifos.read(dir.resolve(fifo)));
        }
        CliRun result;
        if (c.modes() != null) {
            result = runWithModes(c.modes(), dir, args);
        } else {
            result = c.stdoutFails() != null && c.stdoutFails() ? runWithFullStdout(args) : CliRun.of(args);
        }
        for (Map.Entry<String, Fifos.Reader> r : readers.entrySet()) {
            String read = r.getValue().finish();
            String expected = nonNull(c.fifoReads()).get(r.getKey());
            if (expected != null) {
                assertThat(read).as("read from the FIFO %s", r.getKey()).containsPattern(expected);
            }
        }

        assertThat(result.exitCode()).as("exit code; stderr:%n%s", result.err()).isEqualTo(c.exit());
        if (c.stderr() != null) {
            assertThat(result.err().replace(dir.toString(), "{dir}")).as("stderr")
                    .containsPattern(Pattern.compile(c.stderr(), Pattern.DOTALL));
        }
        if (c.stdout() != null) {
            assertThat(result.out()).as("stdout").containsPattern(Pattern.compile(c.stdout(), Pattern.DOTALL));
        }
        assertThat(result.err()).as("no terminal control characters on stderr").doesNotContainPattern(CONTROL);
        assertThat(result.out()).as("no terminal control characters on stdout").doesNotContainPattern(CONTROL);
        Map<String, Snapshot> after = snapshot(dir);
        for (Map.Entry<String, Snapshot> e : before.entrySet()) {
            assertThat(after.get(e.getKey())).as("%s is untouched", e.getKey()).isEqualTo(e.getValue());
        }
        for (String w : nonNull(c.written())) {
            assertThat(dir.resolve(w)).as("written").exists();
        }
        for (String a : nonNull(c.absent())) {
            assertThat(Files.exists(dir.resolve(a), LinkOption.NOFOLLOW_LINKS)).as("%s is absent", a).isFalse();
        }
        if (c.exit() == ExitCode.BAD_INPUT) {
            try (Stream<Path> files = Files.walk(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".migkb-")))
                        .as("no temporary left").isEmpty();
            }
        }
    }

    private static void setUp(Case c, Path dir) throws IOException {
        for (Map.Entry<String, String> e : nonNull(c.copy()).entrySet()) {
            copy(Path.of(e.getValue()), dir.resolve(e.getKey()));
        }
        for (Map.Entry<String, String> e : nonNull(c.write()).entrySet()) {
            Path file = dir.resolve(e.getKey());
            // A copied file where this one needs a folder (meetings.csv/keep.csv) gives way to the folder.
            for (Path p = file.getParent(); !p.equals(dir); p = p.getParent()) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(p);
                }
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, expand(unescape(e.getValue())));
        }
        for (Map.Entry<String, String> e : nonNull(c.links()).entrySet()) {
            Files.createSymbolicLink(dir.resolve(e.getKey()), Path.of(e.getValue()));
        }
        for (String fifo : nonNull(c.fifos())) {
            Fifos.make(dir.resolve(fifo));
        }
        for (String old : nonNull(c.old())) {
            Files.setLastModifiedTime(dir.resolve(old), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        }
    }

    /** {@code \e} and {@code \a} in a written file's text: ESC and BEL, which YAML text cannot hold plainly. */
    private static String unescape(String text) {
        return text.replace("\\e", "\u001B").replace("\\a", "\u0007");
    }

    /** {@code <<N x TEXT>>}: TEXT N times, for an input too large to keep in the project (made in the test's folder). */
    private static String expand(String text) {
        return REPEAT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
    }

    private static final Pattern REPEAT = Pattern.compile("<<(\\d+) x (.+?)>>");

    /**
     * Runs migkb in a JVM of its own while the paths have the given modes (octal), so that permissions hold: as root,
     * with the capabilities to override them dropped (setpriv), else as the user running the tests. The modes are
     * given back afterwards, so the folder can be compared and removed.
     */
    private static CliRun runWithModes(Map<String, String> modes, Path dir, String[] args) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path setpriv = Stream.of("/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(!root || setpriv != null, "root without setpriv: permissions cannot hold");
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of(setpriv.toString(), "--bounding-set=-dac_override,-dac_read_search"));
        }
        command.addAll(List.of(ProcessHandle.current().info().command().orElseThrow(), "-Dfile.encoding=UTF-8",
                "-Dmigkb.cache=" + childCache, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(Arrays.asList(args));
        Map<Path, Set<PosixFilePermission>> before = new LinkedHashMap<>();
        Path out = Files.createTempFile("hostile-out", ".txt");
        Path err = Files.createTempFile("hostile-err", ".txt");
        try {
            for (Map.Entry<String, String> m : modes.entrySet()) {
                Path p = dir.resolve(m.getKey());
                before.put(p, Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                Files.setPosixFilePermissions(p, permissions(m.getValue()));
            }
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("migkb did not end within 5 minutes: " + String.join(" ", args));
            }
            return new CliRun(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            for (Map.Entry<Path, Set<PosixFilePermission>> b : before.entrySet()) {
                Files.setPosixFilePermissions(b.getKey(), b.getValue());
            }
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Set<PosixFilePermission> permissions(String octal) {
        int mode = Integer.parseInt(octal, 8);
        StringBuilder text = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = mode >> shift;
            text.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
        }
        return PosixFilePermissions.fromString(text.toString());
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    copy(f, to.resolve(f.getFileName().toString()));
                }
            }
        } else {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        }
    }

    /** What a path is and holds, without following links: a FIFO is never opened. */
    record Snapshot(String kind, String content) {
    }

    private static Map<String, Snapshot> snapshot(Path dir) throws IOException {
        Map<String, Snapshot> all = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.equals(dir)) {
                    continue;
                }
                String key = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    all.put(key, new Snapshot("link", Files.readSymbolicLink(p).toString()));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    all.put(key, new Snapshot("folder", ""));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    all.put(key, new Snapshot("file", new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)));
                } else {
                    all.put(key, new Snapshot("special", ""));
                }
            }
        }
        return all;
    }

    /** A run whose standard output fails as a full disk does. */
    private static CliRun runWithFullStdout(String[] args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        try (PrintStream o = new PrintStream(full, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = Main.run(o, e, args);
            return new CliRun(code, "", err.toString(StandardCharsets.UTF_8));
        }
    }

    private static <K, V> Map<K, V> nonNull(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? new ArrayList<>() : list;
    }
}
