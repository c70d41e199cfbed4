package io.migkb.scenario;

import io.migkb.model.Finding;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One {@code { rule: ID, subject: SUBJECT }} entry of a scenario's {@code expect:} or {@code forbid:} list, with the
 * line it stands on. The subject is matched exactly, or as a glob when it holds {@code *} ({@code meeting:*}); no
 * subject matches any.
 */
public record Expectation(String rule, String subject, String file, int line) {
    /** True when {@code finding} is of this rule and subject. */
    public boolean matches(Finding finding) {
        return finding.getRule().equals(rule) && matchesSubject(finding.getSubject());
    }

    public boolean matchesSubject(String actual) {
        if (subject == null) {
            return true;
        }
        if (subject.indexOf('*') < 0) {
            return subject.equals(actual);
        }
        String regex = Arrays.stream(subject.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return Pattern.matches(regex, actual);
    }

    /** "FED-LOCKED-OC2007 on meeting:m-001". */
    public String describe() {
        return rule + (subject == null ? "" : " on " + subject);
    }
}
