package io.migkb.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.migkb.model.Client;
import io.migkb.model.Coverage;
import io.migkb.model.Inventory;
import io.migkb.model.Pool;
import io.migkb.model.ServerVersion;
import io.migkb.model.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of a customer's exports as handed over: files named anything, recognised by what they hold; pool versions
 * from the topology; full user agents; gaps counted, not refused.
 */
class CustomerExportsTest {
    /** Get-CsUser -OnLyncServer | Export-Csv Get-CsUser.csv (a few of the cmdlet's columns; $null as nothing). */
    private static final String GET_CS_USER = """
            #TYPE Microsoft.Rtc.Management.ADConnect.Schema.OCSADUser\r
            "Identity","RegistrarPool","Enabled","SipAddress","DisplayName"\r
            "CN=Ken Myer","pool13.litwareinc.com","True","sip:kenmyer@litwareinc.com","Ken Myer"\r
            "CN=Pilar Ackerman","pool10.litwareinc.com","True","sip:pilar@litwareinc.com","Pilar Ackerman"\r
            "CN=Jonathan Haas","pool10.litwareinc.com","False","sip:jhaas@litwareinc.com","Jonathan Haas"\r
            "CN=Terry Adams",,"True","sip:terry@litwareinc.com","Terry Adams"\r
            """;

    /** Get-CsService -Registrar | Export-Csv registrars.csv. */
    private static final String GET_CS_SERVICE_REGISTRAR = """
            #TYPE Microsoft.Rtc.Management.Xds.DisplayRegistrar\r
            "Identity","ServiceId","SiteId","PoolFqdn","Version","Role"\r
            "Registrar:pool10.litwareinc.com","1-Registrar-1","Site:Dublin","pool10.litwareinc.com","5","Registrar"\r
            "Registrar:pool13.litwareinc.com","2-Registrar-1","Site:Redmond","pool13.litwareinc.com","6","Registrar"\r
            """;

    /** Get-CsRegistration.ps1's EndpointRegistrations.csv: the user agent split at its first space, no #TYPE line. */
    private static final String ENDPOINT_REGISTRATIONS = """
            "ClientVersion","UserAgent","UserName","Server","EndpointId","ExpiresAt"
            "UCCAPI/15.0.4420.1017","OC/15.0.4420.1017 (Microsoft Lync)","KenMyer@LitwareInc.com","fe13","{1}","03/02/2014 08:00:00"
            "UCCAPI/4.0.7577.314","OC/4.0.7577.314 (Microsoft Lync 2010)","pilar@litwareinc.com","fe10","{2}","03/02/2014 08:00:00"
            """;

    @TempDir
    Path dir;
    FolderFiles files;
    final LyncExportInventoryReader reader = new LyncExportInventoryReader();

    @BeforeEach
    void setUp() {
        files = new FolderFiles(dir).writeWithBom("Get-CsUser.csv", GET_CS_USER)
                .write("Get-CsService-Registrar.csv", GET_CS_SERVICE_REGISTRAR)
                .write("EndpointRegistrations.csv", ENDPOINT_REGISTRATIONS);
    }

    @Test
    void filesAreRecognisedByWhatTheyHoldWhateverTheirNames() throws Exception {
        Inventory inventory = reader.read(dir);
        assertThat(inventory.getUsers()).extracting(User::getSip, User::getServerVersion, User::getClient)
                .containsExactly(tuple("kenmyer@litwareinc.com", ServerVersion.LYNC_2013, Client.LYNC_2013),
                        tuple("pilar@litwareinc.com", ServerVersion.LYNC_2010, Client.LYNC_2010));
        assertThat(LyncExportInventoryReader.recognizes(dir)).isTrue();
        assertThat(InventoryReaders.forPath(dir)).isInstanceOf(LyncExportInventoryReader.class);
    }

    @Test
    void aFileWithoutTypeLineIsRecognisedByItsHeaderAndAnUnknownFileIsListedAsSkipped() throws Exception {
        files.write("Get-CsUser.csv", GET_CS_USER.substring(GET_CS_USER.indexOf('\n') + 1))
                .write("Get-CsSite.csv", "#TYPE Microsoft.Rtc.Management.Xds.DisplaySite\n\"Identity\",\"SiteId\"\n\"Site:Dublin\",\"1\"\n")
                .write("notes.txt", "what the customer said");
        ExportFolder folder = ExportFolder.scan(dir);
        assertThat(folder.files(ExportKind.USERS)).containsExactly("Get-CsUser.csv");
        assertThat(folder.files(ExportKind.REGISTRARS)).containsExactly("Get-CsService-Registrar.csv");
        assertThat(folder.files(ExportKind.CLIENTS)).containsExactly("EndpointRegistrations.csv");
        assertThat(folder.skipped()).extracting(ExportFolder.Skipped::file).containsExactly("Get-CsSite.csv", "notes.txt");
        assertThat(folder.skipped().get(0).why()).contains("DisplaySite").contains("Identity, SiteId");
    }

