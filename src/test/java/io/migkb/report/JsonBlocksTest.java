package io.migkb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A large JSON report's findings are rendered in blocks on other threads; the bytes must be those one generator
 * writes, whatever the findings hold and wherever the blocks are cut.
 */
class JsonBlocksTest {
    private static final JsonWriter ONE_GENERATOR = new JsonWriter(Integer.MAX_VALUE);
    private static final JsonWriter BLOCKS_FROM_TWO = new JsonWriter(2);

    /** More findings than a block holds, with text a printer might trip on: quotes, brackets, braces, unicode. */
    private static Report large() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 12_345; i++) {
            findings.add(Reports.finding(i % 3 == 0 ? "URL-LEGACY-CONF" : "CLIENT-IM-ONLY",
                    Severity.values()[i % Severity.values().length], "meeting:m-" + i,
                    "Meeting m-" + i + " [locked] {\"quoted\"} \u00e9t\u00e9 \u2603 ]}, {[ \n line",
                    "Remedy ]" + i, "Section", i % 2 == 0 ? null : "u" + i + "@contoso.com"));
        }
        return new Report("contoso.com", "big.json", "rules/", findings);
    }

    @Test
    void blocksWriteTheBytesOneGeneratorWrites() throws Exception {
        List<Report> reports = List.of(large(), Reports.contosoLike(), Reports.hostile(),
                WaivedFindingsInEveryFormatTest.waivedReport(), large().withCoverage(Reports.COVERAGE),
                WaivedFindingsInEveryFormatTest.waivedReport().withCoverage(Reports.COVERAGE));
        for (int i = 0; i < reports.size(); i++) {
            Report report = reports.get(i);
            byte[] expected = Reports.bytes(ONE_GENERATOR, report);
            assertThat(Reports.bytes(BLOCKS_FROM_TWO, report)).as("report %d", i).isEqualTo(expected);
            assertThat(new ObjectMapper().readTree(expected).get("findings")).hasSize(report.findings().size());
        }
    }

    @Test
    void aReportBelowTheLineIsWrittenByOneGeneratorAndTheSame() {
        Report report = Reports.contosoLike();
        assertThat(Reports.bytes(new JsonWriter(), report)).isEqualTo(Reports.bytes(ONE_GENERATOR, report));
    }

    @Test
    void blocksWriteTheCoverageAfterTheSummaryAsOneGeneratorDoes() throws Exception {
        Report report = large().withCoverage(Reports.COVERAGE);
        JsonNode json = new ObjectMapper().readTree(Reports.bytes(BLOCKS_FROM_TWO, report));

        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("findings", "summary", "coverage");
        assertThat(json.at("/coverage/users").asInt()).isEqualTo(10);
        assertThat(json.at("/coverage/notAssessed")).hasSize(2);
    }
}
