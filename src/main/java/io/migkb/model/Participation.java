package io.migkb.model;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One participant of one meeting, with the meeting, the participant and the meeting's organizer already looked up.
 * The organizer is a participant too (it is the organizer who uses No Meeting IM, Spotlight and Pin): a meeting
 * whose participant list does not name its organizer gets one more participation, for the organizer
 * ({@link #isOrganizing()}). Rules test a participation with plain constraints on one fact
 * ({@code Participation( client == Client.LYNC_2013, meeting.locked )}) instead of joining Meeting, Participation
 * and Participant, which at millions of meetings costs more memory and time than everything else together.
 * {@code meetingId} and {@code sip} are there for rules that still join on them (indexed equality).
 */
public final class Participation {
    private final Meeting meeting;
    private final String sip;
    private final Participant participant;
    private final User organizer;

    /**
     * @param meeting     the meeting
     * @param sip         the participant's SIP address as the meeting lists it
     * @param participant the user or federated user with that address, or null when nobody declares it
     * @param organizer   the meeting's organizer, or null when no user of the inventory has that address
     */
    public Participation(Meeting meeting, String sip, Participant participant, User organizer) {
        this.meeting = Objects.requireNonNull(meeting, "meeting");
        this.sip = Objects.requireNonNull(sip, "sip");
        this.participant = participant;
        this.organizer = organizer;
    }

    /**
     * Hands {@code action} the participations of {@code m}: one per listed participant, then the organizer's unless
     * the list names them already.
     *
     * @param bySip     the user or federated user of an address, or null when nobody declares it
     * @param organizer the meeting's organizer, or null when no user has the organizer's address
     */
    public static void forEachOf(Meeting m, Function<String, Participant> bySip, User organizer,
                                 Consumer<Participation> action) {
        for (String sip : m.getParticipants()) {
            action.accept(new Participation(m, sip, bySip.apply(sip), organizer));
        }
        if (!m.getParticipants().contains(m.getOrganizer())) {
            action.accept(new Participation(m, m.getOrganizer(), bySip.apply(m.getOrganizer()), organizer));
        }
    }

    /** How many participations {@link #forEachOf} hands over for {@code m}. */
    public static int countOf(Meeting m) {
        return m.getParticipants().size() + (m.getParticipants().contains(m.getOrganizer()) ? 0 : 1);
    }

    /** True when this participant is the meeting's organizer. */
    public boolean isOrganizing() {
        return sip.equals(meeting.getOrganizer());
    }

    public String getMeetingId() {
        return meeting.getId();
    }

    public String getSip() {
        return sip;
    }

    public Meeting getMeeting() {
        return meeting;
    }

    /** The user or federated user invited, or null when the address is not declared. */
    public Participant getParticipant() {
        return participant;
    }

    /** The participant's client, or null when the address is not declared. */
    public Client getClient() {
        return participant == null ? null : participant.getClient();
    }

    /** True when the participant is a user of the organization. */
    public boolean isInternal() {
        return participant != null && !participant.isFederated();
    }

    /** True when the participant is a federated partner's user. */
    public boolean isFederated() {
        return participant != null && participant.isFederated();
    }

    /** The meeting's organizer, or null when no user has the organizer's address. */
    public User getOrganizer() {
        return organizer;
    }

    /** The server version of the organizer's pool today, or null when the organizer is not a declared user. */
    public ServerVersion getOrganizerServerVersion() {
        return organizer == null ? null : organizer.getServerVersion();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Participation p && p.meeting.getId().equals(meeting.getId()) && p.sip.equals(sip);
    }

    @Override
    public int hashCode() {
        return Objects.hash(meeting.getId(), sip);
    }

    @Override
    public String toString() {
        return "Participation[" + meeting.getId() + ", " + sip + "]";
    }
}
