package io.migkb.waiver;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.migkb.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a waivers file (YAML; JSON is YAML too): a list of waivers, each with {@code rule}, {@code subject},
 * {@code reason}, {@code owner} and {@code expires} (yyyy-mm-dd), all required. Every problem is reported with file,
 * line, column and field, up to {@link #MAX_PROBLEMS}; a file with any problem yields no waivers.
 *
 * <pre>
 * - rule: CLIENT-IM-ONLY
 *   subject: "user:*@branch.contoso.com"
 *   reason: branch office keeps Communicator 2007 R2 until the hardware refresh
 *   owner: it-ops@contoso.com
 *   expires: 2027-03-31
 * </pre>
 */
public final class WaiverReader {
    public static final int MAX_PROBLEMS = 50;
    static final List<String> FIELDS = List.of("rule", "subject", "reason", "owner", "expires");

    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** An expiry before this year is a typo (0000-01-01), not a waiver. */
    static final int MIN_YEAR = 2000;

    private WaiverReader() {
    }

    public static WaiverSet read(Path file) throws IOException, WaiverFileException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), YAML.createParser(in));
        }
    }

    /** Reads waivers from text; {@code name} is the file name errors give. */
    public static WaiverSet read(String name, String yaml) throws IOException, WaiverFileException {
        try (Reader in = new StringReader(yaml)) {
            return read(name, YAML.createParser(in));
        }
    }

    private static WaiverSet read(String name, JsonParser parser) throws IOException, WaiverFileException {
        Problems problems = new Problems(name);
        List<Waiver> waivers = new ArrayList<>();
        try (parser) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return new WaiverSet(name, List.of());
            }
            if (token != JsonToken.START_ARRAY) {
                problems.add(parser.currentTokenLocation(), "",
                        "a waivers file is a list of waivers, each starting with '- rule:'");
                throw problems.exception();
            }
            int index = 0;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                Waiver w = readWaiver(parser, "[" + index + "]", problems);
                if (w != null) {
                    waivers.add(w);
                }
                index++;
                if (problems.full()) {
                    break;
                }
            }
        } catch (JsonProcessingException e) {
            problems.add(yamlLocation(e), "", "not valid YAML: " + yamlProblem(e));
        }
        if (!problems.isEmpty()) {
            throw problems.exception();
        }
        return new WaiverSet(name, waivers);
    }

    private static Waiver readWaiver(JsonParser parser, String path, Problems problems) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            problems.add(start, path, "a waiver is a mapping of " + String.join(", ", FIELDS)
                    + " (found " + describe(parser) + ")");
            parser.skipChildren();
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, JsonLocation> where = new LinkedHashMap<>();
        int before = problems.size();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonLocation fieldAt = parser.currentTokenLocation();
            JsonToken value = parser.nextToken();
            JsonLocation valueAt = parser.currentTokenLocation();
            if (!FIELDS.contains(field)) {
                problems.add(fieldAt, path + "." + field, "unknown field (a waiver has " + String.join(", ", FIELDS) + ")");
                parser.skipChildren();
                continue;
            }
            if (where.containsKey(field)) {
                problems.add(fieldAt, path + "." + field, "given twice in the same waiver");
                parser.skipChildren();
                continue;
            }
            where.put(field, valueAt);
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            if (!value.isScalarValue()) {
                problems.add(valueAt, path + "." + field, "must be text, not " + describe(parser));
                parser.skipChildren();
                continue;
            }
            if (value != JsonToken.VALUE_STRING) {
                // YAML reads 42, true or 1.5 as a number or a boolean: a waiver's fields are words and a date.
                problems.add(valueAt, path + "." + field, "must be text, not the " + scalarKind(value) + " "
                        + parser.getText() + ("expires".equals(field) ? "; write a date yyyy-mm-dd, e.g. 2027-03-31"
                        : "; put it in quotes if it is meant as text"));
                continue;
            }
            String text = parser.getText().strip();
            if (!text.isEmpty()) {
                values.put(field, text);
            }
        }
        for (String field : FIELDS) {
            if (values.containsKey(field)) {
                continue;
            }
            if (!where.containsKey(field)) {
                problems.add(start, path + "." + field, "missing: every waiver needs " + String.join(", ", FIELDS));
            } else if (!hasProblem(problems, path + "." + field)) {
                problems.add(where.get(field), path + "." + field, "must not be empty");
            }
        }
        LocalDate expires = null;
        if (values.containsKey("expires")) {
            try {
                String date = values.get("expires");
                // Plain yyyy-mm-dd only: ISO also reads "+999999999-12-31", which is no expiry at all.
                if (!DATE.matcher(date).matches()) {
                    throw new DateTimeParseException("not yyyy-mm-dd", date, 0);
                }
                expires = LocalDate.parse(date);
                if (expires.getYear() < MIN_YEAR) {
                    problems.add(where.get("expires"), path + ".expires", "\"" + date + "\" is before " + MIN_YEAR
                            + ": write the day the waiver ends, e.g. 2027-03-31");
                }
            } catch (DateTimeParseException e) {
                problems.add(where.get("expires"), path + ".expires",
                        "\"" + values.get("expires") + "\" is not a date: write yyyy-mm-dd, e.g. 2027-03-31");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Waiver(values.get("rule"), values.get("subject"), values.get("reason"), values.get("owner"), expires,
                problems.location(start));
    }

    /** Where SnakeYAML saw the trouble start (the unclosed quote, the open bracket), else where it gave up. */
    private static JsonLocation yamlLocation(JsonProcessingException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
            org.yaml.snakeyaml.error.Mark mark = m.getContextMark() != null ? m.getContextMark() : m.getProblemMark();
            if (mark != null) {
                return new JsonLocation(com.fasterxml.jackson.core.io.ContentReference.unknown(), -1L, mark.getLine() + 1,
                        mark.getColumn() + 1);
            }
        }
        return e.getLocation();
    }

    /** SnakeYAML's own words without its multi-line excerpt: "while parsing a flow sequence: expected ',' or ']'". */
    private static String yamlProblem(JsonProcessingException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblem() != null) {
            return (m.getContext() == null ? "" : m.getContext() + ": ") + m.getProblem();
        }
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String scalarKind(JsonToken t) {
        return switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            default -> "value";
        };
    }

    private static boolean hasProblem(Problems problems, String field) {
        return problems.list.stream().anyMatch(p -> p.field().equals(field));
    }

    private static String describe(JsonParser parser) {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.START_ARRAY) {
            return "a list";
        }
        if (t == JsonToken.START_OBJECT) {
            return "a mapping";
        }
        return "\"" + parserText(parser) + "\"";
    }

    private static String parserText(JsonParser parser) {
        try {
            return parser.getText();
        } catch (IOException e) {
            return "?";
        }
    }

    private static final class Problems {
        private final String file;
        private final List<WaiverProblem> list = new ArrayList<>();

        Problems(String file) {
            this.file = file;
        }

        SourceLocation location(JsonLocation at) {
            if (at == null) {
                return new SourceLocation(file, 0, 0);
            }
            return new SourceLocation(file, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()));
        }

        void add(JsonLocation at, String field, String message) {
            if (list.size() < MAX_PROBLEMS) {
                list.add(new WaiverProblem(location(at), field, message));
            }
        }

        int size() {
            return list.size();
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        boolean full() {
            return list.size() >= MAX_PROBLEMS;
        }

        WaiverFileException exception() {
            return new WaiverFileException(file, list);
        }
    }
}
