package io.migkb.cli;

import io.migkb.engine.Assessor;
import io.migkb.engine.CompiledRules;
import io.migkb.engine.RuleBuildException;
import io.migkb.engine.RuleChecker;
import io.migkb.engine.RuleProblem;
import io.migkb.engine.RuleRuntimeException;
import io.migkb.engine.RunawayRulesException;
import io.migkb.inventory.InventoryException;
import io.migkb.inventory.InventoryReaders;
import io.migkb.scenario.ScenarioFile;
import io.migkb.scenario.ScenarioProblem;
import io.migkb.scenario.ScenarioRun;
import io.migkb.scenario.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compile every DRL file and decision table of the rules folder and print each error as "
            + "file:line:col: message (relative to the folder, in file order; in a decision table file!cell: "
            + "message, such as client-support.xlsx!C13, with the values the cell may hold): syntax, unknown names, a field "
            + "compared with a literal of another type, a missing @id or @severity, a severity other than BLOCKER, "
            + "WARNING, ADVICE or INFO, an id used twice. Then run the rules once on the bundled example and on the "
            + "folder's scenarios, so that a rule that throws or runs away fails here. Warnings: a rule without "
            + "@reference."},
        footer = {"", "Examples:", "  bin/migkb check", "  bin/migkb check --rules my-rules",
            "", "Exit codes: 0 the rules compile and run (warnings or not), 2 they do not."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    RulesOption rulesOption;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The example beside bin/migkb that every check runs the rules on. */
    static final String EXAMPLE = "examples/contoso.json";

    @Override
    public Integer call() throws Exception {
        RuleChecker.Report report;
        try {
            report = RuleChecker.check(rulesOption.files());
        } catch (RuleBuildException e) {
            // the folders could not be laid over each other (a disable list naming no rule): errors as any other
            String origin = rulesOption.folders().stream().map(Path::toString).collect(Collectors.joining(" + "));
            report = new RuleChecker.Report(origin, 0, List.of(), e.problems(), List.of(), null);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        report.errors().forEach(p -> out.println(p.format()));
        report.warnings().forEach(p -> out.println(p.format()));
        out.flush();
        if (!report.ok()) {
            long badFiles = report.errors().stream().map(RuleProblem::file).distinct().count();
            err.println("migkb: " + plural(report.errors().size(), "error") + " in " + plural(badFiles, "file")
                    + " of " + report.origin() + "; the rules do not compile");
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        List<String> failures = trialRun(report.compiled());
        if (!failures.isEmpty()) {
            failures.forEach(out::println);
            out.flush();
            err.println("migkb: the rules compile, but " + plural(failures.size(), "run") + " failed; assess and test"
                    + " would stop there");
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        out.println("ok: " + plural(report.fileCount(), "file") + ", " + plural(report.rules().size(), "rule")
                + (report.warnings().isEmpty() ? "" : ", " + plural(report.warnings().size(), "warning"))
                + " in " + report.origin());
        out.flush();
        return ExitCode.CLEAN;
    }

    /**
     * Runs the rules once on the bundled example and on each scenario of the folder's tests/, so that a condition or
     * consequence that throws, or a rule that runs away, is caught here rather than in front of a customer. Whether
     * a scenario passes is {@code migkb test}'s business; here only whether the rules ran.
     */
    private List<String> trialRun(CompiledRules rules) throws UserError, IOException {
        List<String> failures = new ArrayList<>();
        Path example = example();
        if (example != null) {
            try {
                new Assessor(rules).assess(InventoryReaders.read(example));
            } catch (RuleRuntimeException | RunawayRulesException e) {
                failures.add(e.getMessage() + " [on " + EXAMPLE + "]");
            } catch (InventoryException e) {
                // the example is the project's; an inventory error there is no fault of the rules
            }
        }
        Path folder = rulesOption.ownFolder();
        if (folder != null && Files.isDirectory(folder.resolve(ScenarioFile.FOLDER))) {
            ScenarioRun run = ScenarioRunner.run(rules, ScenarioFile.readAll(folder));
            for (ScenarioFile.Loaded bad : run.bad()) {
                for (ScenarioProblem p : bad.problems()) {
                    String m = p.message();
                    if (m.startsWith(ScenarioRunner.RULE_FAILED) || m.startsWith(ScenarioRunner.STOPPED)) {
                        failures.add(m.substring(m.indexOf(": ") + 2) + " [in " + bad.file() + "]");
                    }
                }
            }
        }
        return failures;
    }

    private static Path example() {
        String home = System.getProperty(RulesOption.HOME_PROPERTY);
        Path example = home == null ? null : Path.of(home, EXAMPLE);
        return example != null && Files.isRegularFile(example) ? example : null;
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
