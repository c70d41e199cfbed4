package io.migkb.engine;

import io.migkb.model.Finding;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.kie.api.concurrent.KieExecutors;
import org.kie.api.definition.rule.Rule;
import org.kie.api.internal.utils.KieService;
import org.kie.api.runtime.KieSession;

/**
 * What one assessment has done so far, across its sessions, which may run on several threads at once; the guard
 * rails hold for all of them together:
 *
 * <ul>
 * <li>the firing limit bounds the firings of all sessions summed: each firing is taken from one shared count, and
 * the session whose firing passes the limit halts, and stops the others;</li>
 * <li>the time limit bounds the assessment's firing time: the wall-clock time during which at least one session is
 * firing ({@link PhaseClock}; one session at a time, the sum of their firing times). Inserting cannot loop.</li>
 * </ul>
 *
 * <p>The first session to fail (a guard rail, or an exception from a rule) stops the others: their agenda filters
 * refuse every further match and halt them, sessions still inserting give up, and sessions not started are not.
 * {@link #failure()} then gives what the caller throws, a runaway naming the rule that fired most in all sessions.
 *
 * <p>The listener hears only from the assessing thread (the one that made this run): sessions on other threads
 * count into shared totals, which the assessing thread reports while it waits ({@link #reportProgress}).
 */
