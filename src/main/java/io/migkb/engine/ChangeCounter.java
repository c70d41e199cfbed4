package io.migkb.engine;

import java.util.IdentityHashMap;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Counts, per rule, the facts one session's rules insert, update and delete (listening once the inventory is in,
 * so only rules' changes), and takes each inserted fact from the assessment's budget. A runaway is named by these:
 * the rule whose own changes grow, not one that merely re-fires because of them (a victim changes nothing).
 */
final class ChangeCounter implements RuleRuntimeEventListener {
    private final AssessmentRun run;
    private final KieSession session;
    private final Map<Rule, long[]> changes = new IdentityHashMap<>();
    private boolean overLimit;

    ChangeCounter(AssessmentRun run, KieSession session) {
        this.run = run;
        this.session = session;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        count(event.getRule());
        if (event.getRule() != null && run.takeInsert() > 0 && !overLimit) {
            overLimit = true;
            run.stop();
            session.halt();
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        count(event.getRule());
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        count(event.getRule());
    }

    private void count(Rule rule) {
        if (rule != null) {
            changes.computeIfAbsent(rule, r -> new long[1])[0]++;
        }
    }

    /** The rules inserted more facts than the assessment's budget. */
    boolean overLimit() {
        return overLimit;
    }

    void addTo(Map<Rule, long[]> all) {
        changes.forEach((rule, n) -> all.computeIfAbsent(rule, r -> new long[1])[0] += n[0]);
    }
}
