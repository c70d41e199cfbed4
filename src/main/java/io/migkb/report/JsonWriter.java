package io.migkb.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * {@code {"findings": [...], "summary": {"BLOCKER": n, ...}}} exactly as DESIGN.md gives it, streamed so a
 * large report is never held as text in memory.
 */
public final class JsonWriter implements ReportWriter {
    private static final JsonFactory JSON = JsonFactory.builder().build();

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
            for (Finding f : report.findings()) {
                json.writeStartObject();
                json.writeStringField("rule", f.getRule());
                json.writeStringField("severity", f.getSeverity().name());
                json.writeStringField("subject", f.getSubject());
                json.writeStringField("message", f.getMessage());
                json.writeStringField("remedy", f.getRemedy());
                json.writeStringField("reference", f.getReference());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("summary");
            for (Map.Entry<Severity, Integer> e : report.summary().entrySet()) {
                json.writeNumberField(e.getKey().name(), e.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }
}
