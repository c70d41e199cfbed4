package io.migkb.engine;

import io.migkb.model.SourceLocation;

/**
 * A rule threw while the rules ran (a constraint or a consequence): the rule's fault, not migkb's. Names the rule
 * where it is declared, what it threw, and the fact it was matching with where the inventory declares it:
 * {@code changes-to-meetings.drl:41: rule "MEETING-LARGE" threw StringIndexOutOfBoundsException: begin 99, end 5,
 * length 5 while matching meeting:m-004 (contoso.json:41)}.
 */
public final class RuleRuntimeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String rule;
    private final String subject;
    private final transient SourceLocation subjectLocation;
    private final String condition;

    /** {@code condition}: the constraint that threw, or null for the consequence. */
    RuleRuntimeException(String file, int line, String rule, String subject, SourceLocation subjectLocation,
                         String condition, Throwable cause) {
        super(format(file, line, rule, subject, subjectLocation, condition, cause), cause);
        this.file = file;
        this.line = line;
        this.rule = rule;
        this.subject = subject;
        this.subjectLocation = subjectLocation;
        this.condition = condition;
    }

    private static String format(String file, int line, String rule, String subject, SourceLocation at,
                                 String condition, Throwable cause) {
        String what = cause.getClass().getSimpleName() + (cause.getMessage() == null ? ""
                : ": " + cause.getMessage().replaceAll("\\s*\\R\\s*", " ").trim());
        return (file == null ? "" : file + (line > 0 ? ":" + line : "") + ": ") + "rule \"" + rule + "\" threw " + what
                + (condition == null ? "" : " in its condition " + condition)
                + (subject == null ? "" : " while matching " + subject
                        + (at == null ? "" : " (" + at.file() + ":" + at.line() + ")"));
    }

    /** The same failure, told where the inventory declares its subject. */
    RuleRuntimeException locatedAt(SourceLocation location) {
        return location == null || subjectLocation != null ? this
                : new RuleRuntimeException(file, line, rule, subject, location, condition, getCause());
    }

    /** The rule file, relative to the rules folder; null when unknown. */
    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String rule() {
        return rule;
    }

    /** What the rule was matching ({@code meeting:m-004}), or null when not known. */
    public String subject() {
        return subject;
    }
}
