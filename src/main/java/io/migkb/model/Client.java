package io.migkb.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The client software a user signs in with. A client may be given in an inventory by name or as the
 * SIP user-agent string it sends, matched by prefix (trailing text ignored).
 */
public enum Client {
    COMMUNICATOR_2007("Office Communicator 2007", "OC/2.0"),
    COMMUNICATOR_2007_R2("Office Communicator 2007 R2", "OC/3.5.6907"),
    OCS_2007_R2_ATTENDANT("Office Communications Server 2007 R2 Attendant"),
    LIVE_MEETING_2007("Office Live Meeting 2007", "LMC/8.0"),
    LYNC_2010("Lync 2010", "OC/4.0.7577"),
    LYNC_2010_ATTENDEE("Lync 2010 Attendee"),
    LYNC_WEB_APP_2010("Lync Web App 2010"),
    LYNC_2013("Lync 2013", "OC/15.0"),
    LYNC_WEB_APP_2013("Lync Web App 2013");

    private final String displayName;
    private final List<String> userAgentPrefixes;

    Client(String displayName, String... userAgentPrefixes) {
        this.displayName = displayName;
        this.userAgentPrefixes = List.of(userAgentPrefixes);
    }

    public String getDisplayName() {
        return displayName;
    }

    public List<String> getUserAgentPrefixes() {
        return userAgentPrefixes;
    }

    /** The client a SIP user-agent string names, matched by prefix; trailing text is ignored. */
    public static Optional<Client> fromUserAgent(String userAgent) {
        String ua = userAgent.trim();
        return Arrays.stream(values())
                .filter(c -> c.userAgentPrefixes.stream().anyMatch(p -> startsWithVersion(ua, p)))
                .findFirst();
    }

    /** "OC/15.0" must match "OC/15.0.4481.1000" but not "OC/15.01"; a prefix ends at a version boundary. */
    private static boolean startsWithVersion(String ua, String prefix) {
        if (!ua.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        if (ua.length() == prefix.length()) {
            return true;
        }
        char next = ua.charAt(prefix.length());
        return !Character.isDigit(next);
    }

    /** The version part of a user-agent string ("OC/15.0.4481.1000 (…)" gives "15.0.4481.1000"), if any. */
    public static Optional<String> versionOf(String userAgent) {
        String ua = userAgent.trim();
        int slash = ua.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        int end = slash + 1;
        while (end < ua.length() && (Character.isDigit(ua.charAt(end)) || ua.charAt(end) == '.')) {
            end++;
        }
        String version = ua.substring(slash + 1, end);
        return version.isEmpty() ? Optional.empty() : Optional.of(version);
    }
}
