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
                + " meetings with participants 25 of 28; not assessed 2 users (1 disabled, 1 without a Registrar pool);"
                + " scheduled meetings skipped 4 (3 expired or ended, 1 of organizers not assessed)");
        assertThat(coverage.notAssessed()).extracting(Coverage.NotAssessedUser::sip)
                .containsExactly("gus@litwareinc.com", "hana@litwareinc.com");
    }

    @Test
    void theFindingsAreThoseAConsultantExpects() throws Exception {
        Assessment assessment = TestRules.assessor().assess(InventoryReaders.read(EXAMPLE));
        assertThat(assessment.findings()).extracting(Finding::getRule, Finding::getSubject).containsExactlyInAnyOrder(
                // meetings.csv: Ola's locked Live Meeting with a Communicator 2007 partner, Ben's Lync 2010 review
                tuple("URL-LEGACY-MEET", "meeting:ola-weekly"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:ola-weekly"),
                tuple("FED-LOCKED-OC2007", "meeting:ola-weekly"),
                tuple("COEX-2010-MEETING", "meeting:ben-review"),
                tuple("COEX-NO-MEETING-IM", "meeting:ben-review"),
                tuple("COEX-2010-GALLERY-VIEW", "meeting:ben-review"),
                tuple("COEX-2010-CLIENT-POWERPOINT", "meeting:ben-review"),
                tuple("MOVE-CONTENT-LOST", "meeting:ben-review"),
                // users: Communicator 2007 R2 (Jorg's client only the Monitoring database names), organizers of
                // legacy meetings whose client cannot update the links, the two whose client no export names
                tuple("CLIENT-IM-ONLY", "user:ola@litwareinc.com"),
                tuple("CLIENT-IM-ONLY", "user:jorg@litwareinc.com"),
                tuple("ORGANIZER-CANNOT-UPDATE-LINKS", "user:ola@litwareinc.com"),
                tuple("ORGANIZER-CANNOT-UPDATE-LINKS", "user:rita@litwareinc.com"),
                tuple("ORGANIZER-CANNOT-UPDATE-LINKS", "user:jorg@litwareinc.com"),
                tuple("ORGANIZER-CANNOT-UPDATE-LINKS", "user:dan@litwareinc.com"),
                tuple("DATA-CLIENT-UNKNOWN", "user:eve@litwareinc.com"),
                tuple("DATA-CLIENT-UNKNOWN", "user:finn@litwareinc.com"),
                // organizers on Lync Server 2010 pools whose https meetings move with them
                tuple("MOVE-MEETINGS-CARRY", "user:ben@litwareinc.com"),
                tuple("MOVE-MEETINGS-CARRY", "user:cara@litwareinc.com"),
                tuple("MOVE-MEETINGS-CARRY", "user:dan@litwareinc.com"),
                tuple("MOVE-MEETINGS-CARRY", "user:eve@litwareinc.com"),
                // legacy URLs: OCS 2007 R2 organizers' conferences (conf:), calendars' meet: links (which win), and
                // Dan's invitation sent from OCS 2007 R2 for a conference his Lync 2010 pool serves at https
                tuple("URL-LEGACY-CONF", "meeting:0LA5TNDP"),
                tuple("URL-LEGACY-CONF", "meeting:J0RG4ABC"),
                tuple("URL-LEGACY-CONF", "meeting:J0RG5LCK"),
                tuple("URL-LEGACY-CONF", "meeting:R1TA9QWE"),
                tuple("URL-LEGACY-MEET", "meeting:0LA7RTY2"),
                tuple("URL-LEGACY-MEET", "meeting:R1TA4LM7"),
                tuple("URL-LEGACY-MEET", "meeting:R1TAXX88"),
                tuple("URL-LEGACY-MEET", "meeting:D4NMEET9"),
                tuple("DATA-SCHEME-CONFLICT", "meeting:D4NMEET9"),
                // who joined with a client that has no conferencing on Lync Server 2013 (Communicator 2007 R2, Live
                // Meeting 2007): from the Monitoring database and, for R1TAXX88, an invitation's attendees
                tuple("CLIENT-NO-CONFERENCING", "meeting:0LA5TNDP"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:A6MYBIG1"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:C4RAPL4N"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:C4RAPL4N"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:J0RG5LCK"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:K2LW9QZT"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:R1TA4LM7"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:R1TA9QWE"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:R1TAXX88"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:amy/7QX2M4PD"),
                // organizers are in their own meetings: those on Communicator 2007 R2 or Live Meeting 2007 (Ola, Rita,
                // Jorg) cannot join them on Lync Server 2013; Ben's Lync 2010 shows his own PowerPoint as Lync 2010 does
                tuple("CLIENT-NO-CONFERENCING", "meeting:ola-weekly"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:0LA5TNDP"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:0LA7RTY2"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:R1TA4LM7"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:R1TA9QWE"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:R1TAXX88"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:J0RG4ABC"),
                tuple("CLIENT-NO-CONFERENCING", "meeting:J0RG5LCK"),
                tuple("COEX-2010-CLIENT-POWERPOINT", "meeting:ben-review"),
                // Rita's Live Meeting 2007 cannot sign in to Lync Server 2013 (Client interoperability in Lync 2013)
                tuple("CLIENT-CANNOT-SIGN-IN", "user:rita@litwareinc.com"),
                // Lync 2013 clients (Amy, Cara; wingtiptoys.com's Nia) in meetings of Lync Server 2010 organizers,
                // Cara's own among them
                tuple("COEX-2010-MEETING", "meeting:B3NWK7QA"),
                tuple("COEX-2010-MEETING", "meeting:B3NWK7QA"),
                tuple("COEX-2010-MEETING", "meeting:C4RALCK1"),
                tuple("COEX-2010-MEETING", "meeting:C4RALCK1"),
                tuple("COEX-2010-MEETING", "meeting:C4RAPL4N"),
                // federated users: Communicator 2007 in locked meetings (contoso.com, fabrikam.com), Communicator
                // 2007 R2 and Live Meeting 2007 in any meeting (adatum.com, wingtiptoys.com)
                tuple("FED-LOCKED-OC2007", "meeting:K2LW9QZT"),
                tuple("FED-LOCKED-OC2007", "meeting:A3MYLCK9"),
                tuple("FED-LOCKED-OC2007", "meeting:B3NLCK5Z"),
                tuple("FED-LOCKED-OC2007", "meeting:F1NNLCK3"),
                tuple("FED-LOCKED-OC2007", "meeting:J0RG5LCK"),
                tuple("FED-LOCKED-OC2007", "meeting:0LA7RTY2"),
                tuple("FED-PARTNER-SUMMARY", "partner:fabrikam.com"),
                tuple("FED-PARTNER-SUMMARY", "partner:contoso.com"),
                tuple("FED-CLIENT-WEB-APP", "meeting:A3MYLCK9"),
                tuple("FED-CLIENT-WEB-APP", "meeting:K3MQX8WE"),
                tuple("FED-CLIENT-WEB-APP", "meeting:R1TA9QWE"),
                tuple("FED-CLIENT-WEB-APP", "meeting:R1TAXX88"),
                // a partner whose user joined with Skype for Business 2016, a client no source names
                tuple("DATA-PARTNER-CLIENT-UNKNOWN", "partner:tailspintoys.com"),
                // meetings no one the Monitoring data names has joined, per source
                tuple("DATA-MEETINGS-NO-JOINS", "source:conference-database"),
                tuple("DATA-MEETINGS-NO-JOINS", "source:calendars"));
        assertThat(assessment.findings()).filteredOn(f -> f.getRule().equals("DATA-MEETINGS-NO-JOINS"))
                .extracting(Finding::getMessage).containsExactlyInAnyOrder(
                        "The Monitoring data names no one joining the only meeting of the organizers' calendars"
                                + " (calendars-2014-03-02.ics), so no rule about who joins with which client could"
                                + " assess it beyond the organizer and the calendar's invitees: 0LA5TNDP (searched"
                                + " lcscdr-participants.csv)",
                        "The Monitoring data names no one joining 5 of the 25 meetings of the conference database"
                                + " (rtc-conferences-dublin.csv, rtc-conferences-ocs.csv, rtc-conferences-pool13.csv),"
                                + " so no rule about who joins with which client could assess them beyond the organizer"
                                + " and the calendar's invitees: 7QX2M4PD, D4NQ3ZZ1, R1TA4LM7, R1TAXX88, F1NN2QRS"
                                + " (searched lcscdr-participants.csv)");
        assertThat(assessment.findings()).filteredOn(f -> f.getSubject().equals("user:eve@litwareinc.com")
                        && f.getRule().equals("DATA-CLIENT-UNKNOWN"))
                .singleElement().satisfies(f -> assertThat(f.getMessage())
                        .contains("searched EndpointRegistrations.csv, LcsCDR-client-versions.csv")
                        .contains("OCPhone/4.0.7577.4398"));
    }
}
