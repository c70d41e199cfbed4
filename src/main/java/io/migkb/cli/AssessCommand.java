package io.migkb.cli;

import io.migkb.engine.Assessment;
import io.migkb.engine.CompiledRules;
import io.migkb.engine.GuardRails;
import io.migkb.engine.RuleChange;
import io.migkb.model.Deferrals;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import io.migkb.model.Severity;
import io.migkb.report.Report;
import io.migkb.report.ReportFiles;
import io.migkb.report.ReportWriter;
import io.migkb.report.ReportWriters;
import io.migkb.report.RuleDescription;
import io.migkb.waiver.WaiverOutcome;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "assess", mixinStandardHelpOptions = true,
        description = {"Assess a migration inventory against the rules and report the findings. "
            + "Reads INVENTORY (JSON, YAML or exports, see docs/inventory.md), inserts it into a Drools session as facts, fires the "
            + "rules and writes every finding: rule id, severity, subject, message, remedy, article section."},
        footer = {"", "Examples:",
            "  bin/migkb assess examples/contoso.json",
            "  bin/migkb assess customer.yaml --format json --out findings.json --fail-on BLOCKER",
            "  bin/migkb assess customer.yaml --format html --format sarif --out-dir reports/",
            "  bin/migkb assess customer.yaml --waivers waivers.yaml --fail-on WARNING",
            "", "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad input or bad rules (no report written)."})
