package io.migkb.model;

import java.util.Locale;
import java.util.Optional;

/** The scheme of a meeting URL: the text before its first ':'. */
public enum UrlScheme {
    /** An OCS 2007 R2 conference call. */
    CONF,
    /** An OCS 2007 R2 (Live Meeting) web conference. */
    MEET,
    /** A Lync Server 2010 or 2013 meeting. */
    HTTPS;

    public boolean isLegacy() {
        return this != HTTPS;
    }

    public String prefix() {
        return name().toLowerCase(Locale.ROOT) + ":";
    }

    /** The scheme of a URL, or empty when it has none or one that meetings do not use. */
    public static Optional<UrlScheme> of(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String scheme = url.substring(0, colon).trim().toUpperCase(Locale.ROOT);
        for (UrlScheme s : values()) {
            if (s.name().equals(scheme)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
