package io.migkb.model;

import java.util.Objects;

/** A federated partner organization, one per SIP domain that federated users come from. */
public final class FederatedPartner {
    private final String domain;

    /** Not a stable member (docs/embedding.md): an inventory gives its partners ({@link Inventory#getPartners}). */
    public FederatedPartner(String domain) {
        this.domain = Objects.requireNonNull(domain, "domain");
    }

    public String getDomain() {
        return domain;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FederatedPartner p && p.domain.equals(domain);
    }

    @Override
    public int hashCode() {
        return domain.hashCode();
    }

    @Override
    public String toString() {
        return "FederatedPartner[" + domain + "]";
    }
}
