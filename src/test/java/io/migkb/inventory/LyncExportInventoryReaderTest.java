package io.migkb.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.model.Client;
import io.migkb.model.Inventory;
import io.migkb.model.Pool;
import io.migkb.model.ServerVersion;
import io.migkb.model.User;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lync Server Management Shell exports as Windows PowerShell writes them: #TYPE line, BOM, quotes, semicolons. */
class LyncExportInventoryReaderTest {
    /** Get-CsUser | Export-Csv users.csv -Delimiter ';' -Encoding UTF8, with the cmdlet's documented properties. */
    private static final String GET_CS_USER = """
            #TYPE Microsoft.Rtc.Management.ADConnect.Schema.OCSADUser\r
            "Identity";"VoicePolicy";"ConferencingPolicy";"PresencePolicy";"DialPlan";"LocationPolicy";"ClientPolicy";"ClientVersionPolicy";"ArchivingPolicy";"PinPolicy";"ExternalAccessPolicy";"HostedVoiceMail";"HostedVoicemailPolicy";"HostingProvider";"RegistrarPool";"Enabled";"SipAddress";"LineURI";"EnterpriseVoiceEnabled";"HomeServer";"DisplayName";"SamAccountName"\r
            "CN=Ken Myer,OU=Redmond,DC=litwareinc,DC=com";"";"";"";"";"";"";"";"";"";"";"";"";"SRV:";"atl-cs-001.litwareinc.com";"True";"sip:kenmyer@litwareinc.com";"tel:+14255551219";"True";"CN=Lc Services,CN=Microsoft,CN=1:1,CN=Pools,CN=RTC Service,CN=Services,CN=Configuration,DC=litwareinc,DC=com";"Ken Myer";"kenmyer"\r
            "CN=Pilar Ackerman,OU=Redmond,DC=litwareinc,DC=com";"";"";"";"";"";"";"";"";"";"";"";"";"SRV:";"dub-cs-001.litwareinc.com";"True";"SIP:pilar@litwareinc.com";"";"False";"CN=Lc Services,CN=Microsoft,CN=2:1,CN=Pools,CN=RTC Service,CN=Services,CN=Configuration,DC=litwareinc,DC=com";"Pilar Ackerman";"pilar"\r
            "CN=Aidan Delaney,OU=Dublin,DC=litwareinc,DC=com";"";"";"";"";"";"";"";"";"";"";"";"";"SRV:";"ocs-001.litwareinc.com";"True";"sip:aidan@litwareinc.com";"";"False";"CN=LC Services,CN=Microsoft,CN=ocs-001,CN=Pools,CN=RTC Service,CN=Microsoft,CN=System,DC=litwareinc,DC=com";"Aidan Delaney";"aidan"\r
            "CN=Jonathan Haas,OU=Departed,DC=litwareinc,DC=com";"";"";"";"";"";"";"";"";"";"";"";"";"SRV:";"atl-cs-001.litwareinc.com";"False";"sip:jhaas@litwareinc.com";"";"False";"";"Jonathan Haas";"jhaas"\r
            "CN=Terry Adams,OU=Redmond,DC=litwareinc,DC=com";"";"";"";"";"";"";"";"";"";"";"";"";"";"";"True";"sip:terry@litwareinc.com";"";"False";"";"Terry Adams";"terry"\r
            """;

