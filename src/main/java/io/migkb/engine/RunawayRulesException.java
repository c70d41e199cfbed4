package io.migkb.engine;

/** An assessment was stopped by a guard rail; names the rule that fired most. */
public final class RunawayRulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String busiestRule;
    private final long busiestRuleFirings;

    public RunawayRulesException(String reason, String busiestRule, long busiestRuleFirings) {
        super(reason + "; the rule that fired most is \"" + busiestRule + "\" (" + busiestRuleFirings
                + " firings): does it modify or insert facts that make it match again?");
        this.busiestRule = busiestRule;
        this.busiestRuleFirings = busiestRuleFirings;
    }

    public String busiestRule() {
        return busiestRule;
    }

    public long busiestRuleFirings() {
        return busiestRuleFirings;
    }
}
