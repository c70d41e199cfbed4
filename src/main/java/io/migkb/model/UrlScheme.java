package io.migkb.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

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

    private static final UrlScheme[] ALL = values();
    private static final List<Optional<UrlScheme>> FOUND = Stream.of(ALL).map(Optional::of).toList();

    /**
     * The scheme of a URL (the text before its first ':', spaces around it ignored, any case), or empty when it has
     * none or one that meetings do not use. Read for every meeting of an inventory: it allocates nothing.
     */
    public static Optional<UrlScheme> of(String url) {
        int colon = url.indexOf(':');
        int from = 0;
        int to = colon;
        while (from < to && url.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && url.charAt(to - 1) <= ' ') {
            to--;
        }
        for (UrlScheme s : ALL) {
            String name = s.name();
            if (to - from == name.length() && url.regionMatches(true, from, name, 0, name.length())) {
                return FOUND.get(s.ordinal());
            }
        }
        return Optional.empty();
    }
}
