package io.migkb.api;

/**
 * An assessment was stopped by a guard rail ({@link Migkb#maxFirings(long)}, {@link Migkb#timeLimit}): a rule
 * kept firing. Names the rule that fired most, which is usually the one to fix.
 */
public final class RunawayRulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String busiestRule;
    private final long busiestRuleFirings;

    RunawayRulesException(String message, String busiestRule, long busiestRuleFirings, Throwable cause) {
        super(message, cause);
        this.busiestRule = busiestRule;
        this.busiestRuleFirings = busiestRuleFirings;
    }

    /** The name of the rule that fired most. */
    public String busiestRule() {
        return busiestRule;
    }

    public long busiestRuleFirings() {
        return busiestRuleFirings;
    }
}
