package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.generate.ModelInventorySink;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One assessor, many assessments: sessions are disposed (no heap growth) and threads do not disturb each other. */
class AssessorSharingTest {
    /** Contoso's size: a handful of users, meetings and partners. */
    private static final Inventory SMALL = ModelInventorySink.generate(12, 11);

    @Test
    void aThousandAssessmentsInARowLeaveTheHeapWhereItStarted() throws InterruptedException {
        assertAThousandAssessmentsLeaveTheHeapWhereItStarted(TestRules.assessor());
    }

    @Test
    void aThousandAssessmentsOnPartitionThreadsLeaveNeitherThreadsNorHeapBehind() throws InterruptedException {
        assertAThousandAssessmentsLeaveTheHeapWhereItStarted(new Assessor(TestRules.catalogue(), GuardRails.DEFAULT, 4, 2));
        assertThat(ThreadedAssessmentTest.partitionThreadsAfterAWhile()).as("partition threads still alive").isZero();
    }

    private static void assertAThousandAssessmentsLeaveTheHeapWhereItStarted(Assessor assessor)
            throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            assessor.assess(SMALL); // warm-up: classes loaded, JIT and caches settled
        }
        long before = usedAfterGc();
        int findings = 0;
        for (int i = 0; i < 1_000; i++) {
            findings += assessor.assess(SMALL).findings().size();
        }
        long after = usedAfterGc();
        assertThat(findings).isPositive();
        assertThat(after - before).as("heap growth over 1,000 assessments, bytes").isLessThan(20L * 1024 * 1024);
    }

    @Test
    void eightThreadsOnOneAssessorGiveWhatOneThreadGives() throws Exception {
        Assessor assessor = TestRules.assessor();
        List<Inventory> inventories = new ArrayList<>();
        List<List<Finding>> expected = new ArrayList<>();
        for (int seed = 0; seed < 8; seed++) {
            Inventory inv = ModelInventorySink.generate(400, seed);
            inventories.add(inv);
            expected.add(assessor.assess(inv).findings());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Finding>>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Inventory inv : inventories) {
                    results.add(pool.submit(() -> assessor.assess(inv).findings()));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).as("assessment %d", i).isEqualTo(expected.get(i % inventories.size()));
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
