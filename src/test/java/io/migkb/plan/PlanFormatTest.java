package io.migkb.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's CSV, Markdown and HTML. */
class PlanFormatTest {
    private static String file(PlanFormat format, String name) throws Exception {
        return format.render(Contoso.plan()).stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().text();
    }

    @Test
    void csvHasOneRowPerUserMeetingAndTask() throws Exception {
        String waves = file(PlanFormat.CSV, "plan-waves.csv");
        String meetings = file(PlanFormat.CSV, "plan-meetings.csv");

        assertThat(List.of(waves.split("\r\n"))).hasSize(1 + 6).first().isEqualTo("wave,wave_title,user,from,pool,command,notes");
        assertThat(waves).contains("\r\n1,Frequent organizers,erin@contoso.com,LYNC_2010,pool10.contoso.com,"
                + "Move-CsUser -Identity 'sip:erin@contoso.com' -Target 'pool13.contoso.com',");
        assertThat(meetings.split("\r\n")).hasSize(1 + 6);
        assertThat(meetings).contains("\r\nm-006,frank@contoso.com,HTTPS,CARRIES_OVER,2,");
        assertThat(file(PlanFormat.CSV, "plan-tasks.csv")).startsWith("wave,wave_title,task\r\n0,Before anyone moves,");
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndDefusesFormulas() {
        assertThat(CsvPlan.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvPlan.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvPlan.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvPlan.cell("plain")).isEqualTo("plain");
    }

    @Test
    void markdownHasTheWavesTheCommandsAndTheDispositions() throws Exception {
        String md = file(PlanFormat.MARKDOWN, "plan.md");

        assertThat(md).startsWith("# Migration plan: contoso.com\n")
                .contains("| 1 | Frequent organizers | 1 | `wave-1.ps1` |")
                .contains("## Wave 0: Before anyone moves")
                .contains("`Move-CsLegacyUser -Identity 'sip:dave@contoso.com' -Target 'pool13.contoso.com'`")
                .contains("| m-004 | grace@contoso.com | https: | RESCHEDULE_FOR_FEDERATED_USERS | 0 |")
                .contains("| alice@contoso.com | Office Communications Server 2007 R2 | ocs.contoso.com | not moved |");
        assertThat(MarkdownPlan.text("a|b <i>")).isEqualTo("a\\|b \\<i\\>");
    }

    @Test
    void htmlIsOneSelfContainedPage() throws Exception {
        String html = file(PlanFormat.HTML, "plan.html");

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<h2 id=\"wave-4\">")
                .contains("<code>Move-CsUser -Identity &#39;sip:erin@contoso.com&#39; -Target &#39;pool13.contoso.com&#39;</code>")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=").doesNotContain("url(")
                .doesNotContain("@import");
        assertThat(HtmlPlan.esc("<b>&\"'")).isEqualTo("&lt;b&gt;&amp;&quot;&#39;");
    }

    @Test
    void formatsAreNamedAsTheOptionTakesThem() {
        assertThat(PlanFormat.named("csv")).contains(PlanFormat.CSV);
        assertThat(PlanFormat.named("Markdown")).contains(PlanFormat.MARKDOWN);
        assertThat(PlanFormat.named("md")).contains(PlanFormat.MARKDOWN);
        assertThat(PlanFormat.named("html")).contains(PlanFormat.HTML);
        assertThat(PlanFormat.named("pdf")).isEmpty();
        assertThat(List.of(PlanFormat.values())).extracting(PlanFormat::formatName).containsExactly("csv", "markdown", "html");
    }
}
