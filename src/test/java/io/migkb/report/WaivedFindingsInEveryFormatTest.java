package io.migkb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import io.migkb.model.SourceLocation;
import io.migkb.waiver.Waiver;
import io.migkb.waiver.WaiverSet;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A waived finding stays in every format, marked, and is counted apart. */
class WaivedFindingsInEveryFormatTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    static Report waivedReport() {
        Report plain = Reports.contosoLike();
        Waiver legacy = new Waiver("URL-LEGACY-MEET", "meeting:m-001", "the board meeting moves to Teams", "it-ops@contoso.com",
                LocalDate.of(2027, 3, 31), new SourceLocation("waivers.yaml", 1, 3));
        Waiver old = new Waiver("CLIENT-NEW-FEATURES", "user:*", "pilot group", "pm@contoso.com",
                LocalDate.of(2025, 1, 31), new SourceLocation("waivers.yaml", 6, 3));
        return plain.withFailOn(Severity.BLOCKER)
                .withWaivers(new WaiverSet("waivers.yaml", List.of(legacy, old)).apply(plain.findings(), TODAY));
    }

    private static Finding waived(Report report) {
        return report.findings().stream().filter(report::isWaived).findFirst().orElseThrow();
    }

    @Test
    void theReportCountsWaivedFindingsApartAndNeverFailsThem() {
        Report report = waivedReport();
        Finding f = waived(report);

        assertThat(f.getRule()).isEqualTo("URL-LEGACY-MEET");
        assertThat(report.waivedCount()).isEqualTo(1);
        assertThat(report.fails(f)).isFalse();
        assertThat(report.inForce()).doesNotContain(f).hasSize(report.findings().size() - 1);
        int inForce = report.summary().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(inForce).isEqualTo(report.findings().size() - 1);
        assertThat(report.waivers().notices()).singleElement().asString().contains("expired on 2025-01-31");
    }

    @Test
    void tableAndJsonMarkTheWaivedFinding() throws IOException {
        Report report = waivedReport();

        assertThat(Reports.text(new TableWriter(100), report)).contains("1 waived")
                .contains("meeting:m-001  (waived)")
                .contains("waived until 2027-03-31 by it-ops@contoso.com: the board meeting moves to Teams")
                .contains("Waivers:").contains("expired on 2025-01-31");
        JsonNode json = new ObjectMapper().readTree(Reports.text(new JsonWriter(), report));
        assertThat(json.get("summary").get("waived").asInt()).isEqualTo(1);
        assertThat(json.get("findings")).filteredOn(n -> n.has("waived")).singleElement()
                .satisfies(n -> assertThat(n.get("waived").get("waiver").asText()).isEqualTo("waivers.yaml:1:3"));
        assertThat(json.get("waivers").get("expired")).singleElement()
                .satisfies(n -> assertThat(n.get("findings").asInt()).isEqualTo(1));
    }

    @Test
    void csvMarkdownAndHtmlMarkTheWaivedFinding() {
        Report report = waivedReport();

        String csv = Reports.text(new CsvWriter(), report);
        assertThat(csv).contains("\"rule\",\"severity\",\"subject\",\"message\",\"remedy\",\"reference\",\"waived\"")
                .contains("\"until 2027-03-31 by it-ops@contoso.com: the board meeting moves to Teams (waivers.yaml:1:3)\"");
        assertThat(Reports.text(new CsvWriter(), Reports.contosoLike())).doesNotContain("\"waived\"");
        assertThat(Reports.text(new MarkdownWriter(), report)).contains("| Waived | 1 |")
                .contains("*Waived until 2027-03-31 by it-ops@contoso.com").contains("## Waivers");
        assertThat(Reports.text(new HtmlWriter(), report)).contains("<strong>Waived</strong> until 2027-03-31")
                .contains("id=\"waivers\"").contains("expired on 2025-01-31");
    }

    @Test
    void sarifSuppressesTheWaivedResultAndStaysValid() throws IOException {
        JsonNode log = new ObjectMapper().readTree(Reports.text(new SarifWriter(), waivedReport()));
        JsonNode results = log.get("runs").get(0).get("results");

        assertThat(results).filteredOn(r -> r.has("suppressions")).singleElement().satisfies(r -> {
            assertThat(r.get("ruleId").asText()).isEqualTo("URL-LEGACY-MEET");
            JsonNode s = r.get("suppressions").get(0);
            assertThat(s.get("kind").asText()).isEqualTo("external");
            assertThat(s.get("status").asText()).isEqualTo("accepted");
            assertThat(s.get("justification").asText()).startsWith("the board meeting moves to Teams (owner it-ops");
        });
        try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            JsonNode schema = new ObjectMapper().readTree(in);
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema).validate(log)).isEmpty();
        }
    }

    @Test
    void junitDoesNotFailAWaivedBlocker() {
        String xml = Reports.text(new JunitWriter(), waivedReport());
        String plain = Reports.text(new JunitWriter(), Reports.contosoLike().withFailOn(Severity.BLOCKER));

        assertThat(count(xml, "<failure")).isEqualTo(count(plain, "<failure") - 1);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
