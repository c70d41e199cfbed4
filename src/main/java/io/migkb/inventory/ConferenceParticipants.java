package io.migkb.inventory;

import io.migkb.inventory.CsvInputs.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who joined each conference, from the Monitoring database ({@code collect/lcscdr-conference-participants.sql} saved
 * as CSV): a row per conference and participant, with the client the participant joined with. A conference is
 * known by its focus URI, {@code sip:ORGANIZER;gruu;opaque=app:conf:focus:id:ID}: the organizer and the id of the
 * conference database's {@code ExternalConfId}, which the meetings join on (docs/inputs.md, "Who joins").
 */
final class ConferenceParticipants {
    private static final int P_CONFERENCE = 0, P_SIP = 1, P_INTERNAL = 2, P_CLIENT = 3;
    private static final String FOCUS_ID = "app:conf:focus:id:";
    private static final java.util.regex.Pattern CONF_ID = java.util.regex.Pattern.compile("(?i)app:conf:[a-z-]+:id:");

    /** One participant as the Monitoring database saw them; {@code pos} is the row's, for a federated user's place. */
    record Joiner(String sip, boolean internal, String userAgent, long pos, long sipPos) {
    }

    private final CsvInputs in;
    /** Joiners by "organizer id" in lower case, in the order read. */
    private final Map<String, List<Joiner>> byConference = new LinkedHashMap<>();
    private final Map<String, String> strings = new java.util.HashMap<>();
    private boolean complete = true;

    ConferenceParticipants(CsvInputs in) {
        this.in = in;
    }

    boolean complete() {
        return complete;
    }

    void read(Table t) {
        complete &= in.forEachRow(t, i -> {
            String uri = in.required(t, P_CONFERENCE);
            String sip = in.requiredSip(t, P_SIP);
            Boolean internal = in.bool(t, P_INTERNAL);
            if (uri == null || sip == null || internal == null) {
                return;
            }
            String key = keyOf(uri);
            if (key == null) {
                t.error(P_CONFERENCE, "expected a conference's focus URI, e.g. \"sip:amy@contoso.com;gruu;opaque=app:"
                        + "conf:focus:id:7QX2M4PD\", not \"" + InventoryValues.abbreviate(uri) + "\"");
                return;
            }
            // ten million rows name a few hundred thousand people and a handful of clients: each string held once
            byConference.computeIfAbsent(key, k -> new ArrayList<>(4))
                    .add(new Joiner(shared(sip), internal, shared(t.value(P_CLIENT)), t.rowPos(), t.pos(P_SIP)));
        });
    }

    private String shared(String s) {
        String known = strings.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    /** "amy@contoso.com 7qx2m4pd" for a focus URI; null for any other text. */
    static String keyOf(String uri) {
        if (!uri.contains(FOCUS_ID)) {
            return null;
        }
        String organizer = CsvInputs.sip(uri);
        int end = organizer.indexOf(';');
        organizer = end < 0 ? "" : organizer.substring(0, end).trim();
        String id = conferenceId(uri);
        return organizer.isEmpty() || id.isEmpty() ? null : key(organizer, id);
    }

    /** The id of a conference URI or conf:/meet: URL: what follows "app:conf:KIND:id:" (focus, audio-video, ...). */
    static String conferenceId(String uri) {
        java.util.regex.Matcher m = CONF_ID.matcher(uri);
        if (!m.find()) {
            return "";
        }
        String id = uri.substring(m.end());
        int end = id.indexOf(';');
        return (end < 0 ? id : id.substring(0, end)).trim();
    }

    static String key(String organizer, String id) {
        return (organizer + " " + id).toLowerCase(Locale.ROOT);
    }

    /**
     * Who joined the conference {@code id} of {@code organizer}, handed over once: the list is let go, so that ten
     * million joins are not all held while the meetings are built; empty when the Monitoring data has none.
     */
    List<Joiner> take(String organizer, String id) {
        List<Joiner> joiners = byConference.remove(key(organizer, id));
        return joiners == null ? List.of() : joiners;
    }

    /** Everyone who joined any conference, conference by conference. */
    Iterable<Joiner> all() {
        return () -> byConference.values().stream().flatMap(List::stream).iterator();
    }

    boolean isEmpty() {
        return byConference.isEmpty();
    }
}
