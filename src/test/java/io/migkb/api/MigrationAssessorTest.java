package io.migkb.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migkb.model.Client;
import io.migkb.model.Content;
import io.migkb.model.FederatedUser;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import io.migkb.model.Meeting;
import io.migkb.model.Plan;
import io.migkb.model.Pool;
import io.migkb.model.ServerVersion;
import io.migkb.model.Severity;
import io.migkb.model.UrlScheme;
import io.migkb.model.User;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationAssessorTest {
    private static final Path CONTOSO = Path.of("examples/contoso.json");
    private static final String LEGACY_RULES = "migrating-meetings-from-ocs-2007-r2.drl";

    /** The catalogue in rules/, compiled once for the class. */
    private static MigrationAssessor catalogue;

    @TempDir
    Path temp;

    @BeforeAll
    static void compileTheCatalogue() throws RulesException {
        catalogue = Migkb.fromRulesFolder(Path.of("rules")).build();
    }

    @Test
    void aFileAStreamAndTheSameInventoryInYamlGiveTheSameFindings() throws Exception {
        AssessmentResult fromFile = catalogue.assess(CONTOSO);
        AssessmentResult fromYaml = catalogue.assess(Path.of("examples/contoso.yaml"));
        AssessmentResult fromStream;
        try (InputStream in = Files.newInputStream(CONTOSO)) {
            fromStream = catalogue.assess(in, "contoso.json", "json");
        }
        assertThat(fromFile.findings()).isNotEmpty();
        assertThat(fromStream.findings()).isEqualTo(fromFile.findings());
        assertThat(fromYaml.findings()).isEqualTo(fromFile.findings());
        assertThat(fromFile.summary()).containsOnlyKeys(Severity.values());
        assertThat(fromFile.summary().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(fromFile.findings().size());
        assertThat(fromFile.findings()).isSortedAccordingTo(Finding.REPORT_ORDER);
        assertThat(fromFile.hasFindingsAtLeast(Severity.BLOCKER)).isTrue();
        assertThat(fromFile.rulesOrigin()).isEqualTo("rules");
        assertThat(fromFile.firings()).isPositive();
        // A folder format, given by name
        assertThat(catalogue.assess(Path.of("examples/contoso-csv"), "csv-folder").findings()).isNotEmpty();
    }

    @Test
    void partitionsOnThreadsGiveTheFindingsOfOneSessionAndThreadsNeedPartitions() throws Exception {
        MigrationAssessor threaded = Migkb.fromRulesFolder(Path.of("rules")).partitions(3).threads(2).build();
        assertThat(threaded.assess(CONTOSO).findings()).isEqualTo(catalogue.assess(CONTOSO).findings());
        assertThatThrownBy(() -> Migkb.bundledCatalogue().threads(2).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("partitions");
        assertThatThrownBy(() -> Migkb.bundledCatalogue().threads(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInventoryBuiltInCodeGivesTheFindingsOfTheSameInventoryAsAFile() throws Exception {
        String json = """
                { "organization": "contoso.com",
                  "pools": [ { "fqdn": "ocs.contoso.com", "version": "OCS_2007_R2" },
                             { "fqdn": "pool13.contoso.com", "version": "LYNC_2013" } ],
                  "users": [ { "sip": "alice@contoso.com", "pool": "ocs.contoso.com", "client": "COMMUNICATOR_2007_R2",
                               "meetingsPerMonth": 25 },
                             { "sip": "bob@contoso.com", "pool": "pool13.contoso.com", "client": "LYNC_2013" } ],
                  "federatedUsers": [ { "sip": "carol@fabrikam.com", "client": "COMMUNICATOR_2007" } ],
                  "meetings": [ { "id": "m-001", "organizer": "alice@contoso.com", "url": "meet:sip:alice@contoso.com;x",
                                  "locked": true, "content": ["POWERPOINT"],
                                  "participants": ["bob@contoso.com", "carol@fabrikam.com"] } ] }
                """;
        Inventory inCode = new InventoryBuilder()
                .organization("contoso.com")
                .pool("ocs.contoso.com", ServerVersion.OCS_2007_R2)
                .pool("pool13.contoso.com", ServerVersion.LYNC_2013)
                .user("alice@contoso.com", "ocs.contoso.com", Client.COMMUNICATOR_2007_R2, u -> u.meetingsPerMonth(25))
                .user("bob@contoso.com", "pool13.contoso.com", Client.LYNC_2013)
                .federatedUser("carol@fabrikam.com", Client.COMMUNICATOR_2007)
                .meeting("m-001", "alice@contoso.com", "meet:sip:alice@contoso.com;x",
                        m -> m.locked().content(Content.POWERPOINT).participants("bob@contoso.com", "carol@fabrikam.com"))
                .build();
        AssessmentResult fromJson = catalogue.assess(stream(json), "inline.json", "json");
        AssessmentResult fromCode = catalogue.assess(inCode);
        assertThat(fromCode.findings()).isNotEmpty().isEqualTo(fromJson.findings());
        assertThat(inCode.getPlan().getTargetPool()).as("default target pool, as a reader sets it")
                .isEqualTo("pool13.contoso.com");
    }

    @Test
    void anInventoryBuiltInCodeIsValidatedLikeAFileAndEveryErrorIsReported() {
        assertThatThrownBy(() -> new InventoryBuilder()
                .pool("pool13.contoso.com", ServerVersion.LYNC_2013)
                .pool("POOL13.contoso.com", ServerVersion.LYNC_2013)
                .user("alice@contoso.com", "pool10.contoso.com", Client.LYNC_2010, u -> u.meetingsPerMonth(-1))
                .user("Alice@contoso.com", "pool13.contoso.com", Client.LYNC_2013)
                .federatedUser("carol@fabrikam.com", Client.COMMUNICATOR_2007)
                .meeting("m1", "carol@fabrikam.com", "https://meet.contoso.com/m1")
                .meeting("m1", "alice@contoso.com", "ftp://meet.contoso.com/m2", m -> m.participants("dave@contoso.com"))
                .targetPool("pool10.contoso.com")
                .frequentOrganizerThreshold(0)
                .build())
                .isInstanceOfSatisfying(InvalidInventoryException.class, e -> {
                    assertThat(e.errors()).extracting(Problem::field).containsExactly(
                            "pools[1].fqdn", "users[1].sip", "users[0].meetingsPerMonth", "users[0].pool",
                            "meetings[0].organizer", "meetings[1].id", "meetings[1].url",
                            "meetings[1].participants[0]", "plan.frequentOrganizerThreshold", "plan.targetPool");
                    assertThat(e.errors()).allSatisfy(p -> {
                        assertThat(p.file()).isNull();
                        assertThat(p.format()).startsWith(p.field() + ": ");
                    });
                    assertThat(e.errorCount()).isEqualTo(10);
                    assertThat(e.getMessage()).contains("users[0].pool: pool \"pool10.contoso.com\" is not declared");
                });
    }

    @Test
    void anInventoryMadeOfModelObjectsIsValidatedToo() {
        Inventory dangling = new Inventory("contoso.com", new Plan(null, false, false, false, 10, Map.of()),
                List.of(new Pool("pool13.contoso.com", ServerVersion.LYNC_2013)),
                List.of(new User("bob@contoso.com", "pool13.contoso.com", ServerVersion.LYNC_2010, Client.LYNC_2013, null,
                        0, Set.of(), Set.of(), false)),
                List.of(new FederatedUser("carol@fabrikam.com", Client.COMMUNICATOR_2007)),
                List.of(new Meeting("m1", "bob@contoso.com", "https://meet.contoso.com/m1", UrlScheme.HTTPS, true, Set.of(),
                        false, false, List.of("erin@fabrikam.com"))),
                Map.of());
        assertThatThrownBy(() -> catalogue.assess(dangling))
                .isInstanceOfSatisfying(InvalidInventoryException.class, e -> assertThat(e.errors())
                        .extracting(Problem::format)
                        .containsExactly(
                                "users[0].serverVersion: user bob@contoso.com is given LYNC_2010 but pool"
                                        + " \"pool13.contoso.com\" runs LYNC_2013",
                                "meetings[0].participants[0]: participant \"erin@fabrikam.com\" is neither a declared"
                                        + " user nor a declared federated user; declare it or correct the address"));
    }

    @Test
    void anInventoryOfModelObjectsWithoutLocationsNeedsNoMapOfThem() throws Exception {
        Inventory inventory = new Inventory("contoso.com", new Plan(null, false, false, false, 10, Map.of()),
                List.of(new Pool("pool13.contoso.com", ServerVersion.LYNC_2013)),
                List.of(new User("bob@contoso.com", "pool13.contoso.com", ServerVersion.LYNC_2013, Client.LYNC_2013, null,
                        0, Set.of(), Set.of(), false)),
                List.of(), List.of(), (Map<String, io.migkb.model.SourceLocation>) null);
        assertThat(catalogue.assess(inventory).findings()).isNotNull();
        assertThat(inventory.locationOf("user:bob@contoso.com")).isEmpty();
    }

    @Test
    void referencesThatDifferOnlyInCaseAreTakenInTheirDeclaredSpellingAsReadersDo() throws Exception {
        Inventory inventory = new InventoryBuilder()
                .pool("pool13.contoso.com", ServerVersion.LYNC_2013)
                .user("Alice@Contoso.com", "POOL13.contoso.com", Client.COMMUNICATOR_2007_R2)
                .user("bob@contoso.com", "pool13.contoso.com", Client.LYNC_2013)
                .meeting("m1", "bob@contoso.com", "https://meet.contoso.com/m1", m -> m.participants("alice@contoso.com"))
                .build();
        assertThat(inventory.getUsers().get(0).getPool()).isEqualTo("pool13.contoso.com");
        assertThat(inventory.getMeetings().get(0).getParticipants()).containsExactly("Alice@Contoso.com");
        assertThat(catalogue.assess(inventory).findings()).extracting(Finding::getRule)
                .contains("CLIENT-NO-CONFERENCING");
    }

    @Test
    void aBadFileOrStreamIsAnInvalidInventoryWithEveryErrorLocated() throws IOException {
        assertThatThrownBy(() -> catalogue.assess(temp.resolve("missing.json")))
                .isInstanceOfSatisfying(InvalidInventoryException.class,
                        e -> assertThat(e.errors().get(0).file()).endsWith("missing.json"));
        String bad = """
                { "pools": [ { "fqdn": "pool13.contoso.com", "version": "LYNC_2099" } ],
                  "users": [ { "sip": "bob@contoso.com", "pool": "pool13.contoso.com", "client": "LYNC_2013" } ],
                  "meetings": [ { "id": "m1", "organizer": "nobody@contoso.com", "url": "https://x/m1" } ] }
                """;
        assertThatThrownBy(() -> catalogue.assess(stream(bad), "customer.json", "json"))
                .isInstanceOfSatisfying(InvalidInventoryException.class, e -> {
                    assertThat(e.errors()).hasSize(2).allSatisfy(p -> {
                        assertThat(p.file()).isEqualTo("customer.json");
                        assertThat(p.line()).isPositive();
                    });
                    assertThat(e.errors()).extracting(Problem::field)
                            .containsExactly("pools[0].version", "meetings[0].organizer");
                });
        assertThatThrownBy(() -> catalogue.assess(stream("{}"), "x", "xml"))
                .isInstanceOf(InvalidInventoryException.class).hasMessageContaining("unknown inventory format");
    }

    @Test
    void reloadKeepsTheLastGoodRulesAndReportsWhereTheNewOnesBreak() throws Exception {
        Path rules = Files.createDirectories(temp.resolve("rules"));
        Files.copy(Path.of("rules", LEGACY_RULES), rules.resolve(LEGACY_RULES));
        MigrationAssessor assessor = Migkb.fromRulesFolder(rules).build();
        assertThat(assessor.rules().ruleIds())
                .containsExactly("URL-LEGACY-CONF", "URL-LEGACY-MEET", "ORGANIZER-CANNOT-UPDATE-LINKS");
        List<Finding> before = assessor.assess(CONTOSO).findings();
        assertThat(before).extracting(Finding::getRule).contains("URL-LEGACY-CONF");

        Files.writeString(rules.resolve("broken.drl"), "package io.migkb.rules;\n\nrule \"BROKEN\"\nwhen\n  Nothing( )\nthen\nend\n");
        assertThatThrownBy(assessor::reload).isInstanceOfSatisfying(RulesException.class, e -> {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.file()).isEqualTo("broken.drl");
                assertThat(p.line()).isEqualTo(5);
            });
            assertThat(e.problems().get(0).format()).startsWith("broken.drl:5:");
        });
        assertThat(assessor.assess(CONTOSO).findings()).as("last good rules").isEqualTo(before);
        assertThat(assessor.rules().origin()).isEqualTo(rules.toString());

        Files.delete(rules.resolve("broken.drl"));
        Files.delete(rules.resolve(LEGACY_RULES));
        Files.copy(Path.of("rules", "migrating-users-based-on-conferencing-needs.drl"),
                rules.resolve("migrating-users-based-on-conferencing-needs.drl"));
        assertThat(assessor.reload().ruleIds()).containsExactly("PLAN-EARLY-ORGANIZER", "PLAN-LIVE-MEETING-NEEDS");
        assertThat(assessor.assess(CONTOSO).findings()).extracting(Finding::getRule)
                .containsOnly("PLAN-EARLY-ORGANIZER", "PLAN-LIVE-MEETING-NEEDS");

        assertThatThrownBy(() -> assessor.reload(temp.resolve("no-such-folder")))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).startsWith("not a readable rules folder")));
        assertThat(assessor.rules().ruleIds()).containsExactly("PLAN-EARLY-ORGANIZER", "PLAN-LIVE-MEETING-NEEDS");
    }

    @Test
    void aRuleThatKeepsFiringIsStoppedAtTheFiringLimitAndNamed() throws Exception {
        Path rules = Files.createDirectories(temp.resolve("looping"));
        Files.writeString(rules.resolve("loop.drl"), """
                package io.migkb.rules;
                import io.migkb.model.*;

                rule "TOUCH-USERS"
                    @id("TOUCH-USERS") @severity("INFO") @reference("none")
                when
                    $u : User( )
                then
                    update($u);
                end
                """);
        MigrationAssessor assessor = Migkb.fromRulesFolder(rules).maxFirings(500).build();
        assertThat(assessor.maxFirings()).isEqualTo(500);
        assertThatThrownBy(() -> assessor.assess(CONTOSO))
                .isInstanceOfSatisfying(RunawayRulesException.class, e -> {
                    assertThat(e.busiestRule()).isEqualTo("TOUCH-USERS");
                    assertThat(e.busiestRuleFirings()).isGreaterThan(400);
                    assertThat(e.getMessage()).contains("500");
                });
        assertThatThrownBy(() -> Migkb.bundledCatalogue().maxFirings(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneAssessorSharedByEightThreadsGivesEveryThreadTheFindingsOfOne() throws Exception {
        List<Finding> alone = catalogue.assess(CONTOSO).findings();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Finding>>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                boolean yaml = i % 2 == 1;
                results.add(pool.submit(() -> catalogue.assess(Path.of(yaml ? "examples/contoso.yaml" : "examples/contoso.json"))
                        .findings()));
            }
            for (Future<List<Finding>> result : results) {
                assertThat(result.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
