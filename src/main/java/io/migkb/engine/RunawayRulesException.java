package io.migkb.engine;

/**
 * An assessment was stopped by a guard rail; names the looping rule: the one whose own inserts, updates and deletes
 * were the most, else the one that fired most.
 */
public final class RunawayRulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String busiestRule;
    private final long busiestRuleFirings;

    public RunawayRulesException(String reason, String busiestRule, long busiestRuleFirings) {
        this(reason + "; the rule that fired most is \"" + busiestRule + "\" (" + busiestRuleFirings
                + " firings): does it modify or insert facts that make it match again?", busiestRule, busiestRuleFirings,
                true);
    }

    private RunawayRulesException(String message, String rule, long firings, boolean located) {
        super(message);
        this.busiestRule = rule;
        this.busiestRuleFirings = firings;
    }

    /** A runaway named by the rule whose own changes to the facts grew most. */
    static RunawayRulesException changing(String reason, String rule, long firings, long changes) {
        return new RunawayRulesException(reason + "; the looping rule is \"" + rule + "\": it inserted, updated or"
                + " deleted " + changes + " facts in " + firings + " firings; does it change facts that make it match"
                + " again?", rule, firings, true);
    }

    /**
     * The heap ran out while {@code rule} fired: a rule that keeps inserting, most likely, but an inventory too large
     * for the heap ends the same way, so the message says both.
     */
    static RunawayRulesException outOfHeap(String reason, String rule, long firings, long changes, long maxMegabytes) {
        return new RunawayRulesException(reason + ", in rule \"" + rule + "\" (it inserted, updated or deleted "
                + changes + " facts in " + firings + " firings): if it changes facts that make it match again, it is"
                + " the looping rule; if not, the assessment needs more heap than " + maxMegabytes + " MB (run with"
                + " JAVA_OPTS=-Xmx" + Math.max(1, (maxMegabytes * 2 + 1023) / 1024) + "g, or assess in parts with"
                + " --partitions)", rule, firings, true);
    }

    public String busiestRule() {
        return busiestRule;
    }

    public long busiestRuleFirings() {
        return busiestRuleFirings;
    }
}
