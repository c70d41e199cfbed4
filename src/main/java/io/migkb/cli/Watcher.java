package io.migkb.cli;

import io.migkb.engine.Assessor;
import io.migkb.engine.CompiledRules;
import io.migkb.engine.RuleBuildException;
import io.migkb.engine.RuleCompiler;
import io.migkb.engine.RuleFiles;
import io.migkb.engine.RuleLayers;
import io.migkb.engine.RuleProblem;
import io.migkb.engine.RuleRuntimeException;
import io.migkb.engine.RunawayRulesException;
import io.migkb.inventory.InventoryError;
import io.migkb.inventory.InventoryException;
import io.migkb.model.Deferrals;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import io.migkb.model.Severity;
import io.migkb.scenario.ScenarioFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code migkb watch}: assesses an inventory, then re-assesses whenever a rule file, a decision table or the
 * inventory changes (a burst of saves counts once), printing what changed in the findings. A broken edit prints
 * its errors as {@code migkb check} does and changes nothing: the last good rules, inventory and findings stay.
 */
final class Watcher implements AutoCloseable {
    /** Reads the inventory: {@code --input-format} or its extension decides how. */
    @FunctionalInterface
    interface InventoryLoader {
        Inventory load(Path file) throws InventoryException;
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration LONGEST_BURST = Duration.ofSeconds(3);

    /** The rules folders, base first: a change in any reloads them all. */
    private final List<Path> rulesFolders;
    private final Path inventoryFile;
    private final InventoryLoader loader;
    private final PrintWriter out;
    private final Duration debounce;
    private final int maxChanges;
    private final WatchService watchService;
    private final Map<WatchKey, Path> watched = new HashMap<>();
    private volatile boolean stopped;
    private volatile int changes;
    private volatile boolean ready;

    private Assessor assessor;
    private Inventory inventory;
    private List<Finding> findings;

    /**
     * @param maxChanges stop after this many changes were handled (a test's bound); 0 runs until {@link #stop()}
     */
    Watcher(Path rulesFolder, Path inventoryFile, InventoryLoader loader, PrintWriter out, Duration debounce,
            int maxChanges) throws IOException {
        this(List.of(rulesFolder), inventoryFile, loader, out, debounce, maxChanges);
    }

    /** As the one-folder constructor, for rules folders laid over each other (base first). */
    Watcher(List<Path> rulesFolders, Path inventoryFile, InventoryLoader loader, PrintWriter out, Duration debounce,
            int maxChanges) throws IOException {
        this.rulesFolders = rulesFolders.stream().map(f -> f.toAbsolutePath().normalize()).toList();
        this.inventoryFile = inventoryFile.toAbsolutePath().normalize();
        this.loader = loader;
        this.out = out;
        this.debounce = debounce;
        this.maxChanges = maxChanges;
        this.watchService = FileSystems.getDefault().newWatchService();
    }

    /** Assesses once, then watches until {@link #stop()}, an interrupt, or {@code maxChanges} changes. */
    void run() throws IOException, InterruptedException {
        try {
            for (Path rulesFolder : rulesFolders) {
                registerTree(rulesFolder);
            }
            Path inventoryFolder = inventoryFile.getParent();
            if (!watched.containsValue(inventoryFolder)) {
                register(inventoryFolder);
            }
            start();
            ready = true;
            while (!stopped && (maxChanges == 0 || changes < maxChanges)) {
                Set<Path> changed = nextChanges();
                if (!changed.isEmpty()) {
                    handle(changed);
                    changes++;
                }
            }
        } catch (ClosedWatchServiceException e) {
            // stopped
        } finally {
            watchService.close();
        }
    }

    void stop() {
        stopped = true;
    }

    /** True once the first assessment is printed and the folders are watched. */
    boolean ready() {
        return ready;
    }

    int changes() {
        return changes;
    }

    @Override
    public void close() throws IOException {
        stop();
        watchService.close();
    }

