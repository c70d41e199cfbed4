package io.migkb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.migkb.model.Coverage;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import io.migkb.model.SourceLocation;
import io.migkb.waiver.Waiver;
import io.migkb.waiver.WaiverSet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text field a report carries, one at a time, holds a hostile value (markup, terminal escapes, a formula) in a
 * report written in every format; each format must neutralize it its own way. A field a writer stops escaping fails
 * here, named.
 */
class HostileFieldsInEveryFormatTest {
    static final String MARKUP = "<img src=x onerror=alert(1)>";
    static final String TERMINAL = "\u001B]0;PWNED\u0007\u001B[2J\u009B31m";
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    static final Pattern C1 = Pattern.compile("[\\x80-\\x9F]");

    static final List<String> FIELDS = List.of("organization", "source", "rule", "subject", "message", "remedy",
            "reference", "concerns", "waiver reason", "waiver owner", "waiver file", "not assessed sip",
            "not assessed detail");
    /** The fields the CSV carries, each a cell that must not start a formula. */
    static final List<String> CSV_FIELDS = List.of("rule", "subject", "message", "remedy", "reference");
    /** The formats read on terminals, and the fields each shows. */
    static final Map<String, List<String>> TERMINAL_FIELDS = Map.of(
            "table", List.of("organization", "source", "rule", "subject", "message", "remedy", "waiver reason",
                    "waiver owner", "waiver file"),
            "csv", List.of("rule", "subject", "message", "remedy", "reference", "waiver reason", "waiver owner",
                    "waiver file"));
    /** The fields the HTML page shows as text. */
    static final List<String> HTML_FIELDS = List.of("organization", "subject", "message", "remedy", "reference",
            "waiver reason", "waiver owner");

    /** A report whose {@code field} holds {@code value}; every other field is plain. */
    static Report report(String field, String value) {
        Map<String, String> v = new LinkedHashMap<>();
        FIELDS.forEach(f -> v.put(f, "plain"));
        v.put("rule", "URL-LEGACY-MEET");
        v.put("subject", "meeting:m-001");
        v.put("reference", Reports.OCS_SECTION);
        v.put(field, value);
        Finding finding = new Finding(v.get("rule"), Severity.BLOCKER, v.get("subject"), v.get("message"),
                v.get("remedy"), v.get("reference"), v.get("concerns"));
        Finding other = new Finding("CLIENT-IM-ONLY", Severity.WARNING, "user:dave@contoso.com", "plain", "plain",
                Reports.CLIENT_SECTION, null);
        List<Finding> findings = List.of(finding, other);
        Waiver waiver = new Waiver(v.get("rule"), "*", v.get("waiver reason"), v.get("waiver owner"),
                LocalDate.of(2027, 1, 1), new SourceLocation(v.get("waiver file"), 1, 3));
        Coverage coverage = new Coverage(1, 2, 1, 1, 1, 1, List.of(new Coverage.NotAssessedUser(
                v.get("not assessed sip"), Coverage.Reason.DISABLED, v.get("not assessed detail"), null)));
        return new Report(v.get("organization"), v.get("source"), "rules/", findings).withFailOn(Severity.WARNING)
                .withWaivers(new WaiverSet(v.get("waiver file"), List.of(waiver)).apply(findings, TODAY))
                .withCoverage(coverage);
    }

    static Stream<Arguments> fields() {
        List<Arguments> all = new ArrayList<>();
        for (String field : FIELDS) {
            all.add(Arguments.of(field));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void noFormatLetsTerminalEscapesThrough(String field) {
        Report report = report(field, "x" + TERMINAL + "y");
        for (String format : ReportWriters.formats()) {
            String text = Reports.text(ReportWriters.forFormat(format).orElseThrow(), report);
            assertThat(text).as("%s in %s", field, format).doesNotContainPattern(CONTROL);
        }
        // The formats read on a terminal keep out the C1 controls too (U+009B starts a sequence as ESC [ does).
        for (Map.Entry<String, List<String>> shown : TERMINAL_FIELDS.entrySet()) {
            String format = shown.getKey();
            String text = Reports.text(ReportWriters.forFormat(format).orElseThrow(), report);
            assertThat(text).as("%s in %s", field, format).doesNotContainPattern(C1);
            if (shown.getValue().contains(field)) {
                assertThat(text).as("%s in %s", field, format).contains("x\uFFFD]0;PWNED");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void markupIsTextInEveryMarkupFormat(String field) throws Exception {
        Report report = report(field, "x" + MARKUP + "y");
        String html = Reports.text(new HtmlWriter(), report);
        assertThat(html).as("html").doesNotContain(MARKUP);
        if (HTML_FIELDS.contains(field)) {
            assertThat(html).as("html shows %s escaped", field).contains("x&lt;img src=x onerror=alert(1)&gt;y");
        }
        String markdown = Reports.text(new MarkdownWriter(), report);
        assertThat(markdown).as("markdown").doesNotContain(MARKUP);
        for (ReportWriter xml : List.of(new JunitWriter())) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
                    new ByteArrayInputStream(Reports.bytes(xml, report)));
            assertThat(Reports.text(xml, report)).as("junit").doesNotContain(MARKUP);
        }
        for (ReportWriter json : List.of(new JsonWriter(), new SarifWriter())) {
            assertThat(new ObjectMapper().readTree(Reports.bytes(json, report)).toString()).as(json.format())
                    .isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void noCsvCellStartsAFormula(String field) throws Exception {
        for (String lead : List.of("=", "+", "-", "@", "\t", "\r")) {
            Report report = report(field, lead + "HYPERLINK(\"http://evil.example/\")");
            byte[] csv = Reports.bytes(new CsvWriter(), report);
            CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
            String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
            List<List<String>> rows = new ArrayList<>();
            try (var it = mapper.readerForListOf(String.class).readValues(text)) {
                while (it.hasNext()) {
                    @SuppressWarnings("unchecked")
                    List<String> row = (List<String>) it.next();
                    rows.add(row);
                }
            }
            for (List<String> row : rows) {
                for (String cell : row) {
                    assertThat(cell).as("%s starting with %s", field, lead.replace("\t", "TAB").replace("\r", "CR"))
                            .doesNotMatch("(?s)^[=+\\-@\\t\\r].*");
                }
            }
            if (CSV_FIELDS.contains(field)) {
                assertThat(text).as("%s guarded", field).contains("\"'" + lead + "HYPERLINK");
            }
        }
    }
}
