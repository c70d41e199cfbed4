package io.migkb.cli;

import io.migkb.engine.Assessment;
import io.migkb.engine.GuardRails;
import io.migkb.model.Inventory;
import io.migkb.plan.MigrationPlan;
import io.migkb.plan.PlanFile;
import io.migkb.plan.PlanFolder;
import io.migkb.plan.PlanFormat;
import io.migkb.plan.Planner;
import io.migkb.plan.Wave;
import io.migkb.waiver.WaiverOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan the migration in waves from the findings: who moves when (frequent organizers early, "
                + "users whose Live Meeting needs keep them on OCS 2007 R2 held back), what happens to each meeting, "
                + "and per wave a PowerShell script of the moves (Move-CsLegacyUser, Move-CsUser), written, never run.",
        footer = {"", "Examples:",
            "  bin/migkb plan examples/contoso.json",
            "  bin/migkb plan customer.yaml --format markdown --out-dir plan/",
            "  bin/migkb plan customer.yaml --waivers waivers.yaml",
            "", "Writes into --out-dir: plan.md, plan.html, plan-waves.csv, plan-meetings.csv, plan-tasks.csv,",
            "plan-not-assessed.csv (as --format asks) and wave-1.ps1, wave-2.ps1, ... Preview a script with -WhatIf",
            "before running it. Users the inputs hold but migkb does not assess (disabled, no Registrar pool, a pool",
            "outside the migration) are in no script: the plan lists them.",
            "Docs: docs/plan.md.",
            "", "Exit codes: 0 plan written, 2 bad input, bad rules or bad waivers (nothing written)."})
final class PlanCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INVENTORY",
            description = "The inventory file, or folder of CSV files or Lync Management Shell exports.")
    Path inventoryFile;

    @Mixin
    RulesOption rulesOption;

    @Mixin
    PartitionsOption partitionsOption;

    @Mixin
    ThreadsOption threadsOption;

    @Mixin
    InventoryOptions inventoryOptions;

    @Mixin
    WaiverOption waiverOption;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "Plan report format: csv, markdown or html; repeat (or separate with commas) for several. "
                    + "Default: all three. The wave scripts are always written.")
    List<String> formats = new ArrayList<>();

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "migkb-plan",
            description = "Folder to write the plan into, created if needed (default: ${DEFAULT-VALUE}). Files of the "
                    + "same names are replaced; other files are left alone.")
    Path outDir;

    @Option(names = "--quiet", description = "No summary line, timings or progress bar on standard error.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Set<PlanFormat> chosen = formats();
        int partitions = partitionsOption.value();
        int threads = threadsOption.value(partitions);
        HeapGuard.check(inventoryFile, partitions, threads, threadsOption.forPartitions());
        try {
            return plan(chosen, partitions, threads);
        } catch (OutOfMemoryError e) {
            // As in assess: what the plan held is unreachable here, so there is room to give the advice.
            throw HeapGuard.outOfMemory(inventoryFile, partitions, threads);
        }
    }

    private int plan(Set<PlanFormat> chosen, int partitions, int threads) throws Exception {
        ReadPaths inputs = ReadPaths.of(inventoryFile, waiverOption, rulesOption);
        inputs.refuseFolder("--out-dir " + outDir, outDir);
        Progress progress = Progress.start(quiet, spec.commandLine());
        AssessedInventory assessed = AssessedInventory.of(inventoryFile, inventoryOptions, rulesOption, waiverOption,
                GuardRails.DEFAULT, partitions, threads, progress);
        Inventory inventory = assessed.inventory();
        Assessment assessment = assessed.assessment();
        WaiverOutcome waived = waiverOption.apply(assessed.waivers(), assessment.findings());
        progress.phase("plan");
        MigrationPlan plan = Planner.plan(inventory, waived.inForce(assessment.findings()), inventoryFile.toString());
        List<PlanFile> files = PlanFormat.files(plan, chosen);
        for (PlanFile f : files) {
            inputs.refuseOverwrite("--out-dir " + outDir + " (" + f.name() + ")", outDir.resolve(f.name()));
        }
        progress.phase("write");
        PlanFolder.write(outDir, files, n -> progress.update(n, files.size(), "files"));
        PrintWriter err = spec.commandLine().getErr();
        if (!quiet) {
            err.println("migkb: " + summary(plan, files));
        }
        progress.finish(quiet);
        WaiverOption.warn(waived, err);
        return ExitCode.CLEAN;
    }

    private Set<PlanFormat> formats() throws UserError {
        if (formats.isEmpty()) {
            return EnumSet.allOf(PlanFormat.class);
        }
        Set<PlanFormat> chosen = EnumSet.noneOf(PlanFormat.class);
        for (String name : formats) {
            chosen.add(PlanFormat.named(name).orElseThrow(() -> new UserError("--format " + name
                    + ": unknown plan format; use csv, markdown or html (the wave scripts are always written)")));
        }
        return chosen;
    }

    private String summary(MigrationPlan plan, List<PlanFile> files) {
        List<Wave> scripted = plan.scriptedWaves();
        return "plan" + (plan.organization() == null ? "" : " for " + plan.organization()) + ": "
                + scripted.size() + (scripted.size() == 1 ? " wave" : " waves") + " after the preparation, "
                + plan.moveCount() + " to move, " + plan.heldBackCount() + " held back, "
                + plan.alreadyMigrated().size() + " already on Lync Server 2013, " + plan.meetings().size()
                + " meetings" + notAssessed(plan, files) + "; wrote "
                + files.stream().map(PlanFile::name).collect(Collectors.joining(", ")) + " in " + outDir;
    }

    /** "; 2 users not assessed (1 disabled, 1 without a Registrar pool): see plan-not-assessed.csv", or nothing. */
    private static String notAssessed(MigrationPlan plan, List<PlanFile> files) {
        if (plan.notAssessed().isEmpty()) {
            return "";
        }
        List<String> names = files.stream().map(PlanFile::name).toList();
        String list = Stream.of(MigrationPlan.NOT_ASSESSED_CSV, "plan.md", "plan.html").filter(names::contains)
                .findFirst().map(name -> ": see " + name).orElse("");
        return "; " + plan.notAssessedSummary() + list;
    }
}
