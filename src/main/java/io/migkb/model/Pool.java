package io.migkb.model;

import java.util.Objects;

/** A front-end pool and the server version it runs. */
public final class Pool {
    private final String fqdn;
    private final ServerVersion version;

    /**
     * For migkb's readers, not a stable member (docs/embedding.md): an inventory in code is built with
     * {@code io.migkb.api.InventoryBuilder}, which validates it.
     */
    public Pool(String fqdn, ServerVersion version) {
        this.fqdn = Objects.requireNonNull(fqdn, "fqdn");
        this.version = Objects.requireNonNull(version, "version");
    }

    public String getFqdn() {
        return fqdn;
    }

    public ServerVersion getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pool p && p.fqdn.equals(fqdn) && p.version == version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fqdn, version);
    }

    @Override
    public String toString() {
        return "Pool[" + fqdn + ", " + version + "]";
    }
}
