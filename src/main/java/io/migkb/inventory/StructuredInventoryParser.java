package io.migkb.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.migkb.model.Inventory;
import io.migkb.model.SourceLocation;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static io.migkb.inventory.MalformedInput.encodingError;
import static io.migkb.inventory.MalformedInput.fileError;
import static io.migkb.inventory.MalformedInput.syntaxError;

/**
 * Reads the JSON/YAML inventory shape (docs/inventory.md) token by token from any Jackson
 * {@link JsonParser}, checking each field as it goes and handing finished elements to an
 * {@link InventoryAssembler}. No tree is built, so memory grows with the model only.
 *
 * <p>Every problem is reported and reading goes on (a wrong value is skipped), except for malformed syntax,
 * where reading stops and the problems found so far are kept.
 *
 * <p>This class walks the top level and the section arrays; {@link PlanReader}, {@link PoolAndUserReader} and
 * {@link MeetingReader} read the elements, {@link ValueReader} their values, and {@link MalformedInput} words
 * the errors of a file that cannot be read. The static methods at the end give the other readers (CSV, Lync
 * export) the same lookups and messages.
 */
final class StructuredInventoryParser {

    private static final KnownFields TOP = new KnownFields("an inventory",
            new String[] {"organization", "plan", "pools", "users", "federatedUsers", "meetings"});
    private static final int T_ORGANIZATION = 0, T_PLAN = 1, T_POOLS = 2, T_USERS = 3, T_FEDERATED = 4, T_MEETINGS = 5;
    /** A folder's plan.yaml: its first two keys only (same ids); the folder's CSV files hold the rest. */
    private static final KnownFields PLAN_FILE = new KnownFields("a folder's plan.yaml (the pools, users, federated"
            + " users and meetings are the folder's CSV files)", new String[] {"organization", "plan"});

    // ------------------------------------------------------------------ entry points