final class AssessCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INVENTORY", description = "The inventory file, or folder of CSV files or Lync Management Shell exports.")
    Path inventoryFile;

    @Mixin
    RulesOption rulesOption;

    @Mixin
    PartitionsOption partitionsOption;

    @Mixin
    ThreadsOption threadsOption;

    @Mixin
    InventoryOptions inventoryOptions;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "Report format: ${COMPLETION-CANDIDATES}. Default: from --out's extension, else table. "
                    + "Repeat it (or give a comma-separated list) with --out-dir for one file per format.",
            completionCandidates = FormatNames.class)
    List<String> formats;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the report to FILE (whole or not at all) instead of standard output.")
    Path out;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "Write one report per --format into DIR (created when missing), each named after the "
                    + "inventory with the format's extension, each whole or not at all.")
    Path outDir;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when a finding is at least this severe: BLOCKER, WARNING, ADVICE or INFO. "
                    + "Default: never (exit 0 whatever the findings).")
    Severity failOn;

    @Option(names = "--quiet", description = "No summary line, timings or progress bar on standard error.")
    boolean quiet;

    @Option(names = "--max-firings", paramLabel = "N",
            description = "Stop a runaway rule after N rule firings, or N facts inserted by rules, in all. Default: "
                    + "100,000 plus 10 per input fact (the catalogue fires less than once per input fact). Exit 2, no "
                    + "report, naming the looping rule.")
    Long maxFirings;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Stop the rules after this many seconds of firing (wall-clock time while any session "
                    + "fires; default: ${DEFAULT-VALUE}). "
                    + "Exit 2, no report, naming the rule that fired most.")
    long timeLimitSeconds = GuardRails.DEFAULT.timeLimit().toSeconds();

    @Mixin
    WaiverOption waiverOption;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        GuardRails guardRails = guardRails();
        int partitions = partitionsOption.value();
        int threads = threadsOption.value(partitions);
        HeapGuard.check(inventoryFile, partitions, threads, threadsOption.forPartitions());
        try {
            return assess(guardRails, partitions, threads);
        } catch (OutOfMemoryError e) {
            // What the assessment held is unreachable here: there is room again to say what happened.
            throw HeapGuard.outOfMemory(inventoryFile, partitions, threads);
        }
    }

    private GuardRails guardRails() throws UserError {
        if (maxFirings != null && maxFirings < 1) {
            throw new UserError("--max-firings must be at least 1, not " + maxFirings);
        }
        if (timeLimitSeconds < 1) {
            throw new UserError("--time-limit must be at least 1 second, not " + timeLimitSeconds);
        }
        GuardRails sized = GuardRails.DEFAULT.withTimeLimit(Duration.ofSeconds(timeLimitSeconds));
        return maxFirings == null ? sized : sized.withMaxFirings(maxFirings);
    }

    private Integer assess(GuardRails guardRails, int partitions, int threads) throws Exception {
        List<ReportWriter> writers = writers();
        List<Path> outDirFiles = outDirFiles(writers);
        Progress progress = Progress.start(quiet, spec.commandLine());
        AssessedInventory assessed = AssessedInventory.of(inventoryFile, inventoryOptions, rulesOption, waiverOption,
                guardRails, partitions, threads, progress);
        Inventory inventory = assessed.inventory();
        CompiledRules rules = assessed.rules();
        Assessment assessment = assessed.assessment();
        WaiverOutcome waived = waiverOption.apply(assessed.waivers(), assessment.findings());
        progress.phase("write", out != null || outDir != null);
        // Findings that apply only once a held-back user moves are marked, as the plan marks them.
        List<Finding> findings = Deferrals.mark(inventory, assessment.findings(), waived.inForce(assessment.findings()));
        Report report = new Report(inventory.getOrganization(), inventoryFile.toString(), rules.description(),
                findings, failOn, descriptions(rules), inventory::locationOf, waived, inventory.getCoverage(),
                rules.changes().stream().map(RuleChange::describe).toList());
        PrintWriter err = spec.commandLine().getErr();
        ReportWriter writer = writers.get(0);
        if (outDir != null) {
            List<ReportFiles.Target> targets = new ArrayList<>();
            for (int i = 0; i < writers.size(); i++) {
                ReportWriter w = writers.get(i);
                targets.add(new ReportFiles.Target(outDirFiles.get(i), stream -> w.write(report, stream)));
            }
            ReportFiles.writeAll(targets);
            if (!quiet) {
                err.println("migkb: " + report.findings().size() + " findings " + report.summary() + " written to "
                        + outDirFiles.stream().map(Path::toString).collect(Collectors.joining(", ")));
            }
        } else if (out != null && !StandardOutput.isDash(out)) {
            ReportFiles.writeAtomically(out, writer, report);
            if (!quiet) {
                err.println("migkb: " + report.findings().size() + " findings " + report.summary() + " written to " + out);
            }
        } else {
            spec.commandLine().getOut().flush();
            OutputStream stdout = StandardOutput.checked(Main.stdout());
            writer.write(report, stdout);
            stdout.flush();
        }
        progress.finish(quiet);
        WaiverOption.warn(waived, err);
        // The same test the JUnit report marks failures by: at or above --fail-on and not waived.
        return report.findings().stream().anyMatch(report::fails) ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    /** The writers of the formats asked for, in order, checked before anything is read. */
    private List<ReportWriter> writers() throws UserError {
        if (out != null && outDir != null) {
            throw new UserError("--out and --out-dir cannot go together: --out writes one report to a file, "
                    + "--out-dir one report per --format into a folder");
        }
        if (out != null && !StandardOutput.isDash(out)) {
            ReadPaths.of(inventoryFile, waiverOption, rulesOption).refuseOverwrite("--out " + out, out);
        }
        List<String> names = new ArrayList<>();
        if (formats != null) {
            formats.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).filter(f -> !f.isEmpty())
                    .distinct().forEach(names::add);
        }
        if (formats != null && names.isEmpty()) {
            throw new UserError("--format: empty; use one of " + String.join(", ", ReportWriters.formats()));
        }
        if (names.isEmpty()) {
            names.add(out == null || StandardOutput.isDash(out) ? "table" : ReportWriters.formatFor(out));
        }
        if (names.size() > 1 && outDir == null) {
            throw new UserError("--format " + String.join(", ", names) + ": several formats need --out-dir DIR "
                    + "(one file per format, named after the inventory); standard output and --out take one format");
        }
        List<ReportWriter> writers = new ArrayList<>();
        for (String chosen : names) {
            writers.add(ReportWriters.forFormat(chosen).orElseThrow(() -> new UserError("--format " + chosen
                    + ": unknown report format; use one of " + String.join(", ", ReportWriters.formats()))));
        }
        return writers;
    }

    /**
     * With --out-dir, the file of each writer, in order; checked before anything is read, so that an exit 2 leaves
     * no report of a format that came earlier in the list. Empty without --out-dir.
     */
    private List<Path> outDirFiles(List<ReportWriter> writers) throws UserError {
        List<Path> files = new ArrayList<>();
        if (outDir == null) {
            return files;
        }
        ReadPaths inputs = ReadPaths.of(inventoryFile, waiverOption, rulesOption);
        String base = baseName(inventoryFile);
        for (ReportWriter w : writers) {
            Path file = outDir.resolve(base + "." + w.extension());
            inputs.refuseOverwrite("--out-dir " + outDir + " (the " + w.format() + " report " + file + ")", file);
            files.add(file);
        }
        return files;
    }

    /** What the reports say about each rule that ran (SARIF's rule metadata, JUnit's empty suites). */
    private static List<RuleDescription> descriptions(CompiledRules rules) {
        return rules.rules().stream()
                .filter(r -> r.id() != null)
                .map(r -> new RuleDescription(r.id(), r.severity(), r.reference()))
                .toList();
    }

    /**
     * "contoso" for examples/contoso.json; a name without extension is kept whole; a folder given as {@code .} or
     * {@code exports/..} is named by its own name; the root of a file system gives "report".
     */
    static String baseName(Path inventory) {
        Path file = inventory.toAbsolutePath().normalize().getFileName();
        String name = file == null ? "report" : file.toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The report format names, for --help. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ReportWriters.formats().iterator();
        }
    }
}
