package io.migkb.inventory;

import io.migkb.model.AddIn;
import io.migkb.model.Client;
import io.migkb.model.Content;
import io.migkb.model.FederatedUser;
import io.migkb.model.Inventory;
import io.migkb.model.Meeting;
import io.migkb.model.Need;
import io.migkb.model.Plan;
import io.migkb.model.Pool;
import io.migkb.model.ServerVersion;
import io.migkb.model.SourceLocation;
import io.migkb.model.UrlScheme;
import io.migkb.model.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingValidInventoriesTest {

    static final String CONTOSO_JSON = """
            {
              "organization": "contoso.com",
              "plan": { "targetPool": "pool13.contoso.com", "moveConferenceData": false,
                        "liveMeetingServiceAvailable": false, "removeConferencingAddIn": true,
                        "frequentOrganizerThreshold": 10,
                        "minimumClientVersions": { "LYNC_2013": "15.0.4551.1001" } },
              "pools": [ { "fqdn": "ocs.contoso.com", "version": "OCS_2007_R2" },
                         { "fqdn": "pool10.contoso.com", "version": "LYNC_2010" },
                         { "fqdn": "pool13.contoso.com", "version": "LYNC_2013" } ],
              "users": [ { "sip": "alice@contoso.com", "pool": "ocs.contoso.com", "client": "COMMUNICATOR_2007_R2",
                           "meetingsPerMonth": 25, "needs": ["LARGE_MEETINGS", "BREAKOUT_ROOMS"],
                           "addIns": ["CONFERENCING_ADDIN"], "schedulesLiveMeetingService": false },
                         { "sip": "bob@contoso.com", "pool": "pool13.contoso.com", "client": "OC/15.0.4481.1000" } ],
              "federatedUsers": [ { "sip": "carol@fabrikam.com", "client": "COMMUNICATOR_2007" } ],
              "meetings": [ { "id": "m-001", "organizer": "alice@contoso.com",
                              "url": "meet:sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:AB12CD",
                              "locked": true, "content": ["POWERPOINT", "WHITEBOARD", "POLL"], "video": true,
                              "noMeetingIm": false, "participants": ["bob@contoso.com", "carol@fabrikam.com"] } ]
            }
            """;

    static final String CONTOSO_YAML = """
            # the same inventory as CONTOSO_JSON
            organization: contoso.com
            plan:
              targetPool: pool13.contoso.com
              moveConferenceData: false
              liveMeetingServiceAvailable: false
              removeConferencingAddIn: true
              frequentOrganizerThreshold: 10
              minimumClientVersions:
                LYNC_2013: "15.0.4551.1001"
            pools:
              - fqdn: ocs.contoso.com
                version: OCS_2007_R2
              - { fqdn: pool10.contoso.com, version: LYNC_2010 }
              - fqdn: pool13.contoso.com
                version: LYNC_2013
            users:
              - sip: alice@contoso.com
                pool: ocs.contoso.com
                client: COMMUNICATOR_2007_R2
                meetingsPerMonth: 25
                needs: [LARGE_MEETINGS, BREAKOUT_ROOMS]
                addIns:
                  - CONFERENCING_ADDIN
                schedulesLiveMeetingService: false
              - sip: bob@contoso.com
                pool: pool13.contoso.com
                client: OC/15.0.4481.1000
            federatedUsers:
              - sip: carol@fabrikam.com
                client: COMMUNICATOR_2007
            meetings:
              - id: m-001
                organizer: alice@contoso.com
                url: "meet:sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:AB12CD"
                locked: true
                content: [POWERPOINT, WHITEBOARD, POLL]
                video: true
                noMeetingIm: false
                participants:
                  - bob@contoso.com
                  - carol@fabrikam.com
            """;

    @TempDir
    Path dir;
    InventoryFiles files;

    @BeforeEach
    void setUp() {
        files = new InventoryFiles(dir);
    }

    @Test
    void fullJsonInventoryBecomesTheModel() throws Exception {
        Inventory inventory = files.read("contoso.json", CONTOSO_JSON);

        assertThat(inventory.getOrganization()).isEqualTo("contoso.com");
        assertThat(inventory.getPlan()).isEqualTo(new Plan("pool13.contoso.com", false, false, true, 10,
                Map.of(Client.LYNC_2013, "15.0.4551.1001")));
        assertThat(inventory.getPools()).containsExactly(
                new Pool("ocs.contoso.com", ServerVersion.OCS_2007_R2),
                new Pool("pool10.contoso.com", ServerVersion.LYNC_2010),
                new Pool("pool13.contoso.com", ServerVersion.LYNC_2013));
        assertThat(inventory.getUsers()).containsExactly(
                new User("alice@contoso.com", "ocs.contoso.com", ServerVersion.OCS_2007_R2, Client.COMMUNICATOR_2007_R2,
                        null, 25, Set.of(Need.LARGE_MEETINGS, Need.BREAKOUT_ROOMS), Set.of(AddIn.CONFERENCING_ADDIN),
                        false),
                new User("bob@contoso.com", "pool13.contoso.com", ServerVersion.LYNC_2013, Client.LYNC_2013,
                        "15.0.4481.1000", 0, Set.of(), Set.of(), false));
        assertThat(inventory.getFederatedUsers()).containsExactly(
                new FederatedUser("carol@fabrikam.com", Client.COMMUNICATOR_2007));
        assertThat(inventory.getMeetings()).containsExactly(new Meeting("m-001", "alice@contoso.com",
                "meet:sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:AB12CD", UrlScheme.MEET, true,
                Set.of(Content.POWERPOINT, Content.WHITEBOARD, Content.POLL), true, false,
                List.of("bob@contoso.com", "carol@fabrikam.com")));
        assertThat(inventory.getMeetings().get(0).getScheme()).isEqualTo(UrlScheme.MEET);
    }

    @Test
    void sameInventoryInJsonAndYamlGivesEqualModels() throws Exception {
        Inventory json = files.read("contoso.json", CONTOSO_JSON);
        Inventory yaml = files.read("contoso.yaml", CONTOSO_YAML);

        assertThat(yaml.getOrganization()).isEqualTo(json.getOrganization());
        assertThat(yaml.getPlan()).isEqualTo(json.getPlan());
        assertThat(yaml.getPools()).isEqualTo(json.getPools());
        assertThat(yaml.getUsers()).isEqualTo(json.getUsers());
        assertThat(yaml.getFederatedUsers()).isEqualTo(json.getFederatedUsers());
        assertThat(yaml.getMeetings()).isEqualTo(json.getMeetings());
        assertThat(yaml.getLocations().keySet()).isEqualTo(json.getLocations().keySet());
    }

    @Test
    void locationsAreRecordedPerSubjectAtTheElementStart() throws Exception {
        Inventory json = files.read("contoso.json", CONTOSO_JSON);
        Inventory yaml = files.read("contoso.yml", CONTOSO_YAML);
        String jsonFile = dir.resolve("contoso.json").toString();

        assertThat(json.getLocations()).containsOnlyKeys("pool:ocs.contoso.com", "pool:pool10.contoso.com",
                "pool:pool13.contoso.com", "user:alice@contoso.com", "user:bob@contoso.com", "partner:fabrikam.com",
                "meeting:m-001");
        assertThat(json.locationOf("pool:ocs.contoso.com")).contains(new SourceLocation(jsonFile, 7, 14));
        assertThat(json.locationOf("user:alice@contoso.com")).contains(new SourceLocation(jsonFile, 10, 14));
        assertThat(json.locationOf("user:bob@contoso.com")).map(SourceLocation::line).contains(13);
        assertThat(json.locationOf("partner:fabrikam.com")).map(SourceLocation::line).contains(14);
        assertThat(json.locationOf("meeting:m-001")).map(SourceLocation::line).contains(15);

        assertThat(yaml.locationOf("pool:ocs.contoso.com")).map(SourceLocation::line).contains(12);
        assertThat(yaml.locationOf("pool:pool10.contoso.com")).map(SourceLocation::line).contains(14);
        assertThat(yaml.locationOf("user:bob@contoso.com")).map(SourceLocation::line).contains(26);
        assertThat(yaml.locationOf("meeting:m-001")).map(SourceLocation::line).contains(33);
    }

    @Test
    void absentOptionalFieldsTakeTheirDefaults() throws Exception {
        Inventory inventory = files.read("minimal.json", """
                {
                  "pools": [ { "fqdn": "pool13.contoso.com", "version": "LYNC_2013" } ],
                  "users": [ { "sip": "alice@contoso.com", "pool": "pool13.contoso.com", "client": "LYNC_2013" } ],
                  "meetings": [ { "id": "m-1", "organizer": "alice@contoso.com", "url": "https://meet.contoso.com/alice/1" } ]
                }
                """);

        assertThat(inventory.getOrganization()).isNull();
        assertThat(inventory.getPlan()).isEqualTo(new Plan("pool13.contoso.com", false, false, false,
                Plan.DEFAULT_FREQUENT_ORGANIZER_THRESHOLD, Map.of()));
        User alice = inventory.getUsers().get(0);
        assertThat(alice.getMeetingsPerMonth()).isZero();
        assertThat(alice.getNeeds()).isEmpty();
        assertThat(alice.getAddIns()).isEmpty();
        assertThat(alice.isSchedulesLiveMeetingService()).isFalse();
        assertThat(alice.getClientVersion()).isNull();
        assertThat(inventory.getFederatedUsers()).isEmpty();
        Meeting meeting = inventory.getMeetings().get(0);
        assertThat(meeting.isLocked()).isFalse();
        assertThat(meeting.isVideo()).isFalse();
        assertThat(meeting.isNoMeetingIm()).isFalse();
        assertThat(meeting.getContent()).isEmpty();
        assertThat(meeting.getParticipants()).isEmpty();
        assertThat(meeting.getScheme()).isEqualTo(UrlScheme.HTTPS);
    }

    @Test
    void nullValuesCountAsAbsentForOptionalFields() throws Exception {
        Inventory inventory = files.read("nulls.json", """
                { "organization": null, "plan": { "targetPool": null, "moveConferenceData": null },
                  "pools": [ { "fqdn": "pool13.contoso.com", "version": "LYNC_2013" } ],
                  "users": [ { "sip": "a@contoso.com", "pool": "pool13.contoso.com", "client": "LYNC_2013",
                               "meetingsPerMonth": null, "needs": null, "addIns": null } ],
                  "federatedUsers": null,
                  "meetings": [ { "id": "m", "organizer": "a@contoso.com", "url": "https://x/m", "locked": null,
                                  "participants": null } ] }
                """);

        assertThat(inventory.getOrganization()).isNull();
        assertThat(inventory.getPlan().getTargetPool()).isEqualTo("pool13.contoso.com");
        assertThat(inventory.getUsers().get(0).getMeetingsPerMonth()).isZero();
        assertThat(inventory.getMeetings().get(0).isLocked()).isFalse();
    }

    @Test
    void emptyYamlValuesCountAsAbsent() throws Exception {
        Inventory inventory = files.read("empty-values.yaml", """
                organization:
                plan:
                pools:
                  - { fqdn: pool13.contoso.com, version: LYNC_2013 }
                users:
                federatedUsers:
                meetings:
                """);

        assertThat(inventory.getOrganization()).isNull();
        assertThat(inventory.getUsers()).isEmpty();
        assertThat(inventory.getPlan().getTargetPool()).isEqualTo("pool13.contoso.com");
    }

    @Test
    void targetPoolDefaultsToTheFirstDeclaredLync2013Pool() throws Exception {
        Inventory inventory = files.read("target.json", """
                { "pools": [ { "fqdn": "ocs.contoso.com", "version": "OCS_2007_R2" },
                             { "fqdn": "pool13a.contoso.com", "version": "LYNC_2013" },
                             { "fqdn": "pool13b.contoso.com", "version": "LYNC_2013" } ] }
                """);

        assertThat(inventory.getPlan().getTargetPool()).isEqualTo("pool13a.contoso.com");
    }

    @Test
    void targetPoolStaysNullWhenNoLync2013PoolIsDeclared() throws Exception {
        Inventory inventory = files.read("no-target.json", """
                { "pools": [ { "fqdn": "ocs.contoso.com", "version": "OCS_2007_R2" } ] }
                """);

        assertThat(inventory.getPlan().getTargetPool()).isNull();
    }

    @Test
    void emptyObjectIsAnEmptyInventory() throws Exception {
        Inventory inventory = files.read("empty-object.json", "{}");

        assertThat(inventory.getPools()).isEmpty();
        assertThat(inventory.getUsers()).isEmpty();
        assertThat(inventory.getMeetings()).isEmpty();
        assertThat(inventory.getPlan().getTargetPool()).isNull();
    }

    @Test
    void userAgentStringsMapToClientsByPrefixAndGiveTheClientVersion() throws Exception {
        Inventory inventory = files.read("agents.json", """
                { "pools": [ { "fqdn": "ocs.contoso.com", "version": "OCS_2007_R2" } ],
                  "users": [
                    { "sip": "a@contoso.com", "pool": "ocs.contoso.com",
                      "client": "OC/3.5.6907.261 (Microsoft Office Communicator 2007 R2)" },
                    { "sip": "b@contoso.com", "pool": "ocs.contoso.com", "client": "OC/2.0.6362.111" },
                    { "sip": "c@contoso.com", "pool": "ocs.contoso.com", "client": "OC/4.0.7577.4103 (Microsoft Lync 2010)" },
                    { "sip": "d@contoso.com", "pool": "ocs.contoso.com", "client": "OC/15.0.4481.1000" },
                    { "sip": "e@contoso.com", "pool": "ocs.contoso.com", "client": "LMC/8.0.6362.229" },
                    { "sip": "f@contoso.com", "pool": "ocs.contoso.com", "client": "LYNC_WEB_APP_2013" },
                    { "sip": "g@contoso.com", "pool": "ocs.contoso.com",
                      "client": "OC/3.5.6907.261 (Microsoft Office Communicator 2007 R2)" } ],
                  "federatedUsers": [ { "sip": "x@fabrikam.com", "client": "OC/2.0.6093.0" } ] }
                """);

        assertThat(inventory.getUsers()).extracting(User::getClient).containsExactly(Client.COMMUNICATOR_2007_R2,
                Client.COMMUNICATOR_2007, Client.LYNC_2010, Client.LYNC_2013, Client.LIVE_MEETING_2007,
                Client.LYNC_WEB_APP_2013, Client.COMMUNICATOR_2007_R2);
        assertThat(inventory.getUsers()).extracting(User::getClientVersion).containsExactly("3.5.6907.261",
                "2.0.6362.111", "4.0.7577.4103", "15.0.4481.1000", "8.0.6362.229", null, "3.5.6907.261");
        assertThat(inventory.getFederatedUsers().get(0).getClient()).isEqualTo(Client.COMMUNICATOR_2007);
    }

    @Test
    void userServerVersionIsTheVersionOfItsPool() throws Exception {
        Inventory inventory = files.read("contoso.json", CONTOSO_JSON);

        assertThat(inventory.getUsers()).extracting(User::getServerVersion)
                .containsExactly(ServerVersion.OCS_2007_R2, ServerVersion.LYNC_2013);
    }

    @Test
    void elementsMayBeDeclaredAfterTheyAreReferenced() throws Exception {
        Inventory inventory = files.read("backwards.json", """
                { "meetings": [ { "id": "m-1", "organizer": "alice@contoso.com", "url": "conf:sip:alice@contoso.com;gruu;opaque=app:conf:audio-video:id:7GH2",
                                  "participants": ["carol@fabrikam.com", "bob@contoso.com"] } ],
                  "federatedUsers": [ { "sip": "carol@fabrikam.com", "client": "COMMUNICATOR_2007" } ],
                  "users": [ { "sip": "alice@contoso.com", "pool": "ocs.contoso.com", "client": "COMMUNICATOR_2007_R2" },
                             { "sip": "bob@contoso.com", "pool": "pool13.contoso.com", "client": "LYNC_2013" } ],
                  "plan": { "targetPool": "pool13.contoso.com" },
                  "pools": [ { "fqdn": "ocs.contoso.com", "version": "OCS_2007_R2" },
                             { "fqdn": "pool13.contoso.com", "version": "LYNC_2013" } ] }
                """);

        assertThat(inventory.getUsers()).extracting(User::getServerVersion)
                .containsExactly(ServerVersion.OCS_2007_R2, ServerVersion.LYNC_2013);
        assertThat(inventory.getMeetings()).hasSize(1);
        assertThat(inventory.getMeetings().get(0).getParticipants())
                .containsExactly("carol@fabrikam.com", "bob@contoso.com");
        assertThat(inventory.getMeetings().get(0).getScheme()).isEqualTo(UrlScheme.CONF);
        assertThat(inventory.getPlan().getTargetPool()).isEqualTo("pool13.contoso.com");
    }

    @Test
    void referencesMatchIgnoringCaseAndTakeTheDeclaredSpelling() throws Exception {
        Inventory inventory = files.read("case.json", """
                { "pools": [ { "fqdn": "Pool13.Contoso.com", "version": "LYNC_2013" } ],
                  "users": [ { "sip": "Alice@Contoso.com", "pool": "pool13.contoso.com", "client": "LYNC_2013" } ],
                  "plan": { "targetPool": "POOL13.CONTOSO.COM" },
                  "meetings": [ { "id": "m-1", "organizer": "alice@contoso.com", "url": "https://x/1",
                                  "participants": ["ALICE@CONTOSO.COM", "bob@contoso.com"] } ],
                  "federatedUsers": [ { "sip": "Bob@Contoso.com", "client": "LYNC_2013" } ] }
                """);

        assertThat(inventory.getUsers().get(0).getSip()).isEqualTo("Alice@Contoso.com");
        assertThat(inventory.getUsers().get(0).getPool()).isEqualTo("Pool13.Contoso.com");
        assertThat(inventory.getPlan().getTargetPool()).isEqualTo("Pool13.Contoso.com");
        assertThat(inventory.getMeetings().get(0).getOrganizer()).isEqualTo("Alice@Contoso.com");
        assertThat(inventory.getMeetings().get(0).getParticipants())
                .containsExactly("Alice@Contoso.com", "Bob@Contoso.com");
        assertThat(inventory.getLocations()).containsKeys("user:Alice@Contoso.com", "pool:Pool13.Contoso.com",
                "partner:contoso.com");
    }

    @Test
    void participantListedTwiceIsKeptOnce() throws Exception {
        Inventory inventory = files.read("twice.json", """
                { "meetings": [ { "id": "m-1", "organizer": "alice@contoso.com", "url": "https://x/1",
                                  "participants": ["bob@contoso.com", "Bob@Contoso.com", "late@contoso.com",
                                                   "LATE@contoso.com", "bob@contoso.com"] } ],
                  "pools": [ { "fqdn": "pool13.contoso.com", "version": "LYNC_2013" } ],
                  "users": [ { "sip": "alice@contoso.com", "pool": "pool13.contoso.com", "client": "LYNC_2013" },
                             { "sip": "bob@contoso.com", "pool": "pool13.contoso.com", "client": "LYNC_2013" },
                             { "sip": "Late@Contoso.com", "pool": "pool13.contoso.com", "client": "LYNC_2013" } ] }
                """);

        assertThat(inventory.getMeetings().get(0).getParticipants())
                .containsExactly("bob@contoso.com", "Late@Contoso.com");
    }

    @Test
    void aRepeatPastTheFirstSixteenParticipantsIsStillKeptOnce() throws Exception {
        // From the sixteenth participant on, repeats are found in a set rather than by scanning the list.
        List<String> twenty = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "u" + i + "@contoso.com")
                .toList();
        StringBuilder users = new StringBuilder();
        for (String sip : twenty) {
            users.append(",{ \"sip\": \"").append(sip).append("\", \"pool\": \"pool13.contoso.com\", \"client\":"
                    + " \"LYNC_2013\" }");
        }
        String participants = "\"" + String.join("\", \"", twenty) + "\", \"U2@Contoso.com\", \"u18@contoso.com\"";
        Inventory inventory = files.read("long.json", "{ \"meetings\": [ { \"id\": \"m-1\", \"organizer\":"
                + " \"alice@contoso.com\", \"url\": \"https://x/1\", \"participants\": [" + participants + "] } ],"
                + " \"pools\": [ { \"fqdn\": \"pool13.contoso.com\", \"version\": \"LYNC_2013\" } ],"
                + " \"users\": [ { \"sip\": \"alice@contoso.com\", \"pool\": \"pool13.contoso.com\", \"client\":"
                + " \"LYNC_2013\" }" + users + " ] }");

        assertThat(inventory.getMeetings().get(0).getParticipants()).containsExactlyElementsOf(twenty);
    }

    @Test
    void partnerLocationIsTheFirstFederatedUserOfEachDomain() throws Exception {
        Inventory inventory = files.read("partners.json", """
                { "federatedUsers": [
                    { "sip": "carol@fabrikam.com", "client": "COMMUNICATOR_2007" },
                    { "sip": "dave@fabrikam.com", "client": "LYNC_2013" },
                    { "sip": "erin@tailspin.com", "client": "LYNC_2010" } ] }
                """);

        assertThat(inventory.locationOf("partner:fabrikam.com")).map(SourceLocation::line).contains(2);
        assertThat(inventory.locationOf("partner:tailspin.com")).map(SourceLocation::line).contains(4);
    }

    @Test
    void readsFromAStreamNamingTheSourceGiven() throws Exception {
        byte[] bytes = CONTOSO_JSON.getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);

        Inventory inventory = new JsonInventoryReader().read(in, "upload://contoso");

        assertThat(inventory.getUsers()).hasSize(2);
        assertThat(inventory.locationOf("meeting:m-001")).map(SourceLocation::file).contains("upload://contoso");
        assertThat(new YamlInventoryReader().read(new ByteArrayInputStream(
                CONTOSO_YAML.getBytes(StandardCharsets.UTF_8)), "x.yaml").getMeetings()).hasSize(1);
    }

    @Test
    void utf8ByteOrderMarkAndUtf16JsonAreAccepted() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = CONTOSO_JSON.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(body, 0, withBom, bom.length, body.length);

        assertThat(InventoryReaders.read(files.write("bom.json", withBom)).getUsers()).hasSize(2);
        assertThat(InventoryReaders.read(files.write("utf16.json", CONTOSO_JSON.getBytes(StandardCharsets.UTF_16)))
                .getUsers()).hasSize(2);
    }

    @Test
    void manyElementsAreReadInFileOrder() throws Exception {
        StringBuilder json = new StringBuilder("{\"pools\":[{\"fqdn\":\"p\",\"version\":\"LYNC_2010\"}],\"users\":[");
        for (int i = 0; i < 2000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"sip\":\"u").append(i)
                    .append("@contoso.com\",\"pool\":\"p\",\"client\":\"OC/4.0.7577.4103\"}");
        }
        json.append("],\"meetings\":[");
        for (int i = 0; i < 1000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"m").append(i).append("\",\"organizer\":\"u").append(i)
                    .append("@contoso.com\",\"url\":\"https://x/").append(i).append("\",\"participants\":[");
            for (int j = 1; j <= 20; j++) {
                json.append(j == 1 ? "" : ",").append("\"u").append((i + j) % 2000).append("@contoso.com\"");
            }
            json.append("]}");
        }
        json.append("]}");

        Inventory inventory = files.read("many.json", json.toString());

        assertThat(inventory.getUsers()).hasSize(2000);
        assertThat(inventory.getUsers().get(1999).getSip()).isEqualTo("u1999@contoso.com");
        assertThat(inventory.getMeetings()).hasSize(1000);
        // 20 invited to each meeting, and its organizer (whom no list names) a participant too
        assertThat(inventory.getParticipations()).hasSize(21_000);
    }
}
