package io.migkb.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.migkb.model.Content;
import io.migkb.model.UrlScheme;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.migkb.inventory.InventoryValues.CONTENT;
import static io.migkb.inventory.ValueReader.ABSENT;

/**
 * Reads one element of {@code meetings} and hands it to the assembler. Participants may be declared later in
 * the file, so those not declared yet are passed on as references for the assembler to resolve at the end.
 */
final class MeetingReader {

    private static final KnownFields MEETING = new KnownFields("a meeting",
            new String[] {"id", "organizer", "url", "locked", "content", "video", "noMeetingIm", "participants"},
            "id", "a unique meeting id, e.g. \"m-001\"",
            "organizer", "the SIP address of the organizer, a user declared in \"users\"",
            "url", "the meeting URL, starting with conf:, meet: or https:");
    private static final int M_ID = 0, M_ORGANIZER = 1, M_URL = 2, M_LOCKED = 3, M_CONTENT = 4, M_VIDEO = 5,
            M_NO_IM = 6, M_PARTICIPANTS = 7;

    /** From this many participants on, repeats are found with a set instead of a scan of the list. */
    static final int SCAN_LIMIT = 16;

    private final ValueReader v;
    private final JsonParser p;
    private final KnownFields.KeyTracker keys = new KnownFields.KeyTracker();
    /** The participants of the meeting being read, reused from meeting to meeting. */
    private final List<String> scratch = new ArrayList<>();

    MeetingReader(ValueReader values) {
        this.v = values;
        this.p = values.p;
    }

    /** Reads meeting {@code i}, whose object start is the current token. */
    void read(int i) throws IOException {
        long at = v.pos();
        keys.seen = 0;
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
            int field = v.key(MEETING, keys);
            if (p.nextToken() != JsonToken.VALUE_NULL && field >= 0) {
                given |= 1 << field;
            }
            switch (field) {
                case M_ID -> {
                    idPos = v.pos();
                    id = v.requiredString("id");
                }
                case M_ORGANIZER -> {
                    organizerPos = v.pos();
                    organizer = v.requiredString("organizer");
                }
                case M_URL -> {
                    long urlPos = v.pos();
                    url = v.requiredString("url");
                    if (url != null) {
                        scheme = UrlScheme.of(url).orElse(null);
                        if (scheme == null) {
                            v.errors.add(v.assembler.location(urlPos), v.path.of("url", -1),
                                    InventoryValues.badUrl(url));
                        }
                    }
                }
                case M_LOCKED -> locked = v.bool("locked");
                case M_CONTENT -> content = v.choices(CONTENT, "content");
                case M_VIDEO -> video = v.bool("video");
                case M_NO_IM -> noMeetingIm = v.bool("noMeetingIm");
                case M_PARTICIPANTS -> {
                    if (p.currentToken() == JsonToken.VALUE_NULL) {
                        break;
                    }
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        v.wrongType("participants", -1, "an array of SIP addresses, e.g. [\"bob@contoso.com\"]");
                        break;
                    }
                    scratch.clear();
                    unresolved = readParticipants(scratch);
                    // the assembler fills in the unresolved ones later; the others are final as read
                    participants = unresolved == null ? List.copyOf(scratch) : new ArrayList<>(scratch);
                }
                default -> p.skipChildren();
            }
        }
        v.endOfObject(t);
        v.missing(MEETING, given, at);
        v.assembler.meeting(new InventoryAssembler.MeetingDraft(i, at, id, idPos, organizer, organizerPos, url,
                scheme, locked == 1, content, video == 1, noMeetingIm == 1, participants, unresolved));
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
            String sip = v.requiredString(t, "participants", j, "a SIP address string");
            if (sip != null) {
                String declared = v.assembler.declaredSip(sip);
                boolean pending = declared == null;
                String spelling = pending ? sip : declared;
                // someone invited twice is invited once: the repeat is dropped (one Participation fact each)
                if (!listed(participants, seen, spelling, !pending)) {
                    if (pending) {
                        if (unresolved == null) {
                            unresolved = new ArrayList<>(2);
                        }
                        unresolved.add(new InventoryAssembler.ParticipantRef(j, participants.size(), sip, v.pos()));
                    }
                    seen = add(participants, seen, spelling);
                }
            }
            j++;
        }
        return unresolved;
    }

    /**
     * Adds {@code sip} (not {@link #listed} yet) to {@code participants}; returns the lower-case set that
     * {@link #listed} consults in place of the list from {@link #SCAN_LIMIT} participants on (null before).
     */
    static Set<String> add(List<String> participants, Set<String> seen, String sip) {
        participants.add(sip);
        if (seen != null) {
            seen.add(sip.toLowerCase(Locale.ROOT));
        } else if (participants.size() == SCAN_LIMIT) {
            seen = new HashSet<>();
            for (String s : participants) {
                seen.add(s.toLowerCase(Locale.ROOT));
            }
        }
        return seen;
    }

    /**
     * True when {@code sip} is already in {@code participants}, compared ignoring case. Declared addresses are
     * the declared instances, so they compare by identity; only addresses nobody declared (yet) are compared
     * ignoring case: they can never equal a declared one. {@code seen} (lower case) takes over for long lists.
     */
    static boolean listed(List<String> participants, Set<String> seen, String sip, boolean declared) {
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
}
