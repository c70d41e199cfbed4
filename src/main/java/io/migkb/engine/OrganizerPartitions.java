package io.migkb.engine;

import io.migkb.model.Inventory;
import io.migkb.model.Meeting;
import io.migkb.model.Participant;
import io.migkb.model.Participation;
import io.migkb.model.User;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Splits an inventory's facts by organizer (docs/scale.md): partition {@code k} holds the users whose SIP address
 * hashes to {@code k}, the meetings those users organize, and the participations of those meetings, each with its
 * participant and organizer resolved from the whole inventory. A user and the meetings they organize are always
 * together, so every rule that reads one user, one meeting, one participation, or a user with the meetings they
 * organize, sees in one partition exactly what it would see in the whole. Federated users and partners are not in
 * any partition: they go to the closing session, with the findings the rules read.
 */
final class OrganizerPartitions {
    private final Inventory inventory;
    private final int count;
    private final Map<String, Participant> bySip;
    /** Each meeting's partition, by position: worked out once, not once per partition. */
    private final short[] meetingPartition;

    OrganizerPartitions(Inventory inventory, int count) {
        if (count < 1 || count > Short.MAX_VALUE) {
            throw new IllegalArgumentException("partitions must be at least 1, not " + count);
        }
        this.inventory = inventory;
        this.count = count;
        this.bySip = inventory.participantsBySip();
        List<Meeting> meetings = inventory.getMeetings();
        this.meetingPartition = new short[meetings.size()];
        for (int i = 0; i < meetingPartition.length; i++) {
            User organizer = organizerOf(meetings.get(i));
            meetingPartition[i] = (short) partitionOf(organizer == null ? meetings.get(i).getOrganizer() : organizer.getSip());
        }
    }

    int count() {
        return count;
    }

    /** How many facts {@link #forEachFact} hands over for all partitions together. */
    long factCount() {
        return (long) count * (1 + inventory.getPools().size()) + inventory.getUsers().size()
                + inventory.getMeetings().size() + inventory.participationCount();
    }

    /** The facts of partition {@code k}: the plan and pools (in every partition), its users, meetings, participations. */
    void forEachFact(int k, Consumer<Object> facts) {
        facts.accept(inventory.getPlan());
        inventory.getPools().forEach(facts);
        for (User u : inventory.getUsers()) {
            if (partitionOf(u.getSip()) == k) {
                facts.accept(u);
            }
        }
        List<Meeting> meetings = inventory.getMeetings();
        for (int i = 0; i < meetingPartition.length; i++) {
            if (meetingPartition[i] == k) {
                facts.accept(meetings.get(i));
            }
        }
        for (int i = 0; i < meetingPartition.length; i++) {
            if (meetingPartition[i] != k) {
                continue;
            }
            Meeting m = meetings.get(i);
            User organizer = organizerOf(m);
            for (String sip : m.getParticipants()) {
                facts.accept(new Participation(m, sip, bySip.get(sip), organizer));
            }
        }
    }

    private User organizerOf(Meeting m) {
        return bySip.get(m.getOrganizer()) instanceof User u ? u : null;
    }

    private int partitionOf(String sip) {
        return Math.floorMod(sip.hashCode(), count);
    }
}
