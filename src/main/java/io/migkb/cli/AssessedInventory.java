package io.migkb.cli;

import io.migkb.engine.Assessment;
import io.migkb.engine.Assessor;
import io.migkb.engine.CompiledRules;
import io.migkb.engine.GuardRails;
import io.migkb.engine.RuleBuild;
import io.migkb.model.Inventory;
import java.nio.file.Path;

/**
 * What {@code assess} and {@code plan} both do first: read the inventory while the rules compile on their own
 * thread (an inventory error still comes first), then assess it, telling {@code progress} each phase.
 */
record AssessedInventory(Inventory inventory, CompiledRules rules, Assessment assessment) {
    static AssessedInventory of(Path inventoryFile, InventoryOptions inventoryOptions, RulesOption rulesOption,
                                GuardRails guardRails, int partitions, int threads, Progress progress)
            throws Exception {
        RuleBuild build = rulesOption.startBuild();
        progress.phase("read");
        Inventory inventory = inventoryOptions.read(inventoryFile, progress);
        progress.phase("rules");
        CompiledRules rules = build.await();
        progress.phase("assess");
        Assessment assessment = new Assessor(rules, guardRails, partitions, threads).assess(inventory, progress.assessing());
        return new AssessedInventory(inventory, rules, assessment);
    }
}