    /** Get-CsPool | Export-Csv pools.csv -Delimiter ';' -Encoding UTF8: collections come out as their type names. */
    private static final String GET_CS_POOL = """
            #TYPE Microsoft.Rtc.Management.Xds.DisplayPool\r
            "Identity";"Services";"Computers";"Fqdn";"Site"\r
            "atl-cs-001.litwareinc.com";"System.Collections.Generic.List`1[System.String]";"System.Collections.Generic.List`1[Microsoft.Rtc.Management.Xds.DisplayComputer]";"atl-cs-001.litwareinc.com";"Site:Redmond"\r
            "atl-sql-001.litwareinc.com";"System.Collections.Generic.List`1[System.String]";"System.Collections.Generic.List`1[Microsoft.Rtc.Management.Xds.DisplayComputer]";"atl-sql-001.litwareinc.com";"Site:Redmond"\r
            "dub-cs-001.litwareinc.com";"System.Collections.Generic.List`1[System.String]";"System.Collections.Generic.List`1[Microsoft.Rtc.Management.Xds.DisplayComputer]";"dub-cs-001.litwareinc.com";"Site:Dublin"\r
            "ocs-001.litwareinc.com";"System.Collections.Generic.List`1[System.String]";"System.Collections.Generic.List`1[Microsoft.Rtc.Management.Xds.DisplayComputer]";"ocs-001.litwareinc.com";"Site:BackCompatSite"\r
            """;

    private static final String CLIENTS = """
            "UserUri","ClientVersion","LastSeen"
            "kenmyer@litwareinc.com","OC/4.0.7577.4103 (Microsoft Lync 2010)","2014-03-01 09:00"
            "kenmyer@litwareinc.com","OC/15.0.4551.1001 (Microsoft Lync)","2014-03-02 09:00"
            "kenmyer@litwareinc.com","MC/5.4.1087.0 (Microsoft Lync 2013 for iPhone)","2014-03-02 19:00"
            "pilar@litwareinc.com","OC/4.0.7577.4103 (Microsoft Lync 2010)","2014-03-01 09:00"
            "aidan@litwareinc.com","OC/3.5.6907.261 (Microsoft Office Communicator 2007 R2)","2014-03-01 09:00"
            "someone.gone@litwareinc.com","OC/2.0.6362.111","2013-01-01 09:00"
            """;

    @TempDir
    java.nio.file.Path dir;
    FolderFiles files;
    final LyncExportInventoryReader reader = new LyncExportInventoryReader();

    @BeforeEach
    void setUp() {
        files = new FolderFiles(dir).writeWithBom("users.csv", GET_CS_USER).writeWithBom("pools.csv", GET_CS_POOL)
                .write("clients.csv", CLIENTS)
                .write("versions.yaml", "site:Redmond: LYNC_2013\ndub-cs-001.litwareinc.com: LYNC_2010\n");
    }

