package io.migkb.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.migkb.model.Finding;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * One row per finding, made to open cleanly in Excel: UTF-8 with a byte-order mark (so accents and dashes survive),
 * CRLF line ends, every field quoted. A field that Excel would take for a formula (it starts with {@code = + - @})
 * gets a leading apostrophe, so a hostile inventory cannot plant one.
 */
public final class CsvWriter implements ReportWriter {
    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();
    private static final CsvSchema SCHEMA = CSV.schemaFor(Row.class).withHeader().withLineSeparator("\r\n");

    @JsonPropertyOrder({"rule", "severity", "subject", "message", "remedy", "reference"})
    record Row(String rule, String severity, String subject, String message, String remedy, String reference) {
        static Row of(Finding f) {
            return new Row(cell(f.getRule()), f.getSeverity().name(), cell(f.getSubject()), cell(f.getMessage()),
                    cell(f.getRemedy()), cell(f.getReference()));
        }
    }

    /** The same row and how it is waived: the column is there only when a waivers file was given. */
    @JsonPropertyOrder({"rule", "severity", "subject", "message", "remedy", "reference", "waived"})
    record WaivedRow(String rule, String severity, String subject, String message, String remedy, String reference,
                     String waived) {
        static WaivedRow of(Finding f, Report report) {
            Row r = Row.of(f);
            return new WaivedRow(r.rule(), r.severity(), r.subject(), r.message(), r.remedy(), r.reference(),
                    report.waiverOf(f).map(w -> cell("until " + w.expires() + " by " + w.owner() + ": " + w.reason()
                            + " (" + w.location() + ")")).orElse(""));
        }
    }

    private static final CsvSchema WAIVED_SCHEMA = CSV.schemaFor(WaivedRow.class).withHeader().withLineSeparator("\r\n");

    /** A row and why it is deferred: the column is there only when some finding is deferred. */
    @JsonPropertyOrder({"rule", "severity", "subject", "message", "remedy", "reference", "deferred"})
    record DeferredRow(String rule, String severity, String subject, String message, String remedy, String reference,
                       String deferred) {
        static DeferredRow of(Finding f) {
            Row r = Row.of(f);
            return new DeferredRow(r.rule(), r.severity(), r.subject(), r.message(), r.remedy(), r.reference(),
                    f.isDeferred() ? cell(f.getDeferred()) : "");
        }
    }

    /** Waived and deferred columns both. */
    @JsonPropertyOrder({"rule", "severity", "subject", "message", "remedy", "reference", "waived", "deferred"})
    record WaivedDeferredRow(String rule, String severity, String subject, String message, String remedy,
                             String reference, String waived, String deferred) {
        static WaivedDeferredRow of(Finding f, Report report) {
            WaivedRow r = WaivedRow.of(f, report);
            return new WaivedDeferredRow(r.rule(), r.severity(), r.subject(), r.message(), r.remedy(), r.reference(),
                    r.waived(), f.isDeferred() ? cell(f.getDeferred()) : "");
        }
    }

    private static final CsvSchema DEFERRED_SCHEMA = CSV.schemaFor(DeferredRow.class).withHeader()
            .withLineSeparator("\r\n");
    private static final CsvSchema WAIVED_DEFERRED_SCHEMA = CSV.schemaFor(WaivedDeferredRow.class).withHeader()
            .withLineSeparator("\r\n");

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        out.write(UTF8_BOM);
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        boolean waivers = report.waivers().given();
        boolean deferred = report.findings().stream().anyMatch(Finding::isDeferred);
        CsvSchema schema = waivers ? (deferred ? WAIVED_DEFERRED_SCHEMA : WAIVED_SCHEMA)
                : (deferred ? DEFERRED_SCHEMA : SCHEMA);
        try (SequenceWriter rows = CSV.writer(schema)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).writeValues(text)) {
            for (Finding f : report.findings()) {
                rows.write(waivers ? (deferred ? WaivedDeferredRow.of(f, report) : WaivedRow.of(f, report))
                        : (deferred ? DeferredRow.of(f) : Row.of(f)));
            }
        }
        text.flush();
    }

    /**
     * Neutralizes a formula: Excel runs a cell that starts with = + - @ (or a tab or CR before one). A control
     * character other than tab and line breaks (ESC, BEL...) becomes U+FFFD: a CSV file is also read on terminals.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        String guarded = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
        StringBuilder out = null;
        for (int i = 0; i < guarded.length(); i++) {
            char c = guarded.charAt(i);
            boolean control = c != '\r' && TerminalSafeWriter.isControl(c);
            if (control && out == null) {
                out = new StringBuilder(guarded.length()).append(guarded, 0, i);
            }
            if (out != null) {
                out.append(control ? '\uFFFD' : c);
            }
        }
        return out == null ? guarded : out.toString();
    }
}
