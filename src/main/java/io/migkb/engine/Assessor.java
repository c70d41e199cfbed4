package io.migkb.engine;

import io.migkb.model.FederatedPartner;
import io.migkb.model.Finding;
import io.migkb.model.FindingSort;
import io.migkb.model.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs assessments: fresh sessions for each inventory, disposed afterwards, so one assessor is safe to share
 * across threads. {@link #reload} swaps in new rules only when they compile: the last good rules stay.
 *
 * <p>Guard rails ({@link GuardRails}) hold for an assessment as a whole, whatever its partitions and threads: the
 * firing limit bounds the firings of all its sessions summed, and the time limit bounds its firing time, the
 * wall-clock time during which at least one of its sessions is firing (one session at a time: the sum of their
 * firing times). Passing either stops every session of the assessment and throws a {@link RunawayRulesException}
 * naming the rule that fired most.
 */
public final class Assessor {
    private static final Logger LOG = LoggerFactory.getLogger(Assessor.class);

    private final AtomicReference<CompiledRules> rules;
    private final GuardRails guardRails;
    private final int partitions;
    private final int threads;

    public Assessor(CompiledRules rules, GuardRails guardRails) {
        this(rules, guardRails, 1);
    }

    /**
     * An assessor that splits each inventory into {@code partitions} sessions by organizer (one session when 1):
     * less memory for large inventories, the same findings for rules that read one user, meeting or participation,
     * or a user with the meetings they organize, as the catalogue's do (docs/scale.md). Rules that compare users or
     * meetings of different organizers need one session. The sessions run one after the other.
     */
    public Assessor(CompiledRules rules, GuardRails guardRails, int partitions) {
        this(rules, guardRails, partitions, 1);
    }

    /**
     * As {@link #Assessor(CompiledRules, GuardRails, int)}, running up to {@code threads} partition sessions at once,
     * each on a thread of a pool made for the assessment (1: one after the other, on the assessing thread). The
     * closing session (federated users, partners, the findings rules read) runs after them on the assessing thread.
     * The findings are those of {@code threads} 1; each session held at once takes its share of the heap. Threads
     * beyond {@code partitions} would have nothing to do and are not started.
     */
    public Assessor(CompiledRules rules, GuardRails guardRails, int partitions, int threads) {
        this.rules = new AtomicReference<>(Objects.requireNonNull(rules, "rules"));
        this.guardRails = Objects.requireNonNull(guardRails, "guardRails");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.partitions = partitions;
        this.threads = threads;
    }

    public Assessor(CompiledRules rules) {
        this(rules, GuardRails.DEFAULT);
    }

    public int partitions() {
        return partitions;
    }

    /** How many partition sessions may run at once. */
    public int threads() {
        return threads;
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

    /** Makes {@code compiled} the rules of every later assessment (assessments under way keep theirs). */
    public void use(CompiledRules compiled) {
        rules.set(Objects.requireNonNull(compiled, "compiled"));
    }

    public Assessment assess(Inventory inventory) {
        return assess(inventory, AssessmentListener.NONE);
    }

    /** As {@link #assess(Inventory)}, telling {@code listener} how far it has got. */
    public Assessment assess(Inventory inventory, AssessmentListener listener) {
        Objects.requireNonNull(listener, "listener");
        try {
            return assess(rules.get(), inventory, listener);
        } catch (RuleRuntimeException e) {
            throw e.subject() == null ? e : e.locatedAt(inventory.locationOf(e.subject()).orElse(null));
        }
    }

    private Assessment assess(CompiledRules current, Inventory inventory, AssessmentListener listener) {
        List<Finding> findings = new ArrayList<>();
        AssessmentRun run;
        if (partitions == 1) {
            run = new AssessmentRun(current, guardRails, listener, inputFacts(inventory));
            run.sessionOrThrow(facts -> insertFacts(facts, inventory), List.of(), findings);
        } else {
            run = assessByOrganizer(current, inventory, listener, findings);
        }
        FindingSort.inReportOrder(findings, threads);
        LOG.debug("assessed {} users, {} meetings in {} partition(s) on {} thread(s): {} firings, {} findings",
                inventory.getUsers().size(), inventory.getMeetings().size(), partitions, threads, run.firings(),
                findings.size());
        return new Assessment(findings, run.firings(), run.insertTime(), run.fireTime(), current.description());
    }

    /**
     * One session per organizer partition (on {@code threads} threads), then a closing session with the federated
     * users, the partners and the findings that rules read (FED-PARTNER-SUMMARY sums FED-LOCKED-OC2007 across the
     * estate). The partitions' findings are put together in partition order, whichever finished first.
     */
    private AssessmentRun assessByOrganizer(CompiledRules current, Inventory inventory, AssessmentListener listener,
                                            List<Finding> findings) {
        OrganizerPartitions parts = new OrganizerPartitions(inventory, partitions);
        List<FederatedPartner> partners = inventory.getPartners();
        AssessmentRun run = new AssessmentRun(current, guardRails, listener, parts.factCount() + 1
                + inventory.getPools().size() + inventory.getFederatedUsers().size() + partners.size()
                + sourceNotes(inventory));
        if (threads > 1) {
            PartitionThreads.assess(run, parts, threads).forEach(findings::addAll);
        } else {
            for (int k = 0; k < parts.count(); k++) {
                int partition = k;
                run.sessionOrThrow(facts -> parts.forEachFact(partition, facts), List.of(), findings);
            }
        }
        // Only the findings some rule matches go in again: at 1M users 2.3M findings, of which a few thousand are read.
        List<Finding> read = findings.stream().filter(current.findingsReadByRules()).toList();
        run.expectMoreFacts(read.size());
        run.sessionOrThrow(facts -> {
            facts.accept(inventory.getPlan());
            inventory.getPools().forEach(facts);
            inventory.getFederatedUsers().forEach(facts);
            partners.forEach(facts);
            insertSourceNotes(facts, inventory);
            read.forEach(facts);
        }, read, findings);
        return run;
    }

    /**
     * The facts an assessment of {@code inventory} inserts before its rules fire: what the default firing budget is
     * sized by ({@link GuardRails#budget}).
     */
    public static long inputFacts(Inventory inventory) {
        return 1L + inventory.getPools().size() + inventory.getUsers().size() + inventory.getFederatedUsers().size()
                + inventory.getPartners().size() + inventory.getMeetings().size() + inventory.participationCount()
                + inventory.getConferenceDirectories().size() + sourceNotes(inventory);
    }

    /** How many facts {@link #insertSourceNotes} inserts. */
    private static int sourceNotes(Inventory inventory) {
        return inventory.getMeetingSourceGaps().size() + inventory.getSchemeConflicts().size();
    }

    /** What the customer's exports did not say or did not agree on: one session of the assessment gets them. */
    private static void insertSourceNotes(Consumer<Object> facts, Inventory inventory) {
        inventory.getMeetingSourceGaps().forEach(facts);
        inventory.getSchemeConflicts().forEach(facts);
    }

    private static void insertFacts(Consumer<Object> facts, Inventory inventory) {
        facts.accept(inventory.getPlan());
        inventory.getPools().forEach(facts);
        inventory.getUsers().forEach(facts);
        inventory.getFederatedUsers().forEach(facts);
        inventory.getPartners().forEach(facts);
        inventory.getMeetings().forEach(facts);
        insertSourceNotes(facts, inventory);
        inventory.getConferenceDirectories().forEach(facts);
        // Streamed from the inventory, never collected: millions of them need not sit in a list as well.
        inventory.forEachParticipation(facts::accept);
    }
}
