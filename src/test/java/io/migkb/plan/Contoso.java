package io.migkb.plan;

import io.migkb.engine.TestRules;
import io.migkb.inventory.InventoryException;
import io.migkb.inventory.InventoryReaders;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import io.migkb.model.Plan;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** examples/contoso.json, its findings under rules/, and its plan with changed choices; assessed once per JVM. */
final class Contoso {
    static final String SOURCE = "examples/contoso.json";
    private static Inventory inventory;
    private static List<Finding> findings;

    private Contoso() {
    }

    static synchronized Inventory inventory() {
        if (inventory == null) {
            try {
                inventory = InventoryReaders.read(Path.of(SOURCE));
            } catch (InventoryException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }
        return inventory;
    }

    static synchronized List<Finding> findings() {
        if (findings == null) {
            findings = TestRules.assessor().assess(inventory()).findings();
        }
        return findings;
    }

    static MigrationPlan plan() throws PlanException {
        return Planner.plan(inventory(), findings(), SOURCE);
    }

    /** Contoso with other plan choices; the findings are assessed again, since rules read the plan. */
    static MigrationPlan plan(boolean moveConferenceData, boolean liveMeetingService) throws PlanException {
        Inventory changed = with(new Plan(inventory().getPlan().getTargetPool(), moveConferenceData, liveMeetingService,
                inventory().getPlan().isRemoveConferencingAddIn(), inventory().getPlan().getFrequentOrganizerThreshold(),
                inventory().getPlan().getMinimumClientVersions()));
        return Planner.plan(changed, TestRules.assessor().assess(changed).findings(), SOURCE);
    }

    static Inventory with(Plan plan) {
        Inventory i = inventory();
        return new Inventory(i.getOrganization(), plan, i.getPools(), i.getUsers(), i.getFederatedUsers(),
                i.getMeetings(), i.getLocations());
    }

    /** The plan made without the findings {@code waived} selects, as if a waiver covered them. */
    static MigrationPlan planWithout(Predicate<Finding> waived) throws PlanException {
        return Planner.plan(inventory(), findings().stream().filter(waived.negate()).toList(), SOURCE);
    }
}
