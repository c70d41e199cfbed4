package io.migkb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlWriterTest {
    private static final Pattern EXTERNAL = Pattern.compile("^\\s*(https?:|//|ftp:|file:)", Pattern.CASE_INSENSITIVE);

    private final HtmlWriter writer = new HtmlWriter();

    @Test
    void htmlLoadsNothingFromTheNetwork() {
        String html = Reports.text(writer, Reports.contosoLike());
        Document page = Jsoup.parse(html);

        for (Element e : page.getAllElements()) {
            for (String attribute : List.of("src", "href", "xlink:href", "action", "srcset", "poster", "data")) {
                assertThat(e.attr(attribute)).as(e.tagName() + " " + attribute).doesNotContainPattern(EXTERNAL);
            }
            assertThat(e.attr("style")).doesNotContain("url(");
        }
        assertThat(page.select("link, img, iframe, object, embed, script[src]")).isEmpty();
        assertThat(page.select("style").html()).doesNotContain("@import").doesNotContain("url(");
        assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content")).startsWith("default-src 'none'");
        // the only http(s) in the page is the text of the remedies, which is fine
        assertThat(html.replace("https:// URL", "").replace("to https://)", "")).doesNotContain("http://", "https://");
    }

    @Test
    void htmlEscapesAScriptInAMeetingIdAndAMessage() {
        String html = Reports.text(writer, Reports.hostile());
        Document page = Jsoup.parse(html);

        assertThat(page.select("script")).hasSize(1);
        assertThat(page.select("script").first().html()).doesNotContain("pwned");
        assertThat(html).doesNotContain("<script>alert").contains("meeting:&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;");
        assertThat(page.select("tr.finding .subject").eachText()).contains("meeting:" + Reports.HOSTILE_ID);
        assertThat(page.select("tr.finding .message").first().text()).contains("\"eve\" <eve@contoso.com>", "& that | is bad");
        assertThat(html).doesNotContain("\u0007").doesNotContain("\u0001");
    }

    @Test
    void htmlOpensWithCountsChartsAndTheBlockersFirst() {
        Document page = Jsoup.parse(Reports.text(writer, Reports.contosoLike()));

        assertThat(page.title()).isEqualTo("Meeting migration to Lync Server 2013: contoso.com");
        assertThat(page.select("#verdict").text()).isEqualTo("4 blockers stand in the way of the move: resolve them before moving users.");
        assertThat(page.select(".card .n").eachText()).containsExactly("4", "2", "1", "1");
        assertThat(page.select("#chart-severity svg rect.bar").eachAttr("data-count")).containsExactly("4", "2", "1", "1");
        assertThat(page.select("#chart-sections svg text.label").eachText()).containsExactly(Reports.FED_SECTION,
                Reports.OCS_SECTION, Reports.CLIENT_SECTION, Reports.PLAN_SECTION, Reports.CHANGES_SECTION);
        assertThat(page.select("#blockers li")).hasSize(4);
        assertThat(page.select("#blockers li").first().text()).contains("FED-LOCKED-OC2007", "meeting:m-001", "Reschedule meeting m-001");
        Element summary = page.selectFirst("#summary");
        Element firstGroup = page.selectFirst("section.group");
        assertThat(summary.siblingIndex()).isLessThan(firstGroup.siblingIndex());
    }

    @Test
    void htmlGroupsFindingsBySectionWithRemedyAndArticleReference() {
        Document page = Jsoup.parse(Reports.text(writer, Reports.contosoLike()));

        assertThat(page.select("section.group h2").stream().map(h -> h.ownText().trim()))
                .containsExactly(Reports.FED_SECTION, Reports.OCS_SECTION, Reports.CLIENT_SECTION, Reports.PLAN_SECTION,
                        Reports.CHANGES_SECTION);
        Element fed = page.selectFirst("section.group");
        assertThat(fed.select(".ref").text()).contains(Reports.FED_SECTION, "Migration considerations for meetings in Lync Server 2013");
        assertThat(fed.select("tr.finding")).hasSize(4);
        assertThat(fed.select("tr.finding").eachAttr("data-sev")).containsExactly("BLOCKER", "BLOCKER", "BLOCKER", "WARNING");
        assertThat(fed.select("tr.finding .remedy-cell").first().text()).startsWith("Reschedule meeting m-001");
        assertThat(fed.select("tr.finding .concerns").eachText()).contains("carol@fabrikam.com", "henry@fabrikam.com");
        assertThat(page.select("tr.finding code.rule").eachText()).containsOnly("FED-LOCKED-OC2007", "FED-PARTNER-SUMMARY",
                "URL-LEGACY-MEET", "CLIENT-IM-ONLY", "PLAN-EARLY-ORGANIZER", "CLIENT-NEW-FEATURES");
        assertThat(page.select("#filters input[type=checkbox]").eachAttr("value"))
                .containsExactly("BLOCKER", "WARNING", "ADVICE", "INFO");
        assertThat(page.select("input#search")).hasSize(1);
    }

    @Test
    void htmlListsTenBlockersInTheSummaryAndCountsTheRest() {
        List<io.migkb.model.Finding> many = new java.util.ArrayList<>();
        for (int i = 0; i < 14; i++) {
            many.add(Reports.finding("URL-LEGACY-CONF", io.migkb.model.Severity.BLOCKER, "meeting:m-" + (100 + i),
                    "Meeting m-" + (100 + i) + " has a conf: URL", "Resend it", Reports.OCS_SECTION, null));
        }
        Document page = Jsoup.parse(Reports.text(writer, new Report("contoso.com", "x.json", "rules/", many)));

        assertThat(page.select("#blockers li")).hasSize(HtmlWriter.BLOCKERS_IN_SUMMARY);
        assertThat(page.select("#blockers .more").text()).contains("4 more blockers");
        assertThat(page.select("tr.finding")).hasSize(14);
    }

    @Test
    void htmlSummaryListsTheCoverageWhenTheReportHasOne() {
        Document page = Jsoup.parse(Reports.text(writer, Reports.covered()));

        Element coverage = page.selectFirst("#summary #coverage");
        assertThat(coverage).isNotNull();
        assertThat(coverage.select("h3").text()).isEqualTo("Coverage");
        assertThat(coverage.select("li").eachText()).containsExactly("Users with client data 7 of 10",
                "Pools with a server version 4 of 4", "Meetings with participants 2 of 2",
                "Not assessed 2 users (1 disabled, 1 without a Registrar pool)");
        assertThat(Jsoup.parse(Reports.text(writer, Reports.contosoLike())).select("#coverage")).isEmpty();
    }

    @Test
    void htmlOfNoFindingsSaysNothingStandsInTheWay() {
        Document page = Jsoup.parse(Reports.text(writer, Reports.empty()));

        assertThat(page.select("#verdict").text()).isEqualTo("Nothing blocks the move and nothing is lost.");
        assertThat(page.text()).contains("No findings: nothing in this inventory stands in the way");
        assertThat(page.select("#blockers")).isEmpty();
    }
}
