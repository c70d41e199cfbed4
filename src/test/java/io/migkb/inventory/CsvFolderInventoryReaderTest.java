package io.migkb.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.model.AddIn;
import io.migkb.model.Client;
import io.migkb.model.Content;
import io.migkb.model.Inventory;
import io.migkb.model.Need;
import io.migkb.model.ServerVersion;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of CSV files as a consultant fills them in Excel. */
class CsvFolderInventoryReaderTest {
    private static final String POOLS = "fqdn,version\nocs.contoso.com,OCS_2007_R2\npool13.contoso.com,LYNC_2013\n";

    @TempDir
    java.nio.file.Path dir;
    FolderFiles files;
    final CsvFolderInventoryReader reader = new CsvFolderInventoryReader();

    @BeforeEach
    void setUp() {
        files = new FolderFiles(dir).write("pools.csv", POOLS);
    }

    @Test
    void readsExcelsSemicolonCsvWithBomAndListsSeparatedBySemicolonOrPipe() throws InventoryException {
        files.writeWithBom("users.csv", """
                Sip;Pool;Client;Meetings per month;Needs;AddIns;SchedulesLiveMeetingService\r
                alice@contoso.com;ocs.contoso.com;"OC/3.5.6907.261 (Microsoft Office Communicator 2007 R2)";25;"LARGE_MEETINGS; BREAKOUT_ROOMS";CONFERENCING_ADDIN|ONLINE_MEETING_ADDIN_2013;WAHR\r
                sip:bob@contoso.com;pool13.contoso.com;LYNC_2013;;;;\r
                """)
                .write("meetings.csv", """
                        id,organizer,url,locked,content,video,noMeetingIm,participants
                        m-1,alice@contoso.com,"meet:sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:K9Q1",yes,POWERPOINT|POLL,1,FALSE,SIP:Bob@contoso.com
                        """);
        Inventory inventory = reader.read(dir);

        assertThat(inventory.getPools()).extracting(p -> p.getVersion())
                .containsExactly(ServerVersion.OCS_2007_R2, ServerVersion.LYNC_2013);
        var alice = inventory.getUsers().get(0);
        assertThat(alice.getClient()).isEqualTo(Client.COMMUNICATOR_2007_R2);
        assertThat(alice.getClientVersion()).isEqualTo("3.5.6907.261");
        assertThat(alice.getMeetingsPerMonth()).isEqualTo(25);
        assertThat(alice.getNeeds()).containsExactly(Need.LARGE_MEETINGS, Need.BREAKOUT_ROOMS);
        assertThat(alice.getAddIns()).containsExactly(AddIn.CONFERENCING_ADDIN, AddIn.ONLINE_MEETING_ADDIN_2013);
        assertThat(alice.isSchedulesLiveMeetingService()).isTrue();
        assertThat(inventory.getUsers().get(1).getSip()).isEqualTo("bob@contoso.com");
        var meeting = inventory.getMeetings().get(0);
        assertThat(meeting.isLocked()).isTrue();
        assertThat(meeting.isVideo()).isTrue();
        assertThat(meeting.getContent()).containsExactly(Content.POWERPOINT, Content.POLL);
        assertThat(meeting.getParticipants()).containsExactly("bob@contoso.com");
        assertThat(inventory.getPlan().getTargetPool()).isEqualTo("pool13.contoso.com");
        assertThat(inventory.locationOf("user:bob@contoso.com")).hasValueSatisfying(
                at -> assertThat(at.toString()).isEqualTo(files.path("users.csv") + ":3:1"));
    }

    @Test
    void aBadValueIsReportedWithFileLineColumnAndColumnNameAndNothingIsReturned() {
        files.write("users.csv", """
                sip,pool,client
                alice@contoso.com,ocs.contoso.com,LYNC_2010
                bob@contoso.com,pool13.contoso.com,Communicator 2007
                """);
        assertThat(files.errors(reader)).containsExactly(files.path("users.csv")
                + ":3:36: client: unknown client \"Communicator 2007\"; did you mean COMMUNICATOR_2007?"
                + " (names are case-sensitive)");
    }

