package io.migkb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownWriterTest {
    private final MarkdownWriter writer = new MarkdownWriter();

    @Test
    void markdownOpensWithTheVerdictAndASummaryTableOfCounts() {
        String md = Reports.text(writer, Reports.contosoLike());

        assertThat(md).startsWith("# Meeting migration to Lync Server 2013: contoso.com\n");
        assertThat(md.indexOf("## Summary")).isLessThan(md.indexOf("| BLOCKER | 4 |"));
        assertThat(md).contains("**4 blockers stand in the way of the move: resolve them before moving users.**");
        assertThat(md).contains("| BLOCKER | 4 | something will fail |", "| WARNING | 2 |", "| ADVICE | 1 |", "| INFO | 1 |",
                "| **Total** | **8** | |");
    }

    @Test
    void markdownGroupsFindingsBySectionWithBlockersFirst() {
        String md = Reports.text(writer, Reports.contosoLike());
        List<String> headings = Arrays.stream(md.split("\n")).filter(l -> l.startsWith("## ")).toList();

        assertThat(headings).containsExactly("## Summary",
                "## " + Reports.FED_SECTION, "## " + Reports.OCS_SECTION, "## " + Reports.CLIENT_SECTION,
                "## " + Reports.PLAN_SECTION, "## " + Reports.CHANGES_SECTION);
        String fed = md.substring(md.indexOf("## " + Reports.FED_SECTION), md.indexOf("## " + Reports.OCS_SECTION));
        assertThat(fed).contains("3 blockers, 1 warning");
        assertThat(fed.indexOf("| BLOCKER | FED-LOCKED-OC2007 |")).isLessThan(fed.indexOf("| WARNING | FED-PARTNER-SUMMARY |"));
        assertThat(fed).contains("Reschedule meeting m-001 in Lync Server 2013");
    }

    @Test
    void markdownEscapesPipesMarkupAndLineBreaksFromTheInventory() {
        String md = Reports.text(writer, Reports.hostile());

        assertThat(md).doesNotContain("<script>");
        assertThat(md).contains("meeting:&lt;script&gt;alert('pwned')&lt;/script&gt;");
        assertThat(md).contains("&amp; that \\| is bad");
        assertThat(md).contains("a line break |");
        md.lines().filter(l -> l.contains("| URL-LEGACY-CONF |") || l.contains("| CLIENT-IM-ONLY |"))
                .forEach(row -> assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(6));
    }

    @Test
    void markdownSummaryShowsTheCoverageWhenTheReportHasOne() {
        String md = Reports.text(writer, Reports.covered());
        String summary = md.substring(md.indexOf("## Summary"), md.indexOf("### Findings by article section"));

        assertThat(summary).contains("| **Total** | **8** | |\n\n**Coverage:** " + Reports.COVERAGE_LINE + "\n");
        assertThat(Reports.text(writer, Reports.contosoLike())).doesNotContain("Coverage");
    }

    @Test
    void markdownOfNoFindingsSaysNothingStandsInTheWay() {
        String md = Reports.text(writer, Reports.empty());

        assertThat(md).contains("Nothing blocks the move and nothing is lost.", "No findings");
    }
}
