package io.migkb.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing a rule found. {@code rule}, {@code severity} and {@code reference} come from the rule's metadata;
 * {@code concerns} is the SIP address of the user the finding is about (for meeting findings, the user in the
 * meeting the finding names), or null. {@code deferred}, when not null, says why the finding applies only later (its
 * user, or its meeting's organizer, stays on OCS 2007 R2 for now: see {@link Deferrals}); a deferred finding keeps its
 * rule, severity and subject and equals the same finding not deferred.
 */
public final class Finding {
    /** Most serious first, then by rule, subject and message: the order every report uses. */
    public static final Comparator<Finding> REPORT_ORDER = Finding::compareInReportOrder;

    private final String rule;
    private final Severity severity;
    private final String subject;
    private final String message;
    private final String remedy;
    private final String reference;
    private final String concerns;
    private final String deferred;

    /**
     * Not a stable member (docs/embedding.md): rules make findings with {@code io.migkb.api.rules.Findings}, and an
     * assessment returns them.
     */
    public Finding(String rule, Severity severity, String subject, String message, String remedy, String reference,
                   String concerns) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.message = Objects.requireNonNull(message, "message");
        this.remedy = Objects.requireNonNull(remedy, "remedy");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.concerns = concerns;
        this.deferred = null;
    }

    private Finding(Finding f, String deferred) {
        this.rule = f.rule;
        this.severity = f.severity;
        this.subject = f.subject;
        this.message = f.message;
        this.remedy = f.remedy;
        this.reference = f.reference;
        this.concerns = f.concerns;
        this.deferred = Objects.requireNonNull(deferred, "deferred");
    }

    /** This finding, deferred for {@code reason}: it applies once a held-back user moves. */
    public Finding deferredBecause(String reason) {
        return new Finding(this, reason);
    }

    /** Why the finding applies only later, or null when it applies now. */
    public String getDeferred() {
        return deferred;
    }

    public boolean isDeferred() {
        return deferred != null;
    }

    /** Written out rather than chained from lambdas: sorting millions of findings is a hot path. */
    private static int compareInReportOrder(Finding a, Finding b) {
        int c = a.severity.compareTo(b.severity);
        if (c != 0) {
            return c;
        }
        // A rule's findings share its id string: most comparisons are settled by identity, not by its characters.
        c = a.rule == b.rule ? 0 : a.rule.compareTo(b.rule);
        if (c != 0) {
            return c;
        }
        c = a.subject.compareTo(b.subject);
        return c != 0 ? c : a.message.compareTo(b.message);
    }

    public String getRule() {
        return rule;
    }

    public Severity getSeverity() {
        return severity;
    }

    /** {@code user:<sip>}, {@code meeting:<id>} or {@code partner:<domain>}. */
    public String getSubject() {
        return subject;
    }

    public String getMessage() {
        return message;
    }

    public String getRemedy() {
        return remedy;
    }

    /** The section heading of the source article the rule encodes. */
    public String getReference() {
        return reference;
    }

    /** The SIP address of the user concerned, or null. */
    public String getConcerns() {
        return concerns;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && f.rule.equals(rule) && f.severity == severity && f.subject.equals(subject)
                && f.message.equals(message) && f.remedy.equals(remedy) && f.reference.equals(reference)
                && Objects.equals(f.concerns, concerns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, subject, message);
    }

    @Override
    public String toString() {
        return severity + " " + rule + " " + subject + ": " + message;
    }
}
