package io.migkb.report;

import io.migkb.model.Coverage;
import io.migkb.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The words the human-readable reports share, so that they say the same thing the same way. */
final class Wording {
    static final String ARTICLE = "Migration considerations for meetings in Lync Server 2013";

    private Wording() {
    }

    static String meaning(Severity severity) {
        return switch (severity) {
            case BLOCKER -> "something will fail";
            case WARNING -> "something is lost or degraded";
            case ADVICE -> "a planning recommendation";
            case INFO -> "what will simply happen";
        };
    }

    /** "1 blocker", "3 warnings", "2 advice", "5 info". */
    static String count(int n, Severity severity) {
        String word = severity.name().toLowerCase(Locale.ROOT);
        boolean countable = severity == Severity.BLOCKER || severity == Severity.WARNING;
        return n + " " + word + (countable && n != 1 ? "s" : "");
    }

    static String findings(int n) {
        return n + (n == 1 ? " finding" : " findings");
    }

    /** "3 blockers, 1 warning": the non-zero counts, most serious first; "no findings" when there are none. */
    static String counts(Map<Severity, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            int n = counts.getOrDefault(s, 0);
            if (n > 0) {
                parts.add(count(n, s));
            }
        }
        return parts.isEmpty() ? "no findings" : String.join(", ", parts);
    }

    /** The sentence a manager reads first. */
    static String verdict(Map<Severity, Integer> summary) {
        int blockers = summary.getOrDefault(Severity.BLOCKER, 0);
        int warnings = summary.getOrDefault(Severity.WARNING, 0);
        if (blockers > 0) {
            return count(blockers, Severity.BLOCKER) + (blockers == 1 ? " stands" : " stand")
                    + " in the way of the move: resolve " + (blockers == 1 ? "it" : "them") + " before moving users.";
        }
        if (warnings > 0) {
            return "Nothing blocks the move; " + count(warnings, Severity.WARNING)
                    + " name what users will lose or find degraded.";
        }
        return "Nothing blocks the move and nothing is lost.";
    }

    /** The coverage line's parts: "users with client data 7 of 10", …, "not assessed 2 users (1 disabled, …)". */
    static List<String> coverage(Coverage coverage) {
        // Coverage.describe() is the one wording of it; it joins its parts with "; ", which no part holds.
        return List.of(coverage.describe().split("; "));
    }

    static String title(Report report) {
        return "Meeting migration to Lync Server 2013"
                + (report.organization() == null || report.organization().isBlank() ? "" : ": " + report.organization());
    }
}
