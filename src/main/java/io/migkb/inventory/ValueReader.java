package io.migkb.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.migkb.model.SourceLocation;
import io.migkb.model.Suggestions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.migkb.inventory.InventoryValues.CLIENT_HINT;

/**
 * Reads the value at the parser's current token as the type a field wants (string, boolean, whole number, enum
 * name, client) and checks field names against {@link KnownFields}. A value of the wrong type is reported with
 * its place and field path and skipped, so that reading goes on and every problem of the file is found in one
 * pass. Booleans and numbers come back as primitives with sentinels ({@link #ABSENT}, {@link #NO_NUMBER})
 * rather than boxed, so that reading them allocates nothing; messages are only built once something is wrong.
 */
final class ValueReader {

    /** {@link #bool} when the value is null. */
    static final int ABSENT = -1;
    /** {@link #bool} when the value is (reported) not a boolean. */
    static final int INVALID = -2;
    /** {@link #number} when the value is null or (reported) invalid. */
    static final long NO_NUMBER = Long.MIN_VALUE;
    private static final java.util.regex.Pattern PLAIN_INTEGER = java.util.regex.Pattern.compile("[-+]?(0|[1-9][0-9]*)");

    final JsonParser p;
    private final YAMLParser yaml;
    /** The parser when it reads JSON bytes, whose token position is read without allocating. */
    private final UTF8StreamJsonParser json;
    final ErrorCollector errors;
    final InventoryAssembler assembler;
    final FieldPath path = new FieldPath();
    private final ClientSpec.Resolver clients = new ClientSpec.Resolver();
    /**
     * The last element's missing-field errors, reported once the token after it reads fine: a YAML scanner
     * closes an element before it reports the syntax error that cut it short, which would make them spurious.
     */
    private final List<InventoryError> held = new ArrayList<>();

    ValueReader(JsonParser p, ErrorCollector errors, InventoryAssembler assembler) {
        this.p = p;
        this.yaml = p instanceof YAMLParser y ? y : null;
        this.json = p instanceof UTF8StreamJsonParser j ? j : null;
        this.errors = errors;
        this.assembler = assembler;
    }

    // ------------------------------------------------------------------ fields of an object

    /** The id of the current field name in {@code fields}; -1 (reported) when unknown or already given. */
    int key(KnownFields fields, KnownFields.KeyTracker keys) throws IOException {
        String name = p.currentName();
        int id = fields.id(name);
        if (id < 0) {
            String suggestion = Suggestions.closest(name, fields.names);
            errors.add(here(), path.of(name, -1), "unknown field \"" + name + "\""
                    + (suggestion == null ? "" : "; did you mean \"" + suggestion + "\"?")
                    + " (allowed fields of " + fields.objectName + ": " + String.join(", ", fields.names) + ")");
            return -1;
        }
        if (!keys.add(id)) {
            errors.add(here(), path.of(name, -1), "field \"" + name + "\" is given more than once in this object;"
                    + " keep one");
            return -1;
        }
        return id;
    }

    /** Holds (see {@link #releaseHeld}) an error for each required field of {@code fields} not in {@code given}. */
    void missing(KnownFields fields, int given, long pos) {
        int missing = fields.required & ~given;
        if (missing == 0) {
            return;
        }
        SourceLocation at = assembler.location(pos);
        for (int id = 0; id < fields.names.size(); id++) {
            if ((missing & (1 << id)) != 0) {
                String name = fields.names.get(id);
                held.add(new InventoryError(at, path.of(name, -1), "missing required field \"" + name + "\" in "
                        + fields.objectName + ": " + fields.hints[id]));
            }
        }
    }

    /** Reports the held missing-field errors: the input after the element read fine, so they are real. */
    void releaseHeld() {
        if (!held.isEmpty()) {
            held.forEach(errors::add);
            held.clear();
        }
    }

    /** {@code t} is what followed the last field of an object; anything but its end means the input stopped. */
    void endOfObject(JsonToken t) throws IOException {
        if (t != JsonToken.END_OBJECT) {
            throw new JsonEOFException(p, t, "an object is not closed");
        }
    }

    // ------------------------------------------------------------------ values

