package io.migkb.waiver;

import io.migkb.model.Finding;
import io.migkb.model.SourceLocation;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One accepted risk: the findings of {@code rule} whose subject matches {@code subject} are waived until
 * {@code expires} (that day included). Both {@code rule} and {@code subject} are globs where {@code *} stands for
 * any text (including none); everything else matches itself, ignoring case (SIP addresses and domains are
 * case-insensitive). {@code rule: "*"} with {@code subject: "user:alice@contoso.com"} waives all of Alice's user
 * findings, which is how a consultant keeps someone on OCS 2007 R2.
 *
 * @param location where the waiver stands in its file (line of its first field), never null
 */
public record Waiver(String rule, String subject, String reason, String owner, LocalDate expires,
                     SourceLocation location) {
    public Waiver {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(location, "location");
    }

    /**
     * True when the waiver's rule and subject globs both match the finding (whatever the date). Compiles the globs
     * on every call: {@link WaiverSet} compiles them once for a whole report.
     */
    public boolean matches(Finding finding) {
        return new Matcher(this).matches(finding);
    }

    /** True when {@code today} is after the expiry date: the waiver no longer waives anything. */
    public boolean isExpired(LocalDate today) {
        return today.isAfter(expires);
    }

    /** "CLIENT-IM-ONLY user:*@branch.contoso.com", as messages name a waiver. */
    public String describe() {
        return rule + " " + subject;
    }

    /** The waiver's globs, compiled once. */
    static final class Matcher {
        final Waiver waiver;
        /** Findings this waiver matched: kept here, not in a map keyed by the waiver, as two may be equal. */
        int matches;
        private final Pattern rule;
        private final Pattern subject;

        Matcher(Waiver waiver) {
            this.waiver = waiver;
            this.rule = glob(waiver.rule());
            this.subject = glob(waiver.subject());
        }

        boolean matches(Finding finding) {
            return rule.matcher(finding.getRule()).matches() && subject.matcher(finding.getSubject()).matches();
        }
    }

    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = glob.indexOf('*'); star >= 0; star = glob.indexOf('*', start)) {
            if (star > start) {
                regex.append(Pattern.quote(glob.substring(start, star)));
            }
            regex.append(".*");
            start = star + 1;
        }
        if (start < glob.length()) {
            regex.append(Pattern.quote(glob.substring(start)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return "Waiver[" + describe() + " until " + expires + ", " + owner + ", " + location + "]";
    }
}
