package io.migkb.model;

import java.util.Objects;

/**
 * One participant invited to one meeting. Rules join on these (indexed equality on meetingId and sip)
 * rather than iterating each meeting's participant list with {@code from}, which does not scale.
 */
public final class Participation {
    private final String meetingId;
    private final String sip;

    public Participation(String meetingId, String sip) {
        this.meetingId = Objects.requireNonNull(meetingId, "meetingId");
        this.sip = Objects.requireNonNull(sip, "sip");
    }

    public String getMeetingId() {
        return meetingId;
    }

    public String getSip() {
        return sip;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Participation p && p.meetingId.equals(meetingId) && p.sip.equals(sip);
    }

    @Override
    public int hashCode() {
        return Objects.hash(meetingId, sip);
    }

    @Override
    public String toString() {
        return "Participation[" + meetingId + ", " + sip + "]";
    }
}