    /** The current value of an optional string field; null when null or (reported) of another type. */
    String optionalString(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING && !isAlias()) {
            return p.getText();
        }
        if (t != JsonToken.VALUE_NULL) {
            wrongType(field, -1, "a string", true);
        }
        return null;
    }

    /**
     * The current value of a required string field (or array element): null when absent, null (reported) when
     * of another type or blank.
     */
    String requiredString(String field) throws IOException {
        return requiredString(p.currentToken(), field, -1, "a string");
    }

    /** As {@link #requiredString(String)}, for token {@code t}; {@code sub} 0 or more is an array element. */
    String requiredString(JsonToken t, String field, int sub, String expected) throws IOException {
        if (t == JsonToken.VALUE_STRING && !isAlias()) {
            String text = p.getText();
            if (text.isBlank()) {
                errors.add(here(), path.of(field, sub), "must not be empty");
                return null;
            }
            return text;
        }
        if (t != JsonToken.VALUE_NULL || sub >= 0) {
            wrongType(field, sub, expected, true);
        }
        return null;
    }

    /** 1 true, 0 false, {@link #ABSENT} null, {@link #INVALID} (reported) another type. */
    int bool(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE) {
            return 1;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return 0;
        }
        if (t == JsonToken.VALUE_NULL) {
            return ABSENT;
        }
        wrongType(field, -1, "true or false");
        return INVALID;
    }

    /** A whole number that fits an int; {@link #NO_NUMBER} when null or (reported) invalid. */
    long number(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (yaml != null && !PLAIN_INTEGER.matcher(p.getText()).matches()) {
                // YAML 1.1 reads 010 as octal 8, 0x10 as 16 and 1_000 as 1000: a count is written plainly.
                errors.add(here(), path.of(field, -1), "write the number plainly (digits, no leading zero), not "
                        + p.getText() + ", which YAML reads as " + p.getNumberValue());
                return NO_NUMBER;
            }
            if (p.getNumberType() == JsonParser.NumberType.INT) {
                return p.getIntValue();
            }
            errors.add(here(), path.of(field, -1), "the number " + p.getText() + " is too large");
            return NO_NUMBER;
        }
        if (t == JsonToken.VALUE_NULL) {
            return NO_NUMBER;
        }
        wrongType(field, -1, "a whole number");
        return NO_NUMBER;
    }

    /** The constant named by the current string; null when null or (reported) unknown or not a string. */
    <E extends Enum<E>> E choice(InventoryValues.Choices<E> choices, String field, int sub) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING && !isAlias()) {
            String text = p.getText();
            E value = choices.byName.get(text);
            if (value == null) {
                errors.add(here(), path.of(field, sub), InventoryValues.unknownChoice(choices, text));
            }
            return value;
        }
        if (t != JsonToken.VALUE_NULL || sub >= 0) {
            wrongType(field, sub, "one of " + choices.allowed, true);
        }
        return null;
    }

    /** The constants named by the current array; empty when null or (reported) not an array. */
    <E extends Enum<E>> Set<E> choices(InventoryValues.Choices<E> choices, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return Set.of();
        }
        if (t != JsonToken.START_ARRAY) {
            String example = "[\"" + (t == JsonToken.VALUE_STRING ? p.getText()
                    : choices.type.getEnumConstants()[0].name()) + "\"]";
            wrongType(field, -1, "an array of " + choices.what + " names (" + choices.allowed + "), e.g. " + example);
            return Set.of();
        }
        Set<E> values = EnumSet.noneOf(choices.type);
        int j = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new JsonEOFException(p, null, "the \"" + field + "\" array is not closed");
            }
            E value = choice(choices, field, j);
            if (value != null) {
                values.add(value);
            }
            j++;
        }
        return values;
    }

    /**
     * A client given by name or as a SIP user-agent string; null when absent or (reported) invalid. User agents
     * repeat across thousands of users, so each one's parse is cached.
     */
    ClientSpec client(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_STRING || isAlias()) {
            if (t != JsonToken.VALUE_NULL) {
                wrongType(field, -1, CLIENT_HINT, true);
            }
            return null;
        }
        String text = p.getText();
        ClientSpec spec = clients.resolve(text);
        if (spec == null) {
            errors.add(here(), path.of(field, -1), InventoryValues.unknownClient(text));
        }
        return spec;
    }

    // ------------------------------------------------------------------ wrong values

    /** Reports a value of the wrong type and skips it. */
    void wrongType(String field, int sub, String expected) throws IOException {
        wrongType(field, sub, expected, false);
    }

    /** Reports a value of the wrong type and skips it; {@code textExpected} adds a hint to quote a bare scalar. */
    void wrongType(String field, int sub, String expected, boolean textExpected) throws IOException {
        JsonToken t = p.currentToken();
        errors.add(here(), path.of(field, sub), "expected " + expected + ", not " + describe(t)
                + (textExpected ? quoteHint(t) : ""));
        p.skipChildren();
    }

    /** For a bare scalar where text was wanted (YAML reads {@code 15.0} or {@code yes} as non-strings). */
    String quoteHint(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_TRUE
                || t == JsonToken.VALUE_FALSE) {
            return "; if you mean the text, put it in quotes: \"" + p.getText() + "\"";
        }
        return "";
    }

    /** The current token for a message: {@code the string "yes"}, {@code the number 3}, {@code an object}. */
    String describe(JsonToken t) throws IOException {
        if (t == null) {
            return "the end of the file";
        }
        if (isAlias()) {
            return "the YAML alias *" + p.getText() + " (aliases are not supported; write the value out)";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case END_OBJECT, END_ARRAY -> "the end of " + (t == JsonToken.END_OBJECT ? "an object" : "an array");
            case FIELD_NAME -> "the field \"" + p.currentName() + "\"";
            case VALUE_STRING -> "the string \"" + InventoryValues.abbreviate(p.getText()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + InventoryValues.abbreviate(p.getText());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    /** A YAML alias reads as the text of its name; it is refused rather than resolved. */
    boolean isAlias() {
        return yaml != null && yaml.isCurrentAlias();
    }

    // ------------------------------------------------------------------ positions

    /**
     * The current token's position, packed (see {@link InventoryAssembler#pos}). The JSON parser gives it
     * without building a {@link JsonLocation} (several per element otherwise): the same line and column as
     * {@code currentTokenLocation()}, whose column is the token column less one.
     */
    long pos() {
        if (json != null && p.currentToken() != JsonToken.FIELD_NAME) {
            int column = json.getTokenColumnNr();
            return InventoryAssembler.pos(json.getTokenLineNr(), column < 0 ? column : column - 1);
        }
        JsonLocation l = p.currentTokenLocation();
        return InventoryAssembler.pos(l.getLineNr(), l.getColumnNr());
    }

    /** The current token's place in the file. */
    SourceLocation here() {
        return assembler.location(pos());
    }
}
