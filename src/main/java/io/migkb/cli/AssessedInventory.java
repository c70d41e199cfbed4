package io.migkb.cli;

import io.migkb.engine.Assessment;
import io.migkb.engine.Assessor;
import io.migkb.engine.CompiledRules;
import io.migkb.engine.GuardRails;
import io.migkb.engine.RuleBuild;
import io.migkb.engine.RuleBuildException;
import io.migkb.inventory.InventoryException;
import io.migkb.model.Inventory;
import io.migkb.waiver.WaiverFileException;
import io.migkb.waiver.WaiverSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code assess} and {@code plan} both do first: read the waivers and the inventory while the rules compile on
 * their own thread, then assess, telling {@code progress} each phase. The errors of all three inputs are reported
 * together (inventory first), so that fixing one does not reveal the next only on the following run.
 */
record AssessedInventory(WaiverSet waivers, Inventory inventory, CompiledRules rules, Assessment assessment) {
    static AssessedInventory of(Path inventoryFile, InventoryOptions inventoryOptions, RulesOption rulesOption,
                                WaiverOption waiverOption, GuardRails guardRails, int partitions, int threads,
                                Progress progress) throws Exception {
        waiverOption.check();
        RuleBuild build = rulesOption.startBuild();
        List<Exception> errors = new ArrayList<>();
        progress.phase("read");
        Inventory inventory = null;
        try {
            inventory = inventoryOptions.read(inventoryFile, progress);
        } catch (InventoryException e) {
            errors.add(e);
        }
        WaiverSet waivers = null;
        try {
            waivers = waiverOption.read();
        } catch (WaiverFileException | UserError e) {
            errors.add(e);
        }
        progress.phase("rules");
        CompiledRules rules = null;
        try {
            rules = build.await();
        } catch (RuleBuildException e) {
            errors.add(e);
        }
        if (errors.size() == 1) {
            throw errors.get(0);
        }
        if (!errors.isEmpty()) {
            throw new InputErrors(errors);
        }
        progress.phase("assess");
        Assessment assessment = new Assessor(rules, guardRails, partitions, threads).assess(inventory, progress.assessing());
        return new AssessedInventory(waivers, inventory, rules, assessment);
    }

    /** Errors of several inputs at once: each is reported as it would be alone. */
    static final class InputErrors extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Exception> errors;

        InputErrors(List<Exception> errors) {
            super(errors.size() + " inputs have errors");
            this.errors = List.copyOf(errors);
        }

        List<Exception> errors() {
            return errors;
        }
    }
}