    private void start() {
        out.println("migkb watch: rules " + rulesFolders.stream().map(Path::toString).collect(Collectors.joining(" + ")) + ", inventory " + inventoryFile);
        boolean rulesOk = loadRules(true);
        boolean inventoryOk = loadInventory();
        if (rulesOk && inventoryOk) {
            assess().ifPresent(now -> {
                findings = now;
                out.println(CheckCommand.plural(now.size(), "finding") + " " + summary(now) + ":");
                now.forEach(f -> out.println("  " + line(f)));
            });
        }
        out.println("watching for changes to the rules and the inventory (Ctrl-C stops)");
        out.flush();
    }

    private void handle(Set<Path> changed) {
        String names = changed.stream().map(this::display).sorted().collect(Collectors.joining(", "));
        out.println();
        out.println("[" + LocalTime.now().format(CLOCK) + "] changed: " + names);
        boolean rulesChanged = changed.stream().anyMatch(p -> !p.equals(inventoryFile) && folderOf(p) != null);
        boolean inventoryChanged = changed.contains(inventoryFile);
        boolean loaded = false;
        boolean broken = false;
        CompiledRules lastGood = null;
        if (rulesChanged) {
            CompiledRules before = assessor == null ? null : assessor.rules();
            if (loadRules(false)) {
                loaded = true;
                lastGood = before;
            } else {
                broken = true;
            }
        }
        if (inventoryChanged) {
            if (loadInventory()) {
                loaded = true;
            } else {
                broken = true;
            }
        }
        if (loaded && assessor != null && inventory != null) {
            java.util.Optional<List<Finding>> now = assess(lastGood);
            now.ifPresent(found -> {
                printDiff(findings == null ? List.of() : findings, found);
                findings = found;
            });
            broken |= now.isEmpty();
        }
        if (broken) {
            out.println(findings == null ? "no findings yet: nothing has assessed cleanly"
                    : "the last good findings stay: " + CheckCommand.plural(findings.size(), "finding") + " " + summary(findings));
        } else if (findings != null) {
            out.println("findings: " + findings.size() + " " + summary(findings));
        }
        out.flush();
    }

    /** Compiles the rules folder; on errors prints them and keeps the rules in force. */
    private boolean loadRules(boolean first) {
        try {
            RuleFiles files = RuleLayers.read(rulesFolders);
            CompiledRules rules = assessor == null ? RuleCompiler.compile(files) : assessor.reload(files);
            if (assessor == null) {
                assessor = new Assessor(rules);
            }
            out.println((first ? "rules: " : "rules reloaded: ") + CheckCommand.plural(rules.rules().size(), "rule")
                    + " from " + CheckCommand.plural(rules.fileCount(), "file"));
            rules.warnings().forEach(w -> out.println(w.format()));
            return true;
        } catch (IOException e) {
            out.println("cannot read the rules: " + e.getMessage() + (assessor == null ? "" : "; the last good rules stay"));
            return false;
        } catch (RuleBuildException e) {
            out.println("the rules do not compile (" + CheckCommand.plural(e.problems().size(), "error") + ")"
                    + (assessor == null ? ":" : "; the last good rules (" + CheckCommand.plural(assessor.rules().rules().size(), "rule")
                    + ") stay:"));
            e.problems().stream().map(RuleProblem::format).forEach(out::println);
            return false;
        }
    }

    /** Reads the inventory; on errors prints them and keeps the inventory in force. */
    private boolean loadInventory() {
        try {
            Inventory read = loader.load(inventoryFile);
            boolean first = inventory == null;
            inventory = read;
            out.println((first ? "inventory: " : "inventory reloaded: ") + CheckCommand.plural(read.getUsers().size(), "user")
                    + ", " + CheckCommand.plural(read.getMeetings().size(), "meeting"));
            return true;
        } catch (InventoryException e) {
            out.println("the inventory has " + CheckCommand.plural(e.getErrorCount(), "error")
                    + (inventory == null ? ":" : "; the last good inventory stays:"));
            e.getErrors().stream().map(InventoryError::toString).forEach(out::println);
            return false;
        }
    }

    private java.util.Optional<List<Finding>> assess() {
        return assess(null);
    }

