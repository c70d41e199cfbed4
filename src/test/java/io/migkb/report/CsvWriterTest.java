package io.migkb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.migkb.model.Finding;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
    private final CsvWriter writer = new CsvWriter();

    @Test
    void csvOpensInExcelWithBomAndQuotedCommas() {
        byte[] bytes = Reports.bytes(writer, Reports.contosoLike());
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(text.substring(1)).startsWith("\"rule\",\"severity\",\"subject\",\"message\",\"remedy\",\"reference\"\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        assertThat(text).contains("\"Meeting m-001 of alice@contoso.com has a meet: URL, which Lync Server 2013 does not support\"");
        assertThat(text.split("\r\n")).hasSize(1 + Reports.contosoLike().findings().size());
    }

    @Test
    void csvRowsReadBackAsTheFindingsInReportOrder() throws Exception {
        Report report = Reports.contosoLike();
        List<List<String>> rows = parse(Reports.bytes(writer, report));

        assertThat(rows.get(0)).containsExactly("rule", "severity", "subject", "message", "remedy", "reference");
        assertThat(rows.subList(1, rows.size())).hasSize(report.findings().size());
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            assertThat(rows.get(i + 1)).containsExactly(f.getRule(), f.getSeverity().name(), f.getSubject(),
                    f.getMessage(), f.getRemedy(), f.getReference());
        }
    }

    @Test
    void csvKeepsQuotesAndLineBreaksInsideOneField() throws Exception {
        List<List<String>> rows = parse(Reports.bytes(writer, Reports.hostile()));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(3)).isEqualTo(Reports.hostile().findings().get(0).getMessage());
        assertThat(rows.get(2).get(3)).contains("a line\nbreak");
    }

    @Test
    void csvDefusesWhatExcelWouldRunAsAFormula() throws Exception {
        List<List<String>> rows = parse(Reports.bytes(writer, Reports.hostile()));

        assertThat(rows.get(1).get(4)).isEqualTo("'=HYPERLINK(\"http://evil.example/\",\"click\")");
        assertThat(rows.get(2).get(3)).startsWith("'-2+3");
        assertThat(rows.get(2).get(4)).isEqualTo("'@SUM(A1:A2)");
    }

    @Test
    void csvOfNoFindingsIsTheHeaderAlone() {
        String text = Reports.text(writer, Reports.empty());

        assertThat(text).isEqualTo("\uFEFF\"rule\",\"severity\",\"subject\",\"message\",\"remedy\",\"reference\"\r\n");
    }

    @Test
    void csvHoldsTheFindingsOnlyWhateverTheCoverage() {
        assertThat(Reports.bytes(writer, Reports.covered())).isEqualTo(Reports.bytes(writer, Reports.contosoLike()));
    }

    private static List<List<String>> parse(byte[] bytes) throws Exception {
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(text)) {
            return it.readAll();
        }
    }
}
