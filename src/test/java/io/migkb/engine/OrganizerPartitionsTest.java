package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.generate.ModelInventorySink;
import io.migkb.model.Inventory;
import io.migkb.model.Meeting;
import io.migkb.model.Participation;
import io.migkb.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Bucketing users and meetings once keeps each partition's facts, and their order, as a scan per partition had them. */
class OrganizerPartitionsTest {
    private static final Inventory GENERATED = ModelInventorySink.generate(2_000, 3);

    @Test
    void eachPartitionHoldsItsUsersMeetingsAndParticipationsInInventoryOrder() {
        for (int count : new int[] {1, 3, 7}) {
            OrganizerPartitions parts = new OrganizerPartitions(GENERATED, count);
            long all = 0;
            for (int k = 0; k < count; k++) {
                List<Object> facts = facts(parts, k);
                assertThat(describe(facts)).as("partition %d of %d", k, count).isEqualTo(describe(scan(count, k)));
                all += facts.size();
            }
            assertThat(all).isEqualTo(parts.factCount());
        }
    }

    @Test
    void partitionsWalkedOnSeveralThreadsAtOnceGiveWhatOneThreadGives() throws Exception {
        OrganizerPartitions parts = new OrganizerPartitions(GENERATED, 8);
        List<List<String>> expected = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            expected.add(describe(facts(parts, k)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> walked = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int k = 0; k < 8; k++) {
                    int partition = k;
                    walked.add(pool.submit(() -> describe(facts(parts, partition))));
                }
            }
            for (int i = 0; i < walked.size(); i++) {
                assertThat(walked.get(i).get()).isEqualTo(expected.get(i % 8));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Object> facts(OrganizerPartitions parts, int k) {
        List<Object> facts = new ArrayList<>();
        parts.forEachFact(k, facts::add);
        return facts;
    }

    /** What a partition held before bucketing: every user and meeting scanned, those hashing to k kept. */
    private static List<Object> scan(int count, int k) {
        List<Object> facts = new ArrayList<>();
        facts.add(GENERATED.getPlan());
        facts.addAll(GENERATED.getPools());
        for (User u : GENERATED.getUsers()) {
            if (Math.floorMod(u.getSip().hashCode(), count) == k) {
                facts.add(u);
            }
        }
        List<Participation> participations = new ArrayList<>();
        GENERATED.forEachParticipation(p -> {
            if (Math.floorMod(p.getMeeting().getOrganizer().hashCode(), count) == k) {
                participations.add(p);
            }
        });
        for (Meeting m : GENERATED.getMeetings()) {
            if (Math.floorMod(m.getOrganizer().hashCode(), count) == k) {
                facts.add(m);
            }
        }
        facts.addAll(participations);
        return facts;
    }

    /** Facts by identity, participations (made afresh on each walk) by their meeting and participant. */
    private static List<String> describe(List<Object> facts) {
        return facts.stream().map(f -> f instanceof Participation p
                ? "participation " + System.identityHashCode(p.getMeeting()) + " " + p.getSip()
                        + " " + System.identityHashCode(p.getParticipant()) + " " + System.identityHashCode(p.getOrganizer())
                : f.getClass().getSimpleName() + " " + System.identityHashCode(f)).toList();
    }
}
