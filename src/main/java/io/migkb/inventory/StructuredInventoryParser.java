package io.migkb.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.migkb.model.AddIn;
import io.migkb.model.Client;
import io.migkb.model.Content;
import io.migkb.model.Inventory;
import io.migkb.model.Need;
import io.migkb.model.Plan;
import io.migkb.model.ServerVersion;
import io.migkb.model.SourceLocation;
import io.migkb.model.UrlScheme;
import io.migkb.model.Versions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the JSON/YAML inventory shape (DESIGN.md, "Inventory") token by token from any Jackson
 * {@link JsonParser}, checking each field as it goes and handing finished elements to an
 * {@link InventoryAssembler}. No tree is built, so memory grows with the model only.
 *
 * <p>Every problem is reported and reading goes on (a wrong value is skipped), except for malformed syntax,
 * where reading stops and the problems found so far are kept.
 */
final class StructuredInventoryParser {

    // ------------------------------------------------------------------ the shape

    /** The fields of one kind of object: name to id, which are required, and how to describe them. */
    private static final class Fields {
        final String objectName;
        final List<String> names;
        final Map<String, Integer> ids = new HashMap<>();
        final int required;
        final String[] hints;

        Fields(String objectName, String[] names, String... requiredAndHints) {
            this.objectName = objectName;
            this.names = List.of(names);
            for (int i = 0; i < names.length; i++) {
                ids.put(names[i], i);
            }
            this.hints = new String[names.length];
            int mask = 0;
            for (int i = 0; i < requiredAndHints.length; i += 2) {
                int id = ids.get(requiredAndHints[i]);
                mask |= 1 << id;
                hints[id] = requiredAndHints[i + 1];
            }
            this.required = mask;
        }

        int id(String name) {
            Integer id = ids.get(name);
            return id == null ? -1 : id;
        }
    }

    private static final Fields TOP = new Fields("an inventory",
            new String[] {"organization", "plan", "pools", "users", "federatedUsers", "meetings"});
    private static final int T_ORGANIZATION = 0, T_PLAN = 1, T_POOLS = 2, T_USERS = 3, T_FEDERATED = 4, T_MEETINGS = 5;

    private static final Fields PLAN = new Fields("the plan",
            new String[] {"targetPool", "moveConferenceData", "liveMeetingServiceAvailable", "removeConferencingAddIn",
                "frequentOrganizerThreshold", "minimumClientVersions"});
    private static final int P_TARGET = 0, P_MOVE = 1, P_LIVE_MEETING = 2, P_REMOVE_ADDIN = 3, P_THRESHOLD = 4,
            P_MINIMUM = 5;

    private static final Fields POOL = new Fields("a pool", new String[] {"fqdn", "version"},
            "fqdn", "the pool's fully qualified domain name, e.g. \"pool13.contoso.com\"",
            "version", "one of " + names(ServerVersion.values()));
    private static final int PO_FQDN = 0, PO_VERSION = 1;

    private static final String CLIENT_HINT = "a client name (" + names(Client.values())
            + ") or the SIP user-agent string it sends, e.g. \"OC/15.0.4481.1000\"";

    private static final Fields USER = new Fields("a user",
            new String[] {"sip", "pool", "client", "meetingsPerMonth", "needs", "addIns", "schedulesLiveMeetingService"},
            "sip", "the user's SIP address, e.g. \"alice@contoso.com\"",
            "pool", "the FQDN of the pool the user is homed on, declared in \"pools\"",
            "client", CLIENT_HINT);
    private static final int U_SIP = 0, U_POOL = 1, U_CLIENT = 2, U_MEETINGS = 3, U_NEEDS = 4, U_ADDINS = 5,
            U_LIVE_MEETING = 6;

    private static final Fields FEDERATED = new Fields("a federated user", new String[] {"sip", "client"},
            "sip", "the federated user's SIP address, e.g. \"carol@fabrikam.com\"",
            "client", CLIENT_HINT);
    private static final int F_SIP = 0, F_CLIENT = 1;

