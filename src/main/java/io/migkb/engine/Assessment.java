package io.migkb.engine;

import io.migkb.model.Finding;
import io.migkb.model.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of one assessment, in report order, with how much work it took and where the rules it ran came from
 * (read from the rules it used, so a reload during the assessment cannot misname them).
 */
public record Assessment(List<Finding> findings, long firings, Duration insertTime, Duration fireTime,
                         String rulesOrigin) {
    public Assessment {
        findings = List.copyOf(findings);
    }

    /** Count of findings per severity, every severity present (0 when none). */
    public Map<Severity, Integer> summary() {
        Map<Severity, Integer> summary = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            summary.put(s, 0);
        }
        findings.forEach(f -> summary.merge(f.getSeverity(), 1, Integer::sum));
        return summary;
    }
}
