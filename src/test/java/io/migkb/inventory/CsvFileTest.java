package io.migkb.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV as Excel saves it and PowerShell's Export-Csv writes it. */
class CsvFileTest {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    private Path write(String text, Charset charset, byte[] bom) throws IOException {
        Path file = dir.resolve("t.csv");
        byte[] body = text.getBytes(charset);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Files.write(file, all);
        return file;
    }

    private Path write(String text) throws IOException {
        return write(text, StandardCharsets.UTF_8, new byte[0]);
    }

    /** Every record as its values. */
    private static List<List<String>> records(CsvFile csv) throws Exception {
        List<List<String>> records = new ArrayList<>();
        while (csv.next()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < csv.size(); i++) {
                values.add(csv.value(i));
            }
            records.add(values);
        }
        return records;
    }

    @Test
    void valuesReadTheSameWhereverTheReadingBufferEnds() throws Exception {
        // Values are cut out of a 64K buffer, straight into strings when they are one run of plain text: values of
        // every length, padded, quoted, with doubled quotes and line breaks, must cross the buffer's end intact.
        java.util.Random random = new java.util.Random(7);
        List<List<String>> expected = new ArrayList<>();
        StringBuilder text = new StringBuilder("a,b,c\n");
        for (int row = 0; row < 4000; row++) {
            List<String> values = new ArrayList<>();
            for (int column = 0; column < 3; column++) {
                String core = "v".repeat(random.nextInt(90)) + row;
                switch (random.nextInt(4)) {
                    case 0 -> text.append(core);
                    case 1 -> text.append("  ").append(core).append(' ');
                    case 2 -> text.append('"').append(core).append('"');
                    default -> {
                        core = core + "\"x\"\nnext";
                        text.append('"').append(core.replace("\"", "\"\"")).append('"');
                    }
                }
                values.add(core);
                text.append(column < 2 ? "," : "\r\n");
            }
            expected.add(values);
        }
        assertThat(text.length()).isGreaterThan(4 * 65536);
        try (CsvFile csv = CsvFile.open(write(text.toString()))) {
            assertThat(records(csv)).isEqualTo(expected);
        }
    }

    @Test
    void readsCommaSeparatedValuesWithoutABom() throws Exception {
        try (CsvFile csv = CsvFile.open(write("sip,pool\nalice@contoso.com,ocs.contoso.com\n"))) {
            assertThat(csv.delimiter()).isEqualTo(',');
            assertThat(csv.header()).containsExactly("sip", "pool");
            assertThat(records(csv)).containsExactly(List.of("alice@contoso.com", "ocs.contoso.com"));
        }
    }

    @Test
    void stripsAUtf8BomAndKeepsNonAsciiText() throws Exception {
        try (CsvFile csv = CsvFile.open(write("name;sip\r\nZoë;zoe@contoso.com\r\n", StandardCharsets.UTF_8, UTF8_BOM))) {
            assertThat(csv.header()).containsExactly("name", "sip");
            assertThat(csv.headerColumn(0)).isEqualTo(1);
            assertThat(records(csv)).containsExactly(List.of("Zoë", "zoe@contoso.com"));
        }
    }

    @Test
    void readsUtf16WithItsBomAsExportCsvEncodingUnicodeWritesIt() throws Exception {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        try (CsvFile csv = CsvFile.open(write("\"SipAddress\",\"RegistrarPool\"\r\n\"sip:zoë@contoso.com\",\"p\"\r\n",
                StandardCharsets.UTF_16LE, bom))) {
            assertThat(records(csv)).containsExactly(List.of("sip:zoë@contoso.com", "p"));
        }
    }

    @Test
    void readsAFileThatIsNotUtf8AsWindows1252LikeExcelsPlainCsv() throws Exception {
        try (CsvFile csv = CsvFile.open(write("name,sip\nZoë,zoe@contoso.com\n", Charset.forName("windows-1252"),
                new byte[0]))) {
            assertThat(csv.encoding()).isEqualTo("windows-1252");
            assertThat(records(csv)).containsExactly(List.of("Zoë", "zoe@contoso.com"));
        }
    }

    @Test
    void sniffsTheSemicolonFromTheHeaderIgnoringDelimitersInsideQuotes() throws Exception {
        String text = "\"a,b\";\"c,d\";e\n1,5;2;3\n";
        try (CsvFile csv = CsvFile.open(write(text))) {
            assertThat(csv.delimiter()).isEqualTo(';');
            assertThat(csv.header()).containsExactly("a,b", "c,d", "e");
            assertThat(records(csv)).containsExactly(List.of("1,5", "2", "3"));
        }
    }

    @Test
    void quotedValuesHoldDelimitersDoubledQuotesAndLineBreaks() throws Exception {
        String text = "id,subject,url\r\n"
                + "m-1,\"Budget, \"\"draft\"\" 2\",\"meet:sip:a@b;gruu\"\r\n"
                + "m-2,\"two\r\nlines\",x\r\n"
                + "m-3,,\"\"\r\n";
        try (CsvFile csv = CsvFile.open(write(text))) {
            assertThat(records(csv)).containsExactly(
                    List.of("m-1", "Budget, \"draft\" 2", "meet:sip:a@b;gruu"),
                    List.of("m-2", "two\nlines", "x"),
                    List.of("m-3", "", ""));
        }
    }

    @Test
    void skipsTheTypeLineAndCountsItInLineNumbers() throws Exception {
        String text = "#TYPE Microsoft.Rtc.Management.ADConnect.Schema.OCSADUser\r\n"
                + "\"Identity\",\"SipAddress\"\r\n"
                + "\"CN=Ken Myer,OU=Redmond,DC=litwareinc,DC=com\",\"sip:kenmyer@litwareinc.com\"\r\n";
        try (CsvFile csv = CsvFile.open(write(text, StandardCharsets.UTF_8, UTF8_BOM))) {
            assertThat(csv.headerLine()).isEqualTo(2);
            assertThat(csv.next()).isTrue();
            assertThat(csv.recordLine()).isEqualTo(3);
            assertThat(csv.value(0)).isEqualTo("CN=Ken Myer,OU=Redmond,DC=litwareinc,DC=com");
            assertThat(csv.line(1)).isEqualTo(3);
            assertThat(csv.column(1)).isEqualTo(47);
        }
    }

    @Test
    void skipsExcelsSepLineAndBlankRows() throws Exception {
        String text = "sep=;\nsip;pool\n\n;\na;b\n;;\n";
        try (CsvFile csv = CsvFile.open(write(text))) {
            assertThat(csv.header()).containsExactly("sip", "pool");
            assertThat(csv.next()).isTrue();
            assertThat(csv.recordLine()).isEqualTo(5);
            assertThat(csv.value(0)).isEqualTo("a");
            assertThat(csv.next()).isFalse();
        }
    }

    @Test
    void numbersLinesAfterAQuotedLineBreakAsTheFileDoes() throws Exception {
        try (CsvFile csv = CsvFile.open(write("a,b\n\"x\ny\",1\nz,2\n"))) {
            csv.next();
            csv.next();
            assertThat(csv.recordLine()).isEqualTo(4);
            assertThat(csv.column(1)).isEqualTo(3);
        }
    }

    @Test
    void quotedValuesTakenWholeKeepTheirColumnsAndAreTrimmed() throws Exception {
        // Export-Csv quotes every value: a plain quoted one is taken in one step, and must still say where it is
        try (CsvFile csv = CsvFile.open(write("\"a\",\"b\",\"c\"\r\n\"x\",\"  y \",\"\"\r\n\"p,q\",z\n"))) {
            assertThat(csv.next()).isTrue();
            assertThat(List.of(csv.value(0), csv.value(1), csv.value(2))).containsExactly("x", "y", "");
            assertThat(List.of(csv.column(0), csv.column(1), csv.column(2))).containsExactly(1, 5, 12);
            assertThat(csv.line(1)).isEqualTo(2);
            assertThat(csv.next()).isTrue();
            assertThat(List.of(csv.value(0), csv.value(1))).containsExactly("p,q", "z");
            assertThat(csv.column(1)).isEqualTo(7);
            assertThat(csv.next()).isFalse();
        }
    }

    @Test
    void aRowWithTextOnlyInColumnsNotKeptIsARowAndAnEmptyOneIsNot() throws Exception {
        try (CsvFile csv = CsvFile.open(write("\"a\",\"b\"\n\"\",\" \"\n\"\",\"x\"\n\"1\",\"\"\n"))) {
            csv.keepOnly(0);
            // the blank row is skipped; the one with text in column b is a row, its b read as ""
            assertThat(records(csv)).containsExactly(List.of("", ""), List.of("1", ""));
        }
    }

    @Test
    void readingFarAheadInASmallBudgetGivesEveryRecordInOrderThenTheError() throws Exception {
        StringBuilder text = new StringBuilder("n,text\n");
        for (int i = 0; i < 5000; i++) {
            text.append(i).append(",\"some text ").append(i).append("\"\n");
        }
        text.append("5000,\"unclosed\n");
        try (CsvFile csv = CsvFile.open(write(text.toString()))) {
            // a budget far below one chunk of records: the reading waits for room, chunk by chunk, and goes on
            csv.prefetch(row -> Integer.parseInt(row[0]), 1);
            for (int i = 0; i < 5000; i++) {
                assertThat(csv.next()).isTrue();
                assertThat(csv.prepared()).isEqualTo(i);
                assertThat(csv.value(1)).isEqualTo("some text " + i);
                assertThat(csv.recordLine()).isEqualTo(i + 2);
            }
            CsvFile.SyntaxException e = catchThrowableOfType(CsvFile.SyntaxException.class, csv::next);
            assertThat(e.line).isEqualTo(5002);
            assertThat(csv.next()).isFalse();
        }
    }

    @Test
    void anUnclosedQuoteIsAnErrorWhereTheValueStarts() throws Exception {
        try (CsvFile csv = CsvFile.open(write("a,b\n1,\"open\n2,3\n"))) {
            CsvFile.SyntaxException e = catchThrowableOfType(CsvFile.SyntaxException.class, () -> records(csv));
            assertThat(e.line).isEqualTo(2);
            assertThat(e.column).isEqualTo(3);
            assertThat(e.getMessage()).contains("not closed");
        }
    }

    @Test
    void textAfterAClosingQuoteIsAnErrorThatExplainsDoubledQuotes() throws Exception {
        try (CsvFile csv = CsvFile.open(write("a,b\n1,\"say \"hi\"\"\n"))) {
            CsvFile.SyntaxException e = catchThrowableOfType(CsvFile.SyntaxException.class, () -> records(csv));
            assertThat(e.line).isEqualTo(2);
            assertThat(e.column).isEqualTo(9);
            assertThat(e.getMessage()).contains("\"\"");
        }
    }

    @Test
    void findsColumnsIgnoringCaseSpacesAndUnderscores() throws Exception {
        try (CsvFile csv = CsvFile.open(write("\"SIP Address\",registrar_pool\n"))) {
            assertThat(csv.column("SipAddress")).isZero();
            assertThat(csv.column("Enabled", "RegistrarPool")).isEqualTo(1);
            assertThat(csv.column("Enabled")).isEqualTo(-1);
        }
    }
}
