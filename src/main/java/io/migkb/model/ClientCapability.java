package io.migkb.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the client-support table ({@code rules/client-support.xlsx}): what a client can do with meetings
 * hosted on a server version. The table's rows insert these facts at the start of every assessment; the engine
 * reads them once per compiled rule base into the {@link ClientSupport} lookup, through which the client rules read
 * their answers without naming clients in DRL (and without a join that would hold every participation in memory).
 * {@code federatedMeetings} and {@code signIn} are null where the table states nothing.
 */
public final class ClientCapability {
    private final Client client;
    private final ServerVersion server;
    private final JoinSupport meetings;
    private final JoinSupport federatedMeetings;
    private final SignIn signIn;
    private final Set<MeetingFeature> lost;
    private final String source;

    public ClientCapability(Client client, ServerVersion server, JoinSupport meetings, JoinSupport federatedMeetings,
                            SignIn signIn, Set<MeetingFeature> lost, String source) {
        this.client = Objects.requireNonNull(client, "client");
        this.server = Objects.requireNonNull(server, "server");
        this.meetings = Objects.requireNonNull(meetings, "meetings");
        this.federatedMeetings = federatedMeetings;
        this.signIn = signIn;
        this.lost = Collections.unmodifiableSet(lost.isEmpty() ? EnumSet.noneOf(MeetingFeature.class) : EnumSet.copyOf(lost));
        this.source = source == null ? "" : source;
    }

    /** A row built cell by cell, as the decision table's actions do: {@code ClientCapability.of(Client.LYNC_2010)}. */
    public static Builder of(Client client) {
        return new Builder(client);
    }

    public Client getClient() {
        return client;
    }

    /** The server version hosting the meeting (for {@link #getSignIn()}: the server the user is homed on). */
    public ServerVersion getServer() {
        return server;
    }

    /** Whether the organization's own users of this client join meetings hosted on {@link #getServer()}. */
    public JoinSupport getMeetings() {
        return meetings;
    }

    /** True unless the organization's users of this client cannot join such meetings at all. */
    public boolean isCanJoinMeetings() {
        return meetings != JoinSupport.NO;
    }

    /** Whether federated users of this client join the organization's meetings hosted there; null: no statement. */
    public JoinSupport getFederatedMeetings() {
        return federatedMeetings;
    }

    /** What the client keeps when its user is homed on {@link #getServer()}; null: no statement. */
    public SignIn getSignIn() {
        return signIn;
    }

    /** Meeting features the client lacks in meetings hosted on {@link #getServer()}. */
    public Set<MeetingFeature> getLost() {
        return lost;
    }

    /** What the article says, as the table quotes it. */
    public String getSource() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientCapability c && c.client == client && c.server == server && c.meetings == meetings
                && c.federatedMeetings == federatedMeetings && c.signIn == signIn && c.lost.equals(lost)
                && c.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(client, server);
    }

    @Override
    public String toString() {
        return "ClientCapability[" + client + " in meetings on " + server + ": " + meetings
                + (federatedMeetings != null ? ", federated " + federatedMeetings : "")
                + (signIn != null ? ", signed in " + signIn : "") + (lost.isEmpty() ? "" : ", lost " + lost) + "]";
    }

    /** Builds a row of the table; {@link #server} and {@link #meetings} are required. */
    public static final class Builder {
        private final Client client;
        private ServerVersion server;
        private JoinSupport meetings;
        private JoinSupport federatedMeetings;
        private SignIn signIn;
        private final Set<MeetingFeature> lost = EnumSet.noneOf(MeetingFeature.class);

        private Builder(Client client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        public Builder server(ServerVersion value) {
            server = value;
            return this;
        }

        public Builder meetings(JoinSupport value) {
            meetings = value;
            return this;
        }

        public Builder federatedMeetings(JoinSupport value) {
            federatedMeetings = value;
            return this;
        }

        public Builder signIn(SignIn value) {
            signIn = value;
            return this;
        }

        public Builder lost(MeetingFeature... features) {
            lost.addAll(Arrays.asList(features));
            return this;
        }

        /** The row's last cell: what the article says. Builds the row. */
        public ClientCapability source(String text) {
            if (server == null || meetings == null) {
                throw new IllegalStateException("client-support row for " + client + " needs a server and a meetings answer");
            }
            return new ClientCapability(client, server, meetings, federatedMeetings, signIn, lost, text);
        }
    }
}
