package io.migkb.report;

import io.migkb.model.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules a report speaks of: those it describes, then any rule that fired without a description. */
final class RuleCatalog {
    private RuleCatalog() {
    }

    static List<RuleDescription> of(Report report) {
        Map<String, RuleDescription> rules = new LinkedHashMap<>();
        for (RuleDescription d : report.ruleDescriptions()) {
            rules.putIfAbsent(d.id(), d);
        }
        for (Finding f : report.findings()) {
            rules.computeIfAbsent(f.getRule(), id -> new RuleDescription(id, f.getSeverity(), f.getReference()));
        }
        return new ArrayList<>(rules.values());
    }
}
