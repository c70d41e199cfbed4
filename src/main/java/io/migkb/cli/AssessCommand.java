package io.migkb.cli;

import io.migkb.engine.Assessment;
import io.migkb.engine.Assessor;
import io.migkb.engine.CompiledRules;
import io.migkb.model.Inventory;
import io.migkb.model.Severity;
import io.migkb.report.Report;
import io.migkb.report.ReportFiles;
import io.migkb.report.ReportWriter;
import io.migkb.report.ReportWriters;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ReportWriter writer = writer();
        Inventory inventory = inventoryOptions.read(inventoryFile);
        CompiledRules rules = rulesOption.compile();
        Assessment assessment = new Assessor(rules).assess(inventory);
        Report report = new Report(inventory.getOrganization(), inventoryFile.toString(), rules.origin(),
                assessment.findings());
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
