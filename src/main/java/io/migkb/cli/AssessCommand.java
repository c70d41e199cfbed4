package io.migkb.cli;

import io.migkb.engine.Assessment;
import io.migkb.engine.Assessor;
import io.migkb.engine.CompiledRules;
import io.migkb.engine.GuardRails;
import io.migkb.model.Inventory;
import io.migkb.model.Severity;
import io.migkb.report.Report;
import io.migkb.report.ReportFiles;
import io.migkb.report.ReportWriter;
import io.migkb.report.ReportWriters;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "assess", mixinStandardHelpOptions = true,
        description = {"Assess a migration inventory against the rules and report the findings.",
            "Reads INVENTORY (JSON or YAML, see DESIGN.md), inserts it into a Drools session as facts, fires the",
            "rules and writes every finding: rule id, severity, subject, message, remedy, article section."},
        footer = {"", "Examples:",
            "  bin/migkb assess examples/contoso.json",
            "  bin/migkb assess customer.yaml --format json --out findings.json --fail-on BLOCKER",
            "", "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad input or bad rules (no report written)."})
final class AssessCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INVENTORY", description = "The inventory file, or folder of CSV files or Lync Management Shell exports.")
    Path inventoryFile;

    @Mixin
    RulesOption rulesOption;

    @Mixin
    InventoryOptions inventoryOptions;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Report format: ${COMPLETION-CANDIDATES}. Default: from --out's extension, else table.",
            completionCandidates = FormatNames.class)
    String format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the report to FILE (whole or not at all) instead of standard output.")
    Path out;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when a finding is at least this severe: BLOCKER, WARNING, ADVICE or INFO. "
                    + "Default: never (exit 0 whatever the findings).")
    Severity failOn;

    @Option(names = "--quiet", description = "No summary line on standard error.")
    boolean quiet;

    @Option(names = "--max-firings", paramLabel = "N",
            description = "Stop a runaway rule after N rule firings in all (default: ${DEFAULT-VALUE}; the catalogue "
                    + "fires about once per finding). Exit 2, no report, naming the rule that fired most.")
    long maxFirings = GuardRails.DEFAULT.maxFirings();

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Stop the rules after this many seconds of firing (default: ${DEFAULT-VALUE}). "
                    + "Exit 2, no report, naming the rule that fired most.")
    long timeLimitSeconds = GuardRails.DEFAULT.timeLimit().toSeconds();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ReportWriter writer = writer();
        GuardRails guardRails = guardRails();
        HeapGuard.check(inventoryFile);
        try {
            return assess(writer, guardRails);
        } catch (OutOfMemoryError e) {
            // Everything the assessment held is unreachable here: there is room again to say what happened.
            throw HeapGuard.outOfMemory(inventoryFile);
        }
    }

    private GuardRails guardRails() throws UserError {
        if (maxFirings < 1) {
            throw new UserError("--max-firings must be at least 1, not " + maxFirings);
        }
        if (timeLimitSeconds < 1) {
            throw new UserError("--time-limit must be at least 1 second, not " + timeLimitSeconds);
        }
        return new GuardRails(maxFirings, Duration.ofSeconds(timeLimitSeconds));
    }

    private int assess(ReportWriter writer, GuardRails guardRails) throws Exception {
        Report report;
        String organization;
        String origin;
        {
            Inventory inventory = inventoryOptions.read(inventoryFile);
            CompiledRules rules = rulesOption.compile();
            Assessment assessment = new Assessor(rules, guardRails).assess(inventory);
            organization = inventory.getOrganization();
            origin = rules.origin();
            report = new Report(organization, inventoryFile.toString(), origin, assessment.findings());
        }
        PrintWriter err = spec.commandLine().getErr();
        if (out != null) {
            ReportFiles.writeAtomically(out, writer, report);
            if (!quiet) {
                err.println("migkb: " + report.findings().size() + " findings " + report.summary() + " written to " + out);
            }
        } else {
            spec.commandLine().getOut().flush();
            OutputStream stdout = Main.stdout();
            writer.write(report, stdout);
            stdout.flush();
        }
        err.flush();
        boolean failing = failOn != null && report.findings().stream().anyMatch(f -> f.getSeverity().atLeast(failOn));
        return failing ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    private ReportWriter writer() throws UserError {
        String name = format;
        if (name == null) {
            name = out == null ? "table" : formatFromExtension(out);
        }
        String chosen = name.toLowerCase(Locale.ROOT);
        return ReportWriters.forFormat(chosen).orElseThrow(() -> new UserError(
                "--format " + chosen + ": unknown report format; use one of " + String.join(", ", ReportWriters.formats())));
    }

    private static String formatFromExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ReportWriters.formats().stream()
                .filter(f -> ReportWriters.forFormat(f).map(w -> w.extension().equals(ext)).orElse(false))
                .findFirst().orElse("table");
    }

    /** The report format names, for --help. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ReportWriters.formats().iterator();
        }
    }
}
