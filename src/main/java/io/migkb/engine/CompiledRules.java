package io.migkb.engine;

import java.util.List;
import java.util.Optional;
import org.kie.api.KieBase;

/**
 * A knowledge base built from rule files, ready to assess inventories. Immutable and safe to share between
 * threads: each assessment opens its own session on it.
 */
public final class CompiledRules {
    private final String origin;
    private final KieBase kieBase;
    private final List<RuleInfo> rules;
    private final List<RuleInfo> supportingRules;
    private final List<RuleProblem> warnings;
    private final int fileCount;

    CompiledRules(String origin, KieBase kieBase, List<RuleInfo> rules, List<RuleInfo> supportingRules,
                  List<RuleProblem> warnings, int fileCount) {
        this.origin = origin;
        this.kieBase = kieBase;
        this.rules = List.copyOf(rules);
        this.supportingRules = List.copyOf(supportingRules);
        this.warnings = List.copyOf(warnings);
        this.fileCount = fileCount;
    }

    public String origin() {
        return origin;
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** The catalogue: every rule that makes findings, in file and line order. */
    public List<RuleInfo> rules() {
        return rules;
    }

    /**
     * Decision-table rows that make no findings and carry no metadata: they insert the facts the catalogue reads
     * ({@code ClientCapability}). Their {@code line} is the spreadsheet row.
     */
    public List<RuleInfo> supportingRules() {
        return supportingRules;
    }

    public Optional<RuleInfo> rule(String id) {
        return rules.stream().filter(r -> id.equals(r.id())).findFirst();
    }

    /** Problems that do not stop the rules from running: missing or bad metadata, duplicate ids. */
    public List<RuleProblem> warnings() {
        return warnings;
    }

    public int fileCount() {
        return fileCount;
    }
}
