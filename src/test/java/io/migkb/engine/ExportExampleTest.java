package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.migkb.inventory.InventoryReaders;
import io.migkb.model.Client;
import io.migkb.model.Coverage;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import io.migkb.model.Pool;
import io.migkb.model.ServerVersion;
import io.migkb.model.User;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * examples/litware-exports is a folder of exports as the cmdlets, SQL Server and the registration script write them
 * (#TYPE lines or none, BOM or none, UTF-16, Windows-1252 with ';', $null as nothing, Edge/SQL/file-store pools,
 * disabled users, a Standard Edition pool, a pool on each version) with the meetings of the conference databases,
 * the Monitoring database and the organizers' calendars: its reading and its findings are pinned here.
 */
class ExportExampleTest {
    private static final Path EXAMPLE = Path.of("examples/litware-exports");

    @Test
    void theExportsGiveEachPoolItsVersionAndEachUserTheDesktopClientTheyRegisteredWith() throws Exception {
        Inventory inventory = InventoryReaders.read(EXAMPLE);
        assertThat(inventory.getOrganization()).isEqualTo("litwareinc.com");
        assertThat(inventory.getPools()).extracting(Pool::getFqdn, Pool::getVersion).containsExactlyInAnyOrder(
                tuple("ocs-pool.litwareinc.com", ServerVersion.OCS_2007_R2),
                tuple("se10.litwareinc.com", ServerVersion.LYNC_2010),
                tuple("pool10.litwareinc.com", ServerVersion.LYNC_2010),
                tuple("pool13.litwareinc.com", ServerVersion.LYNC_2013));
        assertThat(inventory.getUsers()).extracting(User::getSip, User::getClient).containsExactlyInAnyOrder(
                tuple("amy@litwareinc.com", Client.LYNC_2013),
                tuple("ben@litwareinc.com", Client.LYNC_2010),
                tuple("cara@litwareinc.com", Client.LYNC_2013),
                tuple("dan@litwareinc.com", Client.LYNC_2010),
                tuple("eve@litwareinc.com", Client.UNKNOWN),
                tuple("finn@litwareinc.com", Client.UNKNOWN),
                tuple("kim@litwareinc.com", Client.LYNC_WEB_APP_2013),
                tuple("ola@litwareinc.com", Client.COMMUNICATOR_2007_R2),
                tuple("rita@litwareinc.com", Client.LIVE_MEETING_2007),
                // no registration, but the Monitoring database saw him join a conference with Communicator 2007 R2
                tuple("jorg@litwareinc.com", Client.COMMUNICATOR_2007_R2));
        Coverage coverage = inventory.getCoverage();
        assertThat(coverage.describe()).isEqualTo("users with client data 8 of 10; pools with a server version 4 of 4;"
                + " meetings with participants 7 of 8; not assessed 2 users (1 disabled, 1 without a Registrar pool);"
                + " scheduled meetings skipped 4 (3 expired or ended, 1 of organizers not assessed)");
        assertThat(coverage.notAssessed()).extracting(Coverage.NotAssessedUser::sip)
                .containsExactly("gus@litwareinc.com", "hana@litwareinc.com");
    }

    @Test
    void theFindingsAreThoseAConsultantExpects() throws Exception {
        Assessment assessment = TestRules.assessor().assess(InventoryReaders.read(EXAMPLE));
        assertThat(assessment.findings()).extracting(Finding::getRule, Finding::getSubject).containsExactlyInAnyOrder(
                tuple("URL-LEGACY-MEET", "meeting:ola-weekly"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:ola-weekly"),
                // Ola organizes it with Communicator 2007 R2: the organizer is in the meeting too
                tuple("CLIENT-NO-CONFERENCING", "meeting:ola-weekly"),
                tuple("FED-LOCKED-OC2007", "meeting:ola-weekly"),
                tuple("FED-PARTNER-SUMMARY", "partner:fabrikam.com"),
                tuple("CLIENT-IM-ONLY", "user:ola@litwareinc.com"),
                tuple("ORGANIZER-CANNOT-UPDATE-LINKS", "user:ola@litwareinc.com"),
                tuple("COEX-2010-MEETING", "meeting:ben-review"),
                tuple("COEX-NO-MEETING-IM", "meeting:ben-review"),
                tuple("COEX-2010-GALLERY-VIEW", "meeting:ben-review"),
                tuple("COEX-2010-CLIENT-POWERPOINT", "meeting:ben-review"),
                // Ben, on the Lync 2010 client, is in his own meeting
                tuple("COEX-2010-CLIENT-POWERPOINT", "meeting:ben-review"),
                tuple("MOVE-CONTENT-LOST", "meeting:ben-review"),
                tuple("MOVE-MEETINGS-CARRY", "user:ben@litwareinc.com"),
                tuple("DATA-CLIENT-UNKNOWN", "user:eve@litwareinc.com"),
                tuple("DATA-CLIENT-UNKNOWN", "user:finn@litwareinc.com"),
                // from the conference databases: a Lync 2010 organizer's two https meetings, an OCS 2007 R2 one
                tuple("MOVE-MEETINGS-CARRY", "user:dan@litwareinc.com"),
                // and who joined them, from the Monitoring database: Live Meeting 2007 and Communicator 2007 R2 users,
                // a federated Communicator 2007 user in a locked meeting
                tuple("CLIENT-NO-CONFERENCING", "meeting:amy/7QX2M4PD"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:K2LW9QZT"),
                tuple("FED-LOCKED-OC2007", "meeting:K2LW9QZT"),
                tuple("CLIENT-IM-ONLY", "user:jorg@litwareinc.com"),
                // a partner whose user joined with Skype for Business 2016, a client no source names
                tuple("DATA-PARTNER-CLIENT-UNKNOWN", "partner:tailspintoys.com"),
                // the calendar's meet: link wins over the conference database's conf: for Rita's Live Meeting
                tuple("URL-LEGACY-MEET", "meeting:R1TA4LM7"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:R1TA4LM7"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:R1TA4LM7"),
                // Rita's Live Meeting 2007 cannot sign in to Lync Server 2013 (Client interoperability in Lync 2013)
                tuple("CLIENT-CANNOT-SIGN-IN", "user:rita@litwareinc.com"),
                // Ola's conference call is in no conference export, only in the calendar
                tuple("URL-LEGACY-CONF", "meeting:0LA5TNDP"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:0LA5TNDP"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:0LA5TNDP"),
                tuple("ORGANIZER-CANNOT-UPDATE-LINKS", "user:rita@litwareinc.com"));
        assertThat(assessment.findings()).filteredOn(f -> f.getSubject().equals("user:eve@litwareinc.com"))
                .singleElement().satisfies(f -> assertThat(f.getMessage())
                        .contains("searched EndpointRegistrations.csv, LcsCDR-client-versions.csv")
                        .contains("OCPhone/4.0.7577.4398"));
    }
}
