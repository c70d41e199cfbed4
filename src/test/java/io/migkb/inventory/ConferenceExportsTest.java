package io.migkb.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.migkb.model.Inventory;
import io.migkb.model.Meeting;
import io.migkb.model.UrlScheme;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled meetings from the pools' conference databases, saved as CSV from collect/rtc-conferences.sql. */
class ConferenceExportsTest {
    private static final String USERS = """
            "SipAddress","RegistrarPool","Enabled"
            "sip:amy@litwareinc.com","pool13.litwareinc.com","True"
            "sip:dan@litwareinc.com","pool10.litwareinc.com","True"
            "sip:ola@litwareinc.com","ocs.litwareinc.com","True"
            "sip:gus@litwareinc.com","pool10.litwareinc.com","False"
            """;
    private static final String HEADER =
            "\"OrganizerUri\",\"ExternalConfId\",\"Static\",\"Locked\",\"AdmissionType\",\"ExpiryTime\",\"LastUpdateTime\",\"Title\"\n";

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

    @Test
    void eachConferenceIsAMeetingKnownByItsConferenceIdWithTheUrlItsOrganizersServerGivesOut() throws Exception {
        files.write("conferences-fe01.csv", HEADER
                + "\"amy@litwareinc.com\",\"7QX2M4PD\",\"1\",\"0\",\"1\",\"\",\"2014-02-11T09:12:44\",\"\"\n"
                + "\"DAN@litwareinc.com\",\"K2LW9QZT\",\"0\",\"1\",\"2\",\"2099-06-30T17:00:00\",\"\",\"Board\"\n"
                + "\"ola@litwareinc.com\",\"R1TA4LM7\",\"0\",\"0\",\"1\",\"\",\"\",\"\"\n")
                .write("simple-urls.csv", "Component,Domain,ActiveUrl\nMeet,litwareinc.com,https://meet.litwareinc.com/\n"
                        + "Dialin,*,https://dialin.litwareinc.com\n");
        Inventory inventory = reader.read(dir);
        assertThat(inventory.getMeetings()).extracting(Meeting::getId, Meeting::getOrganizer, Meeting::getUrl,
                Meeting::getScheme, Meeting::isLocked).containsExactly(
                tuple("7QX2M4PD", "amy@litwareinc.com", "https://meet.litwareinc.com/amy/7QX2M4PD", UrlScheme.HTTPS, false),
                tuple("K2LW9QZT", "dan@litwareinc.com", "https://meet.litwareinc.com/dan/K2LW9QZT", UrlScheme.HTTPS, true),
                tuple("R1TA4LM7", "ola@litwareinc.com",
                        "conf:sip:ola@litwareinc.com;gruu;opaque=app:conf:focus:id:R1TA4LM7", UrlScheme.CONF, false));
        assertThat(inventory.locationOf("meeting:K2LW9QZT")).hasValueSatisfying(
                at -> assertThat(at.toString()).isEqualTo(files.path("conferences-fe01.csv") + ":3:1"));
    }

    @Test
    void expiredConferencesAndThoseOfOrganizersNotAssessedAreSkippedAndCounted() throws Exception {
        files.write("rtc.csv", HEADER
                + "\"amy@litwareinc.com\",\"OLD1\",\"0\",\"0\",\"1\",\"2014-02-01T00:00:00\",\"\",\"\"\n"
                + "\"gus@litwareinc.com\",\"GUS1\",\"1\",\"0\",\"1\",\"\",\"\",\"\"\n"
                + "\"left@litwareinc.com\",\"GONE\",\"1\",\"0\",\"1\",\"\",\"\",\"\"\n"
                + "\"amy@litwareinc.com\",\"NEW1\",\"0\",\"0\",\"1\",\"2099-01-01\",\"\",\"\"\n");
        Inventory inventory = reader.read(dir);
        assertThat(inventory.getMeetings()).extracting(Meeting::getId).containsExactly("NEW1");
        assertThat(inventory.getCoverage().meetingsExpired()).isEqualTo(1);
        assertThat(inventory.getCoverage().meetingsOfOthers()).isEqualTo(2);
        assertThat(inventory.getCoverage().describe()).endsWith("scheduled meetings skipped 3 (1 expired or ended, 2 of"
                + " organizers not assessed)");
    }