    @Test
    void readsPowerShellExportsStrippingSipPrefixesAndIgnoringUnusedColumns() throws InventoryException {
        Inventory inventory = reader.read(dir);

        assertThat(inventory.getUsers()).extracting(User::getSip, User::getPool, User::getServerVersion)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("kenmyer@litwareinc.com", "atl-cs-001.litwareinc.com",
                                ServerVersion.LYNC_2013),
                        org.assertj.core.groups.Tuple.tuple("pilar@litwareinc.com", "dub-cs-001.litwareinc.com",
                                ServerVersion.LYNC_2010),
                        org.assertj.core.groups.Tuple.tuple("aidan@litwareinc.com", "ocs-001.litwareinc.com",
                                ServerVersion.OCS_2007_R2));
        assertThat(inventory.getPools()).extracting(Pool::getFqdn).containsExactly("atl-cs-001.litwareinc.com",
                "dub-cs-001.litwareinc.com", "ocs-001.litwareinc.com");
        assertThat(inventory.getPlan().getTargetPool()).isEqualTo("atl-cs-001.litwareinc.com");
        assertThat(inventory.locationOf("user:pilar@litwareinc.com")).hasValueSatisfying(
                at -> assertThat(at.toString()).isEqualTo(files.path("users.csv") + ":4:1"));
    }

    @Test
    void aUsersClientIsTheLastKnownOneInTheClientVersionReport() throws InventoryException {
        User ken = reader.read(dir).getUsers().get(0);
        assertThat(ken.getClient()).isEqualTo(Client.LYNC_2013);
        assertThat(ken.getClientVersion()).isEqualTo("15.0.4551.1001");
    }

    @Test
    void disabledAndUnassignedUsersAreLeftOutAndADisabledOrganizerIsAnErrorThatSaysSo() {
        files.write("meetings.csv", """
                "Id","Organizer","Url","Participants"
                "m-1","sip:kenmyer@litwareinc.com","https://meet.litwareinc.com/kenmyer/1","sip:jhaas@litwareinc.com|sip:pilar@litwareinc.com"
                "m-2","sip:jhaas@litwareinc.com","https://meet.litwareinc.com/jhaas/2",""
                """);
        assertThat(files.errors(reader)).containsExactly(files.path("meetings.csv") + ":3:7: Organizer: organizer"
                + " \"jhaas@litwareinc.com\" is disabled in users.csv (line 6, Enabled is False), so cannot hold"
                + " meetings; leave the meeting out or enable the user");
    }

    @Test
    void disabledParticipantsAreDropped() throws InventoryException {
        files.write("meetings.csv", """
                "Id","Organizer","Url","Participants"
                "m-1","sip:kenmyer@litwareinc.com","https://meet.litwareinc.com/kenmyer/1","sip:jhaas@litwareinc.com;sip:pilar@litwareinc.com"
                """);
        assertThat(reader.read(dir).getMeetings().get(0).getParticipants()).containsExactly("pilar@litwareinc.com");
    }

    @Test
    void aPoolWithoutAVersionIsAnErrorAtItsRowThatSaysWhatToExportWithoutGuessingOne() {
        files.write("versions.yaml", "site:Redmond: LYNC_2013\n");
        assertThat(files.errors(reader)).containsExactly(files.path("pools.csv") + ":5:1: no server version"
                + " for pool \"dub-cs-001.litwareinc.com\" (site Dublin), the Registrar pool of pilar@litwareinc.com"
                + " (users.csv line 4): the topology lists it without a version; export the topology's Registrars into"
                + " the folder (Get-CsService -Registrar | Export-Csv registrars.csv), or give its version in"
                + " versions.yaml as \"dub-cs-001.litwareinc.com: VERSION\" or for its whole site as"
                + " \"site:Dublin: VERSION\", VERSION being OCS_2007_R2, LYNC_2010 or LYNC_2013");
    }

    @Test
    void aPoolMissingFromEveryExportIsAnErrorAtTheUsersRegistrarPool() {
        files.writeWithBom("pools.csv", GET_CS_POOL.replace("\"ocs-001.litwareinc.com\"", "\"ocs-002.litwareinc.com\""));
        List<String> errors = files.errors(reader);
        assertThat(errors).singleElement().asString().startsWith(files.path("users.csv") + ":5:94: RegistrarPool: no"
                + " server version for pool \"ocs-001.litwareinc.com\", the Registrar pool of aidan@litwareinc.com"
                + " (users.csv line 5): no export of the topology lists it").doesNotContain(": LYNC_2010\"");
    }

    @Test
    void theVersionMapAloneIsEnoughWithoutGetCsPool() throws InventoryException {
        files.write("pools.csv", "Identity\n");
        files.write("versions.yaml", """
                # pool FQDN or site:NAME -> version
                atl-cs-001.litwareinc.com: LYNC_2013
                dub-cs-001.litwareinc.com: LYNC_2010
                ocs-001.litwareinc.com: OCS_2007_R2
                """);
        assertThat(reader.read(dir).getUsers()).extracting(User::getServerVersion)
                .containsExactly(ServerVersion.LYNC_2013, ServerVersion.LYNC_2010, ServerVersion.OCS_2007_R2);
    }

    @Test
    void aUserMissingFromTheClientReportIsAssessedWithAnUnknownClientAndTheFilesSearched() throws InventoryException {
        files.write("clients.csv", CLIENTS.replace("\"pilar@", "\"pilar.old@"));
        User pilar = reader.read(dir).getUsers().get(1);
        assertThat(pilar.getSip()).isEqualTo("pilar@litwareinc.com");
        assertThat(pilar.getClient()).isEqualTo(Client.UNKNOWN);
        assertThat(pilar.getClientGap().getSourcesSearched()).containsExactly("clients.csv");
        assertThat(pilar.getClientGap().getUserAgentsSeen()).isEmpty();
    }

    @Test
    void aUserWithOnlyAPhoneIsAGapThatKeepsTheUserAgentSeen() throws InventoryException {
        files.write("clients.csv", CLIENTS.replace("\"pilar@litwareinc.com\",\"OC/4.0.7577.4103 (Microsoft Lync 2010)\"",
                "\"pilar@litwareinc.com\",\"CPE/4.0.7577.4398 OCPhone/4.0.7577.4398 (Microsoft Lync 2010 Phone Edition)\""));
        User pilar = reader.read(dir).getUsers().get(1);
        assertThat(pilar.getClient()).isEqualTo(Client.UNKNOWN);
        assertThat(pilar.getClientGap().getUserAgentsSeen())
                .containsExactly("CPE/4.0.7577.4398 OCPhone/4.0.7577.4398 (Microsoft Lync 2010 Phone Edition)");
    }

    @Test
    void aBadCellOfTheGetCsUserExportNamesFileLineAndColumn() {
        files.writeWithBom("users.csv", GET_CS_USER.replace("\"dub-cs-001.litwareinc.com\";\"True\"", "\"dub-cs-001.litwareinc.com\";\"Maybe\""));
        assertThat(files.errors(reader)).singleElement().asString().isEqualTo(files.path("users.csv") + ":4:124:"
                + " Enabled: expected true or false (or yes/no, 1/0), not \"Maybe\"");
    }

    @Test
    void aMissingColumnOfTheGetCsUserExportNamesTheFileAndTheColumn() {
        files.writeWithBom("users.csv", GET_CS_USER.replace("\"RegistrarPool\"", "\"Pool\""));
        assertThat(files.errors(reader)).singleElement().asString().startsWith(files.path("users.csv")
                + ":2: RegistrarPool: missing required column \"RegistrarPool\": the FQDN of the user's Registrar pool;"
                + " the header has \"Identity\", \"VoicePolicy\"");
    }

    @Test
    void profilesAddWhatNoExportHoldsAndMustNameKnownUsers() throws InventoryException {
        files.write("profiles.csv", "SipAddress;MeetingsPerMonth;Needs;AddIns;SchedulesLiveMeetingService\n"
                + "sip:kenmyer@litwareinc.com;12;DIAL_IN|RECORDING;ONLINE_MEETING_ADDIN_2013;True\n");
        User ken = reader.read(dir).getUsers().get(0);
        assertThat(ken.getMeetingsPerMonth()).isEqualTo(12);
        assertThat(ken.isSchedulesLiveMeetingService()).isTrue();
        assertThat(ken.getNeeds()).hasSize(2);

        files.write("profiles.csv", "SipAddress;MeetingsPerMonth\nsip:kenmeyer@litwareinc.com;12\n");
        assertThat(files.errors(reader)).singleElement().asString().isEqualTo(files.path("profiles.csv") + ":2:1:"
                + " SipAddress: \"kenmeyer@litwareinc.com\" is not a user of the Get-CsUser export (users.csv); correct the"
                + " address or remove the row");
    }

    @Test
    void federatedUsersComeWithTheirUserAgents() throws InventoryException {
        files.write("federated.csv", "\"SipAddress\",\"UserAgent\"\n\"sip:carol@fabrikam.com\",\"OC/2.0.6362.111\"\n");
        assertThat(reader.read(dir).getFederatedUsers()).singleElement()
                .satisfies(f -> assertThat(f.getClient()).isEqualTo(Client.COMMUNICATOR_2007))
                .satisfies(f -> assertThat(f.getSip()).isEqualTo("carol@fabrikam.com"));
    }

    @Test
    void isRecognisedByTheGetCsUserExportInTheFolder() {
        assertThat(LyncExportInventoryReader.recognizes(dir)).isTrue();
        assertThat(CsvFolderInventoryReader.recognizes(dir)).as("its pools.csv is a Get-CsPool export").isFalse();
        assertThat(LyncExportInventoryReader.recognizes(dir.resolve("users.csv"))).isFalse();
    }
}
