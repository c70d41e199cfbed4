package io.migkb.cli;

import io.migkb.engine.CompiledRules;
import io.migkb.engine.RuleBuildException;
import io.migkb.engine.RuleChange;
import io.migkb.engine.RuleCompiler;
import io.migkb.model.Finding;
import io.migkb.scenario.Expectation;
import io.migkb.scenario.ScenarioFile;
import io.migkb.scenario.ScenarioResult;
import io.migkb.scenario.ScenarioRun;
import io.migkb.scenario.ScenarioRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run the scenario files in the rules folder's tests/ (YAML: a name, an inventory inline or "
            + "as a path relative to the file, expect: and forbid: lists of { rule: ID, subject: SUBJECT }). "
            + "For each failing scenario: what was expected, what fired instead, and the file. Then the rule "
            + "coverage (rules that no scenario fires) and 'N passed, N failed'."},
        footer = {"", "Examples:", "  bin/migkb test", "  bin/migkb test --rules my-rules --show-findings",
            "", "Exit codes: 0 every scenario passed, 1 a scenario failed, 2 a bad scenario file or rules that do not compile."})
final class TestCommand implements Callable<Integer> {
    @Mixin
    RulesOption rulesOption;

    @Option(names = "--show-findings", description = "List every finding of each failing scenario.")
    boolean showFindings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path folder = rulesOption.requiredFolder("test needs a rules folder with a tests/ folder");
        List<ScenarioFile.Loaded> scenarios = ScenarioFile.readAll(folder);
        if (scenarios.isEmpty()) {
            throw new UserError("no scenario files in " + folder.resolve(ScenarioFile.FOLDER)
                    + ": add tests/NAME.yaml (see docs/authoring.md, \"Write its scenario\")");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CompiledRules rules;
        try {
            rules = RuleCompiler.compile(rulesOption.files());
        } catch (RuleBuildException e) {
            e.problems().forEach(p -> out.println(p.format()));
            out.flush();
            err.println("migkb: the rules do not compile (" + CheckCommand.plural(e.problems().size(), "error")
                    + "); no scenario ran");
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        ScenarioRun run = ScenarioRunner.run(rules, scenarios);
        if (!rules.changes().isEmpty()) {
            // the scenarios are the customer folder's: they answer for the rules it adds or replaces, the catalogue's
            // own scenarios for the rest
            List<String> own = rules.changes().stream().filter(c -> c.kind() != RuleChange.Kind.DISABLES)
                    .map(RuleChange::id).filter(run.ruleIds()::contains).toList();
            run = new ScenarioRun(run.results(), run.bad(), own, run.fired(), run.expected());
        }
        Map<String, ScenarioResult> results = new LinkedHashMap<>();
        run.results().forEach(r -> results.put(r.scenario().file(), r));
        Map<String, ScenarioFile.Loaded> bad = new LinkedHashMap<>();
        run.bad().forEach(b -> bad.put(b.file(), b));
        for (ScenarioFile.Loaded s : scenarios) {
            ScenarioResult result = results.get(s.file());
            if (result != null) {
                print(out, result);
            } else {
                ScenarioFile.Loaded b = bad.getOrDefault(s.file(), s);
                out.println("ERROR " + s.file() + ": cannot run this scenario:");
                b.problems().forEach(p -> out.println(p.format()));
            }
        }
        out.println();
        List<String> uncovered = run.uncovered();
        out.println("coverage: " + run.covered() + "/" + CheckCommand.plural(run.ruleIds().size(), "rule")
                + (rules.changes().isEmpty() ? "" : " added or replaced by the later rules folders"));
        if (!uncovered.isEmpty()) {
            out.println("uncovered: " + String.join(" ", uncovered));
        }
        if (!run.unasserted().isEmpty()) {
            out.println("fired but expected by no scenario: " + String.join(" ", run.unasserted()));
        }
        out.println(run.passed() + " passed, " + run.failed() + " failed");
        out.flush();
        if (!run.bad().isEmpty()) {
            return ExitCode.BAD_INPUT;
        }
        return run.failed() > 0 ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    private void print(PrintWriter out, ScenarioResult result) {
        String file = result.scenario().file();
        if (result.passed()) {
            out.println("PASS  " + file + ": " + result.scenario().name());
            return;
        }
        out.println("FAIL  " + file + ": " + result.scenario().name());
        for (Expectation e : result.missing()) {
            out.println("  " + file + ":" + e.line() + ": expected " + e.describe() + ", which did not fire");
            out.println("      fired instead: " + firedInstead(e, result.findings()));
        }
        result.forbiddenFired().forEach((e, hits) -> {
            out.println("  " + file + ":" + e.line() + ": forbidden " + e.describe() + " fired:");
            hits.forEach(f -> out.println("      " + f.getRule() + " " + f.getSubject() + ": " + f.getMessage()));
        });
        if (showFindings) {
            out.println("    every finding (" + result.findings().size() + "):");
            result.findings().forEach(f -> out.println("      " + f.getSeverity() + " " + f.getRule() + " " + f.getSubject()
                    + ": " + f.getMessage()));
        }
    }

    /** What came nearest: the same rule on other subjects, and other rules on the same subject. */
    private static String firedInstead(Expectation e, List<Finding> findings) {
        String sameRule = findings.stream().filter(f -> f.getRule().equals(e.rule()))
                .map(Finding::getSubject).distinct().collect(Collectors.joining(", "));
        String sameSubject = e.subject() == null ? "" : findings.stream().filter(f -> e.matchesSubject(f.getSubject()))
                .map(Finding::getRule).distinct().collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder();
        text.append(sameRule.isEmpty() ? e.rule() + " on no subject" : e.rule() + " on " + sameRule);
        if (e.subject() != null) {
            text.append("; on ").append(e.subject()).append(": ").append(sameSubject.isEmpty() ? "no finding" : sameSubject);
        }
        text.append(" (").append(CheckCommand.plural(findings.size(), "finding")).append(" in all")
                .append(findings.isEmpty() ? "" : "; --show-findings lists them").append(')');
        return text.toString();
    }
}
