package io.migkb.inventory;

import io.migkb.model.Client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each user's client from the client registrations of a customer's exports: a row per user and endpoint (or client
 * version), several per user. The rule, as docs/inputs.md states it:
 * <ol>
 *   <li>an installed conferencing client (Communicator, Lync, Live Meeting, the Attendant, the Attendee) beats Lync
 *       Web App: a user's installed client is the one their meetings depend on;</li>
 *   <li>among clients of the same rank, the last row read wins (files in name order, rows in file order): order a
 *       report by time and the client last signed in with counts;</li>
 *   <li>user agents that name no client migkb assesses (Lync Phone Edition, the mobile apps, newer clients) never
 *       hide a known one; a user with nothing else gets {@link Client#UNKNOWN}, and the user agents are kept for the
 *       finding that reports the gap.</li>
 * </ol>
 * SIP addresses compare ignoring case.
 */
final class EndpointClients {
    /** How many unrecognised user agents a gap keeps for its message. */
    private static final int KEPT_UNKNOWN = 3;

    private record Choice(ClientSpec client, int rank) {
    }

    private final Map<String, Choice> chosen = new HashMap<>();
    private final Map<String, List<String>> unknown = new HashMap<>();

    /** One row: the user's address (without sip:) and the user agent (or client name) it recorded. */
    void add(String sip, String userAgent, ClientSpec client) {
        String key = sip.toLowerCase(Locale.ROOT);
        if (client == null || !client.client().isKnown()) {
            if (!userAgent.isEmpty()) {
                List<String> seen = unknown.computeIfAbsent(key, k -> new ArrayList<>(1));
                if (seen.size() < KEPT_UNKNOWN && !seen.contains(userAgent)) {
                    seen.add(userAgent);
                }
            }
            return;
        }
        int rank = client.client().isWebApp() ? 1 : 2;
        Choice old = chosen.get(key);
        if (old == null || rank >= old.rank()) {
            chosen.put(key, new Choice(client, rank));
        }
    }

    /** The user's client, or null when no row names a known one. */
    ClientSpec clientOf(String sip) {
        Choice c = chosen.get(sip.toLowerCase(Locale.ROOT));
        return c == null ? null : c.client();
    }

    /** The user agents recorded for the user that name no known client, in the order read (a few at most). */
    List<String> unrecognised(String sip) {
        return unknown.getOrDefault(sip.toLowerCase(Locale.ROOT), List.of());
    }
}
