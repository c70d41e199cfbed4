package io.migkb.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import io.migkb.model.SourceLocation;
import io.migkb.waiver.Waiver;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SARIF 2.1.0, for code-scanning tools and IDE viewers: one run of the tool "migkb" whose rules carry their
 * severity, article section and help; one result per finding, located in the inventory file at the line (and
 * column) where the reader saw the subject declared, when it knows. Streamed.
 */
public final class SarifWriter implements ReportWriter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final JsonFactory JSON = JsonFactory.builder().build();

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public String extension() {
        return "sarif";
    }

    /** BLOCKER is an error, WARNING a warning, ADVICE and INFO notes. */
    static String level(Severity severity) {
        if (severity == null) {
            return "warning";
        }
        return switch (severity) {
            case BLOCKER -> "error";
            case WARNING -> "warning";
            case ADVICE, INFO -> "note";
        };
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        List<RuleDescription> rules = RuleCatalog.of(report);
        Map<String, Integer> ruleIndex = new HashMap<>();
        Map<String, Finding> example = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }
        for (Finding f : report.findings()) {
            example.putIfAbsent(f.getRule(), f);
        }
        String inventoryUri = uri(report.source());
        Map<String, String> uris = new HashMap<>();

        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("$schema", SCHEMA);
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();

            json.writeObjectFieldStart("tool");
            json.writeObjectFieldStart("driver");
            json.writeStringField("name", "migkb");
            String version = SarifWriter.class.getPackage().getImplementationVersion();
            if (version != null) {
                json.writeStringField("version", version);
            }
            json.writeArrayFieldStart("rules");
            for (RuleDescription rule : rules) {
                writeRule(json, rule, example.get(rule.id()));
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();

            json.writeStringField("columnKind", "utf16CodeUnits");
            json.writeArrayFieldStart("results");
            for (Finding f : report.findings()) {
                Optional<SourceLocation> location = report.locationOf(f.getSubject());
                String file = location.map(SourceLocation::file).filter(s -> !s.isBlank()).orElse(null);
                String artifact = file == null ? inventoryUri : uris.computeIfAbsent(file, SarifWriter::uri);
                writeResult(json, f, ruleIndex.get(f.getRule()), artifact, location.orElse(null),
                        report.waiverOf(f).orElse(null));
            }
            json.writeEndArray();

            json.writeObjectFieldStart("properties");
            if (report.organization() != null) {
                json.writeStringField("organization", report.organization());
            }
            json.writeStringField("inventory", report.source());
            json.writeStringField("rules", report.rules());
            json.writeObjectFieldStart("summary");
            for (Map.Entry<Severity, Integer> e : report.summary().entrySet()) {
                json.writeNumberField(e.getKey().name(), e.getValue());
            }
            if (report.waivers().given()) {
                json.writeNumberField("waived", report.waivedCount());
            }
            json.writeEndObject();
            if (report.coverage() != null) {
                JsonCoverage.write(json, report.coverage());
            }
            json.writeEndObject();

            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void writeRule(JsonGenerator json, RuleDescription rule, Finding example) throws IOException {
        String section = rule.reference() == null || rule.reference().isBlank() ? null : rule.reference();
        String severity = rule.severity() == null ? "unknown severity" : rule.severity().name();
        String meaning = rule.severity() == null ? "" : ": " + Wording.meaning(rule.severity());
        json.writeStartObject();
        json.writeStringField("id", rule.id());
        json.writeObjectFieldStart("shortDescription");
        json.writeStringField("text", rule.help() != null ? rule.help()
                : rule.id() + " (" + severity + meaning + ")" + (section == null ? "" : " — " + section));
        json.writeEndObject();
        json.writeObjectFieldStart("fullDescription");
        json.writeStringField("text", severity + meaning + ". "
                + (section == null ? "" : "Section \"" + section + "\" of ") + "Microsoft's article \""
                + Wording.ARTICLE + "\"." + (rule.help() == null ? "" : " " + rule.help()));
        json.writeEndObject();
        StringBuilder help = new StringBuilder();
        if (rule.help() != null) {
            help.append(rule.help()).append('\n');
        }
        if (example != null) {
            help.append("Remedy (as given for ").append(example.getSubject()).append("): ").append(example.getRemedy())
                    .append('\n');
        }
        help.append("Article section: ").append(section == null ? "(none given)" : section)
                .append(" — ").append(Wording.ARTICLE).append('.');
        json.writeObjectFieldStart("help");
        json.writeStringField("text", help.toString());
        json.writeEndObject();
        json.writeObjectFieldStart("defaultConfiguration");
        json.writeStringField("level", level(rule.severity()));
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        if (rule.severity() != null) {
            json.writeStringField("severity", rule.severity().name());
        }
        if (section != null) {
            json.writeStringField("section", section);
        }
        json.writeArrayFieldStart("tags");
        json.writeString("migration");
        if (rule.severity() != null) {
            json.writeString(rule.severity().name().toLowerCase(java.util.Locale.ROOT));
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeResult(JsonGenerator json, Finding f, Integer ruleIndex, String artifactUri,
                                    SourceLocation location, Waiver waiver) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", f.getRule());
        if (ruleIndex != null) {
            json.writeNumberField("ruleIndex", ruleIndex);
        }
        json.writeStringField("level", level(f.getSeverity()));
        json.writeObjectFieldStart("message");
        json.writeStringField("text", Text.sentence(f.getMessage()) + " Remedy: " + Text.sentence(f.getRemedy()));
        json.writeEndObject();
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", artifactUri);
        json.writeEndObject();
        if (location != null && location.line() > 0) {
            json.writeObjectFieldStart("region");
            json.writeNumberField("startLine", location.line());
            if (location.column() > 0) {
                json.writeNumberField("startColumn", location.column());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeArrayFieldStart("logicalLocations");
        json.writeStartObject();
        json.writeStringField("fullyQualifiedName", f.getSubject());
        int colon = f.getSubject().indexOf(':');
        if (colon > 0) {
            json.writeStringField("name", f.getSubject().substring(colon + 1));
            json.writeStringField("kind", f.getSubject().substring(0, colon));
        }
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        if (waiver != null) {
            // A waived finding is an accepted, externally recorded suppression (SARIF 2.1.0, section 3.35).
            json.writeArrayFieldStart("suppressions");
            json.writeStartObject();
            json.writeStringField("kind", "external");
            json.writeStringField("status", "accepted");
            json.writeStringField("justification", waiver.reason() + " (owner " + waiver.owner() + ", until "
                    + waiver.expires() + ", waiver " + waiver.location() + ")");
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeObjectFieldStart("properties");
        json.writeStringField("severity", f.getSeverity().name());
        json.writeStringField("subject", f.getSubject());
        if (f.getConcerns() != null) {
            json.writeStringField("concerns", f.getConcerns());
        }
        json.writeStringField("remedy", f.getRemedy());
        if (f.isDeferred()) {
            json.writeStringField("deferred", f.getDeferred());
        }
        json.writeStringField("section", f.getReference());
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * The inventory file as a URI reference: a relative path stays relative (forward slashes, escaped), an absolute
     * one becomes a {@code file:} URI.
     */
    static String uri(String path) {
        if (path == null || path.isBlank()) {
            return "inventory";
        }
        try {
            Path p = Path.of(path);
            if (p.isAbsolute()) {
                return p.toUri().toASCIIString();
            }
        } catch (InvalidPathException e) {
            // not a path of this system: treat it as a relative reference below
        }
        String slashed = path.replace('\\', '/');
        int colon = slashed.indexOf(':');
        int slash = slashed.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash)) {
            slashed = "./" + slashed; // "a:b.json" would read as a URI scheme
        }
        try {
            return new URI(null, null, slashed, null).toASCIIString();
        } catch (URISyntaxException e) {
            return slashed;
        }
    }
}