    private static final Fields MEETING = new Fields("a meeting",
            new String[] {"id", "organizer", "url", "locked", "content", "video", "noMeetingIm", "participants"},
            "id", "a unique meeting id, e.g. \"m-001\"",
            "organizer", "the SIP address of the organizer, a user declared in \"users\"",
            "url", "the meeting URL, starting with conf:, meet: or https:");
    private static final int M_ID = 0, M_ORGANIZER = 1, M_URL = 2, M_LOCKED = 3, M_CONTENT = 4, M_VIDEO = 5,
            M_NO_IM = 6, M_PARTICIPANTS = 7;

    /** The values of one enum, looked up by exact name. */
    private static final class Choices<E extends Enum<E>> {
        final String what;
        final Class<E> type;
        final Map<String, E> byName = new HashMap<>();
        final Map<String, E> byLooseName = new HashMap<>();
        final String allowed;

        Choices(String what, Class<E> type) {
            this.what = what;
            this.type = type;
            for (E e : type.getEnumConstants()) {
                byName.put(e.name(), e);
                byLooseName.put(loose(e.name()), e);
            }
            this.allowed = names(type.getEnumConstants());
        }

        /** The constant whose name matches {@code text} once case, spaces, hyphens and underscores are ignored. */
        E nearMiss(String text) {
            return byLooseName.get(loose(text));
        }

