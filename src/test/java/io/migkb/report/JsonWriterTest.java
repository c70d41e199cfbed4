package io.migkb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonWriter writer = new JsonWriter();

    @Test
    void jsonAddsTheCoverageAfterTheSummaryAndLeavesTheSummaryAsItWas() throws IOException {
        JsonNode json = JSON.readTree(Reports.bytes(writer, Reports.covered()));
        JsonNode plain = JSON.readTree(Reports.bytes(writer, Reports.contosoLike()));

        assertThat(fieldNames(json)).containsExactly("findings", "summary", "coverage");
        assertThat(json.get("summary")).isEqualTo(plain.get("summary"));
        assertThat(fieldNames(json.get("summary"))).containsExactly("BLOCKER", "WARNING", "ADVICE", "INFO");
        JsonNode coverage = json.get("coverage");
        assertThat(fieldNames(coverage)).containsExactly("usersWithClient", "users", "poolsWithVersion", "pools",
                "meetingsWithParticipants", "meetings", "meetingsExpired", "meetingsOfOthers", "notAssessed");
        assertThat(coverage.get("usersWithClient").isInt()).isTrue();
        assertThat(coverage.get("usersWithClient").asInt()).isEqualTo(7);
        assertThat(coverage.get("users").asInt()).isEqualTo(10);
        assertThat(coverage.get("poolsWithVersion").asInt()).isEqualTo(4);
        assertThat(coverage.get("meetings").asInt()).isEqualTo(2);
        assertThat(coverage.get("notAssessed")).hasSize(2);
        assertThat(coverage.get("notAssessed").get(0).toString()).isEqualTo("{\"sip\":\"gina@contoso.com\","
                + "\"reason\":\"DISABLED\",\"detail\":\"Enabled is False\",\"location\":\"exports/users.csv:12\"}");
        assertThat(coverage.get("notAssessed").get(1).get("reason").asText()).isEqualTo("NO_POOL");
        assertThat(coverage.get("notAssessed").get(1).get("location").isNull()).isTrue();
    }

    @Test
    void jsonWithoutCoverageHasOnlyFindingsAndSummary() throws IOException {
        JsonNode json = JSON.readTree(Reports.bytes(writer, Reports.contosoLike()));

        assertThat(fieldNames(json)).containsExactly("findings", "summary");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
