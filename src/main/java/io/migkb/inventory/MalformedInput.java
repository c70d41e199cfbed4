package io.migkb.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.migkb.model.SourceLocation;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.CharConversionException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The errors for a JSON/YAML file that cannot be read at all: missing or unreadable, not UTF-8, or malformed
 * syntax. Jackson's and SnakeYAML's messages are reworded here so that they name the line and column the way
 * our own errors do. Only reached once reading has failed, so the regex below costs nothing on good input.
 */
final class MalformedInput {

    private static final Pattern SOURCE_REFERENCE =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    /** Jackson's message for a document beyond one of its limits: what, and the limit. */
    private static final Pattern LIMIT = Pattern.compile(
            "(Document nesting depth|String value length|Name length|Number value length) \\(\\d+\\) exceeds the"
                    + " maximum allowed \\((\\d+)");

    private MalformedInput() {
    }

    /** A problem with the file as a whole (it has no line): missing, a directory, unreadable. */
    static InventoryError fileError(String name, String message) {
        return new InventoryError(new SourceLocation(name, 0, 0), null, message);
    }

    static InventoryError syntaxError(String file, String format, JsonProcessingException e, Path source) {
        return syntaxError(file, format, e, source, null);
    }

    /**
     * As above; {@code parserAt} is where the parser stood, for an error that carries no place of its own (a
     * document nested too deep, a text value too long).
     */
    static InventoryError syntaxError(String file, String format, JsonProcessingException e, Path source,
                                      SourceLocation parserAt) {
        Throwable encoding = causeOfType(e, CharConversionException.class, CharacterCodingException.class);
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        JsonLocation l = e.getLocation();
        SourceLocation at = l == null ? (parserAt == null ? new SourceLocation(file, 0, 0) : parserAt)
                : new SourceLocation(file, Math.max(l.getLineNr(), 0), Math.max(l.getColumnNr(), 0));
        if (e instanceof StreamConstraintsException) {
            return new InventoryError(at, null, "malformed " + format + ": " + beyondLimit(original));
        }
        if (encoding != null) {
            return encodingError(file, at, encoding.getMessage(), source);
        }
        if (original.startsWith("Invalid UTF-8") || original.startsWith("Invalid UTF-32")) {
            return encodingError(file, at, original, null);
        }
        Throwable yaml = causeOfType(e, MarkedYAMLException.class);
        if (yaml instanceof MarkedYAMLException marked) {
            Mark problem = marked.getProblemMark();
            Mark context = marked.getContextMark();
            if (problem != null) {
                at = new SourceLocation(file, problem.getLine() + 1, problem.getColumn() + 1);
            }
            String message = marked.getProblem() == null ? "invalid syntax" : marked.getProblem();
            if (marked.getContext() != null) {
                message = marked.getContext() + (context == null ? "" : " (line " + (context.getLine() + 1)
                        + ", column " + (context.getColumn() + 1) + ")") + ": " + message;
            }
            return new InventoryError(at, null, "malformed " + format + ": " + message);
        }
        Matcher m = SOURCE_REFERENCE.matcher(original);
        String message = m.replaceAll("line $1, column $2");
        if (e instanceof JsonEOFException) {
            message += "; the file ends too early (is it truncated?)";
        }
        return new InventoryError(at, null, "malformed " + format + ": " + message);
    }

    /**
     * Jackson's words for a document beyond its limits name its own settings; say what is wrong with the file,
     * and what to check, instead. The limits are read from the message, so they stay right if Jackson's limits change.
     */
    private static String beyondLimit(String original) {
        Matcher m = LIMIT.matcher(original);
        if (!m.lookingAt()) {
            return original.replaceAll(" \\(from `[^`]*`\\)", "").replaceAll(", from `[^`]*`", "");
        }
        String limit = String.format(Locale.ROOT, "%,d", Long.parseLong(m.group(2)));
        String what = switch (m.group(1)) {
            case "Document nesting depth" -> "it nests more than " + limit + " levels deep, where an inventory nests"
                    + " a few";
            case "String value length" -> "a text value of more than " + limit + " characters starts here, where"
                    + " an inventory's values are names, addresses and URLs";
            case "Name length" -> "a field name of more than " + limit + " characters, where an inventory's field"
                    + " names are single words";
            default -> "a number of more than " + limit + " digits, where an inventory's counts have a few";
        };
        return what + "; is this the inventory file, whole and as exported?";
    }

    /**
     * An encoding error. Where the decoder that found it reads ahead of the parser (YAML), {@code at} is vague;
     * given the file, the first bad byte is then looked for again to name its line.
     */
    static InventoryError encodingError(String file, SourceLocation at, String detail, Path source) {
        SourceLocation where = at == null ? new SourceLocation(file, 0, 0) : at;
        if (source != null) {
            long pos = Utf8Check.firstMalformed(source);
            if (pos >= 0) {
                where = new SourceLocation(file, (int) (pos >>> 32), (int) pos);
            }
        }
        return new InventoryError(where, null, "the file is not valid UTF-8 text (" + detail + ");"
                + " save it with UTF-8 encoding");
    }

    @SafeVarargs
    private static Throwable causeOfType(Throwable e, Class<? extends Throwable>... types) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(c)) {
                    return c;
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
