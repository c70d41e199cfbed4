package io.migkb.report;

import io.migkb.model.Finding;
import io.migkb.model.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What every writer writes: the findings in report order and their count per severity.
 *
 * @param organization the inventory's organization, or null
 * @param source       the inventory file the findings are about
 * @param rules        where the rules came from (a folder or the bundled catalogue)
 */
public record Report(String organization, String source, String rules, List<Finding> findings) {
    public Report {
        findings = findings.stream().sorted(Finding.REPORT_ORDER).toList();
    }

    /** Count of findings per severity, every severity present. */
    public Map<Severity, Integer> summary() {
        Map<Severity, Integer> summary = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            summary.put(s, 0);
        }
        findings.forEach(f -> summary.merge(f.getSeverity(), 1, Integer::sum));
        return summary;
    }
}
