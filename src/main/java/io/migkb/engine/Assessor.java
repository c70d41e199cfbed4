package io.migkb.engine;

import io.migkb.model.FederatedPartner;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import io.migkb.model.Meeting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.EntryPoint;
import org.kie.api.runtime.rule.Match;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs assessments: one fresh session per inventory, disposed afterwards, so one assessor is safe to share
 * across threads. {@link #reload} swaps in new rules only when they compile: the last good rules stay.
 */
public final class Assessor {
    private static final Logger LOG = LoggerFactory.getLogger(Assessor.class);
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();
    /** How often the watchdog repeats its halt once the time limit is past: a halt between two firings is not lost. */
    private static final long HALT_REPEAT_MILLIS = 50;

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "migkb-watchdog");
            t.setDaemon(true);
            return t;
        });
        // A cancelled watch must leave the queue at once: it holds its session, and the limit may be minutes away.
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private final AtomicReference<CompiledRules> rules;
    private final GuardRails guardRails;
    private final int partitions;

    public Assessor(CompiledRules rules, GuardRails guardRails) {
        this(rules, guardRails, 1);
    }

    /**
     * An assessor that splits each inventory into {@code partitions} sessions by organizer (one session when 1):
     * less memory for large inventories, the same findings for rules that read one user, meeting or participation,
     * or a user with the meetings they organize, as the catalogue's do (docs/scale.md). Rules that compare users or
     * meetings of different organizers need one session.
     */
    public Assessor(CompiledRules rules, GuardRails guardRails, int partitions) {
        this.rules = new AtomicReference<>(Objects.requireNonNull(rules, "rules"));
        this.guardRails = Objects.requireNonNull(guardRails, "guardRails");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
        }
        this.partitions = partitions;
    }

    public Assessor(CompiledRules rules) {
        this(rules, GuardRails.DEFAULT);
    }

    public int partitions() {
        return partitions;
    }

    public CompiledRules rules() {
        return rules.get();
    }

    public GuardRails guardRails() {
        return guardRails;
    }

    /**
     * Compiles {@code files} and, only if they compile, makes them the rules of every later assessment.
     * On errors the exception carries them and the previous rules stay active.
     */
    public CompiledRules reload(RuleFiles files) throws RuleBuildException {
        CompiledRules rebuilt = RuleCompiler.compile(files);
        rules.set(rebuilt);
        return rebuilt;
    }

    public Assessment assess(Inventory inventory) {
        return assess(inventory, AssessmentListener.NONE);
    }

    /** As {@link #assess(Inventory)}, telling {@code listener} how far it has got. */
    public Assessment assess(Inventory inventory, AssessmentListener listener) {
        Objects.requireNonNull(listener, "listener");
        CompiledRules current = rules.get();
        Run run = new Run(current, guardRails, listener);
        if (partitions == 1) {
            Inserter facts = new Inserter(listener, factCount(inventory));
            run.session(facts, () -> insertFacts(facts, inventory));
        } else {
            assessByOrganizer(run, inventory, listener);
        }
        List<Finding> findings = run.findings;
        findings.sort(Finding.REPORT_ORDER);
        LOG.debug("assessed {} users, {} meetings in {} partition(s): {} firings, {} findings",
                inventory.getUsers().size(), inventory.getMeetings().size(), partitions, run.fired, findings.size());
        return new Assessment(findings, run.fired, Duration.ofNanos(run.insertNanos), Duration.ofNanos(run.fireNanos),
                current.origin());
    }

    /**
     * One session per organizer partition, then a closing session with the federated users, the partners and the
     * findings that rules read (FED-PARTNER-SUMMARY sums FED-LOCKED-OC2007 across the estate).
     */
    private void assessByOrganizer(Run run, Inventory inventory, AssessmentListener listener) {
        OrganizerPartitions parts = new OrganizerPartitions(inventory, partitions);
        List<FederatedPartner> partners = inventory.getPartners();
        Inserter facts = new Inserter(listener, parts.factCount() + 1 + inventory.getPools().size()
                + inventory.getFederatedUsers().size() + partners.size());
        for (int k = 0; k < parts.count(); k++) {
            int partition = k;
            run.session(facts, () -> parts.forEachFact(partition, facts::insert));
        }
        // Only the findings some rule matches go in again: at 1M users 2.3M findings, of which a few thousand are read.
        List<Finding> read = run.findings.stream().filter(run.rules.findingsReadByRules()).toList();
        run.session(facts, () -> {
            facts.insert(inventory.getPlan());
            inventory.getPools().forEach(facts::insert);
            inventory.getFederatedUsers().forEach(facts::insert);
            partners.forEach(facts::insert);
            read.forEach(facts::insert);
        });
    }

    /** What one assessment has done so far, across its sessions; the guard rails hold for all of them together. */
    private static final class Run {
        private final CompiledRules rules;
        private final GuardRails guardRails;
        private final AssessmentListener listener;
        private final FiringCounter counter;
        private final List<Finding> findings = new ArrayList<>();
        private int fired;
        private long insertNanos;
        private long fireNanos;

        Run(CompiledRules rules, GuardRails guardRails, AssessmentListener listener) {
            this.rules = rules;
            this.guardRails = guardRails;
            this.listener = listener;
            this.counter = new FiringCounter(listener);
        }

        /**
         * Runs one session: {@code insert} puts its facts in, the rules fire, the findings they make join
         * {@link #findings} (findings of earlier sessions may be among the facts: one a rule deletes leaves them).
         */
        void session(Inserter facts, Runnable insert) {
            KieSession session = rules.kieBase().newKieSession();
            if (rules.declaresClientSupport()) {
                session.setGlobal(CompiledRules.CLIENT_SUPPORT_GLOBAL, rules.clientSupport());
            }
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> watchdog = null;
            try {
                long start = System.nanoTime();
                facts.into(session);
                insert.run();
                facts.flush();
                // Listening only once the facts are in: the inventory's are never findings, and need no events.
                FindingCollector made = new FindingCollector(rules.findingsReadByRules());
                session.addEventListener(made);
                long inserted = System.nanoTime();
                listener.rulesFired(fired);
                // The time limit bounds the rules' firing, summed over the sessions (inserting cannot loop); past it
                // the halt repeats until firing stops.
                long left = Math.max(0, guardRails.timeLimit().toNanos() - fireNanos);
                watchdog = WATCHDOG.scheduleAtFixedRate(() -> {
                    timedOut.set(true);
                    session.halt();
                }, left, HALT_REPEAT_MILLIS * 1_000_000, TimeUnit.NANOSECONDS);
                long remaining = guardRails.maxFirings() - fired;
                // One firing more than allowed tells a runaway from a catalogue that needs exactly the limit.
                int limit = (int) Math.min(Integer.MAX_VALUE - 1, remaining) + 1;
                int firedHere = RuleSupport.reportingTo(made, () -> session.fireAllRules(counter, limit));
                watchdog.cancel(false);
                long firedAt = System.nanoTime();
                fired += firedHere;
                insertNanos += inserted - start;
                fireNanos += firedAt - inserted;
                listener.rulesFired(fired);
                if (timedOut.get()) {
                    throw counter.runaway("the rules ran longer than the time limit of "
                            + describe(guardRails.timeLimit()));
                }
                if (firedHere > remaining) {
                    throw counter.runaway("the rules fired more than the limit of " + guardRails.maxFirings() + " times");
                }
                made.addTo(findings);
            } finally {
                if (watchdog != null) {
                    watchdog.cancel(false);
                }
                session.dispose();
                RuleSupport.forget();
            }
        }
    }

    private static String describe(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    private static long factCount(Inventory inventory) {
        return 1L + inventory.getPools().size() + inventory.getUsers().size() + inventory.getFederatedUsers().size()
                + inventory.getPartners().size() + inventory.getMeetings().size() + inventory.participationCount();
    }

    private static void insertFacts(Inserter facts, Inventory inventory) {
        facts.insert(inventory.getPlan());
        inventory.getPools().forEach(facts::insert);
        inventory.getUsers().forEach(facts::insert);
        inventory.getFederatedUsers().forEach(facts::insert);
        inventory.getPartners().forEach(facts::insert);
        inventory.getMeetings().forEach(facts::insert);
        // Streamed from the inventory, never collected: millions of them need not sit in a list as well.
        inventory.forEachParticipation(facts::insert);
    }

    /**
     * Inserts facts and, every {@value #FLUSH_EVERY} of them, lets the session propagate what it has queued
     * ({@code fireAllRules(0)} fires nothing). Phreak otherwise queues every insertion (an entry and a propagation
     * context, about 90 bytes a fact) until the first fireAllRules: at 13 million facts, over a gigabyte. Measured
     * at 200k users: insert and fire together took half the time, for the same firings. Counts across the sessions
     * of one assessment, for the progress bar.
     */
    private static final class Inserter {
        private static final int FLUSH_EVERY = 50_000;
        private final AssessmentListener listener;
        private final long total;
        private KieSession session;
        private EntryPoint entryPoint;
        private long inserted;

        Inserter(AssessmentListener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        void into(KieSession next) {
            session = next;
            entryPoint = next.getEntryPoint("DEFAULT");
        }

        void insert(Object fact) {
            entryPoint.insert(fact);
            inserted++;
            if ((inserted & 0x3FF) == 0) {
                listener.factsInserted(inserted, total);
            }
            if (inserted % FLUSH_EVERY == 0) {
                session.fireAllRules(0);
            }
        }

        void flush() {
            listener.factsInserted(inserted, total);
        }
    }

    /**
     * The findings rules make, kept in the order they are made. That order is nearly the report's (a rule fires its
     * matches in the order its facts came in), so sorting it costs a fraction of sorting the session's store, which
     * hands its objects back in hash order. Taken from the session's events, never from its store, which would have to be
     * walked whole. A finding a rule deletes, or replaces by another object, is not reported.
     */
    private static final class FindingCollector implements RuleRuntimeEventListener, RuleSupport.FindingSink {
        private final List<Finding> made = new ArrayList<>();
        /** Findings deleted (or replaced) and not inserted again since: this session's or earlier sessions'. */
        private final Set<Finding> deleted = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Predicate<Finding> readByRules;

        FindingCollector(Predicate<Finding> readByRules) {
            this.readByRules = readByRules;
        }

        @Override
        public boolean readByRules(Finding finding) {
            return readByRules.test(finding);
        }

        @Override
        public void add(Finding finding) {
            made.add(finding);
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getObject() instanceof Finding f) {
                made.add(f);
                deleted.remove(f);
            }
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            if (event.getOldObject() != event.getObject()) {
                if (event.getOldObject() instanceof Finding old) {
                    deleted.add(old);
                }
                if (event.getObject() instanceof Finding f) {
                    made.add(f);
                    deleted.remove(f);
                }
            }
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            if (event.getOldObject() instanceof Finding f) {
                deleted.add(f);
            }
        }

        /** Adds this session's findings to {@code all}, and takes out of it those a rule here has deleted. */
        void addTo(List<Finding> all) {
            if (deleted.isEmpty()) {
                all.addAll(made);
                return;
            }
            all.removeIf(deleted::contains);
            Set<Finding> added = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Finding f : made) {
                if (!deleted.contains(f) && added.add(f)) {
                    all.add(f);
                }
            }
        }
    }

    /**
     * Counts firings per rule so a runaway can be named. An agenda filter that accepts every match, not an event
     * listener: a listener makes Drools allocate two event objects per firing. Consecutive firings are mostly of one
     * rule, so the last rule's counter is kept at hand.
     */
    private static final class FiringCounter implements AgendaFilter {
        private final Map<Rule, long[]> firings = new IdentityHashMap<>();
        private final AssessmentListener listener;
        private Rule lastRule;
        private long[] lastCount;
        private long total;

        FiringCounter(AssessmentListener listener) {
            this.listener = listener;
        }

        @Override
        public boolean accept(Match match) {
            Rule rule = match.getRule();
            if (rule != lastRule) {
                lastCount = firings.computeIfAbsent(rule, r -> new long[1]);
                lastRule = rule;
            }
            lastCount[0]++;
            if ((++total & 0x3FF) == 0) {
                listener.rulesFired(total);
            }
            return true;
        }

        RunawayRulesException runaway(String reason) {
            Map.Entry<Rule, long[]> busiest = firings.entrySet().stream()
                    .max((a, b) -> Long.compare(a.getValue()[0], b.getValue()[0]))
                    .orElse(null);
            if (busiest == null) {
                return new RunawayRulesException(reason, "(none fired)", 0);
            }
            return new RunawayRulesException(reason, busiest.getKey().getName(), busiest.getValue()[0]);
        }
    }
}
