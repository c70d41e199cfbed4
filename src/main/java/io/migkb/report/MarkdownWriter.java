package io.migkb.report;

import io.migkb.model.Finding;
import io.migkb.model.Severity;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A report to paste into a wiki or a pull request: a summary table of counts and the coverage, a table of sections,
 * then one section of the article after another, the sections with blockers first, each with its findings and
 * remedies.
 */
public final class MarkdownWriter implements ReportWriter {
    @Override
    public String format() {
        return "markdown";
    }

    @Override
    public String extension() {
        return "md";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        Map<Severity, Integer> summary = report.summary();
        List<Sections.Section> sections = Sections.of(report.findings());

        w.write("# " + Text.markdown(Wording.title(report)) + "\n\n");
        w.write("Inventory: " + Text.markdown(report.source()) + "  \n");
        w.write("Rules: " + Text.markdown(report.rules()) + "  \n");
        w.write("Source article: *" + Wording.ARTICLE + "*\n\n");

        w.write("## Summary\n\n");
        w.write("**" + Text.markdown(Wording.verdict(summary)) + "**\n\n");
        w.write("| Severity | Findings | Meaning |\n|---|---:|---|\n");
        for (Severity s : Severity.values()) {
            w.write("| " + s + " | " + summary.get(s) + " | " + Wording.meaning(s) + " |\n");
        }
        if (report.waivers().given()) {
            w.write("| Waived | " + report.waivedCount() + " | accepted with --waivers: listed below, marked, not counted"
                    + " above |\n");
        }
        w.write("| **Total** | **" + report.findings().size() + "** | |\n\n");
        if (report.coverage() != null) {
            w.write("**Coverage:** " + Text.markdown(report.coverage().describe()) + "\n\n");
        }

        if (!sections.isEmpty()) {
            w.write("### Findings by article section\n\n");
            w.write("| Section | Blocker | Warning | Advice | Info |\n|---|---:|---:|---:|---:|\n");
            for (Sections.Section s : sections) {
                w.write("| " + Text.markdown(s.title()));
                for (Severity severity : Severity.values()) {
                    w.write(" | " + s.count(severity));
                }
                w.write(" |\n");
            }
            w.write('\n');
        } else {
            w.write("No findings: nothing in this inventory stands in the way of the move to Lync Server 2013.\n");
        }

        for (Sections.Section s : sections) {
            w.write("## " + Text.markdown(s.title()) + "\n\n");
            w.write(Wording.counts(s.counts()) + " · article section *" + Text.markdown(s.title()) + "*\n\n");
            w.write("| Severity | Rule | Subject | Finding | Remedy |\n|---|---|---|---|---|\n");
            for (Finding f : s.findings()) {
                w.write("| " + f.getSeverity() + " | " + Text.markdown(f.getRule()) + " | "
                        + Text.markdown(f.getSubject()) + " | " + Text.markdown(f.getMessage()) + deferred(f) + waived(report, f)
                        + " | " + Text.markdown(f.getRemedy()) + " |\n");
            }
            w.write('\n');
        }
        if (!report.waivers().notices().isEmpty()) {
            w.write("## Waivers\n\n");
            for (String notice : report.waivers().notices()) {
                w.write("- " + Text.markdown(notice) + "\n");
            }
            w.write('\n');
        }
        w.flush();
    }

    /** " *Deferred: applies once …*", or nothing. */
    private static String deferred(Finding f) {
        return f.isDeferred() ? " *" + Text.markdown("Deferred: " + f.getDeferred()) + "*" : "";
    }

    /** " *Waived until 2027-03-31 by it-ops@contoso.com: reason (waivers.yaml:1:3)*", or nothing. */
    private static String waived(Report report, Finding f) {
        return report.waiverOf(f).map(w -> " *" + Text.markdown("Waived until " + w.expires() + " by " + w.owner() + ": "
                + w.reason() + " (" + w.location() + ")") + "*").orElse("");
    }
}
