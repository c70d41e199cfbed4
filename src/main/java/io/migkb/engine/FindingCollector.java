package io.migkb.engine;

import io.migkb.model.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

/**
 * The findings rules insert, kept in the order they are made. That order is nearly the report's (a rule fires its
 * matches in the order its facts came in), so sorting it costs a fraction of sorting the session's store, which
 * hands its objects back in hash order. Should a rule update or delete a finding, the session's store is read
 * instead.
 */
final class FindingCollector implements RuleRuntimeEventListener, RuleSupport.FindingSink {
    private final List<Finding> made = new ArrayList<>();
    /** Findings {@link RuleSupport#report} handed over without inserting them: never in the session's store. */
    private final List<Finding> direct = new ArrayList<>();
    private final Predicate<Finding> readByRules;
    private boolean changed;

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
        direct.add(finding);
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Finding f) {
            made.add(f);
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        changed |= event.getObject() instanceof Finding || event.getOldObject() instanceof Finding;
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        changed |= event.getOldObject() instanceof Finding;
    }

    /**
     * Adds this session's findings to {@code all}: those made, or, should a rule have updated or deleted one, those
     * handed over directly and the session's store (less {@code reinserted}, which {@code all} holds already).
     */
    void addTo(List<Finding> all, KieSession session, List<Finding> reinserted) {
        if (!changed) {
            all.addAll(made);
            return;
        }
        // A class filter walks only the Finding store, not every fact of the session.
        Collection<?> objects = session.getObjects(new ClassObjectFilter(Finding.class));
        Set<Finding> earlier = Collections.newSetFromMap(new IdentityHashMap<>());
        earlier.addAll(reinserted);
        all.removeIf(earlier::contains);
        all.addAll(direct);
        for (Object o : objects) {
            all.add((Finding) o);
        }
    }
}
