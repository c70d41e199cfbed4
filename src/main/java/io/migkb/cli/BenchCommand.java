package io.migkb.cli;

import io.migkb.bench.Benchmark;
import io.migkb.engine.GuardRails;
import io.migkb.generate.ExportFolderSink;
import io.migkb.generate.InventoryGenerator;
import io.migkb.generate.JsonInventorySink;
import io.migkb.inventory.InventoryReaders;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Generate an inventory (as `generate` would, to a temporary file), then assess it twice, timed "
            + "end to end with the same reader as `assess` and the same JSON report writer (to a byte counter): "
            + "with the Drools rules, and with the catalogue's plain-Java twin (io.migkb.bench, never used by assess). "
            + "Prints each phase (read, build rules, insert, fire, write), peak heap, findings per rule, whether "
            + "the two agree (`findings identical: yes|no`; `not compared` when the rules are not the bundled catalogue the twin encodes, such as with a folder of your own), and last `ratio drools/plain: X.XX`. "
            + "With --threads T both paths use T threads: Drools runs T partition sessions at once, the twin splits "
            + "its meetings and users into T runs; insert and fire are then wall-clock time. "
            + "From 500,000 users the Drools path runs in 64 partitions unless --partitions is given. "
            + "Large runs: JAVA_OPTS=-Xmx4g bin/migkb bench --users 1000000"},
        footer = {"", "Figures for this machine: docs/performance.md."})
final class BenchCommand implements Callable<Integer> {
    /**
     * The warm-up assesses the run's own input up to this size, a generated one of this size above it. Warmed on a
     * tenth of the users, the JIT was still compiling Drools during the timed run (a second of CPU at 100k users).
     */
    private static final int MAX_WARM_UP_USERS = 100_000;
    /** The users the warm-up assesses in all, over its rounds, unless --warm-up says how many rounds. */
    static final int WARM_UP_WORK = 300_000;
    /**
     * From here on one session spends a third of its time collecting garbage (measured at 1M users), so the Drools
     * path runs in {@link #LARGE_RUN_PARTITIONS} partitions unless --partitions is given.
     */
    static final int LARGE = 500_000;
    /** As the heap refusal suggests: the fastest measured at 1M users. */
    static final int LARGE_RUN_PARTITIONS = HeapGuard.FAST_PARTITIONS;

    @Option(names = "--users", paramLabel = "N", defaultValue = "100000",
            description = "Number of users to generate (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "json",
            description = "The input both paths read: json (a file) or lync-export (the same estate as a folder of"
                    + " customer exports, to time that reader); default: ${DEFAULT-VALUE}.")
    String inputFormat;

    @Option(names = "--warm-up", paramLabel = "ROUNDS",
            description = "Untimed rounds of both paths before the timed run, on the same input (on 100,000 generated"
                    + " users above that), so neither is timed while the JIT compiles it; 0 times a cold JVM, with the"
                    + " rules built beside the read as assess does. Default: enough rounds for 300,000 users in all,"
                    + " at least 3 and at most 30 (3 from 100,000 users, 30 at 10,000).")
    Integer warmUpRounds;

    @Mixin
    RulesOption rulesOption;

    @Mixin
    PartitionsOption partitionsOption;

