package io.migkb.scenario;

import io.migkb.model.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code { rule: ID, subject: SUBJECT }} entry of a scenario's {@code expect:} or {@code forbid:} list, with the
 * line it stands on. The subject is matched exactly, or as a glob when it holds {@code *} ({@code meeting:*}); no
 * subject matches any. {@code concerns} (the user the finding names), {@code message} and {@code remedy}, when given,
 * narrow the match: the concerned user's address exactly, the message and the remedy as text they contain, so a
 * scenario can pin what a finding tells the customer, not only that it fires; {@code deferred}, when given, whether
 * the finding applies only once a held-back user moves ({@link io.migkb.model.Deferrals}).
 */
public record Expectation(String rule, String subject, String concerns, String message, String remedy,
                          Boolean deferred, String file, int line) {
    /** An entry of rule and subject alone. */
    public Expectation(String rule, String subject, String file, int line) {
        this(rule, subject, null, null, null, null, file, line);
    }

    /** True when {@code finding} is of this rule and subject, and says what the entry's texts ask for. */
    public boolean matches(Finding finding) {
        return finding.getRule().equals(rule) && matchesSubject(finding.getSubject())
                && (concerns == null || concerns.equals(finding.getConcerns()))
                && (message == null || finding.getMessage().contains(message))
                && (remedy == null || finding.getRemedy().contains(remedy))
                && (deferred == null || deferred == finding.isDeferred());
    }

    public boolean matchesSubject(String actual) {
        return subject == null || globMatches(subject, actual);
    }

    /**
     * Whether {@code text} matches {@code glob}, where {@code *} stands for any run of characters and nothing else is
     * special. Walked part by part, with no regular expression compiled per finding: a scenario checks every finding
     * against every expectation.
     */
    static boolean globMatches(String glob, String text) {
        int star = glob.indexOf('*');
        if (star < 0) {
            return glob.equals(text);
        }
        if (!text.regionMatches(0, glob, 0, star)) {
            return false;
        }
        int at = star;
        int part = star + 1;
        while (true) {
            int next = glob.indexOf('*', part);
            if (next < 0) {
                // The last part must end the text, after what the earlier parts took.
                int length = glob.length() - part;
                return text.length() - at >= length && text.regionMatches(text.length() - length, glob, part, length);
            }
            // A middle part: its leftmost place after the last one leaves the most room for the rest.
            int found = text.indexOf(glob.substring(part, next), at);
            if (found < 0) {
                return false;
            }
            at = found + (next - part);
            part = next + 1;
        }
    }

    /** "FED-LOCKED-OC2007 on meeting:m-001", then what its texts ask for: "(remedy containing \"...\")". */
    public String describe() {
        List<String> texts = new ArrayList<>();
        if (concerns != null) {
            texts.add("concerning " + concerns);
        }
        if (message != null) {
            texts.add("message containing \"" + message + "\"");
        }
        if (remedy != null) {
            texts.add("remedy containing \"" + remedy + "\"");
        }
        if (deferred != null) {
            texts.add(deferred ? "deferred" : "not deferred");
        }
        return rule + (subject == null ? "" : " on " + subject) + (texts.isEmpty() ? "" : " (" + String.join(", ", texts) + ")");
    }
}