    @Test
    void aConferenceIdTwoOrganizersUseIsTheSecondOrganizersUserNameAndTheId() throws Exception {
        files.write("rtc.csv", HEADER
                + "\"amy@litwareinc.com\",\"7QX2M4PD\",\"1\",\"0\",\"1\",\"\",\"\",\"\"\n"
                + "\"dan@litwareinc.com\",\"7QX2M4PD\",\"1\",\"0\",\"1\",\"\",\"\",\"\"\n");
        assertThat(reader.read(dir).getMeetings()).extracting(Meeting::getId).containsExactly("7QX2M4PD", "dan/7QX2M4PD");
    }

    @Test
    void withoutASimpleUrlExportTheMeetUrlIsTopologyBuildersDefault() throws Exception {
        files.write("rtc.csv", HEADER + "\"amy@litwareinc.com\",\"7QX2M4PD\",\"1\",\"0\",\"1\",\"\",\"\",\"\"\n");
        assertThat(reader.read(dir).getMeetings().get(0).getUrl()).isEqualTo("https://meet.litwareinc.com/amy/7QX2M4PD");
    }

    @Test
    void aBadExpiryOrLockedCellIsAnErrorAtItsCell() {
        files.write("rtc.csv", HEADER
                + "\"amy@litwareinc.com\",\"A1\",\"1\",\"0\",\"1\",\"31.03.2014 17:00:00\",\"\",\"\"\n"
                + "\"amy@litwareinc.com\",\"A2\",\"1\",\"maybe\",\"1\",\"\",\"\",\"\"\n");
        assertThat(files.errors(reader)).containsExactly(
                files.path("rtc.csv") + ":2:39: ExpiryTime: expected a time as ISO 8601, e.g. \"2014-03-31T17:00:00\","
                        + " not \"31.03.2014 17:00:00\" (collect/rtc-conferences.sql writes it so: save its output as it"
                        + " comes)",
                files.path("rtc.csv") + ":3:31: Locked: expected true or false (or yes/no, 1/0), not \"maybe\"");
    }

    private static final String PARTICIPANTS =
            "\"ConferenceUri\",\"ParticipantUri\",\"IsUserInternal\",\"ClientVersion\",\"LastJoined\"\n";

    @Test
    void theMonitoringDatabaseSaysWhoJoinedEachConferenceWithWhichClientAndOutsidersBecomeFederatedUsers()
            throws Exception {
        files.write("rtc.csv", HEADER + "\"amy@litwareinc.com\",\"7QX2M4PD\",\"1\",\"1\",\"1\",\"\",\"\",\"\"\n")
                .write("lcscdr.csv", PARTICIPANTS
                        + "\"sip:amy@litwareinc.com;gruu;opaque=app:conf:focus:id:7qx2m4pd\",\"dan@litwareinc.com\",\"1\","
                        + "\"UCCAPI/4.0.7577.314 OC/4.0.7577.314 (Microsoft Lync 2010)\",\"\"\n"
                        + "\"sip:amy@litwareinc.com;gruu;opaque=app:conf:focus:id:7QX2M4PD\",\"gus@litwareinc.com\",\"1\",\"\",\"\"\n"
                        + "\"sip:amy@litwareinc.com;gruu;opaque=app:conf:focus:id:7QX2M4PD\",\"amy@litwareinc.com\",\"1\",\"\",\"\"\n"
                        + "\"sip:amy@litwareinc.com;gruu;opaque=app:conf:focus:id:7QX2M4PD\",\"pat@fabrikam.com\",\"0\","
                        + "\"UCCAPI/2.0.6362.111 OC/2.0.6362.111 (Microsoft Office Communicator 2007)\",\"\"\n"
                        + "\"sip:amy@litwareinc.com;gruu;opaque=app:conf:focus:id:7QX2M4PD\",\"sam@tailspintoys.com\",\"0\","
                        + "\"UCCAPI/16.0.4266.1001 OC/16.0.4266.1001 (Skype for Business)\",\"\"\n");
        Inventory inventory = reader.read(dir);
        // the organizer is not a participant of their own meeting; a disabled user is dropped
        assertThat(inventory.getMeetings()).singleElement().satisfies(m -> assertThat(m.getParticipants())
                .containsExactly("dan@litwareinc.com", "pat@fabrikam.com", "sam@tailspintoys.com"));
        assertThat(inventory.getFederatedUsers()).extracting(f -> f.getSip(), f -> f.getClient()).containsExactly(
                tuple("pat@fabrikam.com", io.migkb.model.Client.COMMUNICATOR_2007),
                tuple("sam@tailspintoys.com", io.migkb.model.Client.UNKNOWN));
        // the client a user joined with is client data too
        assertThat(inventory.getUsers()).filteredOn(u -> u.getSip().equals("dan@litwareinc.com")).singleElement()
                .satisfies(u -> assertThat(u.getClient()).isEqualTo(io.migkb.model.Client.LYNC_2010));
    }

