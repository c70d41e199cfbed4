package io.migkb.engine;

import java.util.IdentityHashMap;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * The agenda filter of one session: counts its firings per rule, so a runaway can be named (the assessment merges
 * the counts of all its sessions), and takes each firing from the assessment's budget. An agenda filter, not an
 * event listener: a listener makes Drools allocate two event objects per firing. Used by the session's own thread
 * only; consecutive firings are mostly of one rule, so the last rule's counter is kept at hand.
 *
 * <p>A match it refuses is not fired. Once the assessment has fired one more time than its limit (summed over every
 * session, also those on other threads) it halts its session, stops the others and refuses every later match; so
 * it does once the assessment is stopping because another session failed or ran out of time.
 */
final class FiringCounter implements AgendaFilter {
    private final AssessmentRun run;
    private final KieSession session;
    private final Map<Rule, long[]> firings = new IdentityHashMap<>();
    private Rule lastRule;
    private long[] lastCount;
    private long total;
    private boolean overLimit;
    private boolean stopped;

    FiringCounter(AssessmentRun run, KieSession session) {
        this.run = run;
        this.session = session;
    }

    @Override
    public boolean accept(Match match) {
        if (run.stopping()) {
            stopped = true;
            session.halt();
            return false;
        }
        long over = run.takeFiring();
        if (over > 0) {
            // The first firing past the limit goes ahead, as proof of a runaway (a catalogue may need exactly the
            // limit); the assessment stops there.
            overLimit = true;
            run.stop();
            session.halt();
            if (over > 1) {
                return false;
            }
        }
        Rule rule = match.getRule();
        if (rule != lastRule) {
            lastCount = firings.computeIfAbsent(rule, r -> new long[1]);
            lastRule = rule;
        }
        lastCount[0]++;
        if ((++total & 0x3FF) == 0) {
            run.firingsProgress();
        }
        return true;
    }

    /** The rule fired last, or firing now: the one whose consequence was running if firing failed; null if none. */
    Rule lastFired() {
        return lastRule;
    }

    /** The rules wanted to fire more than the assessment's limit. */
    boolean overLimit() {
        return overLimit;
    }

    /** Firing was refused because the assessment is stopping. */
    boolean stopped() {
        return stopped;
    }

    /** Adds this session's firings per rule to {@code all}, once the session has ended. */
    void addTo(Map<Rule, long[]> all) {
        firings.forEach((rule, n) -> all.computeIfAbsent(rule, r -> new long[1])[0] += n[0]);
    }
}
