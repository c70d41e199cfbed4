package io.migkb.engine;

import io.migkb.model.Inventory;
import io.migkb.model.Meeting;
import io.migkb.model.Participant;
import io.migkb.model.Participation;
import io.migkb.model.User;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;

/**
 * Splits an inventory's facts by organizer (docs/scale.md): partition {@code k} holds the users whose SIP address
 * hashes to {@code k}, the meetings those users organize, and the participations of those meetings, each with its
 * participant and organizer resolved from the whole inventory. A user and the meetings they organize are always
 * together, so every rule that reads one user, one meeting, one participation, or a user with the meetings they
 * organize, sees in one partition exactly what it would see in the whole. Federated users and partners are not in
 * any partition: they go to the closing session, with the findings the rules read.
 *
 * <p>Users and meetings are bucketed once, here (a counting sort of their positions, stable, so each partition
 * keeps inventory order): {@link #forEachFact} then walks only its own partition's facts, not the whole inventory
 * once per partition. Nothing changes after construction, so partitions may be walked on several threads at once.
 */
final class OrganizerPartitions {
    private final Inventory inventory;
    private final int count;
    private final Map<String, Participant> bySip;
    /** Positions of the users of partition k: {@code users[userStart[k]] .. users[userStart[k + 1] - 1]}. */
    private final int[] users;
    private final int[] userStart;
    /** Positions of the meetings of partition k, likewise. */
    private final int[] meetings;
    private final int[] meetingStart;

    OrganizerPartitions(Inventory inventory, int count) {
        if (count < 1 || count > Short.MAX_VALUE) {
            throw new IllegalArgumentException("partitions must be between 1 and " + Short.MAX_VALUE + ", not " + count);
        }
        this.inventory = inventory;
        this.count = count;
        this.bySip = inventory.participantsBySip();
        List<User> userList = inventory.getUsers();
        List<Meeting> meetingList = inventory.getMeetings();
        this.userStart = new int[count + 1];
        this.users = bucket(userList.size(), i -> partitionOf(userList.get(i).getSip()), userStart);
        this.meetingStart = new int[count + 1];
        this.meetings = bucket(meetingList.size(), i -> {
            Meeting m = meetingList.get(i);
            User organizer = organizerOf(m);
            return partitionOf(organizer == null ? m.getOrganizer() : organizer.getSip());
        }, meetingStart);
    }

    /**
     * Positions 0..size-1 sorted by partition, stable; fills {@code start} with each partition's first index (and
     * {@code start[count]} = size).
     */
    private int[] bucket(int size, IntUnaryOperator partitionOfPosition, int[] start) {
        short[] partitionAt = new short[size];
        int[] sizes = new int[count];
        for (int i = 0; i < size; i++) {
            int k = partitionOfPosition.applyAsInt(i);
            partitionAt[i] = (short) k;
            sizes[k]++;
        }
        for (int k = 0; k < count; k++) {
            start[k + 1] = start[k] + sizes[k];
        }
        int[] next = Arrays.copyOf(start, count);
        int[] sorted = new int[size];
        for (int i = 0; i < size; i++) {
            sorted[next[partitionAt[i]]++] = i;
        }
        return sorted;
    }

    int count() {
        return count;
    }

    /** How many facts {@link #forEachFact} hands over for all partitions together. */
    long factCount() {
        return (long) count * (1 + inventory.getPools().size()) + inventory.getUsers().size()
                + inventory.getMeetings().size() + inventory.participationCount() + inventory.getConferenceDirectories().size();
    }

    /**
     * The facts of partition {@code k}: the plan and pools (in every partition), then its users, its meetings and
     * their participations, each in inventory order.
     */
    void forEachFact(int k, Consumer<Object> facts) {
        facts.accept(inventory.getPlan());
        inventory.getPools().forEach(facts);
        if (k == 0) {
            // A handful of directories, about no organizer: one partition holds them, so each is assessed once.
            inventory.getConferenceDirectories().forEach(facts);
        }
        List<User> userList = inventory.getUsers();
        for (int i = userStart[k]; i < userStart[k + 1]; i++) {
            facts.accept(userList.get(users[i]));
        }
        List<Meeting> meetingList = inventory.getMeetings();
        for (int i = meetingStart[k]; i < meetingStart[k + 1]; i++) {
            facts.accept(meetingList.get(meetings[i]));
        }
        for (int i = meetingStart[k]; i < meetingStart[k + 1]; i++) {
            Meeting m = meetingList.get(meetings[i]);
            User organizer = organizerOf(m);
            Participation.forEachOf(m, bySip::get, organizer, facts::accept);
        }
    }

    private User organizerOf(Meeting m) {
        return bySip.get(m.getOrganizer()) instanceof User u ? u : null;
    }

    private int partitionOf(String sip) {
        return Math.floorMod(sip.hashCode(), count);
    }
}
