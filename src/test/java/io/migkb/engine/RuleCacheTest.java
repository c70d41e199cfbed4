package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.generate.ModelInventorySink;
import io.migkb.inventory.InventoryReaders;
import io.migkb.model.Inventory;
import io.migkb.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled-rules cache: a hit gives the very same rules, and nothing stale, broken or corrupt is ever used. */
class RuleCacheTest {
    private static final String CHANGES = "changes-to-meetings.drl";
    private static RuleFiles catalogue;

    @TempDir
    Path dir;

    @BeforeAll
    static void readCatalogue() throws IOException {
        catalogue = RuleFiles.fromFolder(TestRules.RULES_FOLDER);
    }

    @Test
    void aHitGivesTheSameCatalogueAndTheSameFindingsAsACompile() throws Exception {
        RuleCache cache = RuleCache.in(dir);
        CompiledRules compiled = RuleCompiler.compile(catalogue, cache);
        assertThat(entries()).hasSize(1);

        CompiledRules loaded = RuleCompiler.compile(catalogue, cache);

        assertThat(loaded.kieBase()).isNotSameAs(compiled.kieBase());
        assertThat(loaded.rules()).isEqualTo(compiled.rules());
        assertThat(loaded.supportingRules()).isEqualTo(compiled.supportingRules()).isNotEmpty();
        assertThat(loaded.warnings()).isEqualTo(compiled.warnings());
        assertThat(loaded.origin()).isEqualTo(compiled.origin());
        assertThat(loaded.fileCount()).isEqualTo(compiled.fileCount());
        for (Inventory inventory : List.of(InventoryReaders.read(Path.of("examples/contoso.json")),
                ModelInventorySink.generate(3_000, 7))) {
            List<?> expected = new Assessor(compiled).assess(inventory).findings();
            assertThat(new Assessor(loaded).assess(inventory).findings()).isNotEmpty().isEqualTo(expected);
        }
    }

    @Test
    void anEditedFileIsCompiledAgainNeverTakenFromTheCache() throws Exception {
        RuleCache cache = RuleCache.in(dir);
        RuleCompiler.compile(catalogue, cache);
        RuleFiles edited = edit(CHANGES, "@severity(\"BLOCKER\")", "@severity(\"ADVICE\")");

        CompiledRules rules = RuleCompiler.compile(edited, cache);

        assertThat(rules.rule("CLIENT-NO-CONFERENCING").orElseThrow().severity()).isEqualTo(Severity.ADVICE);
        assertThat(entries()).hasSize(2);
        // and back: the original's entry still serves the original
        assertThat(RuleCompiler.compile(catalogue, cache).rule("CLIENT-NO-CONFERENCING").orElseThrow().severity())
                .isEqualTo(Severity.BLOCKER);
    }

