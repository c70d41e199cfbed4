package io.migkb.cli;

import io.migkb.generate.ExportFolderSink;
import io.migkb.generate.InventoryGenerator;
import io.migkb.generate.JsonInventorySink;
import io.migkb.report.ReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a believable synthetic inventory (JSON in the shape of docs/inventory.md, with a plan), "
            + "or the same estate as a folder of customer exports (--format lync-export: Get-CsUser, Get-CsPool, "
            + "Get-CsService -Registrar, EndpointRegistrations.csv, ...; docs/inputs.md). "
            + "A few pools per server version, clients in realistic shares (many as SIP user-agent strings), about "
            + "3 meetings per user with conf:/meet:/https: URLs by the organizer's server, some locked, federated "
            + "partners (some on Communicator 2007), Live Meeting needs, add-ins. Same --users and --seed, same file. "
            + "Every rule about the article fires from 10,000 users up. With --meeting-sources, a lync-export folder "
            + "holds its meetings where Lync keeps them (conference database, Monitoring and calendar exports)."},
        footer = {"", "Examples:",
            "  migkb generate --users 100000 --seed 7 --out big.json && migkb assess big.json",
            "  migkb generate --users 100000 --format lync-export --out exports/ && migkb assess exports/",
            "  migkb generate --users 100000 --format lync-export --meeting-sources --out exports/"})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--users", paramLabel = "N", required = true, description = "Number of users (1 or more).")
    int users;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (a file) or lync-export (a new folder of exports); default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE|DIR", required = true,
            description = "The JSON file (- for standard output), or for lync-export the folder, to write (written"
                    + " whole or not at all; a folder must not exist yet).")
    Path out;

    @Option(names = "--meeting-sources", description = "With --format lync-export: write the meetings as"
            + " rtc-conferences.csv, lcscdr-participants.csv and calendars.ics, as collect/ gathers them, instead of"
            + " meetings.csv; the meetings lose the content, video and IM settings no source holds, so the findings"
            + " differ from the JSON's.")
    boolean meetingSources;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (users < 1) {
            throw new UserError("--users must be at least 1, not " + users);
        }
        if (meetingSources && !format.equals("lync-export")) {
            throw new UserError("--meeting-sources needs --format lync-export: only a folder of exports has them");
        }
        InventoryGenerator generator = new InventoryGenerator(users, seed);
        long start = System.nanoTime();
        long bytes;
        switch (format) {
            case "json" -> {
                if (StandardOutput.isDash(out)) {
                    spec.commandLine().getOut().flush();
                    java.io.OutputStream stdout = StandardOutput.checked(Main.stdout());
                    generator.generate(new JsonInventorySink(stdout));
                    stdout.flush();
                    bytes = 0;
                } else {
                    ReportFiles.writeAtomically(out, stream -> generator.generate(new JsonInventorySink(stream)));
                    bytes = Files.isRegularFile(out) ? Files.size(out) : 0;
                }
            }
            case "lync-export" -> bytes = writeFolder(generator);
            default -> throw new UserError("--format must be json or lync-export, not \"" + format + "\"");
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf("migkb: wrote %s: %,d users (seed %d), %,d bytes in %,d ms%n",
                StandardOutput.isDash(out) ? "standard output" : out, users, seed, bytes,
                (System.nanoTime() - start) / 1_000_000);
        err.flush();
        return ExitCode.CLEAN;
    }

    /** Writes the folder beside its place and renames it there once complete; returns the bytes written. */
    private long writeFolder(InventoryGenerator generator) throws IOException, UserError {
        if (Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new UserError(out + ": already exists; --format lync-export writes a new folder: give a path that"
                    + " does not exist yet");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (StandardOutput.isDash(out)) {
            throw new UserError("--out -: --format lync-export writes a folder, not standard output");
        }
        // A short name whatever the folder's: a long --out name must not make the temporary one too long.
        Path temp = Files.createTempDirectory(parent, ".migkb-" + ProcessHandle.current().pid() + "-");
        try {
            generator.generate(new ExportFolderSink(temp, meetingSources));
            long bytes = InputFiles.size(temp);
            try {
                Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                throw new UserError(out + ": cannot move the finished folder into place (" + e.getMessage() + ")");
            }
            return bytes;
        } finally {
            InputFiles.delete(temp); // gone already once moved into place
        }
    }
}
