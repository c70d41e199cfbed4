package io.migkb.inventory;

import io.migkb.model.Inventory;
import io.migkb.model.SourceLocation;
import io.migkb.model.Suggestions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the folder readers ({@link CsvFolderInventoryReader}, {@link LyncExportInventoryReader}) share: the files of
 * one folder, positions that name their file, checks of single cells that say what the JSON reader says about the
 * same value, and the last step, where the {@link InventoryAssembler} checks what spans files and builds the
 * inventory (or every error found is thrown, in file order, with the column names of the files as fields).
 *
 * <p>A position packs the file's index (bits 56-62), line (bits 32-55) and column; file 0 is {@code plan.yaml},
 * whose positions come from the YAML parser as {@link InventoryAssembler#pos}.
 */
final class CsvInputs {

    /** A column a table may have: the inventory field it fills, the names it may go by (the first is documented). */
    record Column(String field, boolean required, String hint, String... names) {
        String name() {
            return names[0];
        }
    }

    /** An open CSV file and where its columns are; {@code index[i]} is -1 when column i is absent. */
    final class Table implements AutoCloseable {
        final String list;
        final String file;
        final int fileIndex;
        final CsvFile csv;
        final List<Column> columns;
        final int[] index;

        private Table(String list, String file, int fileIndex, CsvFile csv, List<Column> columns, int[] index) {
            this.list = list;
            this.file = file;
            this.fileIndex = fileIndex;
            this.csv = csv;
            this.columns = columns;
            this.index = index;
        }

        boolean has(int column) {
            return index[column] >= 0;
        }

        /** The trimmed value of column {@code c} in the current row, "" when the column is absent. */
        String value(int column) {
            return csv.value(index[column]);
        }

        /** The name column {@code c} has in this file's header, else its documented name. */
        String name(int column) {
            return index[column] >= 0 ? csv.header().get(index[column]) : columns.get(column).name();
        }

        /** The packed position of column {@code c}'s value in the current row (of the row when absent). */
        long pos(int column) {
            int i = index[column];
            return CsvInputs.this.pos(fileIndex, csv.line(i), i >= 0 ? csv.column(i) : 1);
        }

        SourceLocation location(int column) {
            return CsvInputs.this.location(pos(column));
        }

        /** Where the current row starts. */
        SourceLocation rowLocation() {
            return new SourceLocation(file, csv.recordLine(), 1);
        }

        /** Where the current row starts, packed. */
        long rowPos() {
            return CsvInputs.this.pos(fileIndex, csv.recordLine(), 1);
        }

        void error(int column, String message) {
            errors.add(location(column), name(column), message);
        }

        boolean next() throws IOException, CsvFile.SyntaxException {
            return csv.next();
        }

        @Override
        public void close() {
            try {
                csv.close();
            } catch (IOException e) {
                // read only: nothing lost
            }
        }
    }

    private static final Pattern ELEMENT_FIELD =
            Pattern.compile("(pools|users|federatedUsers|meetings)\\[\\d+]\\.(\\w+)(\\[\\d+])?");

    final Path dir;
    final ErrorCollector errors = new ErrorCollector();
    final InventoryAssembler assembler;
    private final List<String> files = new ArrayList<>();
    /** "users.pool" to the column name the file uses, for the assembler's errors. */
    private final Map<String, String> columnNames = new HashMap<>();
    /** A file being read ahead of its turn, and the columns it was opened for. */
    private record ReadingAhead(CsvFile csv, List<Column> columns) {
    }

    /** Files being read ahead of their turn ({@link #readAhead}), by name: {@link #open} takes them over. */
    private final Map<String, ReadingAhead> readingAhead = new HashMap<>();
    private final ClientSpec.Resolver clients = new ClientSpec.Resolver();

    CsvInputs(Path dir) {
        this.dir = dir;
        files.add(display("plan.yaml"));
        List<String> names = files;
        // the inventory keeps the locator: it must hold the file names only, not this reading's state
        this.assembler = new InventoryAssembler(pos -> locate(names, pos), errors);
    }

    /** The name of a file of the folder in messages: the folder as given, then the file. */
    String display(String fileName) {
        return dir.resolve(fileName).toString();
    }

    long pos(int fileIndex, int line, int column) {
        return ((long) fileIndex << 56) | ((long) Math.min(Math.max(line, 0), 0xFF_FFFF) << 32) | Math.max(column, 0);
    }

    SourceLocation location(long pos) {
        return locate(files, pos);
    }

    private static SourceLocation locate(List<String> files, long pos) {
        int fileIndex = (int) (pos >>> 56);
        return new SourceLocation(files.get(fileIndex), (int) ((pos >>> 32) & 0xFF_FFFF), (int) pos);
    }

    /** An error about a whole file. */
    void fileError(String fileName, String message) {
        errors.add(new SourceLocation(display(fileName), 0, 0), null, message);
    }

    // ------------------------------------------------------------------ opening

    /** False (reported) when {@code path} is not a folder. */
    static boolean checkFolder(Path path, ErrorCollector errors, String what) {
        if (Files.isDirectory(path)) {
            return true;
        }
        errors.add(new SourceLocation(path.toString(), 0, 0), null, Files.exists(path)
                ? "is a file; " + what + " is a folder: give the folder's path"
                : "no such folder; check the path (" + what + " is a folder)");
        return false;
    }

    /** Adds a file of the folder to those positions can name; returns its index. */
    int register(String fileName) {
        files.add(display(fileName));
        return files.size() - 1;
    }

    boolean exists(String fileName) {
        return Files.isRegularFile(dir.resolve(fileName));
    }

    /**
     * Opens {@code fileName} and finds its columns; null when it is absent (reported when required) or cannot be
     * read (reported). With {@code strict}, a column that is none of {@code columns} is an error (a misspelt column
     * would otherwise be lost silently); columns named {@code #...} or nothing are ignored either way.
     */
    Table open(String fileName, String list, boolean required, boolean strict, List<Column> columns,
               String missingHint) {
        Path path = dir.resolve(fileName);
        String name = display(fileName);
        if (!Files.isRegularFile(path)) {
            if (Files.exists(path) && !required) {
                // An optional file that is a folder (or a pipe) must not be skipped as if absent.
                errors.add(new SourceLocation(name, 0, 0), null, (Files.isDirectory(path) ? "is a folder" :
                        "is not a regular file") + "; it should be a CSV file (" + missingHint + "), or absent");
                return null;
            }
            if (required) {
                errors.add(new SourceLocation(name, 0, 0), null, Files.isDirectory(path)
                        ? "is a folder; it should be a CSV file (" + missingHint + ")"
                        : "missing; the folder needs " + fileName + " (" + missingHint + ")");
            }
            return null;
        }
        int fileIndex = register(fileName);
        ReadingAhead ahead = readingAhead.remove(fileName);
        if (ahead != null && ahead.columns() != columns) {
            close(ahead.csv()); // opened for other columns: read afresh
            ahead = null;
        }
        boolean readAhead = ahead != null;
        CsvFile csv = readAhead ? ahead.csv() : null;
        try {
            if (!readAhead) {
                csv = CsvFile.open(path);
            }
        } catch (NoSuchFileException e) {
            errors.add(new SourceLocation(name, 0, 0), null, "no such file; check the path");
            return null;
        } catch (AccessDeniedException e) {
            errors.add(new SourceLocation(name, 0, 0), null, "permission denied; cannot read the file");
            return null;
        } catch (IOException e) {
            errors.add(new SourceLocation(name, 0, 0), null, "cannot read the file: " + e.getMessage());
            return null;
        } catch (CsvFile.SyntaxException e) {
            errors.add(new SourceLocation(name, e.line, e.column), null, "malformed CSV: " + e.getMessage());
            return null;
        }
        if (csv.header().isEmpty()) {
            errors.add(new SourceLocation(name, 0, 0), null, "the file is empty; it needs a header line naming its"
                    + " columns (" + missingHint + ")");
            close(csv);
            return null;
        }
        int[] index = new int[columns.size()];
        boolean ok = true;
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            index[c] = csv.column(column.names());
            if (list != null) {
                columnNames.putIfAbsent(list + "." + column.field(),
                        index[c] >= 0 ? csv.header().get(index[c]) : column.name());
            }
            if (index[c] < 0 && column.required()) {
                errors.add(new SourceLocation(name, csv.headerLine(), 0), column.name(), "missing required column \""
                        + column.name() + "\"" + (column.names().length > 1 ? " (or "
                        + String.join(", ", List.of(column.names()).subList(1, column.names().length)) + ")" : "")
                        + ": " + column.hint() + "; the header has " + quoted(csv.header())
                        + " (column names are compared ignoring case, spaces and underscores)");
                ok = false;
            }
        }
        ok &= checkHeader(csv, name, columns, index, strict);
        if (!ok) {
            close(csv);
            return null;
        }
        if (!readAhead) {
            csv.keepOnly(index); // a file read ahead keeps the same columns already
        }
        return new Table(list, name, fileIndex, csv, columns, index);
    }

    /**
     * Starts reading {@code fileName}, when the folder has it, on a thread of its own, as far ahead as a sixteenth of
     * the heap allows, so that the largest file of a folder is read while the files before it are handled
     * (docs/performance.md, "Reading customer exports"); {@code prepare} is given the file's index of each of
     * {@code columns} and gives what works out each row's cells on that thread. {@link #open} (with the same
     * columns) takes the reading over in its turn and reports whatever is wrong with the file then;
     * {@link #closeReadAhead} stops a reading nobody took over.
     */
    void readAhead(String fileName, List<Column> columns, Function<int[], Function<String[], Object>> prepare) {
        Path path = dir.resolve(fileName);
        if (!Files.isRegularFile(path)) {
            return;
        }
        CsvFile csv;
        try {
            csv = CsvFile.open(path);
        } catch (IOException | CsvFile.SyntaxException e) {
            return; // open reports it in its turn
        }
        // the columns open finds, and keeps, in its turn
        int[] index = new int[columns.size()];
        for (int c = 0; c < index.length; c++) {
            index[c] = csv.column(columns.get(c).names());
        }
        csv.keepOnly(index);
        csv.prefetch(prepare.apply(index), Runtime.getRuntime().maxMemory() / 16);
        readingAhead.put(fileName, new ReadingAhead(csv, columns));
    }

    /** Stops the readings ahead that no {@link #open} took over (a read that ended before their turn). */
    void closeReadAhead() {
        readingAhead.values().forEach(r -> close(r.csv()));
        readingAhead.clear();
    }

    private boolean checkHeader(CsvFile csv, String name, List<Column> columns, int[] index, boolean strict) {
        boolean ok = true;
        List<String> header = csv.header();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (h.isEmpty() || h.startsWith("#")) {
                continue;
            }
            Integer first = seen.putIfAbsent(CsvFile.loose(h), i);
            boolean used = false;
            for (int c = 0; c < columns.size(); c++) {
                used |= index[c] == i;
            }
            SourceLocation at = new SourceLocation(name, csv.headerLine(), csv.headerColumn(i));
            if (first != null) {
                if (used || strict) {
                    errors.add(at, h, "column \"" + h + "\" appears twice in the header (also column " + (first + 1)
                            + "); keep one");
                    ok = false;
                }
            } else if (strict && !used && otherName(h, columns, index, header) != null) {
                // A second name of a column the header already has (Identity beside fqdn): not a typo.
                errors.add(at, h, "column \"" + h + "\" and column \"" + otherName(h, columns, index, header)
                        + "\" both give " + columnOf(h, columns).name() + " (" + h + " is another name for it);"
                        + " keep one");
                ok = false;
            } else if (strict && !used) {
                List<String> known = new ArrayList<>();
                columns.forEach(c -> known.addAll(List.of(c.names())));
                String suggestion = Suggestions.closest(h, known);
                errors.add(at, h, "unknown column \"" + h + "\""
                        + (suggestion == null ? "" : "; did you mean \"" + suggestion + "\"?")
                        + " (columns of this file: " + String.join(", ", columns.stream().map(Column::name).toList())
                        + "; a column whose name starts with # is ignored)");
                ok = false;
            }
        }
        return ok;
    }

    /** The column {@code h} is one of the names of, or null. */
    private static Column columnOf(String h, List<Column> columns) {
        String loose = CsvFile.loose(h);
        for (Column c : columns) {
            for (String n : c.names()) {
                if (CsvFile.loose(n).equals(loose)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** The header name that already gives the column {@code h} also names, or null. */
    private static String otherName(String h, List<Column> columns, int[] index, List<String> header) {
        Column c = columnOf(h, columns);
        if (c == null) {
            return null;
        }
        int at = index[columns.indexOf(c)];
        return at >= 0 && !CsvFile.loose(header.get(at)).equals(CsvFile.loose(h)) ? header.get(at) : null;
    }

    private static String quoted(List<String> header) {
        List<String> shown = header.size() > 12 ? header.subList(0, 12) : header;
        return "\"" + String.join("\", \"", shown) + "\"" + (header.size() > 12 ? " and " + (header.size() - 12)
                + " more" : "");
    }

    private static void close(CsvFile csv) {
        try {
            csv.close();
        } catch (IOException e) {
            // read only
        }
    }

    /**
     * Reads every row of {@code table} with {@code row}, then closes it; a malformed row stops the file there
     * (reported), since what follows cannot be told apart. False when the file could not be read to its end.
     */
    boolean forEachRow(Table table, RowHandler row) {
        return forEachRow(table, null, row);
    }

    /**
     * As {@link #forEachRow(Table, RowHandler)}, the file read on a thread of its own, where {@code prepare} (when
     * not null) also turns each row's values into what {@code row} needs ({@link Table#prepared}).
     */
    boolean forEachRow(Table table, java.util.function.Function<String[], Object> prepare, RowHandler row) {
        if (table == null) {
            return true;
        }
        table.csv.prefetch(prepare);
        try (table) {
            int i = 0;
            while (table.next()) {
                if (!tooLong(table)) {
                    row.accept(i);
                }
                i++;
            }
            return true;
        } catch (CsvFile.SyntaxException e) {
            errors.add(new SourceLocation(table.file, e.line, e.column), null, "malformed CSV: " + e.getMessage());
        } catch (IOException e) {
            errors.add(new SourceLocation(table.file, 0, 0), null, "cannot read the file: " + e.getMessage());
        }
        return false;
    }

    /** True (reported) when the row has a value beyond the header's last column: its values are out of place. */
    private boolean tooLong(Table t) {
        CsvFile csv = t.csv;
        for (int i = csv.header().size(); i < csv.size(); i++) {
            if (!csv.value(i).isEmpty()) {
                errors.add(new SourceLocation(t.file, csv.line(i), csv.column(i)), null, "this row has more values"
                        + " than the header has columns (" + csv.header().size() + "); is a value holding \""
                        + csv.delimiter() + "\" missing its quotes? The row is skipped");
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    interface RowHandler {
        void accept(int rowIndex);
    }

    // ------------------------------------------------------------------ cells

    /** A SIP address: the value without a leading {@code sip:} (any case). */
    static String sip(String value) {
        // cells come trimmed: only the rare untrimmed value pays for a copy
        String v = value.isEmpty() || value.charAt(0) > ' ' && value.charAt(value.length() - 1) > ' ' ? value
                : value.trim();
        return v.regionMatches(true, 0, "sip:", 0, 4) ? v.substring(4).trim() : v;
    }

    /** The value of a required column; null (reported) when empty. */
    String required(Table t, int column) {
        String value = t.value(column);
        if (value.isEmpty()) {
            t.error(column, "must not be empty; give " + t.columns.get(column).hint());
            return null;
        }
        return value;
    }

    /** A required SIP address, without a {@code sip:} prefix; null (reported) when empty. */
    String requiredSip(Table t, int column) {
        String value = sip(t.value(column));
        if (value.isEmpty()) {
            t.error(column, "must not be empty; give " + t.columns.get(column).hint());
            return null;
        }
        return value;
    }

    /** A yes/no value: true, false, yes, no, 1, 0 (any case); empty is {@code false}; null (reported) otherwise. */
    Boolean bool(Table t, int column) {
        Boolean b = boolOf(t.value(column));
        if (b == null) {
            t.error(column, notABoolean(t.value(column)));
        }
        return b;
    }

    /** A yes/no value as {@link #bool} takes it; null when it is none. */
    static Boolean boolOf(String raw) {
        // Export-Csv writes True and False: no lower-case copy of every cell for them
        if (raw.equals("True") || raw.isEmpty()) {
            return !raw.isEmpty();
        }
        if (raw.equals("False")) {
            return false;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "false", "no", "n", "0", "falsch", "faux" -> false;
            case "true", "yes", "y", "1", "wahr", "vrai" -> true;
            default -> null;
        };
    }

    static String notABoolean(String raw) {
        return "expected true or false (or yes/no, 1/0), not \"" + raw + "\"";
    }

    /** A whole number of 0 or more; empty is 0; -1 (reported) when invalid. */
    int count(Table t, int column) {
        String value = t.value(column);
        if (value.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                t.error(column, "must be 0 or more, not " + n);
                return -1;
            }
            return n;
        } catch (NumberFormatException e) {
            t.error(column, value.matches("-?\\d+") ? "the number " + value + " is too large"
                    : "expected a whole number, not \"" + value + "\"");
            return -1;
        }
    }

    /** The items of a list value, separated by {@code ;}, {@code |} or {@code ,}; empty items dropped. */
    static List<String> items(String value) {
        return split(value, false);
    }

    /** The SIP addresses of a list cell, each without {@code sip:}: {@link #items} and {@link #sip} in one pass. */
    static List<String> sips(String value) {
        return split(value, true);
    }

    /** The trimmed, non-empty items of a list cell, without a leading {@code sip:} when {@code sips}. */
    private static List<String> split(String value, boolean sips) {
        List<String> items = new ArrayList<>(4); // a cell lists a few items
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || isItemSeparator(value.charAt(i))) {
                int from = start;
                int to = i;
                while (from < to && value.charAt(from) <= ' ') {
                    from++;
                }
                while (to > from && value.charAt(to - 1) <= ' ') {
                    to--;
                }
                if (sips && to - from >= 4 && value.regionMatches(true, from, "sip:", 0, 4)) {
                    from += 4;
                    while (from < to && value.charAt(from) <= ' ') {
                        from++;
                    }
                }
                if (to > from) {
                    items.add(value.substring(from, to)); // the value itself when it is the one item
                }
                start = i + 1;
            }
        }
        return items;
    }

    private static boolean isItemSeparator(char c) {
        return c == ';' || c == '|' || c == ',';
    }

    /** A list of names of {@code type}; unknown names are reported and left out. */
    <E extends Enum<E>> Set<E> choices(Table t, int column, Class<E> type) {
        List<String> unknown = new ArrayList<>(0);
        Set<E> result = choicesOf(t.value(column), type, unknown);
        reportUnknownChoices(t, column, type, unknown);
        return result;
    }

    /** The names of {@code type} in a list cell; the items that name none go to {@code unknown}. */
    static <E extends Enum<E>> Set<E> choicesOf(String value, Class<E> type, List<String> unknown) {
        if (value.isEmpty()) {
            return Set.of();
        }
        Set<E> result = EnumSet.noneOf(type);
        for (String item : items(value)) {
            E e = StructuredInventoryParser.choiceNamed(type, item);
            if (e == null) {
                unknown.add(item);
            } else {
                result.add(e);
            }
        }
        return result;
    }

    static void reportUnknownChoices(Table t, int column, Class<? extends Enum<?>> type, List<String> unknown) {
        for (String item : unknown) {
            t.error(column, StructuredInventoryParser.unknownChoiceMessage(type, item) + " (separate several with ; or |)");
        }
    }

    /** A client given by name or user agent; null when unknown (not reported: the caller decides). */
    ClientSpec client(String text) {
        return clients.resolve(text);
    }

    /** A required client cell; null (reported) when empty or unknown. */
    ClientSpec requiredClient(Table t, int column) {
        String text = t.value(column);
        ClientSpec spec = client(text);
        if (spec == null) {
            t.error(column, StructuredInventoryParser.unknownClientMessage(text));
        }
        return spec;
    }

    // ------------------------------------------------------------------ shared files

    /**
     * Reads {@code plan.yaml} when the folder has one: {@code organization} and {@code plan} as in a YAML
     * inventory, with the same checks. A file with nothing but comments counts as absent. False when it could
     * not be read to its end.
     */
    boolean readPlan() {
        Path path = dir.resolve("plan.yaml");
        if (!Files.isRegularFile(path)) {
            if (Files.exists(path)) {
                errors.add(new SourceLocation(display("plan.yaml"), 0, 0), null, (Files.isDirectory(path)
                        ? "is a folder" : "is not a regular file") + "; it should be a YAML file with organization"
                        + " and plan, or absent");
                return false;
            }
            return true;
        }
        try {
            boolean blank = true;
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                String text = line.replace("\uFEFF", "").strip();
                if (!text.isEmpty() && !text.startsWith("#") && !"---".equals(text)) {
                    blank = false;
                    break;
                }
            }
            if (blank) {
                return true;
            }
        } catch (IOException e) {
            // not UTF-8 or unreadable: the parser says which, with the line
        }
        return StructuredInventoryParser.readInto(YamlInventoryReader.FACTORY, "YAML", path, files.get(0), errors,
                assembler);
    }

    // ------------------------------------------------------------------ the end

    /** Checks what spans files and builds the inventory, or throws every error found, in file order. */
    Inventory finish(boolean complete) throws InventoryException {
        if (complete) {
            assembler.resolve();
        }
        if (errors.isEmpty()) {
            return assembler.build();
        }
        throw failure();
    }

    /** The errors found so far, sorted by file (in the order read), line and column, fields named as in the files. */
    InventoryException failure() {
        InventoryException e = errors.toException();
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            order.putIfAbsent(files.get(i), i);
        }
        List<InventoryError> sorted = new ArrayList<>();
        for (InventoryError error : e.getErrors()) {
            sorted.add(new InventoryError(error.location(), columnName(error.field()), error.message()));
        }
        sorted.sort(Comparator
                .comparingInt((InventoryError x) -> x.location() == null ? -1
                        : order.getOrDefault(x.location().file(), files.size()))
                .thenComparingInt(x -> x.location() == null ? 0 : x.location().line())
                .thenComparingInt(x -> x.location() == null ? 0 : x.location().column()));
        return new InventoryException(sorted, e.getOmittedCount());
    }

    /** {@code users[3].pool} becomes the column the pool came from ("RegistrarPool"); other fields stay. */
    private String columnName(String field) {
        if (field == null) {
            return null;
        }
        Matcher m = ELEMENT_FIELD.matcher(field);
        if (m.matches()) {
            String column = columnNames.get(m.group(1) + "." + m.group(2));
            if (column != null) {
                return column;
            }
        }
        return field;
    }
}
