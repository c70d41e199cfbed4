package io.migkb.report;

import io.migkb.model.Finding;
import io.migkb.model.Severity;
import io.migkb.waiver.Waiver;
import io.migkb.waiver.WaiverOutcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every writer writes: the findings in report order and their count per severity.
 *
 * @param organization the inventory's organization, or null
 * @param source       the inventory file the findings are about
 * @param rules        where the rules came from (a folder or the bundled catalogue)
 * @param waivers      what {@code --waivers} did: which findings are waived (they stay in {@link #findings}, marked),
 *                     which waivers expired or matched nothing; {@link WaiverOutcome#NONE} without a waivers file
 */
public record Report(String organization, String source, String rules, List<Finding> findings,
                     WaiverOutcome waivers) {
    public Report {
        findings = findings.stream().sorted(Finding.REPORT_ORDER).toList();
        waivers = waivers == null ? WaiverOutcome.NONE : waivers;
    }

    /** A report without waivers. */
    public Report(String organization, String source, String rules, List<Finding> findings) {
        this(organization, source, rules, findings, WaiverOutcome.NONE);
    }

    public Report withWaivers(WaiverOutcome outcome) {
        return new Report(organization, source, rules, findings, outcome);
    }

    /** Count of findings in force (not waived) per severity, every severity present; waived ones are counted apart. */
    public Map<Severity, Integer> summary() {
        Map<Severity, Integer> summary = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            summary.put(s, 0);
        }
        findings.stream().filter(f -> !waivers.isWaived(f)).forEach(f -> summary.merge(f.getSeverity(), 1, Integer::sum));
        return summary;
    }

    /** The waiver that waives {@code finding}, if one does. */
    public Optional<Waiver> waiverOf(Finding finding) {
        return waivers.waiverOf(finding);
    }

    public boolean isWaived(Finding finding) {
        return waivers.isWaived(finding);
    }

    /** The findings not waived, in report order: the ones {@code --fail-on} counts. */
    public List<Finding> inForce() {
        return waivers.inForce(findings);
    }

    /** How many findings are waived. */
    public int waivedCount() {
        return waivers.waivedCount();
    }
}
