package io.migkb.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Assess INVENTORY, then re-assess whenever a rule file, a decision table or the inventory "
            + "changes, and print what changed in the findings (+ new, - gone). A broken edit prints its errors as "
            + "'migkb check' does; the last good rules, inventory and findings stay until it is fixed."},
        footer = {"", "Example:", "  bin/migkb watch examples/contoso.json", "", "Ctrl-C stops watching."})
final class WatchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INVENTORY", description = "The inventory file.")
    Path inventoryFile;

    @Mixin
    RulesOption rulesOption;

    @Mixin
    InventoryOptions inventoryOptions;

    @Option(names = "--debounce", paramLabel = "MS", defaultValue = "300",
            description = "Wait this long after a change for more before re-assessing (default: ${DEFAULT-VALUE} ms).")
    long debounceMillis;

    /** For tests and scripts: stop after this many changes. */
    @Option(names = "--max-changes", hidden = true, defaultValue = "0")
    int maxChanges;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        rulesOption.requiredFolder("watch needs a rules folder to watch");
        if (!Files.isRegularFile(inventoryFile)) {
            throw new UserError("no such inventory file: " + inventoryFile);
        }
        try (Watcher watcher = new Watcher(rulesOption.folders(), inventoryFile, inventoryOptions::read, spec.commandLine().getOut(),
                Duration.ofMillis(Math.max(0, debounceMillis)), Math.max(0, maxChanges))) {
            watcher.run();
        }
        return ExitCode.CLEAN;
    }
}
