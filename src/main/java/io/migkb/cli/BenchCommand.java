package io.migkb.cli;

import io.migkb.bench.Benchmark;
import io.migkb.engine.GuardRails;
import io.migkb.generate.ModelInventorySink;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Generate an inventory (as `generate` would), then assess it twice, timed end to end with the",
            "same reader and JSON report writer: with the Drools rules, and with the catalogue's plain-Java twin.",
            "Prints each phase (read, build rules, insert, fire, write), peak heap, findings per rule, whether",
            "the two agree (`findings identical: yes|no`), and last `ratio drools/plain: X.XX`.",
            "Give the JVM room for large runs: JAVA_OPTS=-Xmx4g bin/migkb bench --users 1000000"},
        footer = {"", "Figures for this machine: docs/performance.md."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--users", paramLabel = "N", defaultValue = "100000",
            description = "Number of users to generate (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    RulesOption rulesOption;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (users < 1) {
            throw new UserError("--users must be at least 1, not " + users);
        }
        PrintWriter out = spec.commandLine().getOut();
        Runtime rt = Runtime.getRuntime();
        out.printf("migkb bench: %,d users, seed %d; %d cores, max heap %,d MB, Java %s%n", users, seed,
                rt.availableProcessors(), rt.maxMemory() / (1024 * 1024), System.getProperty("java.version"));
        out.flush();
        Benchmark bench = new Benchmark(() -> ModelInventorySink.generate(users, seed), rulesOption.files(),
                GuardRails.DEFAULT);
        Benchmark.print(bench.run(), out);
        return ExitCode.CLEAN;
    }
}
