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
 *
 * <p>{@code firings} is summed over the assessment's sessions. {@code fireTime} is the wall-clock time during which
 * at least one session was firing, and {@code insertTime} the time during which at least one was inserting facts
 * and none firing: with one session at a time, the sums of the sessions' times; with partition sessions on several
 * threads, never more together than the assessment's wall time.
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
