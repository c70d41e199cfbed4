package io.migkb.scenario;

import io.migkb.model.Finding;
import java.util.List;
import java.util.Map;

/**
 * How one scenario went: every finding the rules produced on its inventory, the expectations no finding met, and
 * the forbidden findings that fired.
 */
public record ScenarioResult(Scenario scenario, List<Finding> findings, List<Expectation> missing,
                             Map<Expectation, List<Finding>> forbiddenFired) {
    public ScenarioResult {
        findings = List.copyOf(findings);
        missing = List.copyOf(missing);
        forbiddenFired = Map.copyOf(forbiddenFired);
    }

    public boolean passed() {
        return missing.isEmpty() && forbiddenFired.isEmpty();
    }
}