    @Mixin
    ThreadsOption threadsOption;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (users < 1) {
            throw new UserError("--users must be at least 1, not " + users);
        }
        if (warmUpRounds != null && (warmUpRounds < 0 || warmUpRounds > 100)) {
            throw new UserError("--warm-up must be between 0 and 100 rounds, not " + warmUpRounds);
        }
        // A million users do not fit one session in 4 GB; 64 partitions were the fastest measured (docs/performance.md).
        boolean chosen = spec.commandLine().getParseResult().hasMatchedOption("--partitions");
        int partitions = droolsPartitions(users, chosen ? partitionsOption.value() : null);
        int threads = threadsOption.value(partitions);
        PrintWriter out = spec.commandLine().getOut();
        Runtime rt = Runtime.getRuntime();
        out.printf("migkb bench: %,d users, seed %d; %d cores, max heap %,d MB, Java %s; %d %s%s%n", users, seed,
                rt.availableProcessors(), rt.maxMemory() / (1024 * 1024), System.getProperty("java.version"),
                threads, threads == 1 ? "thread" : "threads for both paths",
                partitions > 1 ? "; drools in " + partitions + " partitions by organizer" : "");
        if (users >= LARGE && partitions == 1) {
            out.println("note: one Drools session for all of it; --partitions " + LARGE_RUN_PARTITIONS + " takes less"
                    + " heap and time at this size (docs/performance.md)");
        } else if (!chosen && partitions > 1) {
            out.println("note: " + partitions + " partitions by organizer, as from " + String.format("%,d", LARGE)
                    + " users unless --partitions says otherwise (--partitions 1: one session)");
        }
        out.flush();
        if (!inputFormat.equals("json") && !inputFormat.equals("lync-export")) {
            throw new UserError("--input-format must be json or lync-export, not \"" + inputFormat + "\"");
        }
        Path file = newInput("migkb-bench-");
        try {
            long start = System.nanoTime();
            generate(file, users, seed);
            out.printf("generated %s: %,d MB of %s in %,d ms (not counted below)%n", file,
                    InputFiles.size(file) / (1024 * 1024), inputFormat.equals("json") ? "JSON" : "exports",
                    (System.nanoTime() - start) / 1_000_000);
            out.flush();
            // Refuse at once rather than spend the run in full collections.
            HeapGuard.check(file, partitions, threads, threadsOption.forPartitions());
            // The same reader as `assess`, for both paths.
            int warmUpUsers = Math.min(users, MAX_WARM_UP_USERS);
            int rounds = warmUpRounds != null ? warmUpRounds : warmUpRoundsFor(warmUpUsers);
            Path small = warmUpUsers == users ? file : newInput("migkb-bench-warmup-");
            try {
                if (small != file) {
                    generate(small, warmUpUsers, seed);
                }
                Benchmark bench = new Benchmark(() -> InventoryReaders.read(file), rulesOption.files(), GuardRails.DEFAULT,
                        partitions, threads);
                Benchmark.Result result = bench.run(() -> InventoryReaders.read(small), rounds);
                out.printf("both paths warmed up %d time(s) on %s first (untimed)%n%n", rounds,
                        small == file ? "this input" : String.format("%,d users", warmUpUsers));
                Benchmark.print(result, out);
            } finally {
                if (small != file) {
                    InputFiles.delete(small);
                }
            }
        } finally {
            InputFiles.delete(file);
        }
        return ExitCode.CLEAN;
    }

    /**
     * Rounds enough for {@value #WARM_UP_WORK} users in all, between 3 and 30: at 10,000 users three rounds left
     * Drools' assessment at 208-316 ms against 77-92 ms warm (ratio 2.0 against 1.6 after thirty).
     */
    static int warmUpRoundsFor(int warmUpUsers) {
        long rounds = (WARM_UP_WORK + warmUpUsers - 1) / Math.max(1, warmUpUsers);
        return (int) Math.max(3, Math.min(30, rounds));
    }

    /** The partitions of the Drools path: {@code given}, or {@link #LARGE_RUN_PARTITIONS} from LARGE users up. */
    static int droolsPartitions(int users, Integer given) {
        if (given != null) {
            return given;
        }
        return users >= LARGE ? LARGE_RUN_PARTITIONS : 1;
    }

    /** A new temporary file for JSON, a new temporary folder for exports. */
    private Path newInput(String prefix) throws IOException {
        return inputFormat.equals("json") ? Files.createTempFile(prefix, ".json") : Files.createTempDirectory(prefix);
    }

    private void generate(Path input, int users, long seed) throws IOException {
        if (Files.isDirectory(input)) {
            new InventoryGenerator(users, seed).generate(new ExportFolderSink(input));
            return;
        }
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(input), 1 << 16)) {
            new InventoryGenerator(users, seed).generate(new JsonInventorySink(stream));
        }
    }
}
