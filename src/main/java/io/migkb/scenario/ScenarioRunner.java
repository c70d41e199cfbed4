package io.migkb.scenario;

import io.migkb.engine.Assessor;
import io.migkb.engine.CompiledRules;
import io.migkb.engine.RuleInfo;
import io.migkb.engine.RuleRuntimeException;
import io.migkb.engine.RunawayRulesException;
import io.migkb.model.Suggestions;
import io.migkb.model.Deferrals;
import io.migkb.model.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs scenarios against compiled rules: one assessment per scenario on a shared catalogue, each expectation
 * checked, and which rules fired anywhere (the coverage).
 */
public final class ScenarioRunner {
    /** How a scenario's problem begins when a rule threw while it ran. */
    public static final String RULE_FAILED = "a rule failed: ";
    /** How a scenario's problem begins when a guard rail stopped its assessment. */
    public static final String STOPPED = "assessment stopped: ";

    private ScenarioRunner() {
    }

    public static ScenarioRun run(CompiledRules rules, List<ScenarioFile.Loaded> scenarios) {
        List<String> ids = rules.rules().stream().map(RuleInfo::id).filter(Objects::nonNull).distinct().toList();
        Set<String> known = Set.copyOf(ids);
        Assessor assessor = new Assessor(rules);
        List<ScenarioResult> results = new ArrayList<>();
        List<ScenarioFile.Loaded> bad = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        Set<String> expected = new HashSet<>();
        for (ScenarioFile.Loaded loaded : scenarios) {
            if (loaded.scenario().isEmpty()) {
                bad.add(loaded);
                continue;
            }
            Scenario scenario = loaded.scenario().get();
            List<ScenarioProblem> problems = unknownRuleIds(scenario, known);
            if (!problems.isEmpty()) {
                bad.add(new ScenarioFile.Loaded(loaded.file(), Optional.empty(), problems));
                continue;
            }
            List<Finding> findings;
            try {
                List<Finding> assessed = assessor.assess(scenario.inventory()).findings();
                // marked as assess marks them: a scenario may expect a finding deferred
                findings = Deferrals.mark(scenario.inventory(), assessed, assessed);
            } catch (RunawayRulesException e) {
                bad.add(new ScenarioFile.Loaded(loaded.file(), Optional.empty(),
                        List.of(new ScenarioProblem(loaded.file(), 0, 0, STOPPED + e.getMessage()))));
                continue;
            } catch (RuleRuntimeException e) {
                // The rule's fault, told against this scenario; the other scenarios still run.
                bad.add(new ScenarioFile.Loaded(loaded.file(), Optional.empty(),
                        List.of(new ScenarioProblem(loaded.file(), 0, 0, RULE_FAILED + e.getMessage()))));
                continue;
            }
            findings.forEach(f -> fired.add(f.getRule()));
            scenario.expect().forEach(e -> expected.add(e.rule()));
            List<Expectation> missing = scenario.expect().stream()
                    .filter(e -> findings.stream().noneMatch(e::matches))
                    .toList();
            Map<Expectation, List<Finding>> forbidden = new LinkedHashMap<>();
            for (Expectation f : scenario.forbid()) {
                List<Finding> hits = findings.stream().filter(f::matches).toList();
                if (!hits.isEmpty()) {
                    forbidden.put(f, hits);
                }
            }
            results.add(new ScenarioResult(scenario, findings, missing, forbidden));
        }
        return new ScenarioRun(results, bad, ids, fired, expected);
    }

    private static List<ScenarioProblem> unknownRuleIds(Scenario scenario, Set<String> known) {
        List<ScenarioProblem> problems = new ArrayList<>();
        List<Expectation> all = new ArrayList<>(scenario.expect());
        all.addAll(scenario.forbid());
        for (Expectation e : all) {
            if (!known.contains(e.rule())) {
                String list = scenario.expect().contains(e) ? "expect" : "forbid";
                String guess = Suggestions.closest(e.rule(), known);
                problems.add(new ScenarioProblem(e.file(), e.line(), 0, list + ": no rule has the id " + e.rule()
                        + (guess == null ? "; migkb rules lists the ids" : " (did you mean " + guess + "?)")));
            }
        }
        return problems;
    }
}
