package io.migkb.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import io.migkb.waiver.Waiver;
import io.migkb.waiver.WaiverOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * {@code {"findings": [...], "summary": {"BLOCKER": n, ...}}} exactly as docs/reports.md gives it, streamed so a
 * large report is never held as text in memory. With {@code --waivers}: a waived finding carries a {@code "waived"}
 * object (rule, subject, reason, owner, expires, waiver location), the summary counts findings in force per
 * severity and adds {@code "waived": n}, and {@code "waivers"} lists the expired and unmatched waivers. A report
 * with a coverage adds {@code "coverage"} after the summary, leaving the summary's counts as they were.
 */
public final class JsonWriter implements ReportWriter {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    /** From how many findings they are rendered in blocks on several threads; tests vary it. */
    private final int parallelFrom;

    public JsonWriter() {
        this(JsonFindingBlocks.PARALLEL_FROM);
    }

    JsonWriter(int parallelFrom) {
        this.parallelFrom = Math.max(2, parallelFrom);
    }

    @Override
    public String format() {
        return "json";
    }

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("findings");
            List<Finding> findings = report.findings();
            if (findings.size() >= parallelFrom && Runtime.getRuntime().availableProcessors() > 1) {
                // The first through this generator, so that it has a value in the array; the rest rendered in blocks.
                writeFinding(json, report, findings.get(0));
                json.flush();
                JsonFindingBlocks.write(findings.subList(1, findings.size()), (generator, f) -> writeFinding(generator, report, f),
                        JSON, out);
            } else {
                for (Finding f : findings) {
                    writeFinding(json, report, f);
                }
            }
            json.writeEndArray();
            json.writeObjectFieldStart("summary");
            for (Map.Entry<Severity, Integer> e : report.summary().entrySet()) {
                json.writeNumberField(e.getKey().name(), e.getValue());
            }
            if (report.waivers().given()) {
                json.writeNumberField("waived", report.waivedCount());
            }
            json.writeEndObject();
            if (report.coverage() != null) {
                // After the summary, whichever path wrote the findings: both paths write it alike.
                JsonCoverage.write(json, report.coverage());
            }
            if (report.waivers().given()) {
                writeWaivers(json, report.waivers());
            }
            if (!report.ruleChanges().isEmpty()) {
                json.writeObjectFieldStart("rules");
                json.writeStringField("from", report.rules());
                json.writeArrayFieldStart("changes");
                for (String change : report.ruleChanges()) {
                    json.writeString(change);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void writeFinding(JsonGenerator json, Report report, Finding f) throws IOException {
        json.writeStartObject();
        json.writeStringField("rule", f.getRule());
        json.writeStringField("severity", f.getSeverity().name());
        json.writeStringField("subject", f.getSubject());
        json.writeStringField("message", f.getMessage());
        json.writeStringField("remedy", f.getRemedy());
        json.writeStringField("reference", f.getReference());
        if (f.isDeferred()) {
            json.writeStringField("deferred", f.getDeferred());
        }
        Waiver waiver = report.waiverOf(f).orElse(null);
        if (waiver != null) {
            json.writeObjectFieldStart("waived");
            writeWaiver(json, waiver);
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** {@code "waivers": {"expired": [...], "unmatched": [...]}}: only when a waivers file was given. */
    private static void writeWaivers(JsonGenerator json, WaiverOutcome outcome) throws IOException {
        json.writeObjectFieldStart("waivers");
        json.writeArrayFieldStart("expired");
        for (WaiverOutcome.Lapsed lapsed : outcome.expired()) {
            json.writeStartObject();
            writeWaiver(json, lapsed.waiver());
            json.writeNumberField("findings", lapsed.findings());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("unmatched");
        for (Waiver w : outcome.unmatched()) {
            json.writeStartObject();
            writeWaiver(json, w);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeWaiver(JsonGenerator json, Waiver waiver) throws IOException {
        json.writeStringField("rule", waiver.rule());
        json.writeStringField("subject", waiver.subject());
        json.writeStringField("reason", waiver.reason());
        json.writeStringField("owner", waiver.owner());
        json.writeStringField("expires", waiver.expires().toString());
        json.writeStringField("waiver", waiver.location().toString());
    }
}
