package io.migkb.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.model.Finding;
import io.migkb.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritersTest {
    @Test
    void everyFormatOfTheIssueIsRegisteredByName() {
        assertThat(ReportWriters.formats()).containsExactly("table", "json", "csv", "markdown", "html", "junit", "sarif");
        for (String format : ReportWriters.formats()) {
            assertThat(ReportWriters.forFormat(format)).get().extracting(ReportWriter::format).isEqualTo(format);
        }
        assertThat(ReportWriters.forFormat("pdf")).isEmpty();
    }

    @Test
    void eachFormatHasItsOwnFileExtension() {
        List<String> extensions = ReportWriters.formats().stream()
                .map(f -> ReportWriters.forFormat(f).orElseThrow().extension()).toList();

        assertThat(extensions).containsExactly("txt", "json", "csv", "md", "html", "xml", "sarif");
    }

    @Test
    void noWriterClosesTheStreamItIsGiven() throws IOException {
        for (String format : ReportWriters.formats()) {
            CountingStream out = new CountingStream();
            ReportWriters.forFormat(format).orElseThrow().write(Reports.contosoLike(), out);
            assertThat(out.closed).as(format).isFalse();
            assertThat(out.total).as(format).isPositive();
        }
    }

    @Test
    void everyFormatIsWrittenAtomicallyToItsFile(@TempDir Path dir) throws IOException {
        for (String format : ReportWriters.formats()) {
            ReportWriter writer = ReportWriters.forFormat(format).orElseThrow();
            Path target = dir.resolve("contoso." + writer.extension());
            ReportFiles.writeAtomically(target, writer, Reports.contosoLike());
            assertThat(target).isNotEmptyFile();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp")).hasSize(7);
        }
    }

    @Test
    void oldCallersStillBuildAReportFromFourArguments() {
        Report report = new Report("contoso.com", "examples/contoso.json", "rules/", Reports.contosoLike().findings());

        assertThat(report.failOn()).isNull();
        assertThat(report.ruleDescriptions()).isEmpty();
        assertThat(report.locationOf("meeting:m-001")).isEmpty();
        assertThat(report.findings().get(0).getSeverity()).isEqualTo(Severity.BLOCKER);
        assertThat(report.coverage()).isNull();
    }

    @Test
    void everyWitherKeepsTheCoverage() {
        Report report = Reports.covered().withFailOn(Severity.WARNING).withRuleDescriptions(List.of())
                .withLocations(null).withWaivers(null);

        assertThat(report.coverage()).isEqualTo(Reports.COVERAGE);
        assertThat(report.withCoverage(null).coverage()).isNull();
    }

    /**
     * Twenty thousand findings go out in buffer-sized writes: no writer builds its document as one string. Every
     * format's largest single write stays far below the size of its output.
     */
    @Test
    void everyWriterStreamsTwentyThousandFindings() throws IOException {
        List<Finding> findings = new ArrayList<>();
        Severity[] severities = Severity.values();
        for (int i = 0; i < 20_000; i++) {
            findings.add(Reports.finding("RULE-" + (i % 17), severities[i % 17 % 4], "meeting:m-" + i,
                    "Meeting m-" + i + " of user" + (i % 997) + "@contoso.com has a finding worth reading",
                    "Do the thing the article says for m-" + i, "Section " + (i % 17 % 6), "user" + (i % 997) + "@contoso.com"));
        }
        Report report = new Report("contoso.com", "big.json", "rules/", findings).withFailOn(Severity.WARNING);
        for (String format : ReportWriters.formats()) {
            CountingStream out = new CountingStream();
            long start = System.nanoTime();
            ReportWriters.forFormat(format).orElseThrow().write(report, out);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("%-8s %,12d bytes in %,6d ms, largest write %,d bytes%n", format, out.total, millis, out.largest);
            assertThat(out.total).as(format).isGreaterThan(2_000_000L);
            assertThat(out.largest).as(format + ": largest single write").isLessThan(1_000_000L);
        }
    }

    private static final class CountingStream extends OutputStream {
        long total;
        long largest;
        boolean closed;

        @Override
        public void write(int b) {
            total++;
            largest = Math.max(largest, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            total += len;
            largest = Math.max(largest, len);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
