package io.migkb.api;

import io.migkb.engine.Assessment;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The findings of one assessment, most serious first, and how many there are of each severity. */
public final class AssessmentResult {
    private final List<Finding> findings;
    private final Map<Severity, Integer> summary;
    private final long firings;
    private final String rulesOrigin;

    AssessmentResult(Assessment assessment) {
        this.findings = assessment.findings();
        this.summary = Collections.unmodifiableMap(assessment.summary());
        this.firings = assessment.firings();
        this.rulesOrigin = assessment.rulesOrigin();
    }

    /** Every finding, in report order: by severity (BLOCKER first), then rule, subject and message. */
    public List<Finding> findings() {
        return findings;
    }

    /** The number of findings of each severity, every severity present (0 when none), BLOCKER first. */
    public Map<Severity, Integer> summary() {
        return summary;
    }

    /** True when some finding is at least as serious as {@code threshold}: what {@code --fail-on} tests. */
    public boolean hasFindingsAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.getSeverity().atLeast(threshold));
    }

    /** How many times rules fired (useful against {@link Migkb#maxFirings(long)}). */
    public long firings() {
        return firings;
    }

    /** The rules folder the findings came from, or "bundled catalogue". */
    public String rulesOrigin() {
        return rulesOrigin;
    }

    @Override
    public String toString() {
        return findings.size() + " findings " + summary;
    }
}
