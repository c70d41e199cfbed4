package io.migkb.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A user of the customer's own organization. {@code serverVersion} is the version of the pool the user is
 * homed on today; every user not yet on a Lync 2013 pool will be moved to the plan's target pool.
 */
public final class User implements Participant {
    private final String sip;
    private final String pool;
    private final ServerVersion serverVersion;
    private final Client client;
    private final String clientVersion;
    private final int meetingsPerMonth;
    private final Set<Need> needs;
    private final Set<AddIn> addIns;
    private final boolean schedulesLiveMeetingService;
    private final ClientGap clientGap;

    /**
     * A user whose client is known.
     * For migkb's readers, not a stable member (docs/embedding.md): an inventory in code is built with
     * {@code io.migkb.api.InventoryBuilder}, which validates it.
     */
    public User(String sip, String pool, ServerVersion serverVersion, Client client, String clientVersion,
                int meetingsPerMonth, Set<Need> needs, Set<AddIn> addIns, boolean schedulesLiveMeetingService) {
        this(sip, pool, serverVersion, client, clientVersion, meetingsPerMonth, needs, addIns,
                schedulesLiveMeetingService, null);
    }

    /** A user; {@code clientGap} says why the client is {@link Client#UNKNOWN}, and is null for a known client. */
    public User(String sip, String pool, ServerVersion serverVersion, Client client, String clientVersion,
                int meetingsPerMonth, Set<Need> needs, Set<AddIn> addIns, boolean schedulesLiveMeetingService,
                ClientGap clientGap) {
        this.sip = Objects.requireNonNull(sip, "sip");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.serverVersion = Objects.requireNonNull(serverVersion, "serverVersion");
        this.client = Objects.requireNonNull(client, "client");
        this.clientVersion = clientVersion;
        this.meetingsPerMonth = meetingsPerMonth;
        this.needs = SharedSets.NEEDS.of(Arguments.noNulls(needs, "needs"));
        this.addIns = SharedSets.ADD_INS.of(Arguments.noNulls(addIns, "addIns"));
        this.schedulesLiveMeetingService = schedulesLiveMeetingService;
        this.clientGap = client == Client.UNKNOWN && clientGap == null ? new ClientGap(List.of(), List.of()) : clientGap;
    }

    @Override
    public String getSip() {
        return sip;
    }

    /** The FQDN of the pool the user is homed on today. */
    public String getPool() {
        return pool;
    }

    /** The server version of the user's pool today. */
    public ServerVersion getServerVersion() {
        return serverVersion;
    }

    /** True when the user is already homed on a Lync Server 2013 pool. */
    public boolean isMigrated() {
        return serverVersion == ServerVersion.LYNC_2013;
    }

    @Override
    public Client getClient() {
        return client;
    }

    @Override
    public boolean isFederated() {
        return false;
    }

    /** The client's version when the inventory gave a user-agent string with one ("15.0.4481.1000"), else null. */
    public String getClientVersion() {
        return clientVersion;
    }

    /** Why the client is {@link Client#UNKNOWN} (the inputs searched); null when the client is known. */
    public ClientGap getClientGap() {
        return clientGap;
    }

    public int getMeetingsPerMonth() {
        return meetingsPerMonth;
    }

    public Set<Need> getNeeds() {
        return needs;
    }

    public Set<AddIn> getAddIns() {
        return addIns;
    }

    public boolean isSchedulesLiveMeetingService() {
        return schedulesLiveMeetingService;
    }

    public String getDomain() {
        return Sip.domainOf(sip);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof User u && u.sip.equals(sip) && u.pool.equals(pool) && u.serverVersion == serverVersion
                && u.client == client && Objects.equals(u.clientVersion, clientVersion)
                && u.meetingsPerMonth == meetingsPerMonth && u.needs.equals(needs) && u.addIns.equals(addIns)
                && u.schedulesLiveMeetingService == schedulesLiveMeetingService
                && Objects.equals(u.clientGap, clientGap);
    }

    @Override
    public int hashCode() {
        return sip.hashCode();
    }

    @Override
    public String toString() {
        return "User[" + sip + ", " + pool + " (" + serverVersion + "), " + client + "]";
    }
}
