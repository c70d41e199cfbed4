package io.migkb.model;

import java.util.Objects;

/**
 * A meeting whose organizer's calendar and the pool's conference database disagree on its URL scheme: an invitation
 * sent while the organizer was on OCS 2007 R2 holds a {@code conf:} link for a conference the Lync Server database
 * now serves at an https:// URL, or the other way round. The meeting is assessed with the calendar's URL (it is what
 * people click); this says what the database held.
 */
public final class SchemeConflict {
    private final String meetingId;
    private final String organizer;
    private final String calendarUrl;
    private final UrlScheme calendarScheme;
    private final SourceLocation calendarAt;
    private final String databaseUrl;
    private final UrlScheme databaseScheme;
    private final SourceLocation databaseAt;

    public SchemeConflict(String meetingId, String organizer, String calendarUrl, UrlScheme calendarScheme,
                          SourceLocation calendarAt, String databaseUrl, UrlScheme databaseScheme,
                          SourceLocation databaseAt) {
        this.meetingId = Objects.requireNonNull(meetingId, "meetingId");
        this.organizer = Objects.requireNonNull(organizer, "organizer");
        this.calendarUrl = Objects.requireNonNull(calendarUrl, "calendarUrl");
        this.calendarScheme = Objects.requireNonNull(calendarScheme, "calendarScheme");
        this.calendarAt = calendarAt;
        this.databaseUrl = Objects.requireNonNull(databaseUrl, "databaseUrl");
        this.databaseScheme = Objects.requireNonNull(databaseScheme, "databaseScheme");
        this.databaseAt = databaseAt;
    }

    public String getMeetingId() {
        return meetingId;
    }

    public String getOrganizer() {
        return organizer;
    }

    public String getCalendarUrl() {
        return calendarUrl;
    }

    public UrlScheme getCalendarScheme() {
        return calendarScheme;
    }

    /** The calendar event's file and line; null when not known. */
    public SourceLocation getCalendarAt() {
        return calendarAt;
    }

    public String getDatabaseUrl() {
        return databaseUrl;
    }

    public UrlScheme getDatabaseScheme() {
        return databaseScheme;
    }

    /** The conference database row's file and line; null when not known. */
    public SourceLocation getDatabaseAt() {
        return databaseAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemeConflict c && c.meetingId.equals(meetingId) && c.organizer.equals(organizer)
                && c.calendarUrl.equals(calendarUrl) && c.calendarScheme == calendarScheme
                && Objects.equals(c.calendarAt, calendarAt) && c.databaseUrl.equals(databaseUrl)
                && c.databaseScheme == databaseScheme && Objects.equals(c.databaseAt, databaseAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(meetingId, organizer, calendarUrl, calendarScheme, databaseUrl, databaseScheme);
    }

    @Override
    public String toString() {
        return "SchemeConflict[" + meetingId + ": calendar " + calendarScheme + ", database " + databaseScheme + "]";
    }
}