    /** Reads {@code file}; the file name in errors is the path as given. */
    static Inventory read(JsonFactory factory, String formatName, Path file)
            throws InventoryException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InventoryException(fileError(name, "is a directory, not an inventory file"));
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InventoryException(fileError(name, "no such file; check the path"), e);
        } catch (AccessDeniedException e) {
            throw new InventoryException(fileError(name, "permission denied; cannot read the file"), e);
        } catch (IOException e) {
            throw new InventoryException(fileError(name, "cannot read the file: " + e.getMessage()), e);
        }
        try (in) {
            return read(factory, formatName, in, name, file);
        } catch (IOException e) {
            throw new InventoryException(fileError(name, "cannot close the file: " + e.getMessage()), e);
        }
    }

    /** Reads from a stream, which is not closed; {@code sourceName} stands for the file in errors. */
    static Inventory read(JsonFactory factory, String formatName, InputStream in, String sourceName)
            throws InventoryException {
        return read(factory, formatName, in, sourceName, null);
    }

    private static Inventory read(JsonFactory factory, String formatName, InputStream in,
                                                 String name, Path file) throws InventoryException {
        ErrorCollector errors = new ErrorCollector();
        InventoryAssembler assembler = new InventoryAssembler(name, errors);
        StructuredInventoryParser reader = null;
        boolean complete = false;
        try (JsonParser p = factory.createParser(in)) {
            reader = new StructuredInventoryParser(p, formatName, name, errors, assembler);
            complete = reader.readDocumentNotingWhereItStops();
        } catch (JsonProcessingException e) {
            complete = reader != null && reader.documentRead;
            errors.add(syntaxError(name, formatName, e, file, reader == null ? null : reader.stoppedAt));
        } catch (CharConversionException | CharacterCodingException e) {
            errors.add(encodingError(name, reader == null ? null : reader.stoppedAt, e.getMessage(), file));
        } catch (IOException e) {
            errors.add(fileError(name, "cannot read the file: " + e.getMessage()));
        }
        if (complete) {
            assembler.resolve();
        }
        if (!errors.isEmpty()) {
            throw errors.toException();
        }
        return assembler.build();
    }

    /**
     * Reads a folder's plan.yaml into an assembler that other files feed too: {@code organization} and
     * {@code plan} only, any other key is an error; errors go to {@code errors}. Neither resolves references nor builds: the caller does, once every
     * file is read. The assembler must place positions of this file ({@link InventoryAssembler#pos}) in it.
     *
     * @return false when the document could not be read to its end (references are then not worth checking)
     */
    static boolean readInto(JsonFactory factory, String formatName, Path file, String name, ErrorCollector errors,
                            InventoryAssembler assembler) {
        StructuredInventoryParser reader = null;
        try (InputStream in = Files.newInputStream(file); JsonParser p = factory.createParser(in)) {
            reader = new StructuredInventoryParser(p, formatName, name, errors, assembler);
            reader.top = PLAN_FILE;
            return reader.readDocumentNotingWhereItStops();
        } catch (JsonProcessingException e) {
            errors.add(syntaxError(name, formatName, e, file, reader == null ? null : reader.stoppedAt));
            return reader != null && reader.documentRead;
        } catch (CharConversionException | CharacterCodingException e) {
            errors.add(encodingError(name, reader == null ? null : reader.stoppedAt, e.getMessage(), file));
        } catch (NoSuchFileException e) {
            errors.add(fileError(name, "no such file; check the path"));
        } catch (IOException e) {
            errors.add(fileError(name, "cannot read the file: " + e.getMessage()));
        }
        return false;
    }

    // ------------------------------------------------------------------ state

    private final JsonParser p;
    private final String format;
    private final String file;
    private final ErrorCollector errors;
    private final InventoryAssembler assembler;
    private final ValueReader v;
    private final PlanReader plan;
    private final PoolAndUserReader poolsAndUsers;
    private final MeetingReader meetings;
    private final KnownFields.KeyTracker topKeys = new KnownFields.KeyTracker();
    /** The fields the top-level object may have. */
    private KnownFields top = TOP;
    /** True once the top-level object has been read to its end (what follows may still be malformed). */
    private boolean documentRead;
    /** Where the parser stood when reading failed (a closed parser no longer knows); null until then. */
    private SourceLocation stoppedAt;

    private StructuredInventoryParser(JsonParser p, String format, String file, ErrorCollector errors,
                                      InventoryAssembler assembler) {
        this.p = p;
        this.format = format;
        this.file = file;
        this.errors = errors;
        this.assembler = assembler;
        this.v = new ValueReader(p, errors, assembler);
        this.plan = new PlanReader(v);
        this.poolsAndUsers = new PoolAndUserReader(v);
        this.meetings = new MeetingReader(v);
    }

    // ------------------------------------------------------------------ document

    /**
     * {@link #readDocument()}, noting in {@link #stoppedAt} where a failure happened, for the errors that carry no
     * place of their own (too deep, too long, not UTF-8): a text value too long is placed where it starts.
     */
    private boolean readDocumentNotingWhereItStops() throws IOException {
        try {
            return readDocument();
        } catch (IOException e) {
            JsonLocation l = e instanceof StreamConstraintsException && p.currentToken() == JsonToken.VALUE_STRING
                    ? p.currentTokenLocation() : p.currentLocation();
            stoppedAt = new SourceLocation(file, Math.max(l.getLineNr(), 0), Math.max(l.getColumnNr(), 0));
            throw e;
        }
    }

    /** Reads the whole document; false when it could not be read to the end (references are then not checked). */
    private boolean readDocument() throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            errors.add(new SourceLocation(file, 0, 0), null, "the file is empty; an inventory is a " + format
                    + " object with \"pools\", \"users\", \"federatedUsers\" and \"meetings\" (and optionally"
                    + " \"organization\" and \"plan\")");
            return false;
        }
        if (t != JsonToken.START_OBJECT) {
            errors.add(v.here(), null, "the top level must be an object with \"pools\", \"users\", \"federatedUsers\""
                    + " and \"meetings\", not " + v.describe(t));
            return false;
        }
        v.path.leave();
        topKeys.seen = 0;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            int field = v.key(top, topKeys);
            JsonToken value = p.nextToken();
            switch (field) {
                case T_ORGANIZATION -> assembler.organization(v.optionalString("organization"));
                case T_PLAN -> {
                    if (value == JsonToken.START_OBJECT) {
                        plan.read();
                    } else if (value != JsonToken.VALUE_NULL) {
                        v.wrongType("plan", -1, "an object such as {\"targetPool\": \"pool13.contoso.com\"}");
                    }
                }
                case T_POOLS -> readArray("pools", "pool", T_POOLS);
                case T_USERS -> readArray("users", "user", T_USERS);
                case T_FEDERATED -> readArray("federatedUsers", "federated user", T_FEDERATED);
                case T_MEETINGS -> readArray("meetings", "meeting", T_MEETINGS);
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonEOFException(p, t, "the inventory object is not closed");
        }
        documentRead = true;
        t = p.nextToken();
        if (t != null) {
            errors.add(v.here(), null, "found " + v.describe(t) + " after the end of the inventory object;"
                    + " a file holds one inventory" + ("YAML".equals(format) ? " (one YAML document)" : " object"));
        }
        return true;
    }

    /** Reads section {@code name} (one of the {@code T_} arrays), whose start is the current token. */
    private void readArray(String name, String elementName, int kind) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            v.wrongType(name, -1, "an array of " + elementName + " objects");
            return;
        }
        int i = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            v.releaseHeld();
            if (t == null) {
                throw new JsonEOFException(p, null, "the \"" + name + "\" array is not closed");
            }
            v.path.enter(name, i);
            if (t != JsonToken.START_OBJECT) {
                errors.add(v.here(), name + "[" + i + "]", "expected a " + elementName + " object ({...}), not "
                        + v.describe(t));
                p.skipChildren();
            } else {
                switch (kind) {
                    case T_POOLS -> poolsAndUsers.readPool(i);
                    case T_USERS -> poolsAndUsers.readUser(i);
                    case T_FEDERATED -> poolsAndUsers.readFederatedUser(i);
                    default -> meetings.read(i);
                }
            }
            i++;
        }
        v.releaseHeld();
        v.path.leave();
    }

    // ------------------------------------------------------------------ shared with the other readers

    /** What a client field holds, for messages: a client name or a user-agent string. */
    static String clientHint() {
        return InventoryValues.CLIENT_HINT;
    }

    /** The message for a client that is neither a name nor a known user agent (or is blank). */
    static String unknownClientMessage(String text) {
        return InventoryValues.unknownClient(text);
    }

    /** The constant of {@code type} (a version, content, need or add-in) named {@code text} exactly, or null. */
    static <E extends Enum<E>> E choiceNamed(Class<E> type, String text) {
        return type.cast(InventoryValues.choicesOf(type).byName.get(text));
    }

    /** The message for an unknown name of {@code type}, with the names allowed. */
    static String unknownChoiceMessage(Class<? extends Enum<?>> type, String text) {
        return InventoryValues.unknownChoice(InventoryValues.choicesOf(type), text);
    }

    /** The names {@code type} allows, comma-separated. */
    static String allowedNames(Class<? extends Enum<?>> type) {
        return InventoryValues.choicesOf(type).allowed;
    }

    /** The message for a meeting URL without a supported scheme. */
    static String badUrlMessage(String url) {
        return InventoryValues.badUrl(url);
    }
}
