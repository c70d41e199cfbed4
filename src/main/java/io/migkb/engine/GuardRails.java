package io.migkb.engine;

import java.time.Duration;

/**
 * Limits that stop a runaway rule (one that keeps re-firing). The defaults leave ample room for the bundled
 * catalogue on a million-user inventory.
 */
public record GuardRails(long maxFirings, Duration timeLimit) {
    public static final GuardRails DEFAULT = new GuardRails(50_000_000L, Duration.ofMinutes(10));

    public GuardRails {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1");
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive");
        }
    }

    public GuardRails withMaxFirings(long max) {
        return new GuardRails(max, timeLimit);
    }

    public GuardRails withTimeLimit(Duration limit) {
        return new GuardRails(maxFirings, limit);
    }
}
