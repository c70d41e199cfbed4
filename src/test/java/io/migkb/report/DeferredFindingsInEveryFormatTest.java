package io.migkb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A deferred finding (it applies once a held-back user moves) stays in every format with its rule, severity and
 * subject, marked with the reason.
 */
class DeferredFindingsInEveryFormatTest {
    private static final String REASON = "applies once the organizer alice@contoso.com moves to Lync Server 2013";

    static Report deferredReport() {
        Report plain = Reports.contosoLike();
        List<Finding> findings = plain.findings().stream()
                .map(f -> f.getRule().equals("URL-LEGACY-MEET") ? f.deferredBecause(REASON) : f).toList();
        return new Report(plain.organization(), plain.source(), plain.rules(), findings);
    }

    @Test
    void theDeferredFindingKeepsItsRuleSeverityAndSubject() {
        Report report = deferredReport();
        Finding f = report.findings().stream().filter(Finding::isDeferred).findFirst().orElseThrow();

        assertThat(f.getRule()).isEqualTo("URL-LEGACY-MEET");
        assertThat(f.getSeverity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.getSubject()).isEqualTo("meeting:m-001");
        assertThat(f).isEqualTo(Reports.contosoLike().findings().stream()
                .filter(g -> g.getRule().equals("URL-LEGACY-MEET")).findFirst().orElseThrow());
        assertThat(report.findings()).hasSameSizeAs(Reports.contosoLike().findings());
    }

    @Test
    void everyFormatMarksTheDeferredFindingWithItsReason() throws IOException {
        Report report = deferredReport();

        assertThat(Reports.text(new TableWriter(200), report)).contains("meeting:m-001  (deferred)")
                .contains("deferred: " + REASON);
        JsonNode json = new ObjectMapper().readTree(Reports.text(new JsonWriter(), report));
        assertThat(json.get("findings")).filteredOn(n -> n.has("deferred")).singleElement()
                .satisfies(n -> assertThat(n.get("deferred").asText()).isEqualTo(REASON));
        assertThat(Reports.text(new CsvWriter(), report))
                .contains("\"rule\",\"severity\",\"subject\",\"message\",\"remedy\",\"reference\",\"deferred\"")
                .contains("\"" + REASON + "\"");
        assertThat(Reports.text(new CsvWriter(), Reports.contosoLike())).doesNotContain("\"deferred\"");
        assertThat(Reports.text(new MarkdownWriter(), report)).contains("*Deferred: " + REASON + "*");
        assertThat(Reports.text(new HtmlWriter(), report)).contains("<strong>Deferred</strong>: " + REASON);
        assertThat(Reports.text(new JunitWriter(), report)).contains("Deferred: " + REASON);
        JsonNode sarif = new ObjectMapper().readTree(Reports.text(new SarifWriter(), report));
        assertThat(sarif.get("runs").get(0).get("results")).filteredOn(r -> r.get("properties").has("deferred"))
                .singleElement().satisfies(r -> assertThat(r.get("ruleId").asText()).isEqualTo("URL-LEGACY-MEET"));
    }
}
