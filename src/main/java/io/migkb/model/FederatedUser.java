package io.migkb.model;

import java.util.Objects;

/** A user of a federated partner organization who joins the customer's meetings. */
public final class FederatedUser implements Participant {
    private final String sip;
    private final Client client;
    private final String domain;

    /**
     * For migkb's readers, not a stable member (docs/embedding.md): an inventory in code is built with
     * {@code io.migkb.api.InventoryBuilder}, which validates it.
     */
    public FederatedUser(String sip, Client client) {
        this.sip = Objects.requireNonNull(sip, "sip");
        this.client = Objects.requireNonNull(client, "client");
        this.domain = Sip.domainOf(sip);
    }

    @Override
    public String getSip() {
        return sip;
    }

    @Override
    public Client getClient() {
        return client;
    }

    @Override
    public boolean isFederated() {
        return true;
    }

    /** The partner organization's SIP domain. */
    public String getDomain() {
        return domain;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FederatedUser f && f.sip.equals(sip) && f.client == client;
    }

    @Override
    public int hashCode() {
        return sip.hashCode();
    }

    @Override
    public String toString() {
        return "FederatedUser[" + sip + ", " + client + "]";
    }
}
