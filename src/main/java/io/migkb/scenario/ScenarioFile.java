package io.migkb.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.migkb.engine.TextLines;
import io.migkb.inventory.InventoryError;
import io.migkb.inventory.InventoryException;
import io.migkb.inventory.InventoryReaders;
import io.migkb.model.Suggestions;
import io.migkb.model.Inventory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the scenario files of a rules folder: {@code tests/*.yaml} (and {@code *.yml}), one scenario each.
 * <pre>
 * name: federated Communicator 2007 user and a locked meeting
 * inventory: ../../examples/contoso.json      # a path (file or folder) relative to this file, or the inventory inline
 * expect:
 *   - { rule: FED-LOCKED-OC2007, subject: "meeting:m-001" }
 * forbid:
 *   - { rule: URL-LEGACY-MEET, subject: "meeting:m-001" }
 * </pre>
 * Every problem is reported with the file and line; an inline inventory's errors carry the scenario file's own
 * lines, since the inventory reader is handed the inline block at its place in the file.
 */
public final class ScenarioFile {
    /** The folder of scenario files inside a rules folder. */
    public static final String FOLDER = "tests";

    static final List<String> KEYS = List.of("name", "inventory", "expect", "forbid", "description");
    private static final List<String> ENTRY_KEYS = List.of("rule", "subject", "concerns", "message", "remedy", "deferred");

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    /** A scenario file read: the scenario, or the problems that keep it from running. */
    public record Loaded(String file, Optional<Scenario> scenario, List<ScenarioProblem> problems) {
        public Loaded {
            problems = List.copyOf(problems);
        }
    }

    private final Path rulesFolder;
    private final Path path;
    private final String display;
    private final List<ScenarioProblem> problems = new ArrayList<>();
    private String text;
    private int[] lineStarts;

    private ScenarioFile(Path rulesFolder, Path path) {
        this.rulesFolder = rulesFolder;
        this.path = path;
        this.display = displayName(rulesFolder, path);
    }

    /** The scenario files directly in {@code rulesFolder/tests}, in name order; none when there is no such folder. */
    public static List<Path> find(Path rulesFolder) throws IOException {
        Path folder = rulesFolder.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml"));
                    })
                    .sorted()
                    .toList();
        }
    }

    /** Reads every scenario file of a rules folder. */
    public static List<Loaded> readAll(Path rulesFolder) throws IOException {
        List<Loaded> result = new ArrayList<>();
        for (Path p : find(rulesFolder)) {
            result.add(read(rulesFolder, p));
        }
        return result;
    }

    /** Reads one scenario file and the inventory it names or holds. */
    public static Loaded read(Path rulesFolder, Path file) {
        return new ScenarioFile(rulesFolder, file).read();
    }

    static String displayName(Path rulesFolder, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path root = rulesFolder.toAbsolutePath().normalize();
        return (abs.startsWith(root) ? root.relativize(abs) : file).toString().replace('\\', '/');
    }

    private Loaded read() {
        try {
            byte[] bytes = Files.readAllBytes(path);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failed(0, 0, "not UTF-8 text; save the file as UTF-8");
        } catch (IOException e) {
            return failed(0, 0, "cannot read: " + e.getMessage());
        }
        lineStarts = TextLines.starts(text);
        String name = null;
        String inventoryPath = null;
        int inventoryLine = 0;
        int inlineStart = -1;
        int inlineEnd = -1;
        List<Expectation> expect = new ArrayList<>();
        List<Expectation> forbid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return failed(1, 1, "the file is empty; a scenario has " + String.join(", ", KEYS.subList(0, 4)));
            }
            if (t != JsonToken.START_OBJECT) {
                return failed(p.currentTokenLocation(), "a scenario is a mapping of " + String.join(", ", KEYS.subList(0, 4)));
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation keyAt = p.currentTokenLocation();
                if (inlineStart >= 0 && inlineEnd < 0) {
                    inlineEnd = offsetOf(keyAt);
                }
                t = p.nextToken();
                JsonLocation valueAt = p.currentTokenLocation();
                if (!seen.add(key)) {
                    problem(keyAt, "'" + key + "' is given twice");
                }
                switch (key) {
                    case "name" -> {
                        if (t == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
                            name = p.getText().trim();
                        } else {
                            problem(valueAt, "name: give the scenario's name as text");
                        }
                    }
                    case "inventory" -> {
                        if (t == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
                            inventoryPath = p.getText().trim();
                            inventoryLine = valueAt.getLineNr();
                        } else if (t == JsonToken.START_OBJECT) {
                            inlineStart = offsetOf(valueAt);
                        } else {
                            problem(valueAt, "inventory: give the path of an inventory file (relative to this file),"
                                    + " or the inventory itself as a mapping (pools, users, meetings, ...)");
                        }
                    }
                    case "expect" -> expectations(p, t, key, expect);
                    case "forbid" -> expectations(p, t, key, forbid);
                    case "description" -> {
                        // free text for the reader of the file
                    }
                    default -> problem(keyAt, "unknown key '" + key + "'" + suggestion(key, KEYS)
                            + "; a scenario has " + String.join(", ", KEYS));
                }
                p.skipChildren();
            }
            if (inlineStart >= 0 && inlineEnd < 0) {
                inlineEnd = text.length();
            }
            if (p.nextToken() != null) {
                problem(p.currentTokenLocation(), "one scenario per file: put the next scenario in a file of its own");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.clear(); // what was read before is moot
            String why = e.getOriginalMessage().lines()
                    .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("in "))
                    .map(String::strip)
                    .collect(java.util.stream.Collectors.joining("; "));
            return failed(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "not valid YAML: " + why);
        } catch (IOException e) {
            return failed(0, 0, "cannot read: " + e.getMessage());
        }
        if (name == null && problems.stream().noneMatch(x -> x.message().startsWith("name:"))) {
            problem(1, 1, "the scenario has no name: add  name: what it shows");
        }
        if (inventoryPath == null && inlineStart < 0 && problems.stream().noneMatch(x -> x.message().startsWith("inventory:"))) {
            problem(1, 1, "the scenario has no inventory: add  inventory: PATH  or the inventory inline");
        }
        if (expect.isEmpty() && forbid.isEmpty() && problems.isEmpty()) {
            problem(1, 1, "the scenario checks nothing: add an expect: or forbid: list of { rule: ID, subject: SUBJECT }");
        }
        if (!problems.isEmpty()) {
            return new Loaded(display, Optional.empty(), problems);
        }
        Inventory inventory;
        String source;
        try {
            if (inlineStart >= 0) {
                source = "inline";
                inventory = InventoryReaders.forFormat("yaml").read(
                        new ByteArrayInputStream(inlineBlock(inlineStart, inlineEnd).getBytes(StandardCharsets.UTF_8)), display);
            } else {
                Path file = path.toAbsolutePath().getParent().resolve(inventoryPath).normalize();
                source = inventoryPath;
                if (!Files.isRegularFile(file) && !Files.isDirectory(file)) {
                    problem(inventoryLine, 0, "inventory: no such file or folder " + inventoryPath + " (looked for "
                            + file + "; the path is relative to the scenario file)");
                    return new Loaded(display, Optional.empty(), problems);
                }
                inventory = InventoryReaders.read(file, null);
            }
        } catch (InventoryException e) {
            for (InventoryError error : e.getErrors()) {
                problems.add(fromInventory(error));
            }
            if (e.getOmittedCount() > 0) {
                problem(0, 0, "... and " + e.getOmittedCount() + " more inventory errors");
            }
            return new Loaded(display, Optional.empty(), problems);
        }
        return new Loaded(display, Optional.of(new Scenario(display, name, source, inventory, expect, forbid)), problems);
    }

    private void expectations(JsonParser p, JsonToken t, String key, List<Expectation> into) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            problem(p.currentTokenLocation(), key + ": give a list of { rule: ID, subject: SUBJECT }");
            return;
        }
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            JsonLocation at = p.currentTokenLocation();
            if (t == JsonToken.START_OBJECT) {
                JsonNode entry = MAPPER.readTree(p);
                boolean ok = true;
                for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
                    String field = names.next();
                    if (!ENTRY_KEYS.contains(field)) {
                        problem(at, key + ": unknown key '" + field + "'" + suggestion(field, ENTRY_KEYS)
                                + " in an entry; an entry has rule and subject, and may have concerns, message, remedy and deferred");
                        ok = false;
                    }
                }
                JsonNode rule = entry.get("rule");
                JsonNode subject = entry.get("subject");
                if (rule == null || !rule.isTextual() || rule.asText().isBlank()) {
                    problem(at, key + ": the entry has no rule id; write { rule: ID, subject: SUBJECT }");
                    ok = false;
                }
                if (subject != null && !subject.isNull() && !subject.isTextual()) {
                    problem(at, key + ": subject must be text such as \"meeting:m-001\" or \"user:alice@contoso.com\"");
                    ok = false;
                }
                String[] texts = new String[3];
                List<String> textKeys = ENTRY_KEYS.subList(2, 5);
                for (int i = 0; i < texts.length; i++) {
                    JsonNode value = entry.get(textKeys.get(i));
                    if (value == null || value.isNull()) {
                        continue;
                    }
                    if (!value.isTextual() || value.asText().isBlank()) {
                        problem(at, key + ": " + textKeys.get(i) + " must be non-empty text the finding's "
                                + (i == 0 ? "concerned user's address equals" : textKeys.get(i) + " contains"));
                        ok = false;
                    } else {
                        texts[i] = i == 0 ? value.asText().trim() : value.asText();
                    }
                }
                JsonNode deferred = entry.get("deferred");
                if (deferred != null && !deferred.isNull() && !deferred.isBoolean()) {
                    problem(at, key + ": deferred must be true or false");
                    ok = false;
                }
                if (ok) {
                    String s = subject == null || subject.isNull() || subject.asText().isBlank() ? null : subject.asText().trim();
                    into.add(new Expectation(rule.asText().trim(), s, texts[0], texts[1], texts[2],
                            deferred == null || deferred.isNull() ? null : deferred.asBoolean(), display,
                            at.getLineNr()));
                }
            } else if (t == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
                // shorthand: "- FED-LOCKED-OC2007 meeting:m-001"
                String[] parts = p.getText().trim().split("\\s+");
                if (parts.length > 2) {
                    problem(at, key + ": write an entry as { rule: ID, subject: SUBJECT } or \"ID SUBJECT\"");
                } else {
                    into.add(new Expectation(parts[0], parts.length == 2 ? parts[1] : null, display, at.getLineNr()));
                }
            } else {
                problem(at, key + ": write an entry as { rule: ID, subject: SUBJECT }");
                p.skipChildren();
            }
        }
    }

    /**
     * The inline inventory as a YAML document of its own, at the same lines and columns as in the scenario file:
     * everything around it blanked, line breaks kept.
     */
    private String inlineBlock(int start, int end) {
        StringBuilder doc = new StringBuilder(end);
        for (int i = 0; i < start; i++) {
            doc.append(text.charAt(i) == '\n' ? '\n' : ' ');
        }
        doc.append(text, start, end);
        return doc.toString();
    }

    private ScenarioProblem fromInventory(InventoryError error) {
        String file = error.location() == null ? display : error.location().file();
        int line = error.location() == null ? 0 : error.location().line();
        int column = error.location() == null ? 0 : error.location().column();
        String message = "inventory: " + (error.field() == null || error.field().isEmpty() ? "" : error.field() + ": ")
                + error.message();
        return new ScenarioProblem(file, line, column, message);
    }

    private int offsetOf(JsonLocation at) {
        int line = Math.max(1, at.getLineNr());
        if (line > lineStarts.length) {
            return text.length();
        }
        return Math.min(text.length(), lineStarts[line - 1] + Math.max(0, at.getColumnNr() - 1));
    }

    private void problem(JsonLocation at, String message) {
        problem(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), message);
    }

    private void problem(int line, int column, String message) {
        problems.add(new ScenarioProblem(display, Math.max(line, 0), Math.max(column, 0), message));
    }

    private Loaded failed(JsonLocation at, String message) {
        problem(at, message);
        return new Loaded(display, Optional.empty(), problems);
    }

    private Loaded failed(int line, int column, String message) {
        problem(line, column, message);
        return new Loaded(display, Optional.empty(), problems);
    }

    static String suggestion(String text, List<String> candidates) {
        String best = Suggestions.closest(text, candidates);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }
}
