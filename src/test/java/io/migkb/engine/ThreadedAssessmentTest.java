package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migkb.generate.ModelInventorySink;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Partition sessions on several threads: the findings of one session, guard rails that hold for the assessment as
 * a whole (a loop in one partition stops them all, naming the rule), progress heard on the assessing thread only, and
 * no thread left behind.
 */
class ThreadedAssessmentTest {
    private static final Inventory GENERATED = ModelInventorySink.generate(3_000, 11);
    /** A user of the generated inventory: a rule that matches only them misbehaves in one partition only. */
    private static final String ONE_USER = GENERATED.getUsers().get(GENERATED.getUsers().size() / 2).getSip();

    private static final String LOOP_IN_ONE_PARTITION = """
            package test.loop;
            import io.migkb.model.User;
            declare Ticker
                n : long
            end
            rule "SEED" @id("SEED") @severity("INFO") when User( sip == "%s" ) not Ticker() then insert(new Ticker(0)); end
            rule "MODIFY-FOREVER" @id("MODIFY-FOREVER") @severity("INFO") when $t : Ticker( n >= 0 ) then modify($t) { setN($t.getN() + 1) }; end
            """.formatted(ONE_USER);

    @Test
    void partitionsOnThreadsGiveTheFindingsAndFiringsOfPartitionsOneAfterAnother() {
        List<Finding> one = TestRules.assessor().assess(GENERATED).findings();
        for (int[] pt : new int[][] {{2, 2}, {4, 2}, {7, 3}, {16, 4}, {3, 8}}) {
            Assessment sequential = new Assessor(TestRules.catalogue(), GuardRails.DEFAULT, pt[0]).assess(GENERATED);
            Assessment threaded = new Assessor(TestRules.catalogue(), GuardRails.DEFAULT, pt[0], pt[1]).assess(GENERATED);
            assertThat(threaded.findings()).as("%d partitions on %d threads", pt[0], pt[1])
                    .isEqualTo(sequential.findings()).isEqualTo(one);
            assertThat(threaded.firings()).isEqualTo(sequential.firings());
        }
    }

    @Test
    @Timeout(120)
    void theFiringLimitHoldsForSessionsFiringAtOnce() {
        long all = new Assessor(TestRules.catalogue(), GuardRails.DEFAULT, 6, 3).assess(GENERATED).firings();
        Assessor justUnder = new Assessor(TestRules.catalogue(), GuardRails.DEFAULT.withMaxFirings(all - 1), 6, 3);
        assertThatThrownBy(() -> justUnder.assess(GENERATED)).isInstanceOf(RunawayRulesException.class)
                .hasMessageContaining("more than the limit of " + (all - 1));
        assertThat(new Assessor(TestRules.catalogue(), GuardRails.DEFAULT.withMaxFirings(all), 6, 3)
                .assess(GENERATED).firings()).isEqualTo(all);
    }

    @Test
    @Timeout(120)
    void aLoopInOnePartitionIsStoppedByTheFiringLimitAndNamed() throws Exception {
        Assessor assessor = new Assessor(RunawayGuardTest.catalogueWith("zz-loop.drl", LOOP_IN_ONE_PARTITION),
                GuardRails.DEFAULT.withMaxFirings(50_000), 4, 2);
        assertThatThrownBy(() -> assessor.assess(GENERATED))
                .isInstanceOfSatisfying(RunawayRulesException.class, e -> {
                    assertThat(e.getMessage()).contains("more than the limit of 50000");
                    assertThat(e.busiestRule()).isEqualTo("MODIFY-FOREVER");
                    assertThat(e.busiestRuleFirings()).isGreaterThan(25_000);
                });
    }

