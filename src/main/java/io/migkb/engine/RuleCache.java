package io.migkb.engine;

import io.migkb.model.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.CRC32;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rules kept on disk between runs, so that a run whose rule files did not change since the last one skips
 * parsing the DRL, compiling the consequences and reading the decision tables with POI (about 2 s of a cold start,
 * docs/performance.md). An entry holds Drools' own serialized packages (their consequences' bytecode included) and
 * the catalogue's description (rules, supporting rules, warnings); a hit rebuilds the KieBase from the packages.
 *
 * <p>Safe by construction: an entry is named by a SHA-256 of every rule file's path and bytes together with this
 * build of migkb, so an edited file, a different migkb or another JVM never reads it; only rules that compiled
 * without error are stored, so errors are always reported by a real compile; an entry is written to a temporary file
 * and moved into place, so a concurrent run sees all of it or none; a truncated or corrupt entry (checked by CRC), one
 * Drools cannot read back, or a cache folder that is missing or read-only is a miss, never an error.
 */
public final class RuleCache {
    private static final Logger LOG = LoggerFactory.getLogger(RuleCache.class);
    private static final byte[] MAGIC = "migkb-rules-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final String PREFIX = "rules-";
    private static final String TABLE_PREFIX = "table-";
    private static final String SUFFIX = ".bin";
    /** Entries kept in the folder; the oldest go when a new one is written (one per edit of the rules). */
    private static final int KEEP = 16;
    private static final RuleCache DISABLED = new RuleCache(null);
    private static volatile RuleCache shared = DISABLED;

    private final Path folder;

    private RuleCache(Path folder) {
        this.folder = folder;
    }

    /** A cache in {@code folder}, which is created when first written. */
    public static RuleCache in(Path folder) {
        return new RuleCache(folder.toAbsolutePath());
    }

    /** No cache: every compile is a real one. */
    public static RuleCache disabled() {
        return DISABLED;
    }

    /**
     * The cache {@link RuleCompiler#compile(RuleFiles)} uses: none unless the process set one (the command line
     * does, see docs/performance.md); a library embedder gets no files written unasked.
     */
    public static RuleCache shared() {
        return shared;
    }

    public static void setShared(RuleCache cache) {
        shared = cache == null ? DISABLED : cache;
    }

    public boolean enabled() {
        return folder != null;
    }

    /** The folder, or empty when disabled. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** The file an entry for these rule files lives in (whether it exists or not). */
    Path entryFile(RuleFiles files) {
        return folder.resolve(PREFIX + key(files) + SUFFIX);
    }