    @Test
    void twoExportsOfOneKindAreMergedAndAUserInBothIsADuplicate() throws Exception {
        files.write("users-ocs.csv", """
                "Identity";"RegistrarPool";"Enabled";"SipAddress"
                "CN=Aidan";"ocs-001.litwareinc.com";"True";"sip:aidan@litwareinc.com"
                """).write("versions.yaml", "ocs-001.litwareinc.com: OCS_2007_R2\n");
        Inventory inventory = reader.read(dir);
        assertThat(inventory.getUsers()).extracting(User::getSip).containsExactly("kenmyer@litwareinc.com",
                "pilar@litwareinc.com", "aidan@litwareinc.com");

        files.write("users-again.csv", "SipAddress,RegistrarPool\nsip:Pilar@litwareinc.com,pool10.litwareinc.com\n");
        assertThat(files.errors(reader)).singleElement().asString().startsWith(files.path("users-again.csv") + ":2:1:")
                .contains("duplicate SIP address");
    }

    @Test
    void registrarVersionsGiveEachPoolItsServerVersionAndATargetPoolNobodyIsOnYet() throws Exception {
        files.write("Get-CsService-Registrar.csv", GET_CS_SERVICE_REGISTRAR
                + "\"Registrar:pool13b.litwareinc.com\",\"2-Registrar-2\",\"Site:Redmond\",\"pool13b.litwareinc.com\",\"6\",\"Registrar\"\r\n");
        Inventory inventory = reader.read(dir);
        assertThat(inventory.getPools()).extracting(Pool::getFqdn, Pool::getVersion).containsExactly(
                tuple("pool13.litwareinc.com", ServerVersion.LYNC_2013), tuple("pool10.litwareinc.com", ServerVersion.LYNC_2010),
                tuple("pool13b.litwareinc.com", ServerVersion.LYNC_2013));
    }

    @Test
    void aPoolBelowVersionFiveIsOcsAndTheBackCompatSiteIsOcs2007R2() throws Exception {
        files.write("Get-CsUser.csv", GET_CS_USER.replace("pool10.litwareinc.com", "ocs.litwareinc.com")
                        .replace("\"pool13.litwareinc.com\"", "\"legacy.litwareinc.com\""))
                .write("Get-CsService-Registrar.csv", GET_CS_SERVICE_REGISTRAR.replace("pool10.litwareinc.com\",\"5\"",
                        "ocs.litwareinc.com\",\"4\""))
                .write("Get-CsPool.csv", "#TYPE Microsoft.Rtc.Management.Xds.DisplayPool\n\"Identity\",\"Site\"\n"
                        + "\"legacy.litwareinc.com\",\"Site:BackCompatSite\"\n");
        assertThat(reader.read(dir).getUsers()).extracting(User::getServerVersion)
                .containsExactly(ServerVersion.OCS_2007_R2, ServerVersion.OCS_2007_R2);
    }

    @Test
    void aSkypeForBusinessPoolIsOutOfScopeAndItsUsersAreCountedNotAssessed() throws Exception {
        files.write("Get-CsService-Registrar.csv", GET_CS_SERVICE_REGISTRAR.replace("\"6\"", "\"7\""));
        Inventory inventory = reader.read(dir);
        assertThat(inventory.getUsers()).extracting(User::getSip).containsExactly("pilar@litwareinc.com");
        Coverage coverage = inventory.getCoverage();
        assertThat(coverage.notAssessed()).extracting(Coverage.NotAssessedUser::sip, Coverage.NotAssessedUser::reason)
                .containsExactly(tuple("jhaas@litwareinc.com", Coverage.Reason.DISABLED),
                        tuple("terry@litwareinc.com", Coverage.Reason.NO_POOL),
                        tuple("kenmyer@litwareinc.com", Coverage.Reason.OUT_OF_SCOPE_POOL));
        assertThat(coverage.notAssessed().get(2).detail()).contains("Skype for Business Server 2015")
                .contains("Version 7");
    }

    @Test
    void aSiteMappingThatContradictsTheTopologyIsAnErrorNamingTheMappingAndThePool() {
        files.write("versions.yaml", "site:Redmond: LYNC_2010\n");
        assertThat(files.errors(reader)).singleElement().asString().startsWith(files.path("versions.yaml") + ":1:1:")
                .contains("\"site:Redmond: LYNC_2010\" would give pool \"pool13.litwareinc.com\" of site Redmond"
                        + " LYNC_2010, but the topology says LYNC_2013 (Version 6 in");
    }

    @Test
    void aPoolOverrideByFqdnWinsOverTheTopology() throws Exception {
        files.write("versions.yaml", "pool10.litwareinc.com: OCS_2007_R2\n");
        assertThat(reader.read(dir).getUsers()).extracting(User::getServerVersion)
                .containsExactly(ServerVersion.LYNC_2013, ServerVersion.OCS_2007_R2);
    }

