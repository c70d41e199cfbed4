package io.migkb.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.migkb.model.Client;
import io.migkb.model.Inventory;
import io.migkb.model.Meeting;
import io.migkb.model.UrlScheme;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Organizers' calendars (.ics from Outlook or Exchange), read with ical4j into meetings. */
class CalendarExportsTest {
    private static final String USERS = """
            "SipAddress","RegistrarPool","Enabled","WindowsEmailAddress"
            "sip:amy@litwareinc.com","pool13.litwareinc.com","True","Amy.Alberts@litwareinc.com"
            "sip:dan@litwareinc.com","pool10.litwareinc.com","True","dan@litwareinc.com"
            "sip:ola@litwareinc.com","ocs.litwareinc.com","True","ola@litwareinc.com"
            "sip:gus@litwareinc.com","pool10.litwareinc.com","False","gus@litwareinc.com"
            """;

    @TempDir
    Path dir;
    FolderFiles files;
    final LyncExportInventoryReader reader = new LyncExportInventoryReader();

    @BeforeEach
    void setUp() {
        files = new FolderFiles(dir).write("Get-CsUser.csv", USERS).write("versions.yaml", """
                pool13.litwareinc.com: LYNC_2013
                pool10.litwareinc.com: LYNC_2010
                ocs.litwareinc.com: OCS_2007_R2
                """);
    }

    private static String calendar(String... events) {
        return "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 14.0 MIMEDIR//EN\r\nVERSION:2.0\r\n"
                + String.join("", events) + "END:VCALENDAR\r\n";
    }

    private static String event(String uid, String organizer, String start, String extra, String... attendees) {
        StringBuilder s = new StringBuilder("BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20140302T080000Z\r\n"
                + "ORGANIZER:mailto:" + organizer + "\r\nDTSTART:" + start + "\r\nSUMMARY:" + uid + "\r\n" + extra);
        for (String a : attendees) {
            s.append("ATTENDEE;RSVP=TRUE:mailto:").append(a).append("\r\n");
        }
        return s.append("END:VEVENT\r\n").toString();
    }

    @Test
    void aLyncInvitationIsAnHttpsMeetingKnownByItsConferenceIdWithItsAttendees() throws Exception {
        files.write("amy.ics", calendar(event("a1", "amy.alberts@litwareinc.com", "20990310T090000Z",
                "X-MICROSOFT-ONLINEMEETINGCONFLINK:conf:sip:amy@litwareinc.com;gruu;opaque=app:conf:focus:id:7QX2M4PD\r\n"
                        + "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK:https://meet.litwareinc.com/amy/7QX2M4PD\r\n",
                "DAN@litwareinc.com", "gus@litwareinc.com", "room-oslo@litwareinc.com", "lee@contoso.com")));
        Inventory inventory = reader.read(dir);
        assertThat(inventory.getMeetings()).singleElement().satisfies(m -> {
            assertThat(m.getId()).isEqualTo("7QX2M4PD");
            assertThat(m.getOrganizer()).isEqualTo("amy@litwareinc.com");
            assertThat(m.getScheme()).isEqualTo(UrlScheme.HTTPS);
            // a disabled user and a room of the estate's own domain are no participants; an outsider is federated
            assertThat(m.getParticipants()).containsExactly("dan@litwareinc.com", "lee@contoso.com");
        });
        assertThat(inventory.getFederatedUsers()).extracting(f -> f.getSip(), f -> f.getClient())
                .containsExactly(tuple("lee@contoso.com", Client.UNKNOWN));
        assertThat(inventory.locationOf("meeting:7QX2M4PD")).hasValueSatisfying(
                at -> assertThat(at.toString()).isEqualTo(files.path("amy.ics") + ":4:1"));
    }

    @Test
    void aConfOrMeetLinkAloneIsALegacyMeetingAndASeriesIsOneMeeting() throws Exception {
        files.write("ola.ics", calendar(
                event("o1", "ola@litwareinc.com", "20140303T080000Z", "RRULE:FREQ=WEEKLY;BYDAY=MO\r\n"
                        + "DESCRIPTION:Join: meet:sip:ola@litwareinc.com;gruu;opaque=app:conf:focus:id:OLA1\r\n"),
                event("o2", "ola@litwareinc.com", "20990303T080000Z", "X-MICROSOFT-ONLINEMEETINGCONFLINK:"
                        + "conf:sip:ola@litwareinc.com;gruu;opaque=app:conf:audio-video:id:OLA2\r\n")));
        assertThat(reader.read(dir).getMeetings()).extracting(Meeting::getId, Meeting::getScheme)
                .containsExactly(tuple("OLA1", UrlScheme.MEET), tuple("OLA2", UrlScheme.CONF));
    }

    @Test
    void endedEventsAndSeriesOrganizersNotAssessedAndEventsWithoutALinkAreSkippedAndCounted() throws Exception {
        String link = "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK:https://meet.litwareinc.com/dan/";
        files.write("all.ics", calendar(
                event("past", "dan@litwareinc.com", "20130611T100000Z", link + "PAST\r\n"),
                event("until", "dan@litwareinc.com", "20131007T100000Z", link + "UNTIL\r\n"
                        + "RRULE:FREQ=WEEKLY;UNTIL=20140120T110000Z\r\n"),
                event("count", "dan@litwareinc.com", "20131007T100000Z", link + "COUNT\r\nRRULE:FREQ=DAILY;COUNT=3\r\n"),
                event("gus", "gus@litwareinc.com", "20990101T100000Z", link + "GUS\r\n"),
                event("lunch", "dan@litwareinc.com", "20990101T120000Z", "LOCATION:Canteen\r\n"),
                event("open", "dan@litwareinc.com", "20131007T100000Z", link + "OPEN\r\nRRULE:FREQ=WEEKLY\r\n")));
        Inventory inventory = reader.read(dir);
        assertThat(inventory.getMeetings()).extracting(Meeting::getId).containsExactly("OPEN");
        assertThat(inventory.getCoverage().meetingsExpired()).isEqualTo(3);
        assertThat(inventory.getCoverage().meetingsOfOthers()).isEqualTo(1);
    }

