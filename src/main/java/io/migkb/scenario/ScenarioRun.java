package io.migkb.scenario;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome of running every scenario of a rules folder: the results of those that ran, the problems of those
 * that could not (bad file, unknown rule id), and the rule coverage.
 *
 * @param ruleIds  every rule id of the catalogue, in catalogue order
 * @param fired    the rule ids that fired in at least one scenario
 * @param expected the rule ids that at least one scenario expects
 */
public record ScenarioRun(List<ScenarioResult> results, List<ScenarioFile.Loaded> bad, List<String> ruleIds,
                          Set<String> fired, Set<String> expected) {
    public ScenarioRun {
        results = List.copyOf(results);
        bad = List.copyOf(bad);
        ruleIds = List.copyOf(ruleIds);
        fired = Set.copyOf(fired);
        expected = Set.copyOf(expected);
    }

    public long passed() {
        return results.stream().filter(ScenarioResult::passed).count();
    }

    /** Scenarios that ran and failed, plus scenario files that could not run. */
    public long failed() {
        return results.stream().filter(r -> !r.passed()).count() + bad.size();
    }

    /** Rule ids that no scenario fires, in catalogue order. */
    public List<String> uncovered() {
        return ruleIds.stream().filter(id -> !fired.contains(id)).toList();
    }

    /** Rule ids some scenario fires but none expects: covered by accident, not checked. */
    public Set<String> unasserted() {
        Set<String> result = new TreeSet<>(fired);
        result.removeAll(expected);
        result.retainAll(ruleIds);
        return result;
    }

    public int covered() {
        return ruleIds.size() - uncovered().size();
    }
}
