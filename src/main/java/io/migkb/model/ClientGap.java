package io.migkb.model;

import java.util.List;

/**
 * Why a user's client is {@link Client#UNKNOWN}: the inputs that were searched for it, and the user agents they
 * held for the user that name no conferencing client (a phone, a mobile app), if any. Only readers of a customer's
 * exports make users with a gap; the rule {@code DATA-CLIENT-UNKNOWN} reports each.
 */
public final class ClientGap {
    private final List<String> sourcesSearched;
    private final List<String> userAgentsSeen;

    public ClientGap(List<String> sourcesSearched, List<String> userAgentsSeen) {
        this.sourcesSearched = List.copyOf(sourcesSearched);
        this.userAgentsSeen = List.copyOf(userAgentsSeen);
    }

    /** The files searched for the user's client, as named in messages; empty when the folder had none. */
    public List<String> getSourcesSearched() {
        return sourcesSearched;
    }

    /** User agents recorded for the user that name no client migkb assesses, in the order read. */
    public List<String> getUserAgentsSeen() {
        return userAgentsSeen;
    }

    /** "searched EndpointRegistrations.csv, LcsCDR-client-versions.csv" or "no client data in the inventory". */
    public String describeSources() {
        return sourcesSearched.isEmpty() ? "the inventory has no client data (no registration or client-version export)"
                : "searched " + String.join(", ", sourcesSearched);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientGap g && g.sourcesSearched.equals(sourcesSearched)
                && g.userAgentsSeen.equals(userAgentsSeen);
    }

    @Override
    public int hashCode() {
        return sourcesSearched.hashCode() * 31 + userAgentsSeen.hashCode();
    }

    @Override
    public String toString() {
        return "ClientGap[" + sourcesSearched + ", seen " + userAgentsSeen + "]";
    }
}
