package io.migkb.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.migkb.model.Inventory;
import io.migkb.model.Meeting;
import io.migkb.model.UrlScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
        assertThat(inventory.getCoverage().describe()).endsWith("conferences skipped 3 (1 expired, 2 of organizers not"
                + " assessed)");
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

    @Test
    void theShippedQueryIsOneReadOnlySelectOfTheColumnsTheReaderReads() throws Exception {
        String sql = Files.readString(Path.of("collect/rtc-conferences.sql"));
        String code = sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b)
                .toUpperCase(Locale.ROOT);
        assertThat(code.strip()).startsWith("SELECT").endsWith(";");
        assertThat(code.split(";")).hasSize(1);
        for (String word : new String[] {"INSERT", "UPDATE", "DELETE", "DROP", "ALTER", "EXEC", "MERGE", "TRUNCATE",
                "CREATE", "GRANT"}) {
            assertThat(code).as(word).doesNotContainPattern("\\b" + word + "\\b");
        }
        assertThat(code).contains("FROM RTC.DBO.CONFERENCE").contains("JOIN RTC.DBO.RESOURCE")
                .contains("ON R.RESOURCEID = C.ORGANIZERID");
        for (ExportKind kind : new ExportKind[] {ExportKind.CONFERENCES}) {
            for (CsvInputs.Column column : kind.columns) {
                assertThat(code).as(column.name()).contains("AS " + column.name().toUpperCase(Locale.ROOT));
            }
        }
    }
}
