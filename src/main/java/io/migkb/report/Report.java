package io.migkb.report;

import io.migkb.model.Coverage;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import io.migkb.model.SourceLocation;
import io.migkb.waiver.Waiver;
import io.migkb.waiver.WaiverOutcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every writer writes: the findings in report order and their count per severity, with the context some
 * formats need besides.
 *
 * @param organization     the inventory's organization, or null
 * @param source           the inventory file the findings are about
 * @param rules            where the rules came from (a folder or the bundled catalogue)
 * @param findings         the findings; kept in {@link Finding#REPORT_ORDER}
 * @param failOn           the {@code --fail-on} threshold: findings at or above it fail (junit); null for none
 * @param ruleDescriptions every rule that was run, fired or not (SARIF's rule metadata); may be empty, and then
 *                         writers describe the rules that fired from their findings
 * @param locations        where a subject ({@code meeting:m-001}) stands in the inventory file, when the reader
 *                         knows; typically {@code inventory::locationOf}
 * @param waivers          what {@code --waivers} did: which findings are waived (they stay in {@link #findings},
 *                         marked), which waivers expired or matched nothing; {@link WaiverOutcome#NONE} without a
 *                         waivers file
 * @param coverage         how much of the estate the inputs covered, shown in every summary; null when there is
 *                         none to show (a bench report, findings built in code)
 * @param ruleChanges      what rules folders given after the first added, replaced and disabled, one line each
 *                         ("replaces FED-LOCKED-OC2007 (acme-rules/fed.drl:3)"); empty for one folder. {@link #rules}
 *                         sums them up already; the table and JSON name the rules only when there are some
 */
public record Report(String organization, String source, String rules, List<Finding> findings, Severity failOn,
                     List<RuleDescription> ruleDescriptions, Function<String, Optional<SourceLocation>> locations,
                     WaiverOutcome waivers, Coverage coverage, List<String> ruleChanges) {
    private static final Function<String, Optional<SourceLocation>> NOWHERE = subject -> Optional.empty();

    public Report {
        findings = findings.stream().sorted(Finding.REPORT_ORDER).toList();
        ruleDescriptions = ruleDescriptions == null ? List.of() : List.copyOf(ruleDescriptions);
        locations = locations == null ? NOWHERE : locations;
        waivers = waivers == null ? WaiverOutcome.NONE : waivers;
        ruleChanges = ruleChanges == null ? List.of() : List.copyOf(ruleChanges);
    }

    /** A report without rule changes: the rules of one folder. */
    public Report(String organization, String source, String rules, List<Finding> findings, Severity failOn,
                  List<RuleDescription> ruleDescriptions, Function<String, Optional<SourceLocation>> locations,
                  WaiverOutcome waivers, Coverage coverage) {
        this(organization, source, rules, findings, failOn, ruleDescriptions, locations, waivers, coverage, List.of());
    }

    /** A report without waivers or coverage. */
    public Report(String organization, String source, String rules, List<Finding> findings, Severity failOn,
                  List<RuleDescription> ruleDescriptions, Function<String, Optional<SourceLocation>> locations) {
        this(organization, source, rules, findings, failOn, ruleDescriptions, locations, WaiverOutcome.NONE, null, List.of());
    }

    /** A report with no threshold, no rule descriptions, no source locations, no waivers and no coverage. */
    public Report(String organization, String source, String rules, List<Finding> findings) {
        this(organization, source, rules, findings, null, List.of(), NOWHERE, WaiverOutcome.NONE, null, List.of());
    }

    public Report withFailOn(Severity threshold) {
        return new Report(organization, source, rules, findings, threshold, ruleDescriptions, locations, waivers,
                coverage, ruleChanges);
    }

    public Report withRuleDescriptions(List<RuleDescription> descriptions) {
        return new Report(organization, source, rules, findings, failOn, descriptions, locations, waivers, coverage,
                ruleChanges);
    }

    public Report withLocations(Function<String, Optional<SourceLocation>> locator) {
        return new Report(organization, source, rules, findings, failOn, ruleDescriptions, locator, waivers, coverage,
                ruleChanges);
    }

    public Report withWaivers(WaiverOutcome outcome) {
        return new Report(organization, source, rules, findings, failOn, ruleDescriptions, locations, outcome,
                coverage, ruleChanges);
    }

    /** This report with {@code covered} in its summary; null for none. */
    public Report withCoverage(Coverage covered) {
        return new Report(organization, source, rules, findings, failOn, ruleDescriptions, locations, waivers, covered,
                ruleChanges);
    }

    /** This report with what later rules folders changed ({@link #ruleChanges}). */
    public Report withRuleChanges(List<String> changes) {
        return new Report(organization, source, rules, findings, failOn, ruleDescriptions, locations, waivers, coverage,
                changes);
    }

    /** Where {@code subject} was declared in the inventory, when the reader knows. */
    public Optional<SourceLocation> locationOf(String subject) {
        Optional<SourceLocation> location = locations.apply(subject);
        return location == null ? Optional.empty() : location;
    }

    /**
     * True when {@code finding} is at or above {@link #failOn} and not waived; always false without a threshold.
     * A waived finding never fails: it does not count for {@code --fail-on}.
     */
    public boolean fails(Finding finding) {
        return failOn != null && finding.getSeverity().atLeast(failOn) && !waivers.isWaived(finding);
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
