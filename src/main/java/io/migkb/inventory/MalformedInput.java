package io.migkb.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.migkb.model.SourceLocation;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.CharConversionException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
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

    private MalformedInput() {
    }

    /** A problem with the file as a whole (it has no line): missing, a directory, unreadable. */
    static InventoryError fileError(String name, String message) {
        return new InventoryError(new SourceLocation(name, 0, 0), null, message);
    }

    static InventoryError syntaxError(String file, String format, JsonProcessingException e, Path source) {
        Throwable encoding = causeOfType(e, CharConversionException.class, CharacterCodingException.class);
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        JsonLocation l = e.getLocation();
        SourceLocation at = l == null ? new SourceLocation(file, 0, 0)
                : new SourceLocation(file, Math.max(l.getLineNr(), 0), Math.max(l.getColumnNr(), 0));
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
