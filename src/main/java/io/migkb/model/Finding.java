package io.migkb.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing a rule found. {@code rule}, {@code severity} and {@code reference} come from the rule's metadata;
 * {@code concerns} is the SIP address of the user the finding is about (for meeting findings, the user in the
 * meeting the finding names), or null.
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

    public Finding(String rule, Severity severity, String subject, String message, String remedy, String reference,
                   String concerns) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.message = Objects.requireNonNull(message, "message");
        this.remedy = Objects.requireNonNull(remedy, "remedy");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.concerns = concerns;
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