    @Test
    @Timeout(120)
    void aLoopInOnePartitionIsStoppedByTheTimeLimitAndNamed() throws Exception {
        Assessor assessor = new Assessor(RunawayGuardTest.catalogueWith("zz-loop.drl", LOOP_IN_ONE_PARTITION),
                new GuardRails(Long.MAX_VALUE, Duration.ofMillis(700)), 4, 2);
        long start = System.nanoTime();
        assertThatThrownBy(() -> assessor.assess(GENERATED))
                .isInstanceOfSatisfying(RunawayRulesException.class, e -> {
                    assertThat(e.getMessage()).contains("time limit of 700 ms");
                    assertThat(e.busiestRule()).isEqualTo("MODIFY-FOREVER");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    @Timeout(120)
    void aRuleThatThrowsInOnePartitionStopsALoopInAnotherAndItsExceptionIsThrown() throws Exception {
        // The loop would run for ten minutes: only the failure of the other partition can end it early.
        String otherUser = GENERATED.getUsers().stream().map(u -> u.getSip())
                .filter(s -> Math.floorMod(s.hashCode(), 4) != Math.floorMod(ONE_USER.hashCode(), 4))
                .findFirst().orElseThrow();
        CompiledRules rules = RunawayGuardTest.catalogueWith("zz-loop.drl", LOOP_IN_ONE_PARTITION
                + "rule \"EXPLODE\" @id(\"EXPLODE\") @severity(\"INFO\") when io.migkb.model.User( sip == \"" + otherUser + "\" ) "
                + "then throw new IllegalStateException(\"boom\"); end\n");
        Assessor assessor = new Assessor(rules, new GuardRails(Long.MAX_VALUE, Duration.ofMinutes(10)), 4, 2);
        long start = System.nanoTime();
        assertThatThrownBy(() -> assessor.assess(GENERATED)).isNotInstanceOf(RunawayRulesException.class)
                .hasStackTraceContaining("boom");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void theListenerHearsOnlyFromTheAssessingThreadAndGetsToTheEnd() {
        Set<Thread> callers = ConcurrentHashMap.newKeySet();
        AtomicLong lastInserted = new AtomicLong();
        AtomicLong total = new AtomicLong();
        AtomicLong lastFired = new AtomicLong();
        Assessment a = new Assessor(TestRules.catalogue(), GuardRails.DEFAULT, 8, 3).assess(GENERATED,
                new AssessmentListener() {
                    @Override
                    public void factsInserted(long inserted, long all) {
                        callers.add(Thread.currentThread());
                        lastInserted.set(inserted);
                        total.set(all);
                    }

                    @Override
                    public void rulesFired(long firings) {
                        callers.add(Thread.currentThread());
                        lastFired.set(firings);
                    }
                });
        assertThat(callers).containsExactly(Thread.currentThread());
        assertThat(lastInserted.get()).isEqualTo(total.get()).isPositive();
        assertThat(lastFired.get()).isEqualTo(a.firings());
    }

    @Test
    void insertAndFireTimesOfSessionsOnThreadsFitInTheWallTime() {
        long start = System.nanoTime();
        Assessment a = new Assessor(TestRules.catalogue(), GuardRails.DEFAULT, 8, 2).assess(GENERATED);
        long wall = System.nanoTime() - start;
        assertThat(a.insertTime()).isPositive();
        assertThat(a.fireTime()).isPositive();
        assertThat(a.insertTime().plus(a.fireTime()).toNanos()).isLessThanOrEqualTo(wall);
    }

    @Test
    @Timeout(300)
    void noThreadIsLeftBehindAfterAssessmentsThatSucceedOrFail() throws Exception {
        Inventory small = ModelInventorySink.generate(40, 2);
        Assessor assessor = new Assessor(TestRules.catalogue(), GuardRails.DEFAULT, 4, 2);
        Assessor looping = new Assessor(RunawayGuardTest.catalogueWith("zz-loop.drl", """
                package test.loop;
                declare Counter
                    n : long
                end
                rule "SEED" @id("SEED") @severity("INFO") when not Counter() then insert(new Counter(0)); end
                rule "INSERT-FOREVER" @id("INSERT-FOREVER") @severity("INFO") when $c : Counter() then insert(new Counter($c.getN() + 1)); end
                """), GuardRails.DEFAULT.withMaxFirings(2_000), 4, 2);
        for (int i = 0; i < 200; i++) {
            assertThat(assessor.assess(small).findings()).isNotEmpty();
            if (i % 20 == 0) {
                assertThatThrownBy(() -> looping.assess(small)).isInstanceOf(RunawayRulesException.class);
            }
        }
        assertThat(partitionThreadsAfterAWhile()).isZero();
    }

    /** Live threads named migkb-partition-N, once those ending have had a moment to end. */
    static long partitionThreadsAfterAWhile() throws InterruptedException {
        long count = 0;
        for (int i = 0; i < 50; i++) {
            count = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("migkb-partition-") && t.isAlive()).count();
            if (count == 0) {
                return 0;
            }
            Thread.sleep(100);
        }
        return count;
    }
}