    @Test
    void anUnchangedDecisionTableIsNotReadAgainWhenADrlFileChanges() throws Exception {
        RuleCache cache = RuleCache.in(dir);
        RuleCompiler.compile(catalogue, cache);
        String path = "client-support.xlsx";
        byte[] content = catalogue.files().get(path);
        DecisionTables.Table fresh = DecisionTables.compile(path, content);

        DecisionTables.Table cached = cache.loadTable(path, content).orElseThrow();

        assertThat(cached.drl()).isEqualTo(fresh.drl());
        assertThat(cached.sheets()).isEqualTo(fresh.sheets()).isNotEmpty();
        assertThat(cached.rules()).extracting(DecisionTables.GeneratedRule::name, DecisionTables.GeneratedRule::row)
                .isEqualTo(fresh.rules().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.name(), r.row())).toList());
        // an error in the generated DRL is still located in the cells (read only then)
        for (int line = 1; line <= fresh.drl().split("\\R").length; line += 7) {
            assertThat(cached.locate(RuleProblem.Level.ERROR, line, "LYNC_2013 cannot be resolved"))
                    .isEqualTo(fresh.locate(RuleProblem.Level.ERROR, line, "LYNC_2013 cannot be resolved"));
        }
        // an edited DRL file misses the catalogue's entry but takes the table from the cache, with the same result
        RuleFiles edited = edit(CHANGES, "@severity(\"BLOCKER\")", "@severity(\"ADVICE\")");
        assertThat(RuleCompiler.compile(edited, cache).supportingRules())
                .isEqualTo(RuleCompiler.compile(edited, RuleCache.disabled()).supportingRules());
        // a corrupt table entry is a miss
        try (Stream<Path> files = Files.list(dir)) {
            for (Path table : files.filter(p -> p.getFileName().toString().startsWith("table-")).toList()) {
                Files.write(table, "garbage".getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(cache.loadTable(path, content)).isEmpty();
        assertThat(cache.loadTable(path, "other bytes".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aBrokenEditIsReportedAsWithoutACacheAndNotStored() throws Exception {
        RuleCache cache = RuleCache.in(dir);
        RuleCompiler.compile(catalogue, cache);
        RuleFiles broken = edit(CHANGES, "getDisplayName()", "getDisplayNam()");

        List<RuleProblem> withCache = problems(broken, cache);

        assertThat(withCache).isNotEmpty().isEqualTo(problems(broken, RuleCache.disabled()));
        assertThat(entries()).hasSize(1);
    }

    @Test
    void aCorruptOrTruncatedEntryIsIgnoredAndReplaced() throws Exception {
        RuleCache cache = RuleCache.in(dir);
        RuleCompiler.compile(catalogue, cache);
        Path entry = cache.entryFile(catalogue);
        byte[] good = Files.readAllBytes(entry);

        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x5A;
        for (byte[] bad : List.of(flipped, java.util.Arrays.copyOf(good, good.length / 3),
                "garbage".getBytes(StandardCharsets.UTF_8), new byte[0])) {
            Files.write(entry, bad);
            assertThat(cache.load(catalogue)).isEmpty();
            CompiledRules rules = RuleCompiler.compile(catalogue, cache);
            assertThat(rules.rules()).hasSameSizeAs(TestRules.catalogue().rules());
            assertThat(cache.load(catalogue)).isPresent();
        }
    }

    @Test
    void aDisabledCacheWritesNothing() throws Exception {
        RuleCompiler.compile(catalogue, RuleCache.disabled());
        assertThat(RuleCache.disabled().enabled()).isFalse();
        assertThat(RuleCache.disabled().load(catalogue)).isEmpty();
        assertThat(entries()).isEmpty();
    }

    @Test
    void aMissingOrReadOnlyFolderIsJustNoCache() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        RuleCache underAFile = RuleCache.in(file.resolve("cache"));
        assertThat(RuleCompiler.compile(catalogue, underAFile).rules()).isNotEmpty();
        assertThat(underAFile.load(catalogue)).isEmpty();

        Path readOnly = Files.createDirectory(dir.resolve("read-only"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        RuleCache cache = RuleCache.in(readOnly);
        assertThat(RuleCompiler.compile(catalogue, cache).rules()).isNotEmpty();
        // root may write there anyway: what matters is that nothing failed, and that the rules compile again
        assertThat(RuleCompiler.compile(catalogue, cache).rules()).isNotEmpty();
    }

    @Test
    void concurrentRunsLeaveOneGoodEntry() throws Exception {
        RuleCache cache = RuleCache.in(dir);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<CompiledRules>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> RuleCompiler.compile(catalogue, cache)));
            }
            for (Future<CompiledRules> run : runs) {
                assertThat(run.get().rules()).hasSameSizeAs(TestRules.catalogue().rules());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(entries()).hasSize(1);
        assertThat(cache.load(catalogue)).isPresent();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void theKeyIsTheContentNotTheOrigin() {
        RuleFiles sameBytesElsewhere = RuleFiles.of("elsewhere", catalogue.files());
        assertThat(RuleCache.key(sameBytesElsewhere)).isEqualTo(RuleCache.key(catalogue));
        assertThat(RuleCache.key(edit(CHANGES, "then", "then "))).isNotEqualTo(RuleCache.key(catalogue));
        Map<String, byte[]> renamed = new TreeMap<>(catalogue.files());
        renamed.put("renamed.drl", renamed.remove(CHANGES));
        assertThat(RuleCache.key(RuleFiles.of("x", renamed))).isNotEqualTo(RuleCache.key(catalogue));
    }

    private static List<RuleProblem> problems(RuleFiles files, RuleCache cache) {
        try {
            RuleCompiler.compile(files, cache);
        } catch (RuleBuildException e) {
            return e.problems();
        }
        throw new AssertionError("expected errors");
    }

    private static RuleFiles edit(String file, String from, String to) {
        Map<String, byte[]> files = new TreeMap<>(catalogue.files());
        String text = new String(files.get(file), StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        files.put(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to).getBytes(StandardCharsets.UTF_8));
        return RuleFiles.of(catalogue.origin(), files);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("rules-")).toList();
        }
    }
}
