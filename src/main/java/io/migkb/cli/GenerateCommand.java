package io.migkb.cli;

import io.migkb.generate.InventoryGenerator;
import io.migkb.generate.JsonInventorySink;
import io.migkb.report.ReportFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a believable synthetic inventory (JSON, DESIGN.md's shape, with a plan).",
            "A few pools per server version, clients in realistic shares (many as SIP user-agent strings), about",
            "3 meetings per user with conf:/meet:/https: URLs by the organizer's server, some locked, federated",
            "partners (some on Communicator 2007), Live Meeting needs, add-ins. Same --users and --seed, same file.",
            "Every rule of the catalogue fires from 10,000 users up."},
        footer = {"", "Example: migkb generate --users 100000 --seed 7 --out big.json && migkb assess big.json"})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--users", paramLabel = "N", required = true, description = "Number of users (1 or more).")
    int users;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The JSON file to write (written whole or not at all).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (users < 1) {
            throw new UserError("--users must be at least 1, not " + users);
        }
        InventoryGenerator generator = new InventoryGenerator(users, seed);
        long start = System.nanoTime();
        ReportFiles.writeAtomically(out, stream -> generator.generate(new JsonInventorySink(stream)));
        PrintWriter err = spec.commandLine().getErr();
        err.printf("migkb: wrote %s: %,d users (seed %d), %,d bytes in %,d ms%n", out, users, seed, Files.size(out),
                (System.nanoTime() - start) / 1_000_000);
        err.flush();
        return ExitCode.CLEAN;
    }
}
