package io.migkb.engine;

import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.EntryPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs assessments: one fresh session per inventory, disposed afterwards, so one assessor is safe to share
 * across threads. {@link #reload} swaps in new rules only when they compile: the last good rules stay.
 */
public final class Assessor {
    private static final Logger LOG = LoggerFactory.getLogger(Assessor.class);
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "migkb-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final AtomicReference<CompiledRules> rules;
    private final GuardRails guardRails;

    public Assessor(CompiledRules rules, GuardRails guardRails) {
        this.rules = new AtomicReference<>(Objects.requireNonNull(rules, "rules"));
        this.guardRails = Objects.requireNonNull(guardRails, "guardRails");
    }

    public Assessor(CompiledRules rules) {
        this(rules, GuardRails.DEFAULT);
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
        KieSession session = current.kieBase().newKieSession();
        FiringCounter counter = new FiringCounter(listener);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            session.halt();
        }, guardRails.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
        try {
            session.addEventListener(counter);
            long start = System.nanoTime();
            insertFacts(session, inventory, listener);
            long inserted = System.nanoTime();
            listener.rulesFired(0);
            long limit = guardRails.maxFirings();
            int fired = session.fireAllRules((int) Math.min(Integer.MAX_VALUE, limit + 1));
            long firedAt = System.nanoTime();
            listener.rulesFired(fired);
            if (timedOut.get()) {
                throw counter.runaway("the rules ran longer than the time limit of " + guardRails.timeLimit().toSeconds() + " s");
            }
            if (fired > limit) {
                throw counter.runaway("the rules fired more than the limit of " + limit + " times");
            }
            List<Finding> findings = collectFindings(session);
            LOG.debug("assessed {} users, {} meetings: {} firings, {} findings", inventory.getUsers().size(),
                    inventory.getMeetings().size(), fired, findings.size());
            return new Assessment(findings, fired, Duration.ofNanos(inserted - start), Duration.ofNanos(firedAt - inserted));
        } finally {
            watchdog.cancel(false);
            session.dispose();
        }
    }

    private static void insertFacts(KieSession session, Inventory inventory, AssessmentListener listener) {
        EntryPoint facts = session.getEntryPoint("DEFAULT");
        List<?> partners = inventory.getPartners();
        List<?> participations = inventory.getParticipations();
        long total = 1L + inventory.getPools().size() + inventory.getUsers().size()
                + inventory.getFederatedUsers().size() + partners.size() + inventory.getMeetings().size()
                + participations.size();
        long[] inserted = {0};
        facts.insert(inventory.getPlan());
        inserted[0]++;
        insertAll(facts, inventory.getPools(), listener, inserted, total);
        insertAll(facts, inventory.getUsers(), listener, inserted, total);
        insertAll(facts, inventory.getFederatedUsers(), listener, inserted, total);
        insertAll(facts, partners, listener, inserted, total);
        insertAll(facts, inventory.getMeetings(), listener, inserted, total);
        insertAll(facts, participations, listener, inserted, total);
        listener.factsInserted(inserted[0], total);
    }

    private static void insertAll(EntryPoint facts, Collection<?> objects, AssessmentListener listener, long[] inserted,
                                  long total) {
        for (Object o : objects) {
            facts.insert(o);
            if ((++inserted[0] & 0x3FF) == 0) {
                listener.factsInserted(inserted[0], total);
            }
        }
    }

    private static List<Finding> collectFindings(KieSession session) {
        Collection<?> objects = session.getObjects(o -> o instanceof Finding);
        List<Finding> findings = new ArrayList<>(objects.size());
        for (Object o : objects) {
            findings.add((Finding) o);
        }
        findings.sort(Finding.REPORT_ORDER);
        return findings;
    }

    /** Counts firings per rule so a runaway can be named; keyed by identity, which is cheap per firing. */
    private static final class FiringCounter extends DefaultAgendaEventListener {
        private final Map<Rule, long[]> firings = new IdentityHashMap<>();
        private final AssessmentListener listener;
        private long total;

        FiringCounter(AssessmentListener listener) {
            this.listener = listener;
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            firings.computeIfAbsent(event.getMatch().getRule(), r -> new long[1])[0]++;
            if ((++total & 0x3FF) == 0) {
                listener.rulesFired(total);
            }
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
