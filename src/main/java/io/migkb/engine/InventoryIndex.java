package io.migkb.engine;

import io.migkb.model.FederatedUser;
import io.migkb.model.Inventory;
import io.migkb.model.Meeting;
import io.migkb.model.Participant;
import io.migkb.model.Participation;
import io.migkb.model.User;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is invited to what, looked up once per assessment and handed to the rules as the global {@code index}.
 * Rules read a participant's meetings with {@code from} over this small list instead of joining a
 * Participation fact per meeting and participant: at a million users those would be some ten million facts, each
 * with a fact handle and a place in every join that reads them, which costs more memory than the inventory.
 *
 * <pre>
 * global io.migkb.engine.InventoryIndex index;
 * rule "..." when
 *     $u : User( client == Client.LYNC_2010 )
 *     Participation( meeting.video, $m : meeting ) from index.participationsOf($u)
 * </pre>
 *
 * Immutable once built; each assessment builds its own.
 */
public final class InventoryIndex {
    /** The global's name in DRL files. */
    public static final String GLOBAL = "index";

    private static final Meeting[] NONE = new Meeting[0];

    private final Map<String, Participant> bySip;
    private final Map<String, Meeting[]> invitedTo;

    private InventoryIndex(Map<String, Participant> bySip, Map<String, Meeting[]> invitedTo) {
        this.bySip = bySip;
        this.invitedTo = invitedTo;
    }

    public static InventoryIndex of(Inventory inventory) {
        int people = inventory.getUsers().size() + inventory.getFederatedUsers().size();
        Map<String, Participant> bySip = new HashMap<>(people * 4 / 3 + 16);
        for (FederatedUser f : inventory.getFederatedUsers()) {
            bySip.put(f.getSip(), f);
        }
        for (User u : inventory.getUsers()) {
            bySip.put(u.getSip(), u);
        }
        // Two passes, so that each participant's meetings sit in one exactly sized array.
        Map<String, int[]> counts = new HashMap<>(people * 4 / 3 + 16);
        for (Meeting m : inventory.getMeetings()) {
            for (String sip : m.getParticipants()) {
                counts.computeIfAbsent(sip, s -> new int[1])[0]++;
            }
        }
        Map<String, Meeting[]> invitedTo = new HashMap<>(counts.size() * 4 / 3 + 16);
        counts.forEach((sip, n) -> invitedTo.put(sip, new Meeting[n[0]]));
        for (Meeting m : inventory.getMeetings()) {
            for (String sip : m.getParticipants()) {
                int[] n = counts.get(sip);
                invitedTo.get(sip)[--n[0]] = m;
            }
        }
        // Meetings in file order for each participant (filled backwards above).
        invitedTo.values().forEach(InventoryIndex::reverse);
        return new InventoryIndex(bySip, invitedTo);
    }

    private static void reverse(Meeting[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            Meeting t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** The user or federated user with this SIP address, or null. */
    public Participant participant(String sip) {
        return bySip.get(sip);
    }

    /** Every meeting {@code participant} is invited to, once per invitation, as participations. */
    public List<Participation> participationsOf(Participant participant) {
        Meeting[] meetings = invitedTo.getOrDefault(participant.getSip(), NONE);
        Participation[] result = new Participation[meetings.length];
        for (int i = 0; i < meetings.length; i++) {
            Meeting m = meetings[i];
            result[i] = new Participation(m, participant.getSip(), participant,
                    bySip.get(m.getOrganizer()) instanceof User u ? u : null);
        }
        return List.of(result);
    }
}
