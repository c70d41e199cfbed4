package io.migkb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableWriterTest {
    @Test
    void tableShowsTheCoverageOnTheLineUnderTheSummaryWhenTheReportHasOne() {
        List<String> lines = Reports.text(new TableWriter(200), Reports.covered()).lines().toList();

        assertThat(lines.get(0)).startsWith("contoso.com (examples/contoso.json): 8 findings");
        assertThat(lines.get(1)).isEqualTo("coverage: " + Reports.COVERAGE_LINE);
        assertThat(Reports.text(new TableWriter(200), Reports.contosoLike())).doesNotContain("coverage");
    }

    @Test
    void tableWrapsALongCoverageLineToTheWidthIndented() {
        List<String> lines = Reports.text(new TableWriter(60), Reports.covered()).lines().toList();

        assertThat(lines.get(1)).startsWith("coverage: users with client data 7 of 10;");
        assertThat(lines.get(2)).startsWith("    ");
        assertThat(lines.subList(1, 6)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
        assertThat(String.join(" ", lines.subList(1, 6)).replaceAll(" +", " "))
                .contains("not assessed 2 users (1 disabled, 1 without a Registrar pool)");
    }
}
