package io.migkb.api;

import java.util.List;

/**
 * A rule's consequence threw during an assessment (a null it did not expect, a method that failed): the rule, where
 * it is declared and the facts it was matching. Unchecked, as {@link RunawayRulesException}: a broken rule is a
 * defect of the rules, not of the inventory. The cause is the exception the consequence threw.
 */
public final class RuleFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String ruleId;
    private final String ruleName;
    private final String file;
    private final int line;
    private final transient List<String> facts;

    RuleFailedException(String ruleId, String ruleName, String file, int line, List<String> facts, Throwable cause) {
        super("rule \"" + ruleName + "\"" + (file == null ? "" : " (" + file + (line > 0 ? ":" + line : "") + ")")
                + " failed" + (facts.isEmpty() ? "" : " on " + String.join(", ", facts)) + ": " + describe(cause),
                cause);
        this.ruleId = ruleId;
        this.ruleName = ruleName;
        this.file = file;
        this.line = line;
        this.facts = List.copyOf(facts);
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The rule's {@code @id}, or null when it has none. */
    public String ruleId() {
        return ruleId;
    }

    /** The rule's name, as declared. */
    public String ruleName() {
        return ruleName;
    }

    /** The file the rule is declared in, relative to the rules folder; null when unknown. */
    public String file() {
        return file;
    }

    /** The line of the rule's declaration; 0 when unknown. */
    public int line() {
        return line;
    }

    /** The facts the rule was matching, each as text ({@code User{sip=alice@contoso.com, …}}), in pattern order. */
    public List<String> facts() {
        return facts;
    }
}
