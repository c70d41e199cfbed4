package io.migkb.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An inventory's elements by subject name, for {@link Inventory#locationOf} over packed positions: each list
 * indexed by its own key strings, built once when a location is first asked for (SARIF output, waivers).
 */
final class Subjects {
    private final List<Pool> pools;
    private final SubjectIndex<User> users;
    private final SubjectIndex<Meeting> meetings;
    /** A partner's location is its first federated user's. */
    private final Map<String, Integer> partners = new HashMap<>();

    Subjects(Inventory inventory) {
        this.pools = inventory.getPools();
        this.users = new SubjectIndex<>(inventory.getUsers(), User::getSip);
        this.meetings = new SubjectIndex<>(inventory.getMeetings(), Meeting::getId);
        List<FederatedUser> federated = inventory.getFederatedUsers();
        for (int i = 0; i < federated.size(); i++) {
            partners.putIfAbsent(federated.get(i).getDomain(), i);
        }
    }

    /** The location of {@code subject}, or null when it names no element or its element has no position. */
    SourceLocation locate(String subject, SourceLocations locations) {
        int colon = subject.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String name = subject.substring(colon + 1);
        switch (subject.substring(0, colon)) {
            case "meeting" -> {
                return locations.meeting(meetings.indexOf(name));
            }
            case "user" -> {
                return locations.user(users.indexOf(name));
            }
            case "partner" -> {
                Integer i = partners.get(name);
                return i == null ? null : locations.federatedUser(i);
            }
            case "pool" -> {
                for (int i = 0; i < pools.size(); i++) {
                    if (pools.get(i).getFqdn().equals(name)) {
                        return locations.pool(i);
                    }
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }
}
