package io.migkb.model;

/** Anyone who can be invited to a meeting: a user of the organization or a federated partner's user. */
public interface Participant {
    String getSip();

    Client getClient();

    boolean isFederated();
}
