package io.migkb.inventory;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One CSV file as Excel saves it or Windows PowerShell's {@code Export-Csv} writes it, read one record at a time:
 * <ul>
 *   <li>UTF-8 with or without a byte-order mark, UTF-16 with one ({@code Export-Csv -Encoding Unicode}); a file
 *       without a mark that is not valid UTF-8 is read as Windows-1252 (what Excel's plain "CSV" saves);</li>
 *   <li>a first line {@code #TYPE ...} (Export-Csv without {@code -NoTypeInformation}) or {@code sep=;} (Excel) is
 *       skipped;</li>
 *   <li>the delimiter is the one of comma, semicolon or tab that the header line uses most (outside quotes);</li>
 *   <li>fields may be quoted, with doubled quotes inside and line breaks; CRLF, LF and CR all end a line;</li>
 *   <li>values are trimmed; records with nothing but empty values (blank lines, Excel's {@code ;;;}) are skipped.</li>
 * </ul>
 * Lines and columns are counted as in the file (the {@code #TYPE} line is line 1; a byte-order mark takes no
 * column), so that a position names the place an editor shows.
 */
final class CsvFile implements Closeable {

    /** The file is not CSV that can be read: an unterminated quote, text after a closing quote. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;
        /** What the file's #TYPE line named, when it had one before the error: to tell its kind all the same. */
        final String typeName;

        SyntaxException(int line, int column, String message) {
            this(line, column, message, "");
        }

        SyntaxException(int line, int column, String message, String typeName) {
            super(message);
            this.line = line;
            this.column = column;
            this.typeName = typeName;
        }
    }

    private static final int EOF = -1;

    private final Reader in;
    private final String encoding;
    private char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private int line = 1;
    private int column = 1;

    private char delimiter = ',';
    private List<String> header = List.of();
    private int headerLine;
    private int[] headerColumns = new int[0];
    /** What the {@code #TYPE} line names ("Microsoft.Rtc.Management.ADConnect.Schema.OCSADUser"), or "". */
    private String typeName = "";

    private final List<String> values = new ArrayList<>();
    /** The records read ahead ({@link #prefetch}); null: read as {@link #next()} asks. */
    private CsvReadAhead ahead;
    /** The current record, when read ahead. */
    private CsvReadAhead.Record current;

    /** What {@code prepare} of {@link #prefetch} made of the current record, or null. */
    Object prepared() {
        return ahead != null ? current.prepared() : null;
    }

    /** The columns whose values are kept ({@link #keepOnly}); null: all. */
    private boolean[] kept;
    /** One past the last kept column: prefetched records hold no more. */
    private int keptUpTo = Integer.MAX_VALUE;
    /** The current record had text in a column not kept. */
    private boolean skippedText;
    private int[] valueLines = new int[16];
    private int[] valueColumns = new int[16];
    private int recordLine;
    private final StringBuilder text = new StringBuilder(64);
    /**
     * Where the value being read starts in the buffer while it is one run of plain text, -1 otherwise: nearly every
     * value is, and then becomes a string straight from the buffer rather than through {@link #text}.
     */
    private int runStart = -1;
    private int runLength;

    private CsvFile(Reader in, String encoding) {
        this.in = in;
        this.encoding = encoding;
    }

    /** The encoding a byte-order mark at the start of {@code head} names, and the mark's length; null: no mark. */
    private record Bom(Charset charset, int length) {
        static Bom of(byte[] head) {
            if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
                return new Bom(StandardCharsets.UTF_16LE, 2);
            }
            if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
                return new Bom(StandardCharsets.UTF_16BE, 2);
            }
            return null;
        }
    }

    /** Opens {@code file} and reads its header; a file with no header line has an empty {@link #header()}. */
    static CsvFile open(Path file) throws IOException, SyntaxException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(4);
            Bom bom = Bom.of(raw.readNBytes(3));
            Charset charset = bom != null ? bom.charset()
                    : Utf8Check.firstMalformed(file) < 0 ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
            raw.reset();
            raw.skipNBytes(bom == null ? 0 : bom.length());
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            CsvFile csv = new CsvFile(new InputStreamReader(raw, decoder), charset.name());
            csv.readHeader();
            return csv;
        } catch (IOException | SyntaxException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Reads no more than the header of {@code file} (and its {@code #TYPE} line) from its first 64 KB, to tell what
     * the file holds without reading all of it; the rows of what it returns are those of the 64 KB only.
     */
    static CsvFile openHead(Path file) throws IOException, SyntaxException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        Bom bom = Bom.of(head);
        Charset charset = bom == null ? StandardCharsets.UTF_8 : bom.charset();
        int skip = bom == null ? 0 : bom.length();
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CsvFile csv = new CsvFile(new InputStreamReader(new java.io.ByteArrayInputStream(head, skip, head.length - skip),
                decoder), charset.name());
        try {
            csv.readHeader();
        } catch (SyntaxException e) {
            throw new SyntaxException(e.line, e.column, e.getMessage(), csv.typeName);
        }
        return csv;
    }

    /** The character set the file was read in ("UTF-8", "windows-1252", ...). */
    String encoding() {
        return encoding;
    }

    char delimiter() {
        return delimiter;
    }

    /** The column names as written (trimmed), in order. */
    List<String> header() {
        return header;
    }

    /** The .NET type the {@code #TYPE} line of an {@code Export-Csv} file names, "" when there is none. */
    String typeName() {
        return typeName;
    }

    /** The line of the header, 0 when the file is empty. */
    int headerLine() {
        return headerLine;
    }

    /** Where column {@code index}'s name stands on the header line. */
    int headerColumn(int index) {
        return headerColumns[index];
    }

    /** The index of the first column named one of {@code names} (case, spaces and underscores ignored), or -1. */
    int column(String... names) {
        for (String name : names) {
            String wanted = loose(name);
            for (int i = 0; i < header.size(); i++) {
                if (loose(header.get(i)).equals(wanted)) {
                    return i;
                }
            }
        }
        return -1;
    }

    static String loose(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != ' ' && c != '_' && c != '-') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ records

    /** Reads the next record that has a value; false at the end of the file. */
    boolean next() throws IOException, SyntaxException {
        if (ahead == null) {
            return parseNext();
        }
        current = ahead.next();
        return current != null;
    }

    /**
     * From now on, records are read on a thread of their own, a few thousand ahead of {@link #next()}
     * ({@link CsvReadAhead}). {@code prepare} (when not null) turns each record's values, by header column, into what
     * the rows' handler needs, on the reading thread too: {@link #prepared()} gives it. {@link #close()} stops the
     * thread.
     */
    void prefetch(Function<String[], Object> prepare) {
        prefetch(prepare, 0);
    }

    /**
     * As {@link #prefetch(Function)}, but reading as far ahead as {@code budgetBytes} allows (an estimate of what the
     * records waiting to be handled hold), rather than a few thousand records: to read a whole file while other
     * files are handled. Once the reading has started, later calls change nothing.
     */
    void prefetch(Function<String[], Object> prepare, long budgetBytes) {
        if (ahead == null) {
            ahead = new CsvReadAhead(() -> parsedRecord(prepare), toString(), budgetBytes);
        }
    }

    /** The next record as the reading thread hands it over, {@code prepare}d, or null at the end of the file. */
    private CsvReadAhead.Record parsedRecord(Function<String[], Object> prepare) throws IOException, SyntaxException {
        if (!parseNext()) {
            return null;
        }
        // a row holds no more than its last kept column (and all of it when it is too long: reported)
        int n = values.size() > header.size() ? values.size() : Math.min(values.size(), keptUpTo);
        String[] row = values.subList(0, n).toArray(new String[n]);
        return new CsvReadAhead.Record(row, oneLine(n) ? null : Arrays.copyOf(valueLines, n),
                Arrays.copyOf(valueColumns, n), recordLine, prepare == null ? null : prepare.apply(row));
    }

    /** True when the first {@code n} values all start on the record's line: nearly every record, which then keeps no lines. */
    private boolean oneLine(int n) {
        for (int i = 0; i < n; i++) {
            if (valueLines[i] != recordLine) {
                return false;
            }
        }
        return true;
    }

    private boolean parseNext() throws IOException, SyntaxException {
        while (true) {
            if (peek() == EOF) {
                return false;
            }
            skippedText = false;
            readRecord();
            // a row with text only in columns not kept is still a row, not a blank line
            if (skippedText) {
                return true;
            }
            for (String v : values) {
                if (!v.isEmpty()) {
                    return true;
                }
            }
        }
    }

    /** The line the current record starts on. */
    int recordLine() {
        return ahead != null ? current.recordLine() : recordLine;
    }

    /** How many values the current record has (it may have fewer or more than the header). */
    int size() {
        return ahead != null ? current.values().length : values.size();
    }

    /** The current record's value in column {@code index}, trimmed; "" when the record is shorter or index is -1. */
    String value(int index) {
        if (ahead != null) {
            return index >= 0 && index < current.values().length ? current.values()[index] : "";
        }
        return index >= 0 && index < values.size() ? values.get(index) : "";
    }

    /** The line of the current record's value {@code index} (of its record when the record is shorter). */
    int line(int index) {
        if (ahead != null) {
            int[] lines = current.lines();
            return lines != null && index >= 0 && index < lines.length ? lines[index] : current.recordLine();
        }
        return index >= 0 && index < values.size() ? valueLines[index] : recordLine;
    }

    /** The column of the current record's value {@code index} (0 when the record is shorter). */
    int column(int index) {
        if (ahead != null) {
            return index >= 0 && index < current.columns().length ? current.columns()[index] : 0;
        }
        return index >= 0 && index < values.size() ? valueColumns[index] : 0;
    }

    @Override
    public void close() throws IOException {
        if (ahead != null) {
            ahead.close();
        }
        in.close();
    }

    // ------------------------------------------------------------------ parsing

    private void readHeader() throws IOException, SyntaxException {
        boolean first = true;
        while (true) {
            skipBlankLines();
            if (peek() == EOF) {
                return;
            }
            String start = peekText(5);
            if (first && start.regionMatches(true, 0, "#TYPE", 0, 5)) {
                typeName = readLine().substring(5).trim();
            } else if (first && start.regionMatches(true, 0, "sep=", 0, 4) && isSepLine()) {
                skipLine();
            } else {
                break;
            }
            first = false;
        }
        delimiter = sniffDelimiter();
        headerLine = line;
        readRecord();
        header = List.copyOf(values);
        headerColumns = Arrays.copyOf(valueColumns, values.size());
    }

    /** "sep=;" on a line of its own: Excel's hint; the hinted delimiter is also what the header will use. */
    private boolean isSepLine() throws IOException {
        String start = peekText(6);
        return start.length() == 5 || start.length() == 6 && (start.charAt(5) == '\r' || start.charAt(5) == '\n');
    }

    /** The delimiter the line ahead uses most outside quotes: comma, semicolon or tab (comma on a tie). */
    private char sniffDelimiter() throws IOException {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; ; i++) {
            int c = peekAt(i);
            if (c == EOF || !quoted && (c == '\n' || c == '\r')) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    commas++;
                } else if (c == ';') {
                    semicolons++;
                } else if (c == '\t') {
                    tabs++;
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return ',';
    }

    private void readRecord() throws IOException, SyntaxException {
        values.clear();
        recordLine = line;
        while (true) {
            while (peek() == ' ' && delimiter != ' ') {
                read();
            }
            int startLine = line;
            int startColumn = column;
            text.setLength(0);
            runStart = -1;
            boolean keep = keeps(values.size());
            int c = peek();
            int close = c == '"' ? simpleQuotedEnd() : -1;
            if (close >= 0) {
                // Export-Csv quotes every value, and nearly all are plain text: taken in one step
                if (keep) {
                    runStart = pos + 1;
                    runLength = close - pos - 1;
                } else {
                    skippedText = skippedText || hasText(pos + 1, close);
                }
                column += close + 1 - pos;
                pos = close + 1;
            } else if (c == '"') {
                read();
                readQuoted(startLine, startColumn, keep);
            } else {
                while ((c = peek()) != EOF && c != delimiter && c != '\n' && c != '\r') {
                    int run = plainRun(delimiter);
                    if (run > 0) {
                        take(run, keep);
                    } else {
                        char ch = (char) read();
                        if (keep) {
                            flushRun();
                            text.append(ch);
                        } else {
                            skippedText |= ch > ' ';
                        }
                    }
                }
            }
            add(valueText(), startLine, startColumn);
            c = peek();
            if (c == delimiter) {
                read();
                continue;
            }
            if (c != EOF) {
                read(); // the line break
            }
            return;
        }
    }

    private void readQuoted(int startLine, int startColumn, boolean keep) throws IOException, SyntaxException {
        while (true) {
            // Most of a quoted value is plain text: taken in one run from the buffer, not a character at a time.
            int run = plainRun('"');
            if (run > 0) {
                take(run, keep);
            }
            int c = read();
            if (c == EOF) {
                throw new SyntaxException(startLine, startColumn, "the quoted value that starts here is not closed;"
                        + " add the closing \" (a quote inside a quoted value is written twice: \"\")");
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    flushRun();
                    text.append('"');
                    continue;
                }
                break;
            }
            if (keep) {
                flushRun();
                text.append((char) c);
            } else {
                skippedText |= c > ' ';
            }
        }
        while (peek() == ' ' || peek() == '\t' && delimiter != '\t') {
            read();
        }
        int c = peek();
        if (c != EOF && c != delimiter && c != '\n' && c != '\r') {
            throw new SyntaxException(line, column, "unexpected " + describe(c) + " after the closing quote of the"
                    + " value that starts at column " + startColumn + (startLine == line ? "" : " of line " + startLine)
                    + "; a quote inside a quoted value is written twice (\"\"), and values are separated by \""
                    + (delimiter == '\t' ? "\\t" : String.valueOf(delimiter)) + "\"");
        }
    }

    private static String describe(int c) {
        return c == '"' ? "quote" : "\"" + (char) c + "\"";
    }

    private void add(String value, int atLine, int atColumn) {
        int i = values.size();
        if (i == valueLines.length) {
            valueLines = Arrays.copyOf(valueLines, i * 2);
            valueColumns = Arrays.copyOf(valueColumns, i * 2);
        }
        values.add(value);
        valueLines[i] = atLine;
        valueColumns[i] = atColumn;
    }

    /**
     * How many characters from {@code pos} on, within the buffer, are neither {@code stop}, a quote nor a line break:
     * text that needs no care, so the callers take it whole and count its columns at once.
     */
    private int plainRun(char stop) {
        int i = pos;
        while (i < limit) {
            char ch = buf[i];
            if (ch == stop || ch == '"' || ch == '\n' || ch == '\r') {
                break;
            }
            i++;
        }
        return i - pos;
    }

    /** Consumes the next {@code run} characters of the buffer: into the value when kept, else only noting text. */
    private void take(int run, boolean keep) {
        if (keep) {
            if (runStart < 0 && text.isEmpty()) {
                runStart = pos;
                runLength = run;
            } else {
                flushRun();
                text.append(buf, pos, run);
            }
        } else {
            skippedText = skippedText || hasText(run);
        }
        pos += run;
        column += run;
    }

    /** Moves the value's run of plain text into {@link #text}, before more is added or the buffer moves. */
    private void flushRun() {
        if (runStart >= 0) {
            text.append(buf, runStart, runLength);
            runStart = -1;
        }
    }

    /** The value just read, trimmed. */
    private String valueText() {
        if (runStart < 0) {
            return text.isEmpty() ? "" : text.toString().trim();
        }
        int from = runStart;
        int to = runStart + runLength;
        runStart = -1;
        while (from < to && buf[from] <= ' ') {
            from++;
        }
        while (to > from && buf[to - 1] <= ' ') {
            to--;
        }
        return from == to ? "" : common(from, to - from);
    }

    /** Values that most rows repeat (Export-Csv's True and False): shared, not a string a cell. */
    private static final String[] COMMON = {"True", "False", "true", "false"};

    private String common(int from, int length) {
        if (length == 4 || length == 5) {
            for (String c : COMMON) {
                if (c.length() == length && bufferHolds(c, from)) {
                    return c;
                }
            }
        }
        return new String(buf, from, length);
    }

    private boolean bufferHolds(String value, int from) {
        for (int i = 0; i < value.length(); i++) {
            if (buf[from + i] != value.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the quoted value that starts at {@code pos} closes, when it holds no quote or line break and what follows
     * its closing quote (a delimiter or a line break) is in the buffer already; -1 for any other value.
     */
    private int simpleQuotedEnd() {
        for (int i = pos + 1; i < limit - 1; i++) {
            char ch = buf[i];
            if (ch == '"') {
                char next = buf[i + 1];
                return next == delimiter || next == '\n' || next == '\r' ? i : -1;
            }
            if (ch == '\n' || ch == '\r') {
                return -1;
            }
        }
        return -1;
    }

    /** True when the next {@code run} characters of the buffer hold more than spaces. */
    private boolean hasText(int run) {
        return hasText(pos, pos + run);
    }

    /** True when the buffer holds more than spaces from {@code from} to {@code to} (exclusive). */
    private boolean hasText(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] > ' ') {
                return true;
            }
        }
        return false;
    }

    /** Whether value {@code index} of a record is kept; values beyond the header are, to tell a row too long. */
    private boolean keeps(int index) {
        return kept == null || index >= kept.length || kept[index];
    }

    /**
     * Keeps only the values of these columns (by index) from now on; the others read as "" without a string being
     * built for them. A Get-CsUser export has some forty columns, of which migkb reads three.
     */
    void keepOnly(int... columns) {
        boolean[] keep = new boolean[header.size()];
        keptUpTo = 0;
        for (int c : columns) {
            if (c >= 0 && c < keep.length) {
                keep[c] = true;
                keptUpTo = Math.max(keptUpTo, c + 1);
            }
        }
        kept = keep;
    }

    private void skipBlankLines() throws IOException {
        while (true) {
            int i = 0;
            int c;
            while ((c = peekAt(i)) == ' ' || c == '\t') {
                i++;
            }
            if (c != '\n' && c != '\r') {
                return;
            }
            skipLine();
        }
    }

    /** The rest of the line, consumed with its line break. */
    private String readLine() throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = read()) != EOF && c != '\n' && c != '\r') {
            b.append((char) c);
        }
        return b.toString();
    }

    private void skipLine() throws IOException {
        int c;
        while ((c = read()) != EOF && c != '\n' && c != '\r') {
            // skip
        }
    }

    // ------------------------------------------------------------------ characters

    /** The next character, consumed; CRLF and CR come out as '\n'. Tracks line and column. */
    private int read() throws IOException {
        int c = peek();
        if (c == EOF) {
            return EOF;
        }
        pos++;
        if (c == '\r') {
            if (peek() == '\n') {
                pos++;
            }
            c = '\n';
        }
        if (c == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        return c;
    }

    private int peek() throws IOException {
        return peekAt(0);
    }

    /** The character {@code i} places ahead, not consumed, or EOF. */
    private int peekAt(int i) throws IOException {
        while (pos + i >= limit) {
            if (eof) {
                return EOF;
            }
            fill();
        }
        return buf[pos + i];
    }

    private String peekText(int n) throws IOException {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int c = peekAt(i);
            if (c == EOF) {
                break;
            }
            b.append((char) c);
        }
        return b.toString();
    }

    private void fill() throws IOException {
        flushRun();
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    @Override
    public String toString() {
        return "CsvFile[delimiter " + (delimiter == '\t' ? "tab" : String.valueOf(delimiter)) + ", "
                + encoding.toLowerCase(Locale.ROOT) + ", header " + header + "]";
    }
}
