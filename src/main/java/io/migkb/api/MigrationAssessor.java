package io.migkb.api;

import io.migkb.engine.Assessment;
import io.migkb.engine.Assessor;
import io.migkb.engine.CompiledRules;
import io.migkb.engine.GuardRails;
import io.migkb.engine.RuleCache;
import io.migkb.engine.RuleInfo;
import io.migkb.inventory.InventoryError;
import io.migkb.inventory.InventoryException;
import io.migkb.inventory.InventoryReaders;
import io.migkb.inventory.InventoryValidator;
import io.migkb.model.Inventory;
import io.migkb.model.SourceLocation;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Assesses migration inventories against a rule catalogue. Safe to share across threads: every assessment runs in
 * a fresh session of its own, and {@link #reload()} swaps the rules in one step, only when the new ones compile.
 * Made by {@link Migkb}.
 */
public final class MigrationAssessor {
    /** What inventories built in code are called in error messages. */
    static final String IN_CODE = "inventory built in code";

    private final Assessor assessor;
    private final RuleCache cache;
    private volatile Path rulesFolder;
    private final List<Path> customerFolders;

    MigrationAssessor(CompiledRules rules, Path rulesFolder, List<Path> customerFolders, RuleCache cache,
                      GuardRails guardRails, int partitions, int threads) {
        this.assessor = new Assessor(rules, guardRails, partitions, threads);
        this.cache = cache;
        this.rulesFolder = rulesFolder;
        this.customerFolders = List.copyOf(customerFolders);
    }

    /**
     * Reads and assesses an inventory file, its format (JSON or YAML) taken from the file name ({@code .json},
     * {@code .yaml}, {@code .yml}).
     *
     * @throws InvalidInventoryException when the file is missing, malformed or invalid: every error, located
     * @throws RunawayRulesException when a guard rail stops the rules
     */
    public AssessmentResult assess(Path inventoryFile) throws InvalidInventoryException {
        return assess(inventoryFile, null);
    }

    /**
     * As {@link #assess(Path)}, in the format given ({@code "json"}, {@code "yaml"}, {@code "csv-folder"},
     * {@code "lync-export"}; null: from the file name, or a folder's files).
     */
    public AssessmentResult assess(Path inventoryFile, String format) throws InvalidInventoryException {
        return assess(inventoryFile, format, null);
    }

    /**
     * As {@link #assess(Path, String)}, on the day {@code asOf} (null: today): a folder of customer exports leaves
     * out, and counts, the scheduled meetings that expired or ended before it (conference database, calendars), as
     * {@code migkb assess --as-of} does.
     */
    public AssessmentResult assess(Path inventoryFile, String format, LocalDate asOf) throws InvalidInventoryException {
        Objects.requireNonNull(inventoryFile, "inventoryFile");
        Inventory inventory;
        try {
            inventory = InventoryReaders.read(inventoryFile, format, asOf);
        } catch (InventoryException e) {
            throw invalid(e);
        }
        return run(inventory, inventoryFile.toString());
    }

    /**
     * Reads and assesses an inventory from a stream, which is left open.
     *
     * @param sourceName stands for the file in error messages
     * @param format     {@code "json"} or {@code "yaml"}
     */
    public AssessmentResult assess(InputStream inventory, String sourceName, String format)
            throws InvalidInventoryException {
        Objects.requireNonNull(inventory, "inventory");
        Inventory read;
        try {
            read = InventoryReaders.forFormat(format).read(inventory, sourceName);
        } catch (InventoryException e) {
            throw invalid(e);
        }
        return run(read, sourceName);
    }

    /**
     * Assesses an inventory built in code ({@link InventoryBuilder}, or the {@code io.migkb.model} classes). It is
     * validated as a file would be: duplicates, dangling references and inconsistent facts are errors.
     */
    public AssessmentResult assess(Inventory inventory) throws InvalidInventoryException {
        Objects.requireNonNull(inventory, "inventory");
        Inventory valid;
        try {
            valid = InventoryValidator.validate(inventory, null);
        } catch (InventoryException e) {
            throw invalid(e);
        }
        return run(valid, IN_CODE);
    }

    private AssessmentResult run(Inventory inventory, String source) {
        CompiledRules rules = assessor.rules();
        Assessment assessment;
        try {
            assessment = assessor.assess(inventory);
        } catch (io.migkb.engine.RunawayRulesException e) {
            throw new RunawayRulesException(e.getMessage(), e.busiestRule(), e.busiestRuleFirings(), e);
        } catch (RuntimeException e) {
            throw ruleFailure(e, rules);
        }
        return new AssessmentResult(assessment, inventory, source, rules);
    }

    /**
     * A rule that threw comes out of the engine as its {@code RuleRuntimeException} (or, from Drools, as a
     * {@code ConsequenceException}, possibly wrapped): it goes on as a {@link RuleFailedException} naming the rule, its file and line, and the facts matched. Anything else is
     * not a rule's failure and goes on as it is.
     */
    private static RuntimeException ruleFailure(RuntimeException e, CompiledRules rules) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.migkb.engine.RuleRuntimeException failed) {
                // the engine has named the rule and the subject it was matching
                String name = failed.rule();
                RuleInfo rule = ruleNamed(rules, name);
                List<String> facts = failed.subject() == null ? List.of() : List.of(failed.subject());
                return new RuleFailedException(rule.id(), name, rule.file() != null ? rule.file() : failed.file(),
                        rule.line() > 0 ? rule.line() : failed.line(), facts,
                        failed.getCause() == null ? failed : failed.getCause());
            }
            if (t instanceof ConsequenceException failed && failed.getRule() != null) {
                String name = failed.getRule().getName();
                RuleInfo rule = ruleNamed(rules, name);
                List<String> facts = new ArrayList<>();
                if (failed.getMatch() != null) {
                    failed.getMatch().getObjects().forEach(o -> facts.add(String.valueOf(o)));
                }
                return new RuleFailedException(rule.id(), name, rule.file(), rule.line(), facts,
                        t.getCause() == null ? t : t.getCause());
            }
        }
        return e;
    }

    /** The catalogue rule of that name, or one that knows only the name (a table's row, say). */
    private static RuleInfo ruleNamed(CompiledRules rules, String name) {
        return rules.rules().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElse(new RuleInfo(null, null, null, name, null, 0));
    }

    /** The rules in use. */
    public LoadedRules rules() {
        return describe(assessor.rules());
    }

    /**
     * Reads and compiles the rules again from the same folder (a consultant edited them), and uses them for every
     * later assessment. When they do not compile, the exception lists every problem and the last good rules stay.
     */
    public LoadedRules reload() throws RulesException {
        return reload(rulesFolder);
    }

    /**
     * Switches to the rules of another folder (null: the bundled catalogue), with the customer's folders laid over it
     * as before, only if they compile; otherwise the exception lists every problem and the last good rules stay in
     * use.
     */
    public synchronized LoadedRules reload(Path rulesFolder) throws RulesException {
        // Compiled and checked in full before anything changes: a reload is all or nothing.
        CompiledRules rebuilt = Migkb.compile(rulesFolder, customerFolders, cache);
        LoadedRules loaded = describe(rebuilt);
        assessor.use(rebuilt);
        this.rulesFolder = rulesFolder;
        return loaded;
    }

    /** The rule-firing limit of one assessment. */
    public long maxFirings() {
        return assessor.guardRails().maxFirings();
    }

    /** The time limit of one assessment. */
    public Duration timeLimit() {
        return assessor.guardRails().timeLimit();
    }

    private static LoadedRules describe(CompiledRules rules) {
        return new LoadedRules(rules.description(), rules.rules().stream().map(RuleInfo::id).toList(),
                AssessmentResult.describe(rules),
                rules.warnings().stream().map(w -> new Problem(w.file(), w.line(), w.column(), null, w.message())).toList());
    }

    static InvalidInventoryException invalid(InventoryException e) {
        return new InvalidInventoryException(e.getMessage(), e.getErrors().stream().map(MigrationAssessor::problem).toList(),
                e.getErrorCount(), e);
    }

    private static Problem problem(InventoryError error) {
        SourceLocation at = error.location();
        return at == null ? new Problem(null, 0, 0, error.field(), error.message())
                : new Problem(at.file(), at.line(), at.column(), error.field(), error.message());
    }
}
