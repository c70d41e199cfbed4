package io.migkb.engine;

import io.migkb.model.ClientCapability;
import io.migkb.model.ClientSupport;
import io.migkb.model.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

/**
 * A knowledge base built from rule files, ready to assess inventories. Immutable and safe to share between
 * threads: each assessment opens its own session on it.
 */
public final class CompiledRules {
    /** The global through which rules read the client-support table (see {@link ClientSupport}). */
    static final String CLIENT_SUPPORT_GLOBAL = "clientSupport";
    /** Bounds the firings of the empty session that reads the table: a runaway rule is the assessment's to report. */
    private static final int TABLE_FIRINGS = 10_000;

    private final String origin;
    private final KieBase kieBase;
    private final List<RuleInfo> rules;
    private final List<RuleInfo> supportingRules;
    private final List<RuleProblem> warnings;
    private final int fileCount;
    private final List<RuleChange> changes;
    private final boolean declaresClientSupport;
    private volatile ClientSupport clientSupport;
    private volatile Predicate<Finding> findingsReadByRules;

    CompiledRules(String origin, KieBase kieBase, List<RuleInfo> rules, List<RuleInfo> supportingRules,
                  List<RuleProblem> warnings, int fileCount, List<RuleChange> changes) {
        this.origin = origin;
        this.kieBase = kieBase;
        this.rules = List.copyOf(rules);
        this.supportingRules = List.copyOf(supportingRules);
        this.warnings = List.copyOf(warnings);
        this.fileCount = fileCount;
        this.changes = List.copyOf(changes);
        this.declaresClientSupport = declaresClientSupport(kieBase);
    }

    private static boolean declaresClientSupport(KieBase kieBase) {
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Global g : pkg.getGlobalVariables()) {
                if (g.getName().equals(CLIENT_SUPPORT_GLOBAL) && g.getType().equals(ClientSupport.class.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when a rule file declares {@code global ClientSupport clientSupport}: sessions must be given it. */
    boolean declaresClientSupport() {
        return declaresClientSupport;
    }

    /**
     * The client-support table as a lookup, resolved once for these rules: the {@code ClientCapability} facts their
     * rules insert in an empty session (the decision table's rows need no facts). The table stays the only source:
     * edit a cell, recompile, and the lookup follows.
     */
    ClientSupport clientSupport() {
        ClientSupport resolved = clientSupport;
        if (resolved == null) {
            resolved = resolveClientSupport();
            clientSupport = resolved; // computing it twice in a race is harmless: same rules, same answer
        }
        return resolved;
    }

    /** The findings some rule of these matches, which must be facts; read off the Rete once ({@link FindingReaders}). */
    Predicate<Finding> findingsReadByRules() {
        Predicate<Finding> read = findingsReadByRules;
        if (read == null) {
            read = FindingReaders.readFindings(kieBase);
            findingsReadByRules = read; // a race computes the same answer twice
        }
        return read;
    }

    private ClientSupport resolveClientSupport() {
        KieSession session = kieBase.newKieSession();
        try {
            if (declaresClientSupport) {
                session.setGlobal(CLIENT_SUPPORT_GLOBAL, ClientSupport.EMPTY);
            }
            // only the tables' rows: a consultant's rule that fires on an empty session (a loop, say) must not use
            // up the firings the rows need, leaving the lookup short
            Set<String> rows = new HashSet<>();
            supportingRules.forEach(r -> rows.add(r.name()));
            session.fireAllRules(match -> rows.contains(match.getRule().getName()), TABLE_FIRINGS);
            List<ClientCapability> capabilities = new ArrayList<>();
            for (Object o : session.getObjects(new ClassObjectFilter(ClientCapability.class))) {
                capabilities.add((ClientCapability) o);
            }
            return ClientSupport.of(capabilities);
        } finally {
            session.dispose();
        }
    }

    public String origin() {
        return origin;
    }

    /** What rules folders given after the first added, replaced and disabled; empty for one folder. */
    public List<RuleChange> changes() {
        return changes;
    }

    /**
     * Where the rules came from, as reports head them: the origin, and for several folders what the later ones
     * changed: {@code rules + acme-rules (adds ACME-1; replaces FED-LOCKED-OC2007; disables URL-LEGACY-MEET)}.
     */
    public String description() {
        return changes.isEmpty() ? origin : origin + " (" + RuleChange.summary(changes) + ")";
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

    /** Problems that do not stop the rules from running: a rule without @reference. */
    public List<RuleProblem> warnings() {
        return warnings;
    }

    public int fileCount() {
        return fileCount;
    }
}