        private static String loose(String text) {
            StringBuilder loose = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != ' ' && c != '-' && c != '_') {
                    loose.append(Character.toUpperCase(c));
                }
            }
            return loose.toString();
        }
    }

    private static final Choices<ServerVersion> VERSIONS = new Choices<>("server version", ServerVersion.class);
    private static final Choices<Client> CLIENTS = new Choices<>("client", Client.class);
    private static final Choices<Content> CONTENT = new Choices<>("content", Content.class);
    private static final Choices<Need> NEEDS = new Choices<>("need", Need.class);
    private static final Choices<AddIn> ADD_INS = new Choices<>("add-in", AddIn.class);

    private static final String USER_AGENT_PREFIXES = Arrays.stream(Client.values())
            .flatMap(c -> c.getUserAgentPrefixes().stream().map(p -> p + " (" + c.name() + ")"))
            .collect(Collectors.joining(", "));

    private static final int MAX_CACHED_USER_AGENTS = 4096;
    private static final int ABSENT = -1;
    private static final int INVALID = -2;
    private static final long NO_NUMBER = Long.MIN_VALUE;

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

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
            complete = reader.readDocument();
        } catch (JsonProcessingException e) {
            complete = reader != null && reader.documentRead;
            errors.add(syntaxError(name, formatName, e, file));
        } catch (CharConversionException | CharacterCodingException e) {
            errors.add(encodingError(name, reader == null ? null : reader.currentLocation(), e.getMessage(), file));
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

    private static InventoryError fileError(String name, String message) {
        return new InventoryError(new SourceLocation(name, 0, 0), null, message);
    }

    // ------------------------------------------------------------------ state

    private final JsonParser p;
    private final YAMLParser yaml;
    private final String format;
    private final String file;
    private final ErrorCollector errors;
    private final InventoryAssembler assembler;
    private final KeyTracker topKeys = new KeyTracker();
    private final KeyTracker elementKeys = new KeyTracker();
    private final Map<String, ClientSpec> userAgents = new HashMap<>();
    /** True once the top-level object has been read to its end (what follows may still be malformed). */
    private boolean documentRead;
    /**
     * The last element's missing-field errors, reported once the token after it reads fine: a YAML scanner
     * closes an element before it reports the syntax error that cut it short, which would make them spurious.
     */
    private final List<InventoryError> held = new ArrayList<>();

    /** Where in the document we are, for field paths: {@code list[index].field}, or {@code plan.field}. */
    private String list;
    private int index = -1;

    /** A client as given: the constant, and the version when given as a user-agent string. */
    private record ClientSpec(Client client, String version) {
    }

    /** Which fields one object has given so far (duplicate keys are an error). */
    private static final class KeyTracker {
        long seen;

        /** False when the field was already given in this object. */
        boolean add(int id) {
            long bit = 1L << id;
            boolean first = (seen & bit) == 0;
            seen |= bit;
            return first;
        }
    }

    private StructuredInventoryParser(JsonParser p, String format, String file, ErrorCollector errors,
                                      InventoryAssembler assembler) {
        this.p = p;
        this.yaml = p instanceof YAMLParser y ? y : null;
        this.format = format;
        this.file = file;
        this.errors = errors;
        this.assembler = assembler;
    }

    // ------------------------------------------------------------------ document

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
            errors.add(here(), null, "the top level must be an object with \"pools\", \"users\", \"federatedUsers\""
                    + " and \"meetings\", not " + describe(t));
            return false;
        }
        list = null;
        index = -1;
        topKeys.seen = 0;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            int field = key(TOP, topKeys);
            JsonToken value = p.nextToken();
            switch (field) {
                case T_ORGANIZATION -> assembler.organization(optionalString("organization"));
                case T_PLAN -> {
                    if (value == JsonToken.START_OBJECT) {
                        readPlan();
                    } else if (value != JsonToken.VALUE_NULL) {
                        wrongType("plan", -1, "an object such as {\"targetPool\": \"pool13.contoso.com\"}");
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
            errors.add(here(), null, "found " + describe(t) + " after the end of the inventory object;"
                    + " a file holds one inventory" + ("YAML".equals(format) ? " (one YAML document)" : " object"));
        }
        return true;
    }

    private void readArray(String name, String elementName, int kind) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            wrongType(name, -1, "an array of " + elementName + " objects");
            return;
        }
        int i = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            releaseHeld();
            if (t == null) {
                throw new JsonEOFException(p, null, "the \"" + name + "\" array is not closed");
            }
            list = name;
            index = i;
            if (t != JsonToken.START_OBJECT) {
                errors.add(here(), name + "[" + i + "]", "expected a " + elementName + " object ({...}), not "
                        + describe(t));
                p.skipChildren();
            } else {
                switch (kind) {
                    case T_POOLS -> readPool(i);
                    case T_USERS -> readUser(i);
                    case T_FEDERATED -> readFederatedUser(i);
                    default -> readMeeting(i);
                }
            }
            i++;
        }
        releaseHeld();
        list = null;
        index = -1;
    }

    private void releaseHeld() {
        if (!held.isEmpty()) {
            held.forEach(errors::add);
            held.clear();
        }
    }

    // ------------------------------------------------------------------ objects

    private void readPlan() throws IOException {
        list = "plan";
        index = -1;
        elementKeys.seen = 0;
        String target = null;
        long targetPos = 0;
        int move = ABSENT;
        int liveMeeting = ABSENT;
        int removeAddIn = ABSENT;
        long threshold = NO_NUMBER;
        Map<Client, String> minimum = Map.of();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            int field = key(PLAN, elementKeys);
            p.nextToken();
            switch (field) {
                case P_TARGET -> {
                    targetPos = pos();
                    target = requiredString("targetPool");
                }
                case P_MOVE -> move = bool("moveConferenceData");
                case P_LIVE_MEETING -> liveMeeting = bool("liveMeetingServiceAvailable");
                case P_REMOVE_ADDIN -> removeAddIn = bool("removeConferencingAddIn");
                case P_THRESHOLD -> {
                    long at = pos();
                    threshold = number("frequentOrganizerThreshold");
                    if (threshold != NO_NUMBER && threshold < 1) {
                        errors.add(assembler.location(at), path("frequentOrganizerThreshold", -1),
                                "must be at least 1 (meetings per month from which an organizer is moved early),"
                                        + " not " + threshold);
                        threshold = NO_NUMBER;
                    }
                }
                case P_MINIMUM -> minimum = readMinimumClientVersions();
                default -> p.skipChildren();
            }
        }
        endOfObject(t);
        assembler.plan(target, targetPos, move == 1, liveMeeting == 1, removeAddIn == 1,
                threshold == NO_NUMBER ? Plan.DEFAULT_FREQUENT_ORGANIZER_THRESHOLD : (int) threshold, minimum);
        list = null;
    }

    private Map<Client, String> readMinimumClientVersions() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (t != JsonToken.START_OBJECT) {
            wrongType("minimumClientVersions", -1,
                    "an object mapping client names to versions, e.g. {\"LYNC_2013\": \"15.0.4551.1001\"}");
            return Map.of();
        }
        Map<Client, String> minimum = new EnumMap<>(Client.class);
        Set<Client> seen = EnumSet.noneOf(Client.class);
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String field = "plan.minimumClientVersions." + name;
            Client client = CLIENTS.byName.get(name);
            if (client == null) {
                errors.add(here(), field, unknownChoice(CLIENTS, name) + " (keys are client names)");
                p.nextToken();
                p.skipChildren();
                continue;
            }
            if (!seen.add(client)) {
                errors.add(here(), field, "client " + name + " is given twice; keep one minimum version");
                p.nextToken();
                p.skipChildren();
                continue;
            }
            t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                continue;
            }
            if (t != JsonToken.VALUE_STRING || isAlias()) {
                errors.add(here(), field, "expected a dotted version string such as \"15.0.4551.1001\", not "
                        + describe(t) + quoteHint(t));
                p.skipChildren();
                continue;
            }
            String version = p.getText();
            if (!Versions.isVersion(version)) {
                errors.add(here(), field, "\"" + version + "\" is not a dotted version number;"
                        + " write digits and dots, e.g. \"15.0.4551.1001\"");
                continue;
            }
            minimum.put(client, version);
        }
        endOfObject(t);
        return minimum;
    }

    private void readPool(int i) throws IOException {
        SourceLocation at = here();
        elementKeys.seen = 0;
        int given = 0;
        String fqdn = null;
        long fqdnPos = 0;
        ServerVersion version = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            int field = key(POOL, elementKeys);
            if (p.nextToken() != JsonToken.VALUE_NULL && field >= 0) {
                given |= 1 << field;
            }
            switch (field) {
                case PO_FQDN -> {
                    fqdnPos = pos();
                    fqdn = requiredString("fqdn");
                }
                case PO_VERSION -> version = choice(VERSIONS, "version", -1);
                default -> p.skipChildren();
            }
        }
        endOfObject(t);
        missing(POOL, given, at);
        assembler.pool(i, at, fqdn, fqdnPos, version);
    }

    private void readUser(int i) throws IOException {
        SourceLocation at = here();
        elementKeys.seen = 0;
        int given = 0;
        String sip = null;
        long sipPos = 0;
        String pool = null;
        long poolPos = 0;
        ClientSpec client = null;
        long meetingsPerMonth = NO_NUMBER;
        Set<Need> needs = Set.of();
        Set<AddIn> addIns = Set.of();
        int liveMeeting = ABSENT;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            int field = key(USER, elementKeys);
            if (p.nextToken() != JsonToken.VALUE_NULL && field >= 0) {
                given |= 1 << field;
            }
            switch (field) {
                case U_SIP -> {
                    sipPos = pos();
                    sip = requiredString("sip");
                }
                case U_POOL -> {
                    poolPos = pos();
                    pool = requiredString("pool");
                }
                case U_CLIENT -> client = client("client");
                case U_MEETINGS -> {
                    long valuePos = pos();
                    meetingsPerMonth = number("meetingsPerMonth");
                    if (meetingsPerMonth != NO_NUMBER && meetingsPerMonth < 0) {
                        errors.add(assembler.location(valuePos), path("meetingsPerMonth", -1),
                                "must be 0 or more, not " + meetingsPerMonth);
                        meetingsPerMonth = NO_NUMBER;
                    }
                }
                case U_NEEDS -> needs = choices(NEEDS, "needs");
                case U_ADDINS -> addIns = choices(ADD_INS, "addIns");
                case U_LIVE_MEETING -> liveMeeting = bool("schedulesLiveMeetingService");
                default -> p.skipChildren();
            }
        }
        endOfObject(t);
        missing(USER, given, at);
        assembler.user(new InventoryAssembler.UserDraft(i, at, sip, sipPos, pool, poolPos,
                client == null ? null : client.client(), client == null ? null : client.version(),
                meetingsPerMonth == NO_NUMBER ? 0 : (int) meetingsPerMonth, needs, addIns, liveMeeting == 1));
    }

    private void readFederatedUser(int i) throws IOException {
        SourceLocation at = here();
        elementKeys.seen = 0;
        int given = 0;
        String sip = null;
        long sipPos = 0;
        ClientSpec client = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            int field = key(FEDERATED, elementKeys);
            if (p.nextToken() != JsonToken.VALUE_NULL && field >= 0) {
                given |= 1 << field;
            }
            switch (field) {
                case F_SIP -> {
                    sipPos = pos();
                    sip = requiredString("sip");
                }
                case F_CLIENT -> client = client("client");
                default -> p.skipChildren();
            }
        }
        endOfObject(t);
        missing(FEDERATED, given, at);
        assembler.federatedUser(i, at, sip, sipPos, client == null ? null : client.client());
    }

    private void readMeeting(int i) throws IOException {
        SourceLocation at = here();
        elementKeys.seen = 0;
        int given = 0;
        String id = null;
        long idPos = 0;
        String organizer = null;
        long organizerPos = 0;
        String url = null;
        UrlScheme scheme = null;
        int locked = ABSENT;
        int video = ABSENT;
        int noMeetingIm = ABSENT;
        Set<Content> content = Set.of();
        List<String> participants = List.of();
        List<InventoryAssembler.ParticipantRef> unresolved = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            int field = key(MEETING, elementKeys);
            if (p.nextToken() != JsonToken.VALUE_NULL && field >= 0) {
                given |= 1 << field;
            }
            switch (field) {
                case M_ID -> {
                    idPos = pos();
                    id = requiredString("id");
                }
                case M_ORGANIZER -> {
                    organizerPos = pos();
                    organizer = requiredString("organizer");
                }
                case M_URL -> {
                    long urlPos = pos();
                    url = requiredString("url");
                    if (url != null) {
                        scheme = UrlScheme.of(url).orElse(null);
                        if (scheme == null) {
                            errors.add(assembler.location(urlPos), path("url", -1), badUrl(url));
                        }
                    }
                }
                case M_LOCKED -> locked = bool("locked");
                case M_CONTENT -> content = choices(CONTENT, "content");
                case M_VIDEO -> video = bool("video");
                case M_NO_IM -> noMeetingIm = bool("noMeetingIm");
                case M_PARTICIPANTS -> {
                    if (p.currentToken() == JsonToken.VALUE_NULL) {
                        break;
                    }
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        wrongType("participants", -1, "an array of SIP addresses, e.g. [\"bob@contoso.com\"]");
                        break;
                    }
                    participants = new ArrayList<>();
                    unresolved = readParticipants(participants);
                }
                default -> p.skipChildren();
            }
        }
        endOfObject(t);
        missing(MEETING, given, at);
        assembler.meeting(new InventoryAssembler.MeetingDraft(i, at, id, idPos, organizer, organizerPos, url, scheme,
                locked == 1, content, video == 1, noMeetingIm == 1, participants, unresolved));
    }

    /**
     * Reads the participant addresses into {@code participants}, each in its declared spelling when it is
     * already declared and each once (compared ignoring case); returns the ones not declared yet (null when none).
     */
    private List<InventoryAssembler.ParticipantRef> readParticipants(List<String> participants) throws IOException {
        List<InventoryAssembler.ParticipantRef> unresolved = null;
        Set<String> seen = null;
        JsonToken t;
        int j = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new JsonEOFException(p, null, "the \"participants\" array is not closed");
            }
            String sip = requiredString(t, "participants", j, "a SIP address string");
            if (sip != null) {
                String declared = assembler.declaredSip(sip);
                boolean pending = declared == null;
                String spelling = pending ? sip : declared;
                // someone invited twice is invited once: the repeat is dropped (one Participation fact each)
                if (!listed(participants, seen, spelling, !pending)) {
                    if (pending) {
                        if (unresolved == null) {
                            unresolved = new ArrayList<>(2);
                        }
                        unresolved.add(new InventoryAssembler.ParticipantRef(j, participants.size(), sip, pos()));
                    }
                    participants.add(spelling);
                    if (seen != null || participants.size() == 16) {
                        if (seen == null) {
                            seen = new HashSet<>();
                            for (String s : participants) {
                                seen.add(s.toLowerCase(Locale.ROOT));
                            }
                        } else {
                            seen.add(spelling.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
            j++;
        }
        return unresolved;
    }

    /**
     * True when {@code sip} is already in {@code participants}, compared ignoring case. Declared addresses are
     * the declared instances, so they compare by identity; only addresses nobody declared (yet) are compared
     * ignoring case: they can never equal a declared one. {@code seen} (lower case) takes over for long lists.
     */
    private static boolean listed(List<String> participants, Set<String> seen, String sip, boolean declared) {
        if (seen != null) {
            return seen.contains(sip.toLowerCase(Locale.ROOT));
        }
        for (int k = 0; k < participants.size(); k++) {
            String other = participants.get(k);
            if (other == sip || (!declared && other.equalsIgnoreCase(sip))) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ fields

    /** The id of the current field name in {@code fields}; -1 (reported) when unknown or already given. */
    private int key(Fields fields, KeyTracker keys) throws IOException {
        String name = p.currentName();
        int id = fields.id(name);
        if (id < 0) {
            String suggestion = Suggestions.closest(name, fields.names);
            errors.add(here(), path(name, -1), "unknown field \"" + name + "\""
                    + (suggestion == null ? "" : "; did you mean \"" + suggestion + "\"?")
                    + " (allowed fields of " + fields.objectName + ": " + String.join(", ", fields.names) + ")");
            return -1;
        }
        if (!keys.add(id)) {
            errors.add(here(), path(name, -1), "field \"" + name + "\" is given more than once in this object;"
                    + " keep one");
            return -1;
        }
        return id;
    }

    private void missing(Fields fields, int given, SourceLocation at) {
        int missing = fields.required & ~given;
        if (missing == 0) {
            return;
        }
        for (int id = 0; id < fields.names.size(); id++) {
            if ((missing & (1 << id)) != 0) {
                String name = fields.names.get(id);
                held.add(new InventoryError(at, path(name, -1), "missing required field \"" + name + "\" in "
                        + fields.objectName + ": " + fields.hints[id]));
            }
        }
    }

    private void endOfObject(JsonToken t) throws IOException {
        if (t != JsonToken.END_OBJECT) {
            throw new JsonEOFException(p, t, "an object is not closed");
        }
    }

    /** The current value of an optional string field; null when null or (reported) of another type. */
    private String optionalString(String field) throws IOException {
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
    private String requiredString(String field) throws IOException {
        return requiredString(p.currentToken(), field, -1, "a string");
    }

    private String requiredString(JsonToken t, String field, int sub, String expected) throws IOException {
        if (t == JsonToken.VALUE_STRING && !isAlias()) {
            String text = p.getText();
            if (text.isBlank()) {
                errors.add(here(), path(field, sub), "must not be empty");
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
    private int bool(String field) throws IOException {
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
    private long number(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.INT) {
                return p.getIntValue();
            }
            errors.add(here(), path(field, -1), "the number " + p.getText() + " is too large");
            return NO_NUMBER;
        }
        if (t == JsonToken.VALUE_NULL) {
            return NO_NUMBER;
        }
        wrongType(field, -1, "a whole number");
        return NO_NUMBER;
    }

    private <E extends Enum<E>> E choice(Choices<E> choices, String field, int sub) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING && !isAlias()) {
            String text = p.getText();
            E value = choices.byName.get(text);
            if (value == null) {
                errors.add(here(), path(field, sub), unknownChoice(choices, text));
            }
            return value;
        }
        if (t != JsonToken.VALUE_NULL || sub >= 0) {
            wrongType(field, sub, "one of " + choices.allowed, true);
        }
        return null;
    }

    private <E extends Enum<E>> Set<E> choices(Choices<E> choices, String field) throws IOException {
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

    /** A client given by name or as a SIP user-agent string; null when absent or (reported) invalid. */
    private ClientSpec client(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_STRING || isAlias()) {
            if (t != JsonToken.VALUE_NULL) {
                wrongType(field, -1, CLIENT_HINT, true);
            }
            return null;
        }
        String text = p.getText();
        Client byName = CLIENTS.byName.get(text);
        if (byName != null) {
            return new ClientSpec(byName, null);
        }
        ClientSpec known = userAgents.get(text);
        if (known != null) {
            return known;
        }
        Client byAgent = text.isBlank() ? null : Client.fromUserAgent(text).orElse(null);
        if (byAgent == null) {
            errors.add(here(), path(field, -1), unknownClient(text));
            return null;
        }
        ClientSpec spec = new ClientSpec(byAgent, Client.versionOf(text).orElse(null));
        if (userAgents.size() < MAX_CACHED_USER_AGENTS) {
            userAgents.put(text, spec);
        }
        return spec;
    }

    // ------------------------------------------------------------------ messages

    private static String unknownChoice(Choices<?> choices, String text) {
        Enum<?> near = choices.nearMiss(text);
        return "unknown " + choices.what + " \"" + text + "\""
                + (near == null ? "" : "; did you mean " + near.name() + "? (names are case-sensitive)")
                + "; allowed: " + choices.allowed;
    }

    private static String unknownClient(String text) {
        if (text.isBlank()) {
            return "must not be empty; give " + CLIENT_HINT;
        }
        Client near = CLIENTS.nearMiss(text);
        if (near != null) {
            return "unknown client \"" + text + "\"; did you mean " + near.name() + "? (names are case-sensitive)";
        }
        return "unknown client \"" + text + "\": neither a client name (" + CLIENTS.allowed + ") nor a known SIP"
                + " user-agent string; known user-agent prefixes: " + USER_AGENT_PREFIXES;
    }

    private static String badUrl(String url) {
        int colon = url.indexOf(':');
        String shown = abbreviate(url);
        String problem = colon <= 0 ? "meeting URL \"" + shown + "\" has no scheme"
                : "unsupported URL scheme \"" + url.substring(0, colon) + ":\" in \"" + shown + "\"";
        return problem + "; a meeting URL starts with conf:, meet: or https: (e.g."
                + " \"meet:sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:K9Q1\" or"
                + " \"https://meet.contoso.com/alice/K9Q1\")";
    }

    /** Reports a value of the wrong type and skips it. */
    private void wrongType(String field, int sub, String expected) throws IOException {
        wrongType(field, sub, expected, false);
    }

    /** Reports a value of the wrong type and skips it; {@code textExpected} adds a hint to quote a bare scalar. */
    private void wrongType(String field, int sub, String expected, boolean textExpected) throws IOException {
        JsonToken t = p.currentToken();
        errors.add(here(), path(field, sub), "expected " + expected + ", not " + describe(t)
                + (textExpected ? quoteHint(t) : ""));
        p.skipChildren();
    }

    private String quoteHint(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_TRUE
                || t == JsonToken.VALUE_FALSE) {
            return "; if you mean the text, put it in quotes: \"" + p.getText() + "\"";
        }
        return "";
    }

    /** The current token for a message: {@code the string "yes"}, {@code the number 3}, {@code an object}. */
    private String describe(JsonToken t) throws IOException {
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
            case VALUE_STRING -> "the string \"" + abbreviate(p.getText()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + abbreviate(p.getText());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private boolean isAlias() {
        return yaml != null && yaml.isCurrentAlias();
    }

    // ------------------------------------------------------------------ positions and paths

    /** The current token's position, packed (see {@link InventoryAssembler#pos}). */
    private long pos() {
        JsonLocation l = p.currentTokenLocation();
        return InventoryAssembler.pos(l.getLineNr(), l.getColumnNr());
    }

    private SourceLocation here() {
        return assembler.location(pos());
    }

    private SourceLocation currentLocation() {
        JsonLocation l = p.currentLocation();
        return new SourceLocation(file, Math.max(l.getLineNr(), 0), Math.max(l.getColumnNr(), 0));
    }

    /** {@code users[3].client}, {@code meetings[0].participants[2]}, {@code plan.targetPool}, {@code pools}. */
    private String path(String field, int sub) {
        StringBuilder path = new StringBuilder(40);
        if (list != null) {
            path.append(list);
            if (index >= 0) {
                path.append('[').append(index).append(']');
            }
            path.append('.');
        }
        path.append(field);
        if (sub >= 0) {
            path.append('[').append(sub).append(']');
        }
        return path.toString();
    }

    // ------------------------------------------------------------------ malformed input

    private static final Pattern SOURCE_REFERENCE =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private static InventoryError syntaxError(String file, String format, JsonProcessingException e, Path source) {
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
    private static InventoryError encodingError(String file, SourceLocation at, String detail, Path source) {
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

    // ------------------------------------------------------------------ shared with the other readers

    /**
     * Reads one JSON or YAML document into an assembler that other files feed too (the plan.yaml of a CSV
     * folder); errors go to {@code errors}. Neither resolves references nor builds: the caller does, once every
     * file is read. The assembler must place positions of this file ({@link InventoryAssembler#pos}) in it.
     *
     * @return false when the document could not be read to its end (references are then not worth checking)
     */
    static boolean readInto(JsonFactory factory, String formatName, Path file, String name, ErrorCollector errors,
                            InventoryAssembler assembler) {
        StructuredInventoryParser reader = null;
        try (InputStream in = Files.newInputStream(file); JsonParser p = factory.createParser(in)) {
            reader = new StructuredInventoryParser(p, formatName, name, errors, assembler);
            return reader.readDocument();
        } catch (JsonProcessingException e) {
            errors.add(syntaxError(name, formatName, e, file));
            return reader != null && reader.documentRead;
        } catch (CharConversionException | CharacterCodingException e) {
            errors.add(encodingError(name, reader == null ? null : reader.currentLocation(), e.getMessage(), file));
        } catch (NoSuchFileException e) {
            errors.add(fileError(name, "no such file; check the path"));
        } catch (IOException e) {
            errors.add(fileError(name, "cannot read the file: " + e.getMessage()));
        }
        return false;
    }

    /** The client named {@code text} exactly, or null. */
    static Client clientNamed(String text) {
        return CLIENTS.byName.get(text);
    }

    /** What a client field holds, for messages: a client name or a user-agent string. */
    static String clientHint() {
        return CLIENT_HINT;
    }

    /** The message for a client that is neither a name nor a known user agent (or is blank). */
    static String unknownClientMessage(String text) {
        return unknownClient(text);
    }

    /** The constant of {@code type} (a version, content, need or add-in) named {@code text} exactly, or null. */
    static <E extends Enum<E>> E choiceNamed(Class<E> type, String text) {
        return type.cast(choicesOf(type).byName.get(text));
    }

    /** The message for an unknown name of {@code type}, with the names allowed. */
    static String unknownChoiceMessage(Class<? extends Enum<?>> type, String text) {
        return unknownChoice(choicesOf(type), text);
    }

    /** The names {@code type} allows, comma-separated. */
    static String allowedNames(Class<? extends Enum<?>> type) {
        return choicesOf(type).allowed;
    }

    /** The message for a meeting URL without a supported scheme. */
    static String badUrlMessage(String url) {
        return badUrl(url);
    }

    private static Choices<?> choicesOf(Class<?> type) {
        for (Choices<?> c : List.of(VERSIONS, CLIENTS, CONTENT, NEEDS, ADD_INS)) {
            if (c.type == type) {
                return c;
            }
        }
        throw new IllegalArgumentException("not an inventory enum: " + type);
    }
}