    @Test
    void conferencesNoJoinNamesAreOneGapOfTheConferenceDatabaseAndAConferenceListedTwiceIsKeptOnce()
            throws Exception {
        files.write("rtc-fe01.csv", HEADER + "\"amy@litwareinc.com\",\"HELD1\",\"0\",\"0\",\"1\",\"\",\"\",\"\"\n"
                        + "\"amy@litwareinc.com\",\"NEVER1\",\"0\",\"0\",\"1\",\"\",\"\",\"\"\n")
                .write("rtc-fe02.csv", HEADER + "\"AMY@litwareinc.com\",\"held1\",\"0\",\"1\",\"1\",\"\",\"\",\"\"\n"
                        + "\"dan@litwareinc.com\",\"NEVER2\",\"0\",\"0\",\"1\",\"\",\"\",\"\"\n");
        Inventory withoutMonitoring = reader.read(dir);
        // amy's HELD1 is in both pools' databases: the first row read stays (not locked)
        assertThat(withoutMonitoring.getMeetings()).extracting(Meeting::getId, Meeting::isLocked)
                .containsExactly(tuple("HELD1", false), tuple("NEVER1", false), tuple("NEVER2", false));
        assertThat(withoutMonitoring.getMeetingSourceGaps()).singleElement().satisfies(gap -> {
            assertThat(gap.getSource()).isEqualTo(io.migkb.model.MeetingSourceGap.CONFERENCE_DATABASE);
            assertThat(gap.getFiles()).containsExactly("rtc-fe01.csv", "rtc-fe02.csv");
            assertThat(gap.getMeetingIds()).containsExactly("HELD1", "NEVER1", "NEVER2");
            assertThat(gap.getMonitoringFiles()).isEmpty();
        });

        // a join by the organizer alone is Monitoring data for the conference: it was held
        files.write("lcscdr.csv", PARTICIPANTS
                + "\"sip:amy@litwareinc.com;gruu;opaque=app:conf:focus:id:HELD1\",\"amy@litwareinc.com\",\"1\",\"\",\"\"\n");
        assertThat(reader.read(dir).getMeetingSourceGaps()).singleElement().satisfies(gap -> {
            assertThat(gap.getMeetingIds()).containsExactly("NEVER1", "NEVER2");
            assertThat(gap.getMeetings()).isEqualTo(3);
            assertThat(gap.getMonitoringFiles()).containsExactly("lcscdr.csv");
        });
    }

    @Test
    void aParticipantRowWhoseConferenceIsNoFocusUriIsAnErrorAtItsCell() {
        files.write("lcscdr.csv", PARTICIPANTS + "\"sip:amy@litwareinc.com;gruu;opaque=app:conf:audio-video:id:7QX\","
                + "\"dan@litwareinc.com\",\"1\",\"\",\"\"\n");
        assertThat(files.errors(reader)).singleElement().asString().startsWith(files.path("lcscdr.csv") + ":2:1:"
                + " ConferenceUri: expected a conference's focus URI");
    }
}
