package io.migkb.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The client software a user signs in with. A client may be given in an inventory by name or as the SIP
 * user-agent string it sends ({@code UCCAPI/15.0.4420.1017 OC/15.0.4420.1017 (Microsoft Lync)}): the client is
 * recognised by its product token anywhere in the string, and a token's version must start with the one listed
 * ({@code OC/15.0} matches {@code OC/15.0.4481.1000}, not {@code OC/15.01}). Where one product token stands for two
 * clients, a word of the string's comment tells them apart ({@code (Microsoft Lync 2010 Attendee)}).
 *
 * <p>{@link #UNKNOWN} is for a user whose client no input names (a gap in a customer's exports): it has no user
 * agent, no name an inventory may use, and no row in the client-support table, so no client rule fires for it.
 */
public enum Client {
    COMMUNICATOR_2007("Office Communicator 2007", "OC/2.0"),
    COMMUNICATOR_2007_R2("Office Communicator 2007 R2", "OC/3.5.6907"),
    OCS_2007_R2_ATTENDANT("Office Communications Server 2007 R2 Attendant", "Attendant/3.5"),
    LIVE_MEETING_2007("Office Live Meeting 2007", "LMC/8.0"),
    LYNC_2010("Lync 2010", "OC/4.0.7577"),
    LYNC_2010_ATTENDEE("Lync 2010 Attendee", "AOC/4.0"),
    LYNC_WEB_APP_2010("Lync Web App 2010", "CWA/4.0"),
    LYNC_2013("Lync 2013", "OC/15.0"),
    LYNC_WEB_APP_2013("Lync Web App 2013", "LWA/15"),
    UNKNOWN("an unknown client");

    /** A word in a user agent's comment that names a client sharing another's product token. */
    private record CommentWord(String productPrefix, String word, Client client) {
    }

    /** Should the Attendee or the Attendant send the full client's product token, the comment still says which. */
    private static final List<CommentWord> COMMENT_WORDS = List.of(
            new CommentWord("OC/4.0.7577", "attendee", LYNC_2010_ATTENDEE),
            new CommentWord("OC/3.5.6907", "attendant", OCS_2007_R2_ATTENDANT));

    private final String displayName;
    private final List<String> userAgentPrefixes;

    Client(String displayName, String... userAgentPrefixes) {
        this.displayName = displayName;
        this.userAgentPrefixes = List.of(userAgentPrefixes);
    }

    public String getDisplayName() {
        return displayName;
    }

    /** The product tokens (with the start of their version) that name this client in a user agent. */
    public List<String> getUserAgentPrefixes() {
        return userAgentPrefixes;
    }

    /** False only for {@link #UNKNOWN}: every other client may be named in an inventory. */
    public boolean isKnown() {
        return this != UNKNOWN;
    }

    /** True for the browser clients (Lync Web App): a user's installed client, when known, says more about them. */
    public boolean isWebApp() {
        return this == LYNC_WEB_APP_2010 || this == LYNC_WEB_APP_2013;
    }

    /** The client a SIP user-agent string names by one of its product tokens, anywhere in the string. */
    public static Optional<Client> fromUserAgent(String userAgent) {
        Match m = match(userAgent);
        return m == null ? Optional.empty() : Optional.of(m.client);
    }

    /** The version of the product token that names the client ("OC/15.0.4481.1000 (…)" gives "15.0.4481.1000"). */
    public static Optional<String> versionOf(String userAgent) {
        Match m = match(userAgent);
        if (m == null) {
            return Optional.empty();
        }
        String token = m.token;
        int end = token.indexOf('/') + 1;
        int start = end;
        while (end < token.length() && (Character.isDigit(token.charAt(end)) || token.charAt(end) == '.')) {
            end++;
        }
        String version = token.substring(start, end);
        while (version.endsWith(".")) {
            version = version.substring(0, version.length() - 1);
        }
        return version.isEmpty() ? Optional.empty() : Optional.of(version);
    }

    private record Match(Client client, String token) {
    }

    /** The first product token (outside comments) that names a client, refined by the comment; null if none. */
    private static Match match(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        String comment = comments(userAgent).toLowerCase(Locale.ROOT);
        int depth = 0;
        int i = 0;
        int n = userAgent.length();
        while (i < n) {
            char c = userAgent.charAt(i);
            if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
                i++;
            } else if (Character.isWhitespace(c) || depth > 0) {
                i++;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(userAgent.charAt(end)) && userAgent.charAt(end) != '(') {
                    end++;
                }
                String token = userAgent.substring(i, end);
                Client client = byToken(token, comment);
                if (client != null) {
                    return new Match(client, token);
                }
                i = end;
            }
        }
        return null;
    }

    private static Client byToken(String token, String comment) {
        for (CommentWord w : COMMENT_WORDS) {
            if (startsWithVersion(token, w.productPrefix()) && comment.contains(w.word())) {
                return w.client();
            }
        }
        for (Client client : values()) {
            for (String prefix : client.userAgentPrefixes) {
                if (startsWithVersion(token, prefix)) {
                    return client;
                }
            }
        }
        return null;
    }

    /** The text inside the parentheses of a user agent, joined. */
    private static String comments(String userAgent) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < userAgent.length(); i++) {
            char c = userAgent.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
                b.append(' ');
            } else if (depth > 0) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** "OC/15.0" must match "OC/15.0.4481.1000" but not "OC/15.01"; a prefix ends at a version boundary. */
    private static boolean startsWithVersion(String token, String prefix) {
        if (!token.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        return token.length() == prefix.length() || !Character.isDigit(token.charAt(prefix.length()));
    }
}
