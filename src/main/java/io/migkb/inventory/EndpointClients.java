package io.migkb.inventory;

import io.migkb.model.Client;

import java.util.ArrayList;
import java.util.List;

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
 * SIP addresses compare ignoring case: the reader finds the user's position by the lower-case address.
 */
final class EndpointClients {
    /** How many unrecognised user agents a gap keeps for its message. */
    private static final int KEPT_UNKNOWN = 3;

    /** Each user's chosen client and its rank (2 installed client, 1 web app), by the user's position. */
    private final ClientSpec[] chosen;
    private final byte[] rank;
    /** The unrecognised user agents of users with some, by position; mostly null. */
    private final List<?>[] unknown;

    /** For {@code users} users, known by their position in the Get-CsUser exports. */
    EndpointClients(int users) {
        chosen = new ClientSpec[users];
        rank = new byte[users];
        unknown = new List<?>[users];
    }

    /** One row of user {@code user}: the user agent (or client name) it recorded, and what it names (null: none). */
    void add(int user, String userAgent, ClientSpec client) {
        if (client == null || !client.client().isKnown()) {
            if (!userAgent.isEmpty()) {
                @SuppressWarnings("unchecked")
                List<String> seen = (List<String>) unknown[user];
                if (seen == null) {
                    seen = new ArrayList<>(1);
                    unknown[user] = seen;
                }
                if (seen.size() < KEPT_UNKNOWN && !seen.contains(userAgent)) {
                    seen.add(userAgent);
                }
            }
            return;
        }
        byte r = client.client().isWebApp() ? (byte) 1 : (byte) 2;
        if (r >= rank[user]) {
            chosen[user] = client;
            rank[user] = r;
        }
    }

    /** The client of user {@code user}, or null when no row names a known one. */
    ClientSpec clientOf(int user) {
        return chosen[user];
    }

    /** The user agents recorded for user {@code user} that name no known client, in the order read, a few at most. */
    @SuppressWarnings("unchecked")
    List<String> unrecognised(int user) {
        List<String> seen = (List<String>) unknown[user];
        return seen == null ? List.of() : seen;
    }
}
