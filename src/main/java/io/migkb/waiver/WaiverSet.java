package io.migkb.waiver;

import io.migkb.model.Finding;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The waivers of one file, in file order. {@link #apply} decides, for one day, which findings they waive: the
 * first waiver in force (not expired) that matches a finding waives it.
 */
public final class WaiverSet {
    /** No waivers file: nothing is waived and reports show no waiver counts. */
    public static final WaiverSet NONE = new WaiverSet(null, List.of());

    private final String source;
    private final List<Waiver> waivers;

    /** @param source the waivers file as the user named it, or null for {@link #NONE} */
    public WaiverSet(String source, List<Waiver> waivers) {
        this.source = source;
        this.waivers = List.copyOf(waivers);
    }

    /** The waivers file as the user named it, or null when none was given. */
    public String source() {
        return source;
    }

    public List<Waiver> waivers() {
        return waivers;
    }

    public WaiverOutcome apply(List<Finding> findings, Clock clock) {
        return apply(findings, LocalDate.now(Objects.requireNonNull(clock, "clock")));
    }

    /** Which of {@code findings} are waived on {@code today}, which waivers have expired and which matched nothing. */
    public WaiverOutcome apply(List<Finding> findings, LocalDate today) {
        if (source == null && waivers.isEmpty()) {
            return WaiverOutcome.NONE;
        }
        List<Waiver.Matcher> active = new ArrayList<>();
        List<Waiver.Matcher> expired = new ArrayList<>();
        for (Waiver w : waivers) {
            (w.isExpired(today) ? expired : active).add(new Waiver.Matcher(w));
        }
        Map<Finding, Waiver> waived = new HashMap<>();
        for (Finding f : findings) {
            boolean isWaived = false;
            for (Waiver.Matcher m : active) {
                if (m.matches(f)) {
                    m.matches++;
                    if (!isWaived) {
                        waived.put(f, m.waiver);
                        isWaived = true;
                    }
                }
            }
            if (!isWaived) {
                for (Waiver.Matcher m : expired) {
                    if (m.matches(f)) {
                        m.matches++;
                    }
                }
            }
        }
        List<WaiverOutcome.Lapsed> lapsed = new ArrayList<>();
        expired.forEach(m -> lapsed.add(new WaiverOutcome.Lapsed(m.waiver, m.matches)));
        List<Waiver> unmatched = new ArrayList<>();
        active.stream().filter(m -> m.matches == 0).forEach(m -> unmatched.add(m.waiver));
        return new WaiverOutcome(true, today, waived, lapsed, unmatched);
    }
}
