package io.migkb.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A validated migration inventory: every reference resolves, every id is unique. Readers in the
 * {@code inventory} package are the only place that builds one from a file.
 */
public final class Inventory {
    private final String organization;
    private final Plan plan;
    private final List<Pool> pools;
    private final List<User> users;
    private final List<FederatedUser> federatedUsers;
    private final List<Meeting> meetings;
    private final Map<String, SourceLocation> locations;

    public Inventory(String organization, Plan plan, List<Pool> pools, List<User> users,
                     List<FederatedUser> federatedUsers, List<Meeting> meetings, Map<String, SourceLocation> locations) {
        this.organization = organization;
        this.plan = Objects.requireNonNull(plan, "plan");
        this.pools = List.copyOf(pools);
        this.users = List.copyOf(users);
        this.federatedUsers = List.copyOf(federatedUsers);
        this.meetings = linkOrganizers(meetings, this.users);
        this.locations = Map.copyOf(locations);
    }

    /** Each meeting with its organizer's server version, so rules filter on it without joining User. */
    private static List<Meeting> linkOrganizers(List<Meeting> meetings, List<User> users) {
        Map<String, ServerVersion> versions = new HashMap<>(users.size() * 4 / 3 + 16);
        for (User u : users) {
            versions.put(u.getSip(), u.getServerVersion());
        }
        Meeting[] linked = new Meeting[meetings.size()];
        for (int i = 0; i < linked.length; i++) {
            Meeting m = meetings.get(i);
            linked[i] = m.withOrganizerServerVersion(versions.get(m.getOrganizer()));
        }
        return List.of(linked);
    }

    public String getOrganization() {
        return organization;
    }

    public Plan getPlan() {
        return plan;
    }

    public List<Pool> getPools() {
        return pools;
    }

    public List<User> getUsers() {
        return users;
    }

    public List<FederatedUser> getFederatedUsers() {
        return federatedUsers;
    }

    public List<Meeting> getMeetings() {
        return meetings;
    }

    /** One partner per federated users' domain, in order of first appearance. */
    public List<FederatedPartner> getPartners() {
        Set<String> domains = new LinkedHashSet<>();
        federatedUsers.forEach(f -> domains.add(f.getDomain()));
        return domains.stream().map(FederatedPartner::new).toList();
    }

    /** One fact per meeting and invited participant, with the meeting, participant and organizer looked up. */
    public List<Participation> getParticipations() {
        List<Participation> result = new ArrayList<>();
        forEachParticipation(result::add);
        return result;
    }

    /** Hands each participation to {@code action} without collecting them: millions of them need not all be held. */
    public void forEachParticipation(Consumer<Participation> action) {
        Map<String, Participant> bySip = new HashMap<>((users.size() + federatedUsers.size()) * 4 / 3 + 16);
        for (FederatedUser f : federatedUsers) {
            bySip.put(f.getSip(), f);
        }
        for (User u : users) {
            bySip.put(u.getSip(), u);
        }
        for (Meeting m : meetings) {
            Participant organizer = bySip.get(m.getOrganizer());
            User organizerUser = organizer instanceof User u ? u : null;
            for (String sip : m.getParticipants()) {
                action.accept(new Participation(m, sip, bySip.get(sip), organizerUser));
            }
        }
    }

    /** Where a subject ({@code user:…}, {@code meeting:…}, {@code partner:…}) was declared, when the reader knows. */
    public Optional<SourceLocation> locationOf(String subject) {
        return Optional.ofNullable(locations.get(subject));
    }

    public Map<String, SourceLocation> getLocations() {
        return locations;
    }
}
