package io.migkb.model;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The client-support table ({@code rules/client-support.xlsx}) as a lookup: the answer of the row for a client and
 * the server version hosting the meeting. The engine resolves it once per compiled rule base from the
 * {@link ClientCapability} facts the table's rows insert, and gives it to every session as the global
 * {@code clientSupport}, so a rule tests a client in one pattern, in the alpha network:
 * <pre>
 * global ClientSupport clientSupport;
 * Participation( internal, JoinSupport.NO == clientSupport.meetings(client, ServerVersion.LYNC_2013) )
 * </pre>
 * instead of joining {@code ClientCapability( ... )} with {@code Participation( client == $cap.client )}, a join
 * that keeps every participation in its memory. A pair without a row states nothing: null answers, nothing lost.
 * A pair stated by several rows takes the most restrictive answer of each column, and the features lost add up.
 */
public final class ClientSupport {
    /** No rows: every answer null, nothing lost. */
    public static final ClientSupport EMPTY = new ClientSupport(new Row[ServerVersion.values().length][Client.values().length]);

    private final Row[][] rows;

    private ClientSupport(Row[][] rows) {
        this.rows = rows;
    }

    /** The lookup of these rows (the facts a table's rows insert). */
    public static ClientSupport of(Collection<ClientCapability> capabilities) {
        Row[][] rows = new Row[ServerVersion.values().length][Client.values().length];
        for (ClientCapability c : capabilities) {
            Row[] byClient = rows[c.getServer().ordinal()];
            Row old = byClient[c.getClient().ordinal()];
            byClient[c.getClient().ordinal()] = old == null ? new Row(c.getMeetings(), c.getFederatedMeetings(),
                    c.getSignIn(), c.getLost()) : old.merge(c);
        }
        return new ClientSupport(rows);
    }

    /** True when no row states anything: every answer null, nothing lost. */
    public boolean isEmpty() {
        for (Row[] byClient : rows) {
            for (Row row : byClient) {
                if (row != null) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the organization's users of {@code client} join meetings hosted on {@code server}; null: no row. */
    public JoinSupport meetings(Client client, ServerVersion server) {
        Row row = row(client, server);
        return row == null ? null : row.meetings;
    }

    /** Whether federated users of {@code client} join the organization's meetings on {@code server}; null: no statement. */
    public JoinSupport federatedMeetings(Client client, ServerVersion server) {
        Row row = row(client, server);
        return row == null ? null : row.federatedMeetings;
    }

    /** What {@code client} keeps when its user is homed on {@code server}; null: no statement. */
    public SignIn signIn(Client client, ServerVersion server) {
        Row row = row(client, server);
        return row == null ? null : row.signIn;
    }

    /** Meeting features {@code client} lacks in meetings hosted on {@code server}; empty: none, or no row. */
    public Set<MeetingFeature> lost(Client client, ServerVersion server) {
        Row row = row(client, server);
        return row == null ? Collections.emptySet() : row.lost;
    }

    private Row row(Client client, ServerVersion server) {
        return client == null || server == null ? null : rows[server.ordinal()][client.ordinal()];
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ClientSupport[");
        for (ServerVersion server : ServerVersion.values()) {
            for (Client client : Client.values()) {
                Row row = row(client, server);
                if (row != null) {
                    s.append(client).append(" on ").append(server).append(": ").append(row.meetings).append("; ");
                }
            }
        }
        return s.append(']').toString();
    }

    private record Row(JoinSupport meetings, JoinSupport federatedMeetings, SignIn signIn, Set<MeetingFeature> lost) {
        Row merge(ClientCapability c) {
            Set<MeetingFeature> union = EnumSet.noneOf(MeetingFeature.class);
            union.addAll(lost);
            union.addAll(c.getLost());
            return new Row(stricter(meetings, c.getMeetings()), stricter(federatedMeetings, c.getFederatedMeetings()),
                    stricter(signIn, c.getSignIn()), Collections.unmodifiableSet(union));
        }

        /** The enums are declared from most to least permissive; null states nothing. */
        private static <E extends Enum<E>> E stricter(E a, E b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return a.ordinal() >= b.ordinal() ? a : b;
        }
    }
}