    @Test
    void everyBadCellOfEveryFileIsReportedInFileOrder() {
        files.write("users.csv", """
                sip,pool,client,meetingsPerMonth,needs
                alice@contoso.com,ocs.contoso.com,LYNC_2010,many,LARGE_MEETINGS|HUGE_MEETINGS
                ,pool13.contoso.com,LYNC_2013,-2,
                """)
                .write("federated.csv", "sip,client\ncarol@fabrikam.com,OC/9.9\n");
        assertThat(files.errors(reader)).containsExactly(
                files.path("users.csv") + ":2:45: meetingsPerMonth: expected a whole number, not \"many\"",
                files.path("users.csv") + ":2:50: needs: unknown need \"HUGE_MEETINGS\"; allowed: LARGE_MEETINGS,"
                        + " BREAKOUT_ROOMS, RECORDING, DIAL_IN (separate several with ; or |)",
                files.path("users.csv") + ":3:1: sip: must not be empty; give the user's SIP address, e.g."
                        + " \"alice@contoso.com\"",
                files.path("users.csv") + ":3:31: meetingsPerMonth: must be 0 or more, not -2",
                files.path("federated.csv") + ":2:20: client: unknown client \"OC/9.9\": neither a client name ("
                        + "COMMUNICATOR_2007, COMMUNICATOR_2007_R2, OCS_2007_R2_ATTENDANT, LIVE_MEETING_2007, LYNC_2010,"
                        + " LYNC_2010_ATTENDEE, LYNC_WEB_APP_2010, LYNC_2013, LYNC_WEB_APP_2013) nor a known SIP"
                        + " user-agent string; known user-agent prefixes: OC/2.0 (COMMUNICATOR_2007), OC/3.5.6907"
                        + " (COMMUNICATOR_2007_R2), Attendant/3.5 (OCS_2007_R2_ATTENDANT), LMC/8.0 (LIVE_MEETING_2007),"
                        + " OC/4.0.7577 (LYNC_2010), AOC/4.0 (LYNC_2010_ATTENDEE), CWA/4.0 (LYNC_WEB_APP_2010), OC/15.0"
                        + " (LYNC_2013), LWA/15 (LYNC_WEB_APP_2013)");
    }

