package io.migkb.waiver;

import io.migkb.model.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link WaiverSet} did to one report's findings on one day: which findings it waived (and by which waiver),
 * which waivers had expired (and how many findings each would still have waived), and which waivers in force matched
 * no finding at all. Waived findings stay in every report, marked; they do not count for {@code --fail-on}.
 */
public final class WaiverOutcome {
    /** No waivers file was given. */
    public static final WaiverOutcome NONE = new WaiverOutcome(false, null, Map.of(), List.of(), List.of());

    /** An expired waiver and the number of findings it would have waived (which now count again). */
    public record Lapsed(Waiver waiver, int findings) {
    }

    private final boolean given;
    private final LocalDate today;
    private final Map<Finding, Waiver> waived;
    private final List<Lapsed> expired;
    private final List<Waiver> unmatched;

    WaiverOutcome(boolean given, LocalDate today, Map<Finding, Waiver> waived, List<Lapsed> expired,
                  List<Waiver> unmatched) {
        this.given = given;
        this.today = today;
        this.waived = Map.copyOf(waived);
        this.expired = List.copyOf(expired);
        this.unmatched = List.copyOf(unmatched);
    }

    /** True when a waivers file was given (even an empty one): reports then show the waived count. */
    public boolean given() {
        return given;
    }

    /** The day the waivers were judged on, or null when none were given. */
    public LocalDate today() {
        return today;
    }

    public Optional<Waiver> waiverOf(Finding finding) {
        return Optional.ofNullable(waived.get(finding));
    }

    public boolean isWaived(Finding finding) {
        return waived.containsKey(finding);
    }

    /** How many findings are waived. */
    public int waivedCount() {
        return waived.size();
    }

    /** The findings not waived, in the given order. */
    public List<Finding> inForce(List<Finding> findings) {
        if (waived.isEmpty()) {
            return findings;
        }
        return findings.stream().filter(f -> !waived.containsKey(f)).toList();
    }

    /** Expired waivers, in file order, each with the findings it no longer waives. */
    public List<Lapsed> expired() {
        return expired;
    }

    /** Waivers in force that matched no finding, in file order: a typo, or a risk that has gone away. */
    public List<Waiver> unmatched() {
        return unmatched;
    }

    /** One readable line per expired or unmatched waiver, for stderr and for reports. */
    public List<String> notices() {
        List<String> lines = new ArrayList<>();
        for (Lapsed l : expired) {
            Waiver w = l.waiver();
            lines.add("waiver " + w.location() + " (" + w.describe() + ", owner " + w.owner() + ") expired on "
                    + w.expires() + " and no longer waives anything"
                    + (l.findings() == 0 ? "; it matches no finding either"
                        : ": " + l.findings() + (l.findings() == 1 ? " finding" : " findings") + " it matches count again"));
        }
        for (Waiver w : unmatched) {
            lines.add("waiver " + w.location() + " (" + w.describe() + ", owner " + w.owner()
                    + ") matches no finding: check its rule and subject, or remove it");
        }
        return lines;
    }
}
