package io.migkb.model;

import java.util.Objects;

/**
 * A conference directory (Get-CsConferenceDirectory): the number in the PSTN conference ID with which dial-in users
 * find a conference, homed on a pool. A directory left on a pool that is retired stops serving the conferences that
 * use it, so before an earlier pool is retired its directories are moved with Move-CsConferenceDirectory.
 */
public final class ConferenceDirectory {
    private final String identity;
    private final String pool;
    private final ServerVersion serverVersion;

    /**
     * @param identity      the directory's numeric identity, e.g. "3"
     * @param pool          the FQDN of the pool that homes it (its ServiceId without the "UserServer:" prefix)
     * @param serverVersion that pool's server version, or null when the inventory does not know the pool
     */
    public ConferenceDirectory(String identity, String pool, ServerVersion serverVersion) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.serverVersion = serverVersion;
    }

    public String getIdentity() {
        return identity;
    }

    public String getPool() {
        return pool;
    }

    /** The server version of the directory's pool, or null when the inventory does not know the pool. */
    public ServerVersion getServerVersion() {
        return serverVersion;
    }

    /** True when the directory is homed on a pool of an earlier version than Lync Server 2013. */
    public boolean isOnLegacyPool() {
        return serverVersion != null && serverVersion != ServerVersion.LYNC_2013;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConferenceDirectory d && d.identity.equals(identity) && d.pool.equals(pool);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identity, pool);
    }

    @Override
    public String toString() {
        return "ConferenceDirectory[" + identity + " on " + pool + "]";
    }
}