    @Test
    void aRepeatPastTheFirstSixteenParticipantsIsStillAnError() {
        // From the sixteenth participant on, repeats are found in a set rather than by scanning the list.
        StringBuilder users = new StringBuilder("sip,pool,client\nalice@contoso.com,pool13.contoso.com,LYNC_2013\n");
        StringBuilder participants = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            users.append("u").append(i).append("@contoso.com,pool13.contoso.com,LYNC_2013\n");
            participants.append("u").append(i).append("@contoso.com|");
        }
        files.write("users.csv", users.toString()).write("meetings.csv", "id,organizer,url,participants\n"
                + "m-1,alice@contoso.com,https://x/1," + participants + "U2@Contoso.com|u18@contoso.com\n");
        assertThat(files.errors(reader)).hasSize(2).allSatisfy(error -> assertThat(error).contains("meetings.csv:2:")
                .contains("is listed twice among the participants"));
    }

    @Test
    void danglingReferencesAndDuplicatesAreTheJsonReadersErrorsNamedByColumn() {
        files.write("users.csv", """
                sip,pool,client
                alice@contoso.com,pool99.contoso.com,LYNC_2010
                bob@contoso.com,pool13.contoso.com,LYNC_2013
                """)
                .write("federated.csv", "sip,client\nBob@contoso.com,LYNC_2013\n")
                .write("meetings.csv", "id,organizer,url,participants\nm-1,bob@contoso.com,https://x/1,dan@contoso.com\n"
                        + "m-1,carol@fabrikam.com,https://x/2,\n");
        assertThat(files.errors(reader)).containsExactly(
                files.path("users.csv") + ":2:19: pool: pool \"pool99.contoso.com\" is not declared; add it to"
                        + " \"pools\" (with its fqdn and version) or correct the name (declared pools: ocs.contoso.com,"
                        + " pool13.contoso.com)",
                files.path("federated.csv") + ":2:1: sip: duplicate SIP address \"Bob@contoso.com\": already"
                        + " declared as users[1] at line 3 as \"bob@contoso.com\"; an address may appear only once in"
                        + " \"users\" and \"federatedUsers\" together (compared ignoring case)",
                files.path("meetings.csv") + ":2:33: participants: participant \"dan@contoso.com\" is neither a"
                        + " declared user nor a declared federated user; add it to \"users\" or \"federatedUsers\", or"
                        + " correct the address",
                files.path("meetings.csv") + ":3:1: id: duplicate meeting id \"m-1\": already used by the meeting at"
                        + " line 2; give each meeting its own id",
                files.path("meetings.csv") + ":3:5: organizer: organizer \"carol@fabrikam.com\" is not a declared user;"
                        + " add carol@fabrikam.com to \"users\" or correct the address (an organizer must be an internal"
                        + " user)");
    }

    @Test
    void aMissingRequiredColumnNamesTheFileAndTheColumn() {
        files.write("users.csv", "sip,client\nalice@contoso.com,LYNC_2010\n");
        assertThat(files.errors(reader)).singleElement().asString()
                .startsWith(files.path("users.csv") + ":1: pool: missing required column \"pool\" (or RegistrarPool):"
                        + " the FQDN of the pool the user is homed on, a pool of pools.csv; the header has \"sip\","
                        + " \"client\"");
    }

    @Test
    void anUnknownColumnIsAnErrorThatSuggestsTheRightNameUnlessMarkedWithHash() {
        files.write("users.csv", "sip,pool,client,meetingPerMonth,#notes\nalice@contoso.com,ocs.contoso.com,LYNC_2010,3,x\n");
        assertThat(files.errors(reader)).singleElement().asString()
                .startsWith(files.path("users.csv") + ":1:17: meetingPerMonth: unknown column \"meetingPerMonth\";"
                        + " did you mean \"meetingsPerMonth\"?");
    }

    @Test
    void missingFilesAreNamed() {
        assertThat(files.errors(reader)).singleElement().asString()
                .startsWith(files.path("users.csv") + ": missing; the folder needs users.csv (columns sip, pool, client");
    }

    @Test
    void aRowWithMoreValuesThanTheHeaderIsAnError() {
        files.write("users.csv", "sip,pool,client\nalice@contoso.com,ocs.contoso.com,OC/3.5.6907.261 (Communicator, R2)\n");
        assertThat(files.errors(reader)).singleElement().asString()
                .startsWith(files.path("users.csv") + ":2:66: this row has more values than the header has columns (3);"
                        + " is a value holding \",\" missing its quotes?");
    }

    @Test
    void aMalformedRowStopsTheFileWithItsPosition() {
        files.write("users.csv", "sip,pool,client\n\"alice@contoso.com,ocs.contoso.com,LYNC_2010\n");
        assertThat(files.errors(reader)).singleElement().asString()
                .startsWith(files.path("users.csv") + ":2:1: malformed CSV: the quoted value that starts here is not"
                        + " closed");
    }

    @Test
    void thePlanFileIsCheckedAsTheYamlInventorysPlan() {
        files.write("users.csv", "sip,pool,client\nalice@contoso.com,ocs.contoso.com,LYNC_2010\n")
                .write("plan.yaml", "organization: contoso.com\nplan:\n  targetPool: ocs.contoso.com\n"
                        + "  frequentOrganizerThreshold: 0\n");
        assertThat(files.errors(reader)).containsExactly(
                files.path("plan.yaml") + ":3:15: plan.targetPool: target pool \"ocs.contoso.com\" runs OCS_2007_R2"
                        + " (pools[0] at line 2); users can only be moved to a LYNC_2013 pool: name one of the"
                        + " LYNC_2013 pools: pool13.contoso.com",
                files.path("plan.yaml") + ":4:31: plan.frequentOrganizerThreshold: must be at least 1 (meetings per"
                        + " month from which an organizer is moved early), not 0");
    }

    @Test
    void aFileInsteadOfAFolderIsAnError() {
        CsvFolderInventoryReader r = new CsvFolderInventoryReader();
        assertThat(new FolderFiles(dir.resolve("pools.csv")).errors(r)).singleElement().asString()
                .isEqualTo(files.path("pools.csv") + ": is a file; a CSV-folder inventory is a folder: give the"
                        + " folder's path");
    }

    @Test
    void aCommentOnlyPlanFileLeavesTheDefaults() throws InventoryException {
        files.write("users.csv", "sip,pool,client\nalice@contoso.com,ocs.contoso.com,LYNC_2010\n")
                .write("plan.yaml", "# nothing decided yet\n");
        Inventory inventory = reader.read(dir);
        assertThat(inventory.getPlan().getTargetPool()).isEqualTo("pool13.contoso.com");
        assertThat(inventory.getOrganization()).isNull();
        assertThat(inventory.getMeetings()).isEqualTo(List.of());
    }
}