    @Test
    void theCalendarsUrlWinsOverTheConferenceDatabasesAndTheDatabasesLockStays() throws Exception {
        files.write("rtc.csv", "\"OrganizerUri\",\"ExternalConfId\",\"Locked\",\"ExpiryTime\"\n"
                        + "\"ola@litwareinc.com\",\"R1TA\",\"1\",\"\"\n")
                .write("ola.ics", calendar(event("o1", "ola@litwareinc.com", "20990303T080000Z",
                        "DESCRIPTION:meet:sip:ola@litwareinc.com;gruu;opaque=app:conf:focus:id:r1ta\r\n",
                        "dan@litwareinc.com")));
        assertThat(reader.read(dir).getMeetings()).singleElement().satisfies(m -> {
            assertThat(m.getScheme()).isEqualTo(UrlScheme.MEET);
            assertThat(m.isLocked()).isTrue();
            assertThat(m.getId()).isEqualTo("R1TA");
            assertThat(m.getParticipants()).containsExactly("dan@litwareinc.com");
        });
        // the database cannot tell meet: from conf: (both legacy): no disagreement
        assertThat(reader.read(dir).getSchemeConflicts()).isEmpty();
    }

    @Test
    void aLegacyInvitationForAConferenceTheDatabaseServesAtHttpsIsAssessedAsLegacyAndNamesBothSources()
            throws Exception {
        files.write("rtc.csv", "\"OrganizerUri\",\"ExternalConfId\",\"Locked\",\"ExpiryTime\"\n"
                        + "\"dan@litwareinc.com\",\"WEEKLY1\",\"0\",\"\"\n")
                .write("dan.ics", calendar(event("d1", "dan@litwareinc.com", "20131007T090000Z",
                        "RRULE:FREQ=WEEKLY\r\nDESCRIPTION:meet:sip:dan@litwareinc.com;gruu;opaque=app:conf:focus:id:WEEKLY1\r\n")));
        Inventory inventory = reader.read(dir);
        assertThat(inventory.getMeetings()).singleElement().extracting(Meeting::getScheme).isEqualTo(UrlScheme.MEET);
        assertThat(inventory.getSchemeConflicts()).singleElement().satisfies(c -> {
            assertThat(c.getMeetingId()).isEqualTo("WEEKLY1");
            assertThat(c.getOrganizer()).isEqualTo("dan@litwareinc.com");
            assertThat(c.getCalendarScheme()).isEqualTo(UrlScheme.MEET);
            assertThat(c.getCalendarAt()).hasToString("dan.ics:4:1");
            assertThat(c.getDatabaseScheme()).isEqualTo(UrlScheme.HTTPS);
            assertThat(c.getDatabaseUrl()).isEqualTo("https://meet.litwareinc.com/dan/WEEKLY1");
            assertThat(c.getDatabaseAt()).hasToString("rtc.csv:2:1");
        });
    }

    @Test
    void whoJoinedACalendarsMeetingComesFromTheMonitoringExportBesideItsAttendees() throws Exception {
        files.write("amy.ics", calendar(event("a1", "amy@litwareinc.com", "20990310T090000Z",
                        "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK:https://meet.litwareinc.com/amy/AMY1\r\n",
                        "dan@litwareinc.com"),
                event("a2", "amy@litwareinc.com", "20990311T090000Z",
                        "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK:https://meet.litwareinc.com/amy/AMY2\r\n")))
                .write("lcscdr.csv", "\"ConferenceUri\",\"ParticipantUri\",\"IsUserInternal\",\"ClientVersion\"\n"
                        + "\"sip:amy@litwareinc.com;gruu;opaque=app:conf:focus:id:AMY1\",\"ola@litwareinc.com\",\"1\",\"\"\n");
        Inventory inventory = reader.read(dir);
        assertThat(inventory.getMeetings()).extracting(Meeting::getId, Meeting::getParticipants).containsExactly(
                tuple("AMY1", java.util.List.of("dan@litwareinc.com", "ola@litwareinc.com")),
                tuple("AMY2", java.util.List.of()));
        // AMY2 was never joined: one gap for the calendars, listing it
        assertThat(inventory.getMeetingSourceGaps()).singleElement().satisfies(gap -> {
            assertThat(gap.getSource()).isEqualTo(io.migkb.model.MeetingSourceGap.CALENDARS);
            assertThat(gap.getFiles()).containsExactly("amy.ics");
            assertThat(gap.getMeetings()).isEqualTo(2);
            assertThat(gap.getMeetingIds()).containsExactly("AMY2");
            assertThat(gap.getMonitoringFiles()).containsExactly("lcscdr.csv");
        });
    }

    @Test
    void aMalformedCalendarIsAnErrorWithItsFileAndLine() {
        files.write("broken.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nthis is no property\r\n");
        assertThat(files.errors(reader)).singleElement().asString().startsWith(files.path("broken.ics") + ":")
                .contains("malformed calendar");
    }
}