    /** The compiled rules stored for exactly these files by this build of migkb, if any can be read. */
    Optional<CompiledRules> load(RuleFiles files) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path file = entryFile(files);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(bytes, files));
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            // A corrupt or unreadable entry is only a miss; the compile that follows writes a good one over it.
            LOG.debug("ignoring the compiled-rules cache entry {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Rules that compiled cleanly, as a cache entry holds them: what {@link #load} reads back and
     * {@link #store(RuleFiles, byte[])} writes.
     */
    static byte[] entry(CompiledRules rules) throws IOException {
        return encode(rules);
    }

    /** The rules an entry holds, built exactly as a hit builds them. */
    static CompiledRules fromEntry(byte[] entry, RuleFiles files) throws IOException, ClassNotFoundException {
        return decode(entry, files);
    }

    /** Stores an {@link #entry} of rules that compiled cleanly; any failure to write (read-only folder, full disk) is ignored. */
    void store(RuleFiles files, byte[] entry) {
        if (enabled()) {
            try {
                write(entryFile(files), entry, PREFIX);
            } catch (IOException | RuntimeException e) {
                LOG.debug("not caching compiled rules in {}: {}", folder, e.toString());
            }
        }
    }

    /**
     * The DRL a decision table generated before from these very bytes, if cached: on a miss of the whole catalogue
     * (a DRL file was edited) the table need not be read with POI again, which is a second of a cold start.
     */
    Optional<DecisionTables.Table> loadTable(String path, byte[] content) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path file = tableFile(path, content);
        try {
            DataInputStream in = payload(Files.readAllBytes(file));
            String drl = readString(in);
            int count = in.readInt();
            List<String> sheets = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                sheets.add(readString(in));
            }
            DecisionTables.Table table = DecisionTables.cached(path, content, drl, sheets);
            return table.rules().size() == count ? Optional.of(table) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring the decision-table cache entry {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Stores the DRL a table generated (only a table Drools could read gets here); failures are ignored. */
    void storeTable(DecisionTables.Table table, byte[] content) {
        if (!enabled()) {
            return;
        }
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream(table.drl().length() + 256);
            try (DataOutputStream out = new DataOutputStream(body)) {
                writeString(out, table.drl());
                List<String> sheets = table.sheets();
                out.writeInt(sheets.size());
                for (String sheet : sheets) {
                    writeString(out, sheet);
                }
            }
            write(tableFile(table.path(), content), frame(body.toByteArray()), TABLE_PREFIX);
        } catch (IOException | RuntimeException e) {
            LOG.debug("not caching a decision table in {}: {}", folder, e.toString());
        }
    }

    private Path tableFile(String path, byte[] content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            DigestOutput out = new DigestOutput(digest);
            out.writeString("table");
            out.writeString(BuildId.VALUE);
            out.writeString(path);
            out.writeInt(content.length);
            digest.update(content);
            return folder.resolve(TABLE_PREFIX + HexFormat.of().formatHex(digest.digest()) + SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Writes {@code bytes} to a temporary file beside {@code target} and moves it into place. */
    private void write(Path target, byte[] bytes, String prefix) throws IOException {
        Path tmp = null;
        try {
            Files.createDirectories(folder);
            tmp = Files.createTempFile(folder, ".rules-", ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            prune(target, prefix);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temporary file is harmless, and pruned later
                }
            }
        }
    }

    /** The SHA-256 of this build of migkb, the JVM's version and every rule file's path and bytes, in hex. */
    static String key(RuleFiles files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            DigestOutput out = new DigestOutput(digest);
            out.writeString(new String(MAGIC, StandardCharsets.US_ASCII));
            out.writeString(BuildId.VALUE);
            out.writeString(System.getProperty("java.vm.version", ""));
            out.writeInt(files.files().size());
            for (var entry : files.files().entrySet()) {
                out.writeString(entry.getKey());
                out.writeInt(entry.getValue().length);
                digest.update(entry.getValue());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static byte[] encode(CompiledRules rules) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 18);
        try (DataOutputStream out = new DataOutputStream(body)) {
            writeRules(out, rules.rules());
            writeRules(out, rules.supportingRules());
            out.writeInt(rules.warnings().size());
            for (RuleProblem w : rules.warnings()) {
                writeString(out, w.level().name());
                writeString(out, w.file());
                out.writeInt(w.line());
                out.writeInt(w.column());
                writeString(out, w.message());
            }
            ByteArrayOutputStream packages = new ByteArrayOutputStream(1 << 18);
            try (ObjectOutputStream objects = new DroolsObjectOutputStream(packages)) {
                objects.writeObject(new ArrayList<>(rules.kieBase().getKiePackages()));
            }
            out.writeInt(packages.size());
            packages.writeTo(out);
        }
        return frame(body.toByteArray());
    }

    /** The magic, the payload's length and CRC, then the payload. */
    private static byte[] frame(byte[] payload) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteArrayOutputStream file = new ByteArrayOutputStream(payload.length + 32);
        try (DataOutputStream out = new DataOutputStream(file)) {
            out.write(MAGIC);
            out.writeInt(payload.length);
            out.writeLong(crc.getValue());
            out.write(payload);
        }
        return file.toByteArray();
    }

    /** The payload of a framed entry, checked: magic, length (a truncated file) and CRC (a corrupt one). */
    private static DataInputStream payload(byte[] bytes) throws IOException {
        DataInputStream header = new DataInputStream(new ByteArrayInputStream(bytes));
        byte[] magic = new byte[MAGIC.length];
        header.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a migkb cache entry");
        }
        int length = header.readInt();
        long expected = header.readLong();
        int offset = MAGIC.length + Integer.BYTES + Long.BYTES;
        if (length != bytes.length - offset) {
            throw new IOException("truncated: " + (bytes.length - offset) + " of " + length + " bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        if (crc.getValue() != expected) {
            throw new IOException("checksum mismatch");
        }
        return new DataInputStream(new ByteArrayInputStream(bytes, offset, length));
    }

    private static CompiledRules decode(byte[] bytes, RuleFiles files) throws IOException, ClassNotFoundException {
        DataInputStream in = payload(bytes);
        List<RuleInfo> rules = readRules(in);
        List<RuleInfo> supporting = readRules(in);
        int warningCount = in.readInt();
        List<RuleProblem> warnings = new ArrayList<>(warningCount);
        for (int i = 0; i < warningCount; i++) {
            warnings.add(new RuleProblem(RuleProblem.Level.valueOf(readString(in)), readString(in), in.readInt(),
                    in.readInt(), readString(in)));
        }
        byte[] packages = new byte[in.readInt()];
        in.readFully(packages);
        KieBase kieBase = kieBase(packages);
        return new CompiledRules(files.origin(), kieBase, rules, supporting, warnings, files.files().size(),
                files.changes());
    }

    /**
     * The KieBase from the packages, configured as the KieContainer configures a default KieBase (the kmodule's
     * defaults: identity equality, cloud mode), with the class loader KieServices would use.
     */
    @SuppressWarnings("unchecked")
    private static KieBase kieBase(byte[] packages) throws IOException, ClassNotFoundException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = RuleCache.class.getClassLoader();
        }
        Collection<KiePackage> pkgs;
        try (InputStream bytes = new ByteArrayInputStream(packages);
             ObjectInputStream in = new DroolsObjectInputStream(bytes, loader)) {
            pkgs = (Collection<KiePackage>) in.readObject();
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.Factory.get().newKieBaseConfiguration(null, loader));
        kieBase.addPackages(pkgs);
        return kieBase;
    }

    private static void writeRules(DataOutputStream out, List<RuleInfo> rules) throws IOException {
        out.writeInt(rules.size());
        for (RuleInfo r : rules) {
            writeString(out, r.id());
            writeString(out, r.severity() == null ? null : r.severity().name());
            writeString(out, r.reference());
            writeString(out, r.name());
            writeString(out, r.file());
            out.writeInt(r.line());
        }
    }

    private static List<RuleInfo> readRules(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<RuleInfo> rules = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = readString(in);
            String severity = readString(in);
            rules.add(new RuleInfo(id, severity == null ? null : Severity.valueOf(severity), readString(in),
                    readString(in), readString(in), in.readInt()));
        }
        return rules;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Keeps the {@value #KEEP} newest entries of a kind, and drops temporary files a killed run left behind. */
    private void prune(Path keep, String prefix) {
        try (var listing = Files.list(folder)) {
            List<Path> entries = new ArrayList<>();
            long now = System.currentTimeMillis();
            for (Path p : (Iterable<Path>) listing::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(SUFFIX) && !p.equals(keep)) {
                    entries.add(p);
                } else if (name.startsWith(".rules-") && name.endsWith(".tmp")
                        && now - Files.getLastModifiedTime(p).toMillis() > 3_600_000L) {
                    Files.deleteIfExists(p);
                }
            }
            if (entries.size() >= KEEP) {
                entries.sort((a, b) -> Long.compare(modified(a), modified(b)));
                for (Path old : entries.subList(0, entries.size() - (KEEP - 1))) {
                    Files.deleteIfExists(old);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not prune the compiled-rules cache {}: {}", folder, e.toString());
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Feeds lengths and strings to a digest unambiguously (length-prefixed). */
    private record DigestOutput(MessageDigest digest) {
        void writeInt(int v) {
            digest.update(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
        }

        void writeString(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            writeInt(bytes.length);
            digest.update(bytes);
        }
    }

    /**
     * This build of migkb, so that a rebuilt migkb (its model classes or Drools may have changed) never reads rules
     * another build compiled: the version and build time Maven writes into {@code build.properties}, and, when migkb
     * runs from a jar, that jar's size and modification time (the build time has only seconds). Without the file (an
     * IDE that does not filter resources), a value of this process alone: the cache then only serves this process.
     */
    static final class BuildId {
        static final String VALUE = read();

        private BuildId() {
        }

        private static String read() {
            try (InputStream in = RuleCache.class.getResourceAsStream("build.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    String build = p.getProperty("build", "");
                    if (!build.isBlank() && !build.contains("${")) {
                        return p.getProperty("version") + "/" + build + "/" + p.getProperty("drools") + jar();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // fall through: a per-process id
            }
            return "process-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        }

        private static String jar() throws IOException {
            try {
                Path code = Path.of(RuleCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return Files.isRegularFile(code)
                        ? "/" + code + "/" + Files.size(code) + "/" + Files.getLastModifiedTime(code).toMillis()
                        : "";
            } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
                return "";
            }
        }
    }
}
