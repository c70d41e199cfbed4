package io.migkb.model;

import java.util.List;
import java.util.Objects;

/**
 * The scheduled meetings of one source of a customer's exports (the conference database, the organizers' calendars)
 * for which the Monitoring database's export names no one who joined: they are assessed with their organizer and
 * invitees only, so the rules about who joins with which client cannot see them. One per source, for one data
 * finding each rather than one per meeting.
 */
public final class MeetingSourceGap {
    /** The conference database's exports ({@code rtc-conferences.csv}). */
    public static final String CONFERENCE_DATABASE = "conference-database";
    /** The organizers' calendars ({@code .ics} files). */
    public static final String CALENDARS = "calendars";

    private final String source;
    private final List<String> files;
    private final int meetings;
    private final List<String> meetingIds;
    private final List<String> monitoringFiles;

    /**
     * @param source          {@link #CONFERENCE_DATABASE} or {@link #CALENDARS}
     * @param files           the source's files, as named in messages
     * @param meetings        how many meetings the source gave (those without joins among them)
     * @param meetingIds      the ids of the meetings no join names, in the order read
     * @param monitoringFiles the Monitoring exports read; empty when the folder has none
     */
    public MeetingSourceGap(String source, List<String> files, int meetings, List<String> meetingIds,
                            List<String> monitoringFiles) {
        this.source = Objects.requireNonNull(source, "source");
        this.files = List.copyOf(files);
        this.meetings = meetings;
        this.meetingIds = List.copyOf(meetingIds);
        this.monitoringFiles = List.copyOf(monitoringFiles);
    }

    public String getSource() {
        return source;
    }

    public List<String> getFiles() {
        return files;
    }

    public int getMeetings() {
        return meetings;
    }

    public List<String> getMeetingIds() {
        return meetingIds;
    }

    public List<String> getMonitoringFiles() {
        return monitoringFiles;
    }

    /** "the conference database (rtc-conferences.csv)", "the organizers' calendars (alice.ics, bob.ics)". */
    public String describeSource() {
        String what = CONFERENCE_DATABASE.equals(source) ? "the conference database" : "the organizers' calendars";
        return what + " (" + String.join(", ", files) + ")";
    }

    /** "the only meeting", "all 3 meetings", "5 of the 25 meetings": how many of the source's meetings this is. */
    public String describeCount() {
        int n = meetingIds.size();
        if (n == meetings) {
            return n == 1 ? "the only meeting" : "all " + n + " meetings";
        }
        return n + " of the " + meetings + " meetings";
    }

    /** The first {@code limit} ids, "and N more" when there are others: a data finding need not list thousands. */
    public String describeMeetings(int limit) {
        if (meetingIds.size() <= limit) {
            return String.join(", ", meetingIds);
        }
        return String.join(", ", meetingIds.subList(0, limit)) + " and " + (meetingIds.size() - limit) + " more";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeetingSourceGap g && g.source.equals(source) && g.files.equals(files)
                && g.meetings == meetings && g.meetingIds.equals(meetingIds) && g.monitoringFiles.equals(monitoringFiles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, files, meetings, meetingIds, monitoringFiles);
    }

    @Override
    public String toString() {
        return "MeetingSourceGap[" + source + ": " + meetingIds.size() + " of " + meetings + " without joins]";
    }
}
