package io.migkb.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private final SourceLocations locations;
    /** What the reader says the inputs covered; null: counted from the elements on request. */
    private final Coverage coverage;
    /** What the sources of a customer's exports did not say or did not agree on: facts for the data rules. */
    private final List<MeetingSourceGap> meetingSourceGaps;
    private final List<SchemeConflict> schemeConflicts;
    /** The conference directories a Get-CsConferenceDirectory export listed; empty without one. */
    private final List<ConferenceDirectory> conferenceDirectories;
    /** Built on the first {@link #locationOf} of packed locations (SARIF, waivers), then kept. */
    private volatile Subjects subjects;

    /**
     * An inventory whose locations are given by subject ({@code user:…}); usually {@code Map.of()} or null (none).
     * The lists must not be null nor hold a null: each is refused here, naming it.
     * For migkb's readers, not a stable member (docs/embedding.md): an inventory in code is built with
     * {@code io.migkb.api.InventoryBuilder}, which validates it.
     */
    public Inventory(String organization, Plan plan, List<Pool> pools, List<User> users,
                     List<FederatedUser> federatedUsers, List<Meeting> meetings, Map<String, SourceLocation> locations) {
        this(organization, plan, pools, users, federatedUsers, meetings, SourceLocations.of(locations));
    }

    /**
     * An inventory. A meeting that already knows its organizer's server version (as the readers build them) is
     * taken as it is; the others are given it here.
     */
    public Inventory(String organization, Plan plan, List<Pool> pools, List<User> users,
                     List<FederatedUser> federatedUsers, List<Meeting> meetings, SourceLocations locations) {
        this(organization, plan, pools, users, federatedUsers, meetings, locations, null, List.of(), List.of(),
                List.of());
    }

    private Inventory(String organization, Plan plan, List<Pool> pools, List<User> users,
                      List<FederatedUser> federatedUsers, List<Meeting> meetings, SourceLocations locations,
                      Coverage coverage, List<MeetingSourceGap> meetingSourceGaps,
                      List<SchemeConflict> schemeConflicts, List<ConferenceDirectory> conferenceDirectories) {
        this.coverage = coverage;
        this.meetingSourceGaps = Arguments.list(meetingSourceGaps, "meetingSourceGaps");
        this.schemeConflicts = Arguments.list(schemeConflicts, "schemeConflicts");
        this.conferenceDirectories = Arguments.list(conferenceDirectories, "conferenceDirectories");
        this.organization = organization;
        this.plan = Objects.requireNonNull(plan, "plan");
        this.pools = Arguments.list(pools, "pools");
        this.users = Arguments.list(users, "users");
        this.federatedUsers = Arguments.list(federatedUsers, "federatedUsers");
        this.meetings = linkOrganizers(Arguments.list(meetings, "meetings"), this.users);
        this.locations = locations == null ? SourceLocations.NONE : locations;
    }

    /**
     * Each meeting with its organizer's server version, so rules filter on it without joining User. Meetings that
     * already carry one are kept: a reader sets it as it builds them, and copying millions of meetings (and a map
     * of every user to find them) was a tenth of the read.
     */
    private static List<Meeting> linkOrganizers(List<Meeting> meetings, List<User> users) {
        if (meetings.stream().allMatch(m -> m.getOrganizerServerVersion() != null)) {
            return meetings;
        }
        Map<String, ServerVersion> versions = new HashMap<>(users.size() * 4 / 3 + 16);
        for (User u : users) {
            versions.put(u.getSip(), u.getServerVersion());
        }
        Meeting[] linked = new Meeting[meetings.size()];
        for (int i = 0; i < linked.length; i++) {
            Meeting m = meetings.get(i);
            linked[i] = m.getOrganizerServerVersion() != null ? m
                    : m.withOrganizerServerVersion(versions.get(m.getOrganizer()));
        }
        return List.of(linked);
    }

    /** This inventory with what its reader says the inputs covered (the users it left out, among others). */
    public Inventory withCoverage(Coverage coverage) {
        return new Inventory(organization, plan, pools, users, federatedUsers, meetings, locations,
                Objects.requireNonNull(coverage, "coverage"), meetingSourceGaps, schemeConflicts, conferenceDirectories);
    }

    /** This inventory with what its sources did not say (meetings no join names) or did not agree on (schemes). */
    public Inventory withSourceNotes(List<MeetingSourceGap> meetingSourceGaps, List<SchemeConflict> schemeConflicts) {
        return new Inventory(organization, plan, pools, users, federatedUsers, meetings, locations, coverage,
                meetingSourceGaps, schemeConflicts, conferenceDirectories);
    }

    /** Per source of scheduled meetings, those the Monitoring data names no one joining; empty for most inputs. */
    public List<MeetingSourceGap> getMeetingSourceGaps() {
        return meetingSourceGaps;
    }

    /** Meetings whose calendar and conference database disagree on the URL scheme; empty for most inputs. */
    public List<SchemeConflict> getSchemeConflicts() {
        return schemeConflicts;
    }

    /** This inventory with the conference directories a Get-CsConferenceDirectory export listed. */
    public Inventory withConferenceDirectories(List<ConferenceDirectory> directories) {
        return new Inventory(organization, plan, pools, users, federatedUsers, meetings, locations, coverage,
                meetingSourceGaps, schemeConflicts, directories);
    }

    /** The conference directories the inputs listed, each with its pool's server version; empty when none did. */
    public List<ConferenceDirectory> getConferenceDirectories() {
        return conferenceDirectories;
    }

    /** How much of the estate the inputs covered: as the reader said, else counted from the elements. */
    public Coverage getCoverage() {
        return coverage != null ? coverage : Coverage.of(this);
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

    /**
     * One fact per meeting and participant (the organizer included), with the meeting, participant and organizer
     * looked up; unmodifiable.
     */
    public List<Participation> getParticipations() {
        List<Participation> result = new ArrayList<>();
        forEachParticipation(result::add);
        return Collections.unmodifiableList(result);
    }

    /**
     * How many participations {@link #forEachParticipation} hands over: one per meeting and participant, the
     * organizer included.
     */
    public long participationCount() {
        long count = 0;
        for (Meeting m : meetings) {
            count += Participation.countOf(m);
        }
        return count;
    }

    /** Hands each participation to {@code action} without collecting them: millions of them need not all be held. */
    public void forEachParticipation(Consumer<Participation> action) {
        Map<String, Participant> bySip = participantsBySip();
        for (Meeting m : meetings) {
            Participant organizer = bySip.get(m.getOrganizer());
            User organizerUser = organizer instanceof User u ? u : null;
            Participation.forEachOf(m, bySip::get, organizerUser, action);
        }
    }

    /**
     * Every user and federated user by SIP address, as declared (a user wins over a federated user of the same
     * address), unmodifiable. A new map on each call: at a million users it is large, and only assessing needs it,
     * briefly.
     */
    public Map<String, Participant> participantsBySip() {
        Map<String, Participant> bySip = new HashMap<>((users.size() + federatedUsers.size()) * 4 / 3 + 16);
        for (FederatedUser f : federatedUsers) {
            bySip.put(f.getSip(), f);
        }
        for (User u : users) {
            bySip.put(u.getSip(), u);
        }
        return Collections.unmodifiableMap(bySip);
    }

    /**
     * Where a subject ({@code pool:…}, {@code user:…}, {@code partner:…}, {@code meeting:…}) was declared, when the
     * reader knows. Names compare exactly, as the reader spelled them (a partner by its lower-case domain).
     */
    public Optional<SourceLocation> locationOf(String subject) {
        if (!locations.isPacked()) {
            return Optional.ofNullable(locations.map().get(subject));
        }
        Subjects s = subjects;
        if (s == null) {
            s = new Subjects(this);
            subjects = s;
        }
        return Optional.ofNullable(s.locate(subject, locations));
    }

    /** The locations as the reader gave them, for an inventory derived from this one with the same elements. */
    public SourceLocations getSourceLocations() {
        return locations;
    }

    /**
     * Every subject's location, in a map built on each call (a million-user inventory has millions): for tests and
     * small inventories; {@link #locationOf} finds one without it.
     */
    public Map<String, SourceLocation> getLocations() {
        if (!locations.isPacked()) {
            return locations.map();
        }
        Map<String, SourceLocation> all = new LinkedHashMap<>();
        for (int i = 0; i < pools.size(); i++) {
            all.put("pool:" + pools.get(i).getFqdn(), locations.pool(i));
        }
        for (int i = 0; i < users.size(); i++) {
            all.put("user:" + users.get(i).getSip(), locations.user(i));
        }
        for (int i = 0; i < federatedUsers.size(); i++) {
            all.putIfAbsent("partner:" + federatedUsers.get(i).getDomain(), locations.federatedUser(i));
        }
        for (int i = 0; i < meetings.size(); i++) {
            all.put("meeting:" + meetings.get(i).getId(), locations.meeting(i));
        }
        all.values().removeIf(Objects::isNull);
        return Collections.unmodifiableMap(all);
    }
}
