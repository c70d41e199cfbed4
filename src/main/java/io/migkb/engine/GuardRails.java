package io.migkb.engine;

import java.time.Duration;

/**
 * Limits that stop a runaway rule (one that keeps re-firing, or inserting). By default the budget follows the
 * inventory: {@value #BASE_BUDGET} firings plus {@value #FIRINGS_PER_FACT} per input fact, and as many facts
 * inserted by rules, never more than {@code maxFirings}; the bundled catalogue fires less than once per input fact
 * (docs/performance.md), so a loop on a small inventory is stopped in seconds and a million users stay far from
 * it. A limit given explicitly ({@link #withMaxFirings}, or the two-argument constructor) is the budget whatever
 * the inventory's size.
 *
 * @param firingsPerFact 0 for a fixed budget of {@code maxFirings}
 */
public record GuardRails(long maxFirings, Duration timeLimit, int firingsPerFact) {
    /** Firings (and inserted facts) any inventory may use, however small. */
    public static final long BASE_BUDGET = 100_000L;
    public static final int FIRINGS_PER_FACT = 10;
    public static final GuardRails DEFAULT = new GuardRails(50_000_000L, Duration.ofMinutes(10), FIRINGS_PER_FACT);

    public GuardRails {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1");
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive");
        }
        if (firingsPerFact < 0) {
            throw new IllegalArgumentException("firingsPerFact must not be negative");
        }
    }

    /** A fixed budget of {@code maxFirings} firings and inserted facts. */
    public GuardRails(long maxFirings, Duration timeLimit) {
        this(maxFirings, timeLimit, 0);
    }

    /** A fixed budget of {@code max} firings and inserted facts, whatever the inventory's size. */
    public GuardRails withMaxFirings(long max) {
        return new GuardRails(max, timeLimit, 0);
    }

    public GuardRails withTimeLimit(Duration limit) {
        return new GuardRails(maxFirings, limit, firingsPerFact);
    }

    /** The firings (and facts inserted by rules) an assessment of {@code facts} input facts may use. */
    public long budget(long facts) {
        if (firingsPerFact == 0) {
            return maxFirings;
        }
        long sized = BASE_BUDGET + firingsPerFact * Math.max(0, facts);
        return Math.min(maxFirings, sized < 0 ? Long.MAX_VALUE : sized);
    }

    /** How the budget for {@code facts} came about, for the message that stops a runaway. */
    String describeBudget(long facts) {
        long budget = budget(facts);
        return firingsPerFact == 0 || budget == maxFirings ? String.valueOf(budget)
                : budget + " (" + BASE_BUDGET + " plus " + firingsPerFact + " per input fact, " + facts + " facts)";
    }
}
