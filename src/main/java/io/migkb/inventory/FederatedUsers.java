package io.migkb.inventory;

import io.migkb.inventory.CsvInputs.Column;
import io.migkb.inventory.CsvInputs.Table;
import io.migkb.model.Client;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The federated users of a customer's exports, each declared once: those of migkb's own {@code federated.csv}
 * (strict: an unknown client is an error), those the Monitoring database saw join from outside, and a calendar's
 * attendees from other domains (an unknown client when no source names one).
 */
final class FederatedUsers {
    private static final int C_SIP = 0, C_CLIENT = 1;

    private final CsvInputs in;
    private int index;

    FederatedUsers(CsvInputs in) {
        this.in = in;
    }

    /** Reads federated.csv when the folder has one; false when it could not be read to its end. */
    boolean readOwnFile() {
        Map<String, ClientSpec> chosen = new LinkedHashMap<>();
        Map<String, String[]> unknown = new LinkedHashMap<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, long[]> first = new HashMap<>();
        List<Column> columns = ExportKind.CLIENTS.columns;
        Table t = in.open(ExportFolder.FEDERATED, "federatedUsers", false, false, columns, "columns SipAddress"
                + " and UserAgent, a row per federated user and client");
        Map<String, Long> unknownAt = new HashMap<>();
        boolean complete = in.forEachRow(t, i -> {
            String sip = in.requiredSip(t, C_SIP);
            if (sip == null) {
                return;
            }
            String key = lower(sip);
            if (spelling.putIfAbsent(key, sip) == null) {
                first.put(key, new long[] {t.pos(C_SIP), t.rowPos()});
            }
            ClientSpec client = in.client(t.value(C_CLIENT));
            if (client == null) {
                unknown.put(key, new String[] {t.value(C_CLIENT), t.name(C_CLIENT)});
                unknownAt.put(key, t.pos(C_CLIENT));
            } else {
                chosen.put(key, client);
            }
        });
        for (Map.Entry<String, String> e : spelling.entrySet()) {
            String key = e.getKey();
            ClientSpec choice = chosen.get(key);
            if (choice == null) {
                String[] u = unknown.get(key);
                in.errors.add(in.location(unknownAt.get(key)), u[1],
                        StructuredInventoryParser.unknownClientMessage(u[0]));
            }
            in.assembler.federatedUser(index++, first.get(key)[1], e.getValue(), first.get(key)[0],
                    choice == null ? null : choice.client());
        }
        return complete;
    }

    /**
     * Participants who joined from outside and are not users of the estate are federated users, each declared
     * once, with the first installed client (else Lync Web App, else {@code UNKNOWN}) they joined with.
     */
    void fromParticipants(Iterable<ConferenceParticipants.Joiner> joiners, Predicate<String> ofTheEstate) {
        Map<String, ConferenceParticipants.Joiner> firstSeen = new LinkedHashMap<>();
        Map<String, ClientSpec> best = new HashMap<>();
        for (ConferenceParticipants.Joiner j : joiners) {
            String key = lower(j.sip());
            if (j.internal() || ofTheEstate.test(key)
                    || in.assembler.declaredSip(j.sip()) != null) {
                continue;
            }
            firstSeen.putIfAbsent(key, j);
            ClientSpec client = j.userAgent().isEmpty() ? null : in.client(j.userAgent());
            ClientSpec old = best.get(key);
            if (client != null && (old == null || old.client().isWebApp() && !client.client().isWebApp())) {
                best.put(key, client);
            }
        }
        for (Map.Entry<String, ConferenceParticipants.Joiner> e : firstSeen.entrySet()) {
            ConferenceParticipants.Joiner j = e.getValue();
            ClientSpec client = best.get(e.getKey());
            in.assembler.federatedUser(index++, j.pos(), j.sip(), j.sipPos(),
                    client == null ? Client.UNKNOWN : client.client());
        }
    }

    /** A calendar's attendee from outside whom no source names: a federated user with an unknown client. */
    String outsider(String address, long pos) {
        in.assembler.federatedUser(index++, pos, address, pos, Client.UNKNOWN);
        return address;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
