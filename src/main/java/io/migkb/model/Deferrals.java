package io.migkb.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Findings that apply only once a held-back user moves. A user is held back when PLAN-LIVE-MEETING-NEEDS (in force,
 * not waived) keeps them homed on OCS 2007 R2 ({@link Plan#keepsOnOcsForLiveMeeting}): until they move, their
 * meetings stay there and keep working, and their client stays signed in there. So the findings about what happens on
 * Lync Server 2013 to that user, or to the meetings they organize, are deferred — marked with the reason, never
 * dropped — while the planning findings about them (PLAN-*, ADDIN-*, DATA-*, CLIENT-BELOW-POLICY) apply now.
 * {@code assess} and {@code plan} both mark findings this way, so they tell one story.
 */
public final class Deferrals {
    /** The rule whose finding holds a user back. */
    public static final String HOLDS_BACK = "PLAN-LIVE-MEETING-NEEDS";

    private Deferrals() {
    }

    /** The SIP addresses of the users held back on OCS 2007 R2, given the findings in force. */
    public static Set<String> heldBack(Inventory inventory, Collection<Finding> inForce) {
        Set<String> holding = new TreeSet<>();
        for (Finding f : inForce) {
            if (f.getRule().equals(HOLDS_BACK)) {
                holding.add(f.getSubject());
            }
        }
        Set<String> held = new TreeSet<>();
        if (holding.isEmpty()) {
            return held;
        }
        Plan plan = inventory.getPlan();
        for (User u : inventory.getUsers()) {
            if (holding.contains("user:" + u.getSip()) && plan.keepsOnOcsForLiveMeeting(u)) {
                held.add(u.getSip());
            }
        }
        return held;
    }

    /**
     * {@code findings} with those that apply only once a held-back user moves marked deferred, in the same order.
     *
     * @param inForce the findings not waived, which decide who is held back
     */
    public static List<Finding> mark(Inventory inventory, List<Finding> findings, Collection<Finding> inForce) {
        Set<String> held = heldBack(inventory, inForce);
        if (held.isEmpty()) {
            return findings;
        }
        Map<String, String> organizerOf = new HashMap<>();
        for (Meeting m : inventory.getMeetings()) {
            if (held.contains(m.getOrganizer())) {
                organizerOf.put("meeting:" + m.getId(), m.getOrganizer());
            }
        }
        List<Finding> marked = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String reason = reason(f, held, organizerOf);
            marked.add(reason == null ? f : f.deferredBecause(reason));
        }
        return marked;
    }

    private static String reason(Finding f, Set<String> held, Map<String, String> organizerOf) {
        String subject = f.getSubject();
        if (subject.startsWith("user:")) {
            String sip = subject.substring("user:".length());
            if (!held.contains(sip) || appliesNow(f.getRule())) {
                return null;
            }
            return "applies once " + sip + " moves to Lync Server 2013: " + HOLDS_BACK + " keeps them on Office"
                    + " Communications Server 2007 R2 for now";
        }
        String organizer = organizerOf.get(subject);
        if (organizer == null) {
            return null;
        }
        return "applies once the organizer " + organizer + " moves to Lync Server 2013: " + HOLDS_BACK + " keeps them"
                + " on Office Communications Server 2007 R2, where the meeting keeps working until then";
    }

    /** Planning and data findings about a held-back user are about now, not about their move. */
    private static boolean appliesNow(String rule) {
        return rule.startsWith("PLAN-") || rule.startsWith("ADDIN-") || rule.startsWith("DATA-")
                || rule.equals("CLIENT-BELOW-POLICY");
    }
}