    /**
     * Assesses; when a rule throws or runs away, says so and, if {@code lastGood} rules are given (the rules were
     * just reloaded), goes back to them: new rules that fail on this inventory are refused as if they did not compile.
     */
    private java.util.Optional<List<Finding>> assess(CompiledRules lastGood) {
        try {
            List<Finding> found = assessor.assess(inventory).findings();
            // marked as assess marks them (watch takes no waivers: every finding is in force)
            return java.util.Optional.of(Deferrals.mark(inventory, found, found));
        } catch (RunawayRulesException | RuleRuntimeException e) {
            out.println((e instanceof RuleRuntimeException ? "a rule failed: " : "the assessment stopped: ")
                    + e.getMessage());
            if (lastGood != null) {
                assessor = new Assessor(lastGood);
                out.println("the new rules are refused; the last good rules ("
                        + CheckCommand.plural(lastGood.rules().size(), "rule") + ") stay");
            }
            return java.util.Optional.empty();
        }
    }

    private void printDiff(List<Finding> before, List<Finding> now) {
        Set<Finding> old = new LinkedHashSet<>(before);
        Set<Finding> current = new LinkedHashSet<>(now);
        List<Finding> gone = before.stream().filter(f -> !current.contains(f)).toList();
        List<Finding> added = now.stream().filter(f -> !old.contains(f)).toList();
        if (gone.isEmpty() && added.isEmpty()) {
            out.println("no change in the findings");
            return;
        }
        added.forEach(f -> out.println("+ " + line(f)));
        gone.forEach(f -> out.println("- " + line(f)));
    }

    private static String line(Finding f) {
        return f.getSeverity() + " " + f.getRule() + " " + f.getSubject() + (f.isDeferred() ? " (deferred)" : "")
                + ": " + f.getMessage();
    }

    private static String summary(List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.getSeverity(), 1, Integer::sum));
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private String display(Path p) {
        if (folderOf(p) != null) {
            return relative(p);
        }
        return p.getFileName().toString();
    }

    /** The relevant paths changed in the next burst of events: waits for one, then until the burst is over. */
    private Set<Path> nextChanges() throws InterruptedException, IOException {
        Set<Path> changed = new TreeSet<>();
        long burstStart = 0;
        while (!stopped) {
            Duration wait = changed.isEmpty() ? POLL : debounce;
            WatchKey key = watchService.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (key == null) {
                if (!changed.isEmpty()) {
                    return changed;
                }
                continue;
            }
            collect(key, changed);
            if (!changed.isEmpty() && burstStart == 0) {
                burstStart = System.nanoTime();
            }
            if (burstStart != 0 && System.nanoTime() - burstStart > LONGEST_BURST.toNanos()) {
                return changed;
            }
        }
        return changed;
    }

    private void collect(WatchKey key, Set<Path> changed) throws IOException {
        Path folder = watched.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed.add(rulesFolders.get(0).resolve("(many files)"));
                changed.add(inventoryFile);
                continue;
            }
            if (folder == null) {
                continue;
            }
            Path path = folder.resolve((Path) event.context()).normalize();
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path) && isRulesPath(path)) {
                registerTree(path);
            }
            if (path.equals(inventoryFile) || (isRulesPath(path) && isRuleInput(relative(path)) && !isScratch(path))) {
                changed.add(path);
            }
        }
        if (!key.reset()) {
            watched.remove(key);
        }
    }

    private static boolean isRuleInput(String relative) {
        return RuleFiles.isRuleFile(relative) || relative.equals(RuleFiles.DISABLE_LIST);
    }

    private boolean isRulesPath(Path p) {
        Path folder = folderOf(p);
        return folder != null && !p.startsWith(folder.resolve(ScenarioFile.FOLDER));
    }

    /** The rules folder {@code p} lies in, or null. */
    private Path folderOf(Path p) {
        return rulesFolders.stream().filter(p::startsWith).findFirst().orElse(null);
    }

    private String relative(Path p) {
        return folderOf(p).relativize(p).toString().replace('\\', '/');
    }

    /** Editors' backup, swap and lock files. */
    private static boolean isScratch(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") || name.startsWith("~$") || name.endsWith("~"); // "." covers Emacs' ".#" locks
    }

    private void registerTree(Path root) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(Files::isDirectory).filter(this::isRulesPath).forEach(folders::add);
        }
        for (Path folder : folders) {
            register(folder);
        }
    }

    private void register(Path folder) throws IOException {
        WatchKey key = folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        watched.put(key, folder);
    }
}
