package io.migkb.model;

import java.util.Locale;
import java.util.Optional;

/** How much a finding matters, from most to least. */
public enum Severity {
    /** Something will fail. */
    BLOCKER,
    /** Something is lost or degraded. */
    WARNING,
    /** A planning recommendation. */
    ADVICE,
    /** What will simply happen. */
    INFO;

    /** True when this severity is as serious as {@code threshold} or more. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