final class AssessmentRun {
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();
    /** How often the watchdog repeats its halt once the time limit is past: a halt between two firings is not lost. */
    private static final long HALT_REPEAT_MILLIS = 50;
    /** How long the watchdog thread outlives the last watch. */
    private static final long IDLE_SECONDS = 1;
    /** How often a firing session looks at the heap. */
    private static final long HEAP_CHECK_MILLIS = 200;
    /**
     * The heap ran out while a session fired: a rule inserting large facts fills it between two looks of the heap
     * watch. Made with the class, as there may be no room to make it then.
     */
    private static final Breach HEAP_RAN_OUT = new Breach("the heap (" + HeapWatch.maxMegabytes()
            + " MB) ran out while the rules fired");

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "migkb-watchdog");
            t.setDaemon(true);
            return t;
        });
        // A cancelled watch must leave the queue at once: it holds its session, and the limit may be minutes away.
        executor.setRemoveOnCancelPolicy(true);
        // The thread ends once no watch is queued (a worker with queued tasks never times out), so an application
        // server that undeploys an application using migkb is left with no thread of ours holding its class loader;
        // the next assessment starts one again.
        executor.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    static {
        letDroolsWorkersIdleOut();
    }

    /**
     * Drools compiles a constraint evaluated often enough to Java bytecode on threads of its own static pool
     * ({@code drools-worker-N}), which keep the creating thread's class loader as theirs and, by default, never end:
     * an undeployed application's loader would stay alive with them. They end once idle too.
     */
    private static void letDroolsWorkersIdleOut() {
        try {
            Executor workers = KieService.load(KieExecutors.class).getExecutor();
            if (workers instanceof ThreadPoolExecutor pool) {
                pool.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
                pool.allowCoreThreadTimeOut(true);
            }
        } catch (RuntimeException | LinkageError e) {
            // not Drools' own pool (an application server's): its lifecycle is the server's
        }
    }

    /** A session gave up because another one failed: not a failure of its own. */
    static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Cancelled INSTANCE = new Cancelled();

        private Cancelled() {
            super("the assessment is stopping", null, false, false);
        }
    }

    /** A guard rail stopped a session; turned into a {@link RunawayRulesException} once every session has ended. */
    private static final class Breach extends RuntimeException {
        private static final long serialVersionUID = 1L;
        Breach(String reason) {
            super(reason, null, false, false);
        }
    }

    final CompiledRules rules;
    private final GuardRails guardRails;
    private final AssessmentListener listener;
    private final Thread assessing = Thread.currentThread();
    private volatile long totalFacts;
    private final AtomicLong inserted = new AtomicLong();
    private final AtomicLong fired = new AtomicLong();
    private final PhaseClock clock = new PhaseClock();
    /** Firings per rule of the sessions that have ended, for naming a runaway; guarded by itself. */
    private final Map<Rule, long[]> firingsPerRule = new IdentityHashMap<>();
    /** Facts inserted, updated or deleted per rule of the sessions that have ended; guarded by firingsPerRule. */
    private final Map<Rule, long[]> changesPerRule = new IdentityHashMap<>();
    private final AtomicLong insertedByRules = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** The rule firing in the first session that ran out of heap, if one did. */
    private final AtomicReference<Rule> ranOutOfHeapIn = new AtomicReference<>();
    private volatile boolean stopping;

    AssessmentRun(CompiledRules rules, GuardRails guardRails, AssessmentListener listener, long totalFacts) {
        this.rules = rules;
        this.guardRails = guardRails;
        this.listener = listener;
        this.totalFacts = totalFacts;
    }

    /**
     * Runs one session: {@code insert} puts its facts in, the rules fire, the findings they make are added to
     * {@code into}. {@code reinserted} are findings of earlier sessions given to this one as facts (and already in
     * {@code into}). Throws {@link Cancelled} when the assessment stopped meanwhile, and, when a guard rail stops
     * this session, an exception for {@link #failed} (or use {@link #sessionOrThrow}).
     */
    void session(Consumer<Consumer<Object>> insert, List<Finding> reinserted, List<Finding> into) {
        if (stopping) {
            throw Cancelled.INSTANCE;
        }
        KieSession session = rules.kieBase().newKieSession();
        if (rules.declaresClientSupport()) {
            session.setGlobal(CompiledRules.CLIENT_SUPPORT_GLOBAL, rules.clientSupport());
        }
        FiringCounter counter = new FiringCounter(this, session);
        ChangeCounter changes = null;
        AtomicBoolean timedOut = new AtomicBoolean();
        AtomicBoolean heapFull = new AtomicBoolean();
        ScheduledFuture<?> watchdog = null;
        ScheduledFuture<?> heapWatch = null;
        int phase = 1; // 1 inserting, 2 firing, 0 done: what the clock is to be told when this session ends
        clock.startInserting();
        try {
            FactInserter facts = new FactInserter(this, session);
            try {
                insert.accept(facts);
                facts.flush();
            } catch (Breach | Cancelled e) {
                throw e;
            } catch (RuntimeException e) {
                throw RuleFailures.translate(e, rules);
            }
            // Listening only once the facts are in: the inventory's are never findings, and need no events.
            FindingCollector made = new FindingCollector(rules.findingsReadByRules());
            session.addEventListener(made);
            changes = new ChangeCounter(this, session);
            session.addEventListener(changes);
            long firedFor = clock.startFiring();
            phase = 2;
            firingsProgress();
            // Past the time limit the halt repeats until firing stops, and the other sessions stop too.
            long left = Math.max(0, guardRails.timeLimit().toNanos() - firedFor);
            watchdog = WATCHDOG.scheduleAtFixedRate(() -> {
                timedOut.set(true);
                stop();
                session.halt();
            }, left, HALT_REPEAT_MILLIS * 1_000_000, TimeUnit.NANOSECONDS);
            // A rule that inserts big facts fills the heap before the budget: stopped while a rule can be named.
            heapWatch = WATCHDOG.scheduleAtFixedRate(() -> {
                if (HeapWatch.nearlyFull()) {
                    heapFull.set(true);
                    stop();
                    session.halt();
                }
            }, HEAP_CHECK_MILLIS, HEAP_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            try {
                RuleSupport.reportingTo(made, () -> session.fireAllRules(counter));
            } catch (Breach | Cancelled e) {
                throw e;
            } catch (RuntimeException e) {
                throw RuleFailures.translate(e, rules);
            } catch (OutOfMemoryError e) {
                // Nothing is allocated here: the session, unreachable once this returns, holds what filled the heap,
                // and the rule is named after that. The rule firing then is the one whose consequence allocated
                // most, most likely: one inserting a few huge facts is not the one that inserted most facts.
                ranOutOfHeapIn.compareAndSet(null, counter.lastFired());
                stop();
                throw HEAP_RAN_OUT;
            }
            watchdog.cancel(false);
            heapWatch.cancel(false);
            clock.stop(true);
            phase = 0;
            firingsProgress();
            if (timedOut.get()) {
                throw new Breach("the rules ran longer than the time limit of " + describe(guardRails.timeLimit()));
            }
            if (heapFull.get()) {
                throw new Breach("the heap is nearly full (" + HeapWatch.describe() + ")");
            }
            if (counter.overLimit()) {
                throw new Breach("the rules fired more than the limit of " + guardRails.describeBudget(totalFacts)
                        + " times");
            }
            if (changes.overLimit()) {
                throw new Breach("the rules inserted more than the limit of " + guardRails.describeBudget(totalFacts)
                        + " facts");
            }
            if (counter.stopped()) {
                throw Cancelled.INSTANCE;
            }
            made.addTo(into, session, reinserted);
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            if (heapWatch != null) {
                heapWatch.cancel(false);
            }
            if (phase != 0) {
                clock.stop(phase == 2);
            }
            session.dispose();
            RuleSupport.forget();
            // Only the counts are kept: the counter holds its session, which must not outlive it.
            synchronized (firingsPerRule) {
                counter.addTo(firingsPerRule);
                if (changes != null) {
                    changes.addTo(changesPerRule);
                }
            }
        }
    }

    /** As {@link #session}, throwing what {@link #failure()} would: for sessions run on the assessing thread. */
    void sessionOrThrow(Consumer<Consumer<Object>> insert, List<Finding> reinserted, List<Finding> into) {
        try {
            session(insert, reinserted, into);
        } catch (Breach | Cancelled e) {
            failed(e);
            throw failure();
        }
    }

    /** The closing session inserts {@code count} findings too, which were not known when the run began. */
    void expectMoreFacts(long count) {
        totalFacts += count;
    }

    /** Takes one firing from the budget; returns by how much the assessment is now past its limit (0: not). */
    long takeFiring() {
        return Math.max(0, fired.incrementAndGet() - guardRails.budget(totalFacts));
    }

    /** Takes one fact inserted by a rule from the budget; returns by how much the assessment is now past it. */
    long takeInsert() {
        return Math.max(0, insertedByRules.incrementAndGet() - guardRails.budget(totalFacts));
    }

    /** Stops every session of the assessment at its next firing (or insertion batch, or start). */
    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    /** A session ended with {@code t}: the first failure is kept and stops the others ({@link Cancelled} is no failure). */
    void failed(Throwable t) {
        if (!(t instanceof Cancelled)) {
            failure.compareAndSet(null, t);
        }
        stop();
    }

    /**
     * What to throw for the first failure, once every session has ended: a guard rail's {@link RunawayRulesException}
     * naming the rule that fired most in all sessions, or the exception a session ended with; null when none failed.
     */
    RuntimeException failure() {
        Throwable t = failure.get();
        if (t == null) {
            return stopping ? new CancellationException("the assessment was stopped") : null;
        }
        if (t == HEAP_RAN_OUT && ranOutOfHeapIn.get() != null) {
            return runawayIn(t.getMessage(), ranOutOfHeapIn.get());
        }
        if (t instanceof Breach b) {
            return runaway(b.getMessage());
        }
        if (t instanceof Error e) {
            throw e; // an OutOfMemoryError on a partition's thread is the caller's to handle, as on its own
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    /** Names {@code rule}, the one firing when the heap ran out, with its firings and its own changes to the facts. */
    private RunawayRulesException runawayIn(String reason, Rule rule) {
        synchronized (firingsPerRule) {
            long fired = firingsPerRule.getOrDefault(rule, new long[1])[0];
            long changed = changesPerRule.getOrDefault(rule, new long[1])[0];
            return RunawayRulesException.outOfHeap(reason, rule.getName(), fired, changed, HeapWatch.maxMegabytes());
        }
    }

    /**
     * Names the rule whose own changes (facts inserted, updated, deleted) are the most: a loop grows by them, while
     * the rules it re-activates may fire as often and change nothing. When no rule changed a fact, the rule that
     * fired most.
     */
    private RunawayRulesException runaway(String reason) {
        Map.Entry<Rule, long[]> busiest;
        Map.Entry<Rule, long[]> changer;
        synchronized (firingsPerRule) {
            busiest = firingsPerRule.entrySet().stream()
                    .max((a, b) -> Long.compare(a.getValue()[0], b.getValue()[0]))
                    .orElse(null);
            changer = changesPerRule.entrySet().stream()
                    .max((a, b) -> Long.compare(a.getValue()[0], b.getValue()[0]))
                    .orElse(null);
        }
        if (changer != null) {
            long[] fired = firingsPerRule.getOrDefault(changer.getKey(), new long[1]);
            return RunawayRulesException.changing(reason, changer.getKey().getName(), fired[0], changer.getValue()[0]);
        }
        if (busiest == null) {
            return new RunawayRulesException(reason, "(none fired)", 0);
        }
        return new RunawayRulesException(reason, busiest.getKey().getName(), busiest.getValue()[0]);
    }

    void factsInserted(long count) {
        long all = inserted.addAndGet(count);
        if (Thread.currentThread() == assessing) {
            listener.factsInserted(all, totalFacts);
        }
    }

    void firingsProgress() {
        if (Thread.currentThread() == assessing) {
            listener.rulesFired(fired.get());
        }
    }

    /**
     * Tells the listener, from the assessing thread, how far sessions on other threads have got: facts while fewer
     * than {@code insertedWhenAllIn} are in, firings after.
     */
    void reportProgress(long insertedWhenAllIn) {
        long in = inserted.get();
        if (in < insertedWhenAllIn) {
            listener.factsInserted(in, totalFacts);
        } else {
            listener.rulesFired(fired.get());
        }
    }

    long firings() {
        return fired.get();
    }

    Duration insertTime() {
        return Duration.ofNanos(clock.insertNanos());
    }

    Duration fireTime() {
        return Duration.ofNanos(clock.fireNanos());
    }

    private static String describe(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }
}
