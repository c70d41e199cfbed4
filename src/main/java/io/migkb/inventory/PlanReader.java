package io.migkb.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.migkb.model.Client;
import io.migkb.model.Plan;
import io.migkb.model.Versions;

import java.io.IOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static io.migkb.inventory.InventoryValues.CLIENTS;
import static io.migkb.inventory.ValueReader.ABSENT;
import static io.migkb.inventory.ValueReader.NO_NUMBER;

/** Reads the optional {@code plan} object of an inventory and hands it to the assembler. */
final class PlanReader {

    private static final KnownFields PLAN = new KnownFields("the plan",
            new String[] {"targetPool", "moveConferenceData", "liveMeetingServiceAvailable", "removeConferencingAddIn",
                "frequentOrganizerThreshold", "minimumClientVersions", "parameters"});
    private static final int P_TARGET = 0, P_MOVE = 1, P_LIVE_MEETING = 2, P_REMOVE_ADDIN = 3, P_THRESHOLD = 4,
            P_MINIMUM = 5, P_PARAMETERS = 6;

    private final ValueReader v;
    private final JsonParser p;
    private final KnownFields.KeyTracker keys = new KnownFields.KeyTracker();

    PlanReader(ValueReader values) {
        this.v = values;
        this.p = values.p;
    }

    /** Reads the plan object whose start is the current token. */
    void read() throws IOException {
        v.path.enter("plan", -1);
        keys.seen = 0;
        String target = null;
        long targetPos = 0;
        int move = ABSENT;
        int liveMeeting = ABSENT;
        int removeAddIn = ABSENT;
        long threshold = NO_NUMBER;
        Map<Client, String> minimum = Map.of();
        Map<String, Object> parameters = Map.of();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            int field = v.key(PLAN, keys);
            p.nextToken();
            switch (field) {
                case P_TARGET -> {
                    targetPos = v.pos();
                    target = v.requiredString("targetPool");
                }
                case P_MOVE -> move = v.bool("moveConferenceData");
                case P_LIVE_MEETING -> liveMeeting = v.bool("liveMeetingServiceAvailable");
                case P_REMOVE_ADDIN -> removeAddIn = v.bool("removeConferencingAddIn");
                case P_THRESHOLD -> {
                    long at = v.pos();
                    threshold = v.number("frequentOrganizerThreshold");
                    if (threshold != NO_NUMBER && threshold < 1) {
                        v.errors.add(v.assembler.location(at), v.path.of("frequentOrganizerThreshold", -1),
                                "must be at least 1 (meetings per month from which an organizer is moved early),"
                                        + " not " + threshold);
                        threshold = NO_NUMBER;
                    }
                }
                case P_MINIMUM -> minimum = readMinimumClientVersions();
                case P_PARAMETERS -> parameters = readParameters();
                default -> p.skipChildren();
            }
        }
        v.endOfObject(t);
        v.assembler.plan(target, targetPos, move == 1, liveMeeting == 1, removeAddIn == 1,
                threshold == NO_NUMBER ? Plan.DEFAULT_FREQUENT_ORGANIZER_THRESHOLD : (int) threshold, minimum,
                parameters);
        v.path.leave();
    }

    /**
     * The customer's parameters: free-form names (what the customer's rules read), each a text, number or boolean;
     * the one place in the plan whose keys are not checked against a list.
     */
    private Map<String, Object> readParameters() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (t != JsonToken.START_OBJECT) {
            v.wrongType("parameters", -1, "an object of names to values, e.g. {\"large-meeting-size\": 250}");
            p.skipChildren();
            return Map.of();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String field = "plan.parameters." + name;
            t = p.nextToken();
            if (parameters.containsKey(name)) {
                v.errors.add(v.here(), field, "parameter " + name + " is given twice; keep one value");
                p.skipChildren();
                continue;
            }
            Object value = switch (t) {
                case VALUE_STRING -> v.isAlias() ? null : p.getText();
                case VALUE_NUMBER_INT -> p.getLongValue();
                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> NOTHING;
                default -> null;
            };
            if (value == null) {
                v.errors.add(v.here(), field, "expected a text, a number or true/false, not " + v.describe(t)
                        + v.quoteHint(t) + "; a rule reads one value a name");
                p.skipChildren();
            } else if (value != NOTHING) {
                parameters.put(name, value);
            }
        }
        v.endOfObject(t);
        return parameters;
    }

    /** A parameter given as null: as if absent. */
    private static final Object NOTHING = new Object();

    /** A map of client name to dotted version; keys are checked here since they are values, not field names. */
    private Map<Client, String> readMinimumClientVersions() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (t != JsonToken.START_OBJECT) {
            v.wrongType("minimumClientVersions", -1,
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
                v.errors.add(v.here(), field,
                        InventoryValues.unknownChoice(CLIENTS, name) + " (keys are client names)");
                p.nextToken();
                p.skipChildren();
                continue;
            }
            if (!seen.add(client)) {
                v.errors.add(v.here(), field, "client " + name + " is given twice; keep one minimum version");
                p.nextToken();
                p.skipChildren();
                continue;
            }
            t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                continue;
            }
            if (t != JsonToken.VALUE_STRING || v.isAlias()) {
                v.errors.add(v.here(), field, "expected a dotted version string such as \"15.0.4551.1001\", not "
                        + v.describe(t) + v.quoteHint(t));
                p.skipChildren();
                continue;
            }
            String version = p.getText();
            if (!Versions.isVersion(version)) {
                v.errors.add(v.here(), field, "\"" + version + "\" is not a dotted version number;"
                        + " write digits and dots, e.g. \"15.0.4551.1001\"");
                continue;
            }
            minimum.put(client, version);
        }
        v.endOfObject(t);
        return minimum;
    }
}
