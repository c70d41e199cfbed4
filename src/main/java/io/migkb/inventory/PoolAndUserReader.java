package io.migkb.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.migkb.model.AddIn;
import io.migkb.model.Need;
import io.migkb.model.ServerVersion;

import java.io.IOException;
import java.util.Set;

import static io.migkb.inventory.InventoryValues.ADD_INS;
import static io.migkb.inventory.InventoryValues.CLIENT_HINT;
import static io.migkb.inventory.InventoryValues.NEEDS;
import static io.migkb.inventory.InventoryValues.VERSIONS;
import static io.migkb.inventory.ValueReader.ABSENT;
import static io.migkb.inventory.ValueReader.NO_NUMBER;

/**
 * Reads one element of {@code pools}, {@code users} or {@code federatedUsers} and hands it to the assembler;
 * references between them (a user's pool) are checked by the assembler once everything is read.
 */
final class PoolAndUserReader {

    private static final KnownFields POOL = new KnownFields("a pool", new String[] {"fqdn", "version"},
            "fqdn", "the pool's fully qualified domain name, e.g. \"pool13.contoso.com\"",
            "version", "one of " + InventoryValues.names(ServerVersion.values()));
    private static final int PO_FQDN = 0, PO_VERSION = 1;

    private static final KnownFields USER = new KnownFields("a user",
            new String[] {"sip", "pool", "client", "meetingsPerMonth", "needs", "addIns",
                "schedulesLiveMeetingService"},
            "sip", "the user's SIP address, e.g. \"alice@contoso.com\"",
            "pool", "the FQDN of the pool the user is homed on, declared in \"pools\"",
            "client", CLIENT_HINT);
    private static final int U_SIP = 0, U_POOL = 1, U_CLIENT = 2, U_MEETINGS = 3, U_NEEDS = 4, U_ADDINS = 5,
            U_LIVE_MEETING = 6;

    private static final KnownFields FEDERATED = new KnownFields("a federated user", new String[] {"sip", "client"},
            "sip", "the federated user's SIP address, e.g. \"carol@fabrikam.com\"",
            "client", CLIENT_HINT);
    private static final int F_SIP = 0, F_CLIENT = 1;

    private final ValueReader v;
    private final JsonParser p;
    private final KnownFields.KeyTracker keys = new KnownFields.KeyTracker();

    PoolAndUserReader(ValueReader values) {
        this.v = values;
        this.p = values.p;
    }

    /** Reads pool {@code i}, whose object start is the current token. */
    void readPool(int i) throws IOException {
        long at = v.pos();
        keys.seen = 0;
        int given = 0;
        String fqdn = null;
        long fqdnPos = 0;
        ServerVersion version = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            int field = v.key(POOL, keys);
            if (p.nextToken() != JsonToken.VALUE_NULL && field >= 0) {
                given |= 1 << field;
            }
            switch (field) {
                case PO_FQDN -> {
                    fqdnPos = v.pos();
                    fqdn = v.requiredString("fqdn");
                }
                case PO_VERSION -> version = v.choice(VERSIONS, "version", -1);
                default -> p.skipChildren();
            }
        }
        v.endOfObject(t);
        v.missing(POOL, given, at);
        v.assembler.pool(i, at, fqdn, fqdnPos, version);
    }

    /** Reads user {@code i}, whose object start is the current token. */
    void readUser(int i) throws IOException {
        long at = v.pos();
        keys.seen = 0;
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
            int field = v.key(USER, keys);
            if (p.nextToken() != JsonToken.VALUE_NULL && field >= 0) {
                given |= 1 << field;
            }
            switch (field) {
                case U_SIP -> {
                    sipPos = v.pos();
                    sip = v.requiredString("sip");
                }
                case U_POOL -> {
                    poolPos = v.pos();
                    pool = v.requiredString("pool");
                }
                case U_CLIENT -> client = v.client("client");
                case U_MEETINGS -> {
                    long valuePos = v.pos();
                    meetingsPerMonth = v.number("meetingsPerMonth");
                    if (meetingsPerMonth != NO_NUMBER && meetingsPerMonth < 0) {
                        v.errors.add(v.assembler.location(valuePos), v.path.of("meetingsPerMonth", -1),
                                "must be 0 or more, not " + meetingsPerMonth);
                        meetingsPerMonth = NO_NUMBER;
                    }
                }
                case U_NEEDS -> needs = v.choices(NEEDS, "needs");
                case U_ADDINS -> addIns = v.choices(ADD_INS, "addIns");
                case U_LIVE_MEETING -> liveMeeting = v.bool("schedulesLiveMeetingService");
                default -> p.skipChildren();
            }
        }
        v.endOfObject(t);
        v.missing(USER, given, at);
        v.assembler.user(new InventoryAssembler.UserDraft(i, at, sip, sipPos, pool, poolPos,
                client == null ? null : client.client(), client == null ? null : client.version(),
                meetingsPerMonth == NO_NUMBER ? 0 : (int) meetingsPerMonth, needs, addIns, liveMeeting == 1, null));
    }

    /** Reads federated user {@code i}, whose object start is the current token. */
    void readFederatedUser(int i) throws IOException {
        long at = v.pos();
        keys.seen = 0;
        int given = 0;
        String sip = null;
        long sipPos = 0;
        ClientSpec client = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            int field = v.key(FEDERATED, keys);
            if (p.nextToken() != JsonToken.VALUE_NULL && field >= 0) {
                given |= 1 << field;
            }
            switch (field) {
                case F_SIP -> {
                    sipPos = v.pos();
                    sip = v.requiredString("sip");
                }
                case F_CLIENT -> client = v.client("client");
                default -> p.skipChildren();
            }
        }
        v.endOfObject(t);
        v.missing(FEDERATED, given, at);
        v.assembler.federatedUser(i, at, sip, sipPos, client == null ? null : client.client());
    }
}
