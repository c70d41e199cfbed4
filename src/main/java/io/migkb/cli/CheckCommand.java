package io.migkb.cli;

import io.migkb.engine.RuleChecker;
import io.migkb.engine.RuleFiles;
import io.migkb.engine.RuleProblem;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compile every DRL file and decision table of the rules folder and print each error as",
            "file:line:col: message (relative to the folder, in file order), then the warnings: a rule without",
            "@id, @severity or @reference, a severity other than BLOCKER, WARNING, ADVICE or INFO, two rules",
            "with the same id."},
        footer = {"", "Examples:", "  bin/migkb check", "  bin/migkb check --rules my-rules",
            "", "Exit codes: 0 the rules compile (warnings or not), 2 they do not."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    RulesOption rulesOption;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RuleFiles files = rulesOption.files();
        RuleChecker.Report report = RuleChecker.check(files);
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
        out.println("ok: " + plural(report.fileCount(), "file") + ", " + plural(report.rules().size(), "rule")
                + (report.warnings().isEmpty() ? "" : ", " + plural(report.warnings().size(), "warning"))
                + " in " + report.origin());
        out.flush();
        return ExitCode.CLEAN;
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
