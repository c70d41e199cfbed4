package io.migkb.api;

import io.migkb.engine.CompiledRules;
import io.migkb.engine.GuardRails;
import io.migkb.engine.RuleBuildException;
import io.migkb.engine.RuleCache;
import io.migkb.engine.RuleCompiler;
import io.migkb.engine.RuleFiles;
import io.migkb.engine.RuleInfo;
import io.migkb.engine.RuleLayers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where an assessor comes from: {@link #fromRulesFolder(Path)} (the {@code rules/} folder) or
 * {@link #bundledCatalogue()} (the catalogue inside the migkb jar), with a customer's own rules laid over it
 * ({@link #customerRules(Path)}) and guard rails if need be, then {@link #build()}.
 *
 * <pre>
 * MigrationAssessor assessor = Migkb.fromRulesFolder(Path.of("rules"))
 *         .maxFirings(1_000_000)
 *         .timeLimit(Duration.ofMinutes(1))
 *         .partitions(16).threads(2)   // large inventories only: see partitions and threads
 *         .build();
 * </pre>
 */
public final class Migkb {
    /**
     * The most rule firings (and facts inserted by rules) of one assessment when no limit is set: the budget
     * follows the inventory below it ({@value GuardRails#BASE_BUDGET} plus {@value GuardRails#FIRINGS_PER_FACT}
     * per input fact), so a looping rule is stopped in seconds on a small inventory.
     */
    public static final long DEFAULT_MAX_FIRINGS = GuardRails.DEFAULT.maxFirings();
    /** The time limit of one assessment when none is set. */
    public static final Duration DEFAULT_TIME_LIMIT = GuardRails.DEFAULT.timeLimit();

    private final Path rulesFolder;
    private final List<Path> customerFolders = new ArrayList<>();
    /** 0: the default budget, sized by the inventory. */
    private long maxFirings;
    private Duration timeLimit = DEFAULT_TIME_LIMIT;
    private int partitions = 1;
    private int threads = 1;
    private RuleCache cache = RuleCache.disabled();

    private Migkb(Path rulesFolder) {
        this.rulesFolder = rulesFolder;
    }

    /** Rules read from a folder of DRL files and decision tables, compiled when {@link #build()} is called. */
    public static Migkb fromRulesFolder(Path rulesFolder) {
        return new Migkb(Objects.requireNonNull(rulesFolder, "rulesFolder"));
    }

    /** The rule catalogue carried inside the migkb jar. */
    public static Migkb bundledCatalogue() {
        return new Migkb(null);
    }

    /**
     * Lays a customer's rules folder over the rules before it, as {@code --rules} given again does on the command
     * line (docs/authoring.md): a rule of a new {@code @id} is added, one of an earlier rule's id replaces it, and the
     * ids listed in the folder's {@code disabled-rules.txt} are disabled. May be called again for another folder;
     * {@link LoadedRules#origin()} then sums up what they changed.
     */
    public Migkb customerRules(Path folder) {
        customerFolders.add(Objects.requireNonNull(folder, "folder"));
        return this;
    }

    /**
     * Stops an assessment whose rules fire (or insert facts) more than {@code max} times in all, with a
     * {@link RunawayRulesException}: a guard against a rule that keeps re-firing. A fixed budget, whatever the
     * inventory's size; without it the budget follows the inventory ({@link #DEFAULT_MAX_FIRINGS}).
     */
    public Migkb maxFirings(long max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1, not " + max);
        }
        this.maxFirings = max;
        return this;
    }

    /** Stops an assessment that runs longer than {@code limit}, with a {@link RunawayRulesException}. */
    public Migkb timeLimit(Duration limit) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, not " + limit);
        }
        this.timeLimit = limit;
        return this;
    }

    /**
     * Assesses each inventory in {@code partitions} sessions, one per slice of organizers, then one for what spans
     * them (the partner summaries): far less heap for large inventories. The findings are the same for rules that
     * read one user, meeting or participation, or a user with the meetings they organize, as the bundled
     * catalogue's do; rules that compare users or meetings of different organizers need the default, 1.
     */
    public Migkb partitions(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
        }
        this.partitions = partitions;
        return this;
    }

    /**
     * Runs up to {@code threads} of an assessment's partition sessions at once (see {@link #partitions}), each on a
     * thread of a pool made for the assessment and ended before {@code assess} returns; the closing session runs
     * after them on the calling thread. The findings are those of the default, 1 (one session after the other);
     * what changes is the time (on a machine with that many cores) and the heap, since each session held at once
     * takes its share. The firing limit and the time limit still hold for the whole assessment: the time limit
     * bounds the wall-clock time during which some session is firing, and a runaway in one partition stops them all.
     * Needs {@code partitions} above 1: {@link #build()} refuses more than one thread for one session.
     */
    public Migkb threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.threads = threads;
        return this;
    }

    /**
     * Keeps the compiled rules in {@code folder} (created when missing) between runs of the program, as the command
     * line does in {@code ~/.cache/migkb}: {@link #build()} and {@code reload} then compile only rule files whose
     * bytes they have not compiled before with this version of migkb, and otherwise load the compiled rules (for the
     * bundled catalogue in a fresh JVM on 2 busy cores, about 3.5 s instead of 10 to 15 s; docs/embedding.md). Entries
     * are named by a hash of the rule files' bytes and migkb's build, written whole or not at all, so several
     * processes may share the folder; a folder that cannot be written just means no cache. Rules with errors are
     * never cached: errors always come from a real compile. Default: no cache.
     */
    public Migkb compiledRulesCache(Path folder) {
        this.cache = RuleCache.in(Objects.requireNonNull(folder, "folder"));
        return this;
    }

    /**
     * Compiles the rules and returns an assessor for them.
     *
     * @throws IllegalStateException when {@link #threads} is above 1 but {@link #partitions} is 1
     */
    public MigrationAssessor build() throws RulesException {
        if (threads > 1 && partitions == 1) {
            throw new IllegalStateException("threads(" + threads + ") needs partitions(n) with n above 1: "
                    + "one session runs on one thread");
        }
        GuardRails guardRails = maxFirings == 0 ? GuardRails.DEFAULT.withTimeLimit(timeLimit)
                : new GuardRails(maxFirings, timeLimit);
        return new MigrationAssessor(compile(rulesFolder, customerFolders, cache), rulesFolder, customerFolders, cache,
                guardRails, partitions, threads);
    }

    /**
     * Reads and compiles the rules of a folder, or the bundled catalogue when {@code folder} is null. A rule without
     * {@code @id} is refused: its findings would carry no id, and no report or waiver could name them.
     */
    static CompiledRules compile(Path folder, List<Path> customerFolders, RuleCache cache) throws RulesException {
        List<RuleFiles> layers = new ArrayList<>();
        layers.add(read(folder));
        for (Path customer : customerFolders) {
            layers.add(read(customer));
        }
        RuleFiles files;
        CompiledRules compiled;
        try {
            files = RuleLayers.merge(layers);
        } catch (RuleBuildException e) {
            throw rulesException(layers.get(0).origin(), e);
        }
        try {
            compiled = RuleCompiler.compile(files, cache);
        } catch (RuleBuildException e) {
            throw rulesException(files.origin(), e);
        }
        List<Problem> withoutId = compiled.rules().stream().filter(r -> r.id() == null)
                .map(Migkb::withoutId).toList();
        if (!withoutId.isEmpty()) {
            throw new RulesException(files.origin(), withoutId, null);
        }
        return compiled;
    }

    private static Problem withoutId(RuleInfo rule) {
        return new Problem(rule.file(), rule.line(), 0, null, "rule \"" + rule.name() + "\" has no @id metadata; "
                + "give it one (@id(\"MY-RULE-ID\")): it is the id its findings carry");
    }

    /** Reads the rule files of a folder, or of the bundled catalogue when {@code folder} is null. */
    static RuleFiles read(Path folder) throws RulesException {
        String origin = folder == null ? "bundled catalogue" : folder.toString();
        try {
            return folder == null ? RuleFiles.bundled() : RuleFiles.fromFolder(folder);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new RulesException(origin, List.of(new Problem(origin, 0, 0, null,
                    folder == null ? "cannot read the bundled catalogue: " + e.getMessage()
                            : "not a readable rules folder (" + e.getMessage() + ")")), e);
        }
    }

    static RulesException rulesException(String origin, RuleBuildException e) {
        return new RulesException(origin, e.problems().stream()
                .map(p -> new Problem(p.file(), p.line(), p.column(), null, p.message())).toList(), e);
    }
}
