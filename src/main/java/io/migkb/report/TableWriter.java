package io.migkb.report;

import io.migkb.model.Finding;
import io.migkb.model.Severity;
import io.migkb.waiver.Waiver;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A report for reading on a terminal: a summary line and the coverage under it, then one block per finding, most
 * serious first, with its message and remedy wrapped to the terminal's width.
 */
public final class TableWriter implements ReportWriter {
    private static final int DEFAULT_WIDTH = 100;
    private static final String INDENT = "    ";

    private final int width;

    public TableWriter() {
        this(terminalWidth());
    }

    public TableWriter(int width) {
        this.width = Math.max(60, width);
    }

    @Override
    public String format() {
        return "table";
    }

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        // Every string from the inventory reaches a terminal: no control character passes (the writer's own
        // line feeds do).
        Writer w = new TerminalSafeWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                TerminalSafeWriter.Replacement.REPLACEMENT_CHARACTER);
        w.write(headline(report));
        w.write('\n');
        if (report.coverage() != null) {
            List<String> lines = wrap("coverage: " + report.coverage().describe(), width - INDENT.length());
            for (int i = 0; i < lines.size(); i++) {
                w.write((i == 0 ? "" : INDENT) + lines.get(i) + "\n");
            }
        }
        if (!report.ruleChanges().isEmpty()) {
            // rules beside the catalogue shaped these findings: say so where the reader starts
            w.write("rules: " + report.rules() + "\n");
            for (String change : report.ruleChanges()) {
                w.write(INDENT + change + "\n");
            }
        }
        if (report.findings().isEmpty()) {
            w.write("\nNo findings: nothing in this inventory stands in the way of the move to Lync Server 2013.\n");
        }
        int ruleWidth = report.findings().stream().mapToInt(f -> f.getRule().length()).max().orElse(0);
        Severity current = null;
        for (Finding f : report.findings()) {
            if (f.getSeverity() != current) {
                current = f.getSeverity();
                w.write('\n');
            }
            boolean waived = report.isWaived(f);
            w.write(String.format("%-8s %-" + ruleWidth + "s  %s%s%s\n", f.getSeverity(), f.getRule(), f.getSubject(),
                    f.isDeferred() ? "  (deferred)" : "", waived ? "  (waived)" : ""));
            for (String line : wrap(f.getMessage(), width - INDENT.length())) {
                w.write(INDENT + line + "\n");
            }
            List<String> remedy = wrap("remedy: " + f.getRemedy(), width - INDENT.length());
            for (String line : remedy) {
                w.write(INDENT + line + "\n");
            }
            if (f.isDeferred()) {
                for (String line : wrap("deferred: " + f.getDeferred(), width - INDENT.length())) {
                    w.write(INDENT + line + "\n");
                }
            }
            if (waived) {
                Waiver waiver = report.waiverOf(f).orElseThrow();
                for (String line : wrap("waived until " + waiver.expires() + " by " + waiver.owner() + ": "
                        + waiver.reason() + " (" + waiver.location() + ")", width - INDENT.length())) {
                    w.write(INDENT + line + "\n");
                }
            }
        }
        List<String> notices = report.waivers().notices();
        if (!notices.isEmpty()) {
            w.write("\nWaivers:\n");
            for (String notice : notices) {
                List<String> lines = wrap(notice, width - INDENT.length());
                for (int i = 0; i < lines.size(); i++) {
                    w.write((i == 0 ? "  - " : INDENT) + lines.get(i) + "\n");
                }
            }
        }
        w.flush();
    }

    static String headline(Report report) {
        StringBuilder s = new StringBuilder();
        s.append(report.organization() == null ? report.source() : report.organization() + " (" + report.source() + ")");
        s.append(": ").append(report.findings().size()).append(report.findings().size() == 1 ? " finding" : " findings");
        List<String> counts = new ArrayList<>();
        for (Map.Entry<Severity, Integer> e : report.summary().entrySet()) {
            counts.add(e.getValue() + " " + e.getKey());
        }
        if (report.waivers().given()) {
            counts.add(report.waivedCount() + " waived");
        }
        s.append(" — ").append(String.join(", ", counts));
        return s.toString();
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static int terminalWidth() {
        try {
            String columns = System.getenv("COLUMNS");
            return columns == null ? DEFAULT_WIDTH : Integer.parseInt(columns.trim());
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }
}