    @Test
    void aDesktopClientIsNeverHiddenByAPhoneAMobileAppOrTheWebAppAndTheLastDesktopRowWins() throws Exception {
        files.write("EndpointRegistrations.csv", ENDPOINT_REGISTRATIONS + String.join("\n",
                "\"UCCAPI/15.0.4569.1503\",\"OC/15.0.4569.1503 (Microsoft Lync)\",\"pilar@litwareinc.com\",\"fe10\",\"{3}\",\"\"",
                "\"CPE/4.0.7577.4398\",\"OCPhone/4.0.7577.4398 (Microsoft Lync 2010 Phone Edition)\",\"pilar@litwareinc.com\",\"fe10\",\"{4}\",\"\"",
                "\"RTCC/5.0.0.0\",\"UCWA/5.0.0.0 LWA/15.8.0.0 (Lync Web App)\",\"kenmyer@litwareinc.com\",\"fe13\",\"{5}\",\"\"",
                "\"RTCC/5.0.0.0\",\"UCWA/5.0.0.0 AndroidLync/5.4.1114.0 (Android)\",\"kenmyer@litwareinc.com\",\"fe13\",\"{6}\",\"\"",
                ""));
        assertThat(reader.read(dir).getUsers()).extracting(User::getClient, User::getClientVersion).containsExactly(
                tuple(Client.LYNC_2013, "15.0.4420.1017"), tuple(Client.LYNC_2013, "15.0.4569.1503"));
    }

    @Test
    void theWebAppCountsWhenAUserHasNothingElse() throws Exception {
        files.write("EndpointRegistrations.csv", ENDPOINT_REGISTRATIONS.replace(
                "\"UCCAPI/4.0.7577.314\",\"OC/4.0.7577.314 (Microsoft Lync 2010)\"",
                "\"RTCC/5.0.0.0\",\"UCWA/5.0.0.0 LWA/15.8.0.0 (Lync Web App)\""));
        assertThat(reader.read(dir).getUsers().get(1).getClient()).isEqualTo(Client.LYNC_WEB_APP_2013);
    }

    @Test
    void withoutAnyClientFileEveryUserIsAGapAndTheCoverageSaysSo() throws Exception {
        Files.delete(dir.resolve("EndpointRegistrations.csv"));
        Inventory inventory = reader.read(dir);
        assertThat(inventory.getUsers()).extracting(User::getClient).containsOnly(Client.UNKNOWN);
        assertThat(inventory.getUsers().get(0).getClientGap().describeSources()).contains("no client data");
        assertThat(inventory.getCoverage().describe()).isEqualTo("users with client data 0 of 2; pools with a server"
                + " version 2 of 2; meetings with participants 0 of 0; not assessed 2 users (1 disabled, 1 without a"
                + " Registrar pool)");
    }

    @Test
    void aKnownFileMissingARequiredColumnIsReportedOnceWithTheHeaderNotOncePerRow() {
        files.write("Get-CsService-Registrar.csv", GET_CS_SERVICE_REGISTRAR.replace("\"Version\"", "\"Ver\""));
        assertThat(files.errors(reader)).hasSize(1).first().asString()
                .startsWith(files.path("Get-CsService-Registrar.csv") + ":2: Version: missing required column \"Version\"")
                .contains("the header has \"Identity\", \"ServiceId\", \"SiteId\", \"PoolFqdn\", \"Ver\", \"Role\"");
    }

    @Test
    void aMalformedRowOfARecognisedFileIsAnErrorAtItsLineAndColumn() {
        files.write("Get-CsService-Registrar.csv", GET_CS_SERVICE_REGISTRAR.replace("\"5\"", "\"five\""));
        assertThat(files.errors(reader)).singleElement().asString()
                .startsWith(files.path("Get-CsService-Registrar.csv") + ":3:")
                .contains("Version: expected the Registrar's version number");
    }

    @Test
    void aFolderWithoutAGetCsUserExportSaysWhatItFound() throws IOException {
        Files.delete(dir.resolve("Get-CsUser.csv"));
        files.write("odd.csv", "a,b\n1,2\n");
        assertThat(files.errors(new LyncExportInventoryReader())).singleElement().asString()
                .contains("no Get-CsUser export in the folder").contains("odd.csv (columns a, b)");
    }

    @Test
    void aRowWithTextOnlyInColumnsMigkbDoesNotReadIsStillARowAndItsEmptyAddressAnError() {
        files.write("Get-CsUser.csv", GET_CS_USER + "\"CN=No Address\",,,,\"No Address\"\r\n");
        assertThat(files.errors(reader)).singleElement().asString().startsWith(files.path("Get-CsUser.csv") + ":7:")
                .contains("SipAddress: must not be empty");
    }

    @Test
    void aFileWhoseTypeLineNamesAKindButWhoseHeaderIsBrokenIsAnErrorNotASkippedFile() {
        files.write("Get-CsService-Registrar.csv", GET_CS_SERVICE_REGISTRAR.replace("\"PoolFqdn\"", "\"Pool\"Fqdn\""));
        assertThat(files.errors(reader)).singleElement().asString()
                .startsWith(files.path("Get-CsService-Registrar.csv") + ":2:").contains("malformed CSV");
    }
}
