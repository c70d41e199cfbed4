package io.migkb.engine;

import io.migkb.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a KieBase from rule files at run time through the KIE API, so consultants edit rules without
 * recompiling migkb. Errors come back located as {@code file:line:col message}, relative to the rules folder.
 */
public final class RuleCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);
    private static final String RESOURCE_ROOT = "src/main/resources/";
    private static final Pattern RULE_DECLARATION =
            Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))", Pattern.MULTILINE);
    private static final Pattern PACKAGE_DECLARATION = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    /**
     * Rules are compiled on the calling thread: Drools' parallel build uses a static pool whose threads would keep
     * an embedding application's class loader alive for a minute after it is undeployed, and on 2 cores it saves
     * little.
     */
    private static final String SEQUENTIAL_BUILD = "<kmodule xmlns=\"http://www.drools.org/xsd/kmodule\">"
            + "<configuration><property key=\"drools.parallelRulesBuildThreshold\" value=\"-1\"/>"
            + "</configuration>"
            + "</kmodule>";
    private static final String SEVERITIES = "BLOCKER, WARNING, ADVICE, INFO";
    private static final AtomicLong BUILDS = new AtomicLong();

    private RuleCompiler() {
    }

    /** Compiles the rules, or takes them from {@link RuleCache#shared()} when these very files compiled before. */
    public static CompiledRules compile(RuleFiles ruleFiles) throws RuleBuildException {
        return compile(ruleFiles, RuleCache.shared());
    }

    /**
     * Compiles the rules, or takes them from {@code cache} when these very files (same bytes) compiled before with
     * this build of migkb. Only rules that compile are cached, so errors always come from a real compile.
     */
    public static CompiledRules compile(RuleFiles ruleFiles, RuleCache cache) throws RuleBuildException {
        long start = System.nanoTime();
        if (ruleFiles.files().isEmpty()) {
            throw new RuleBuildException(ruleFiles.origin(), List.of(new RuleProblem(RuleProblem.Level.ERROR,
                    ruleFiles.origin(), 0, 0, "no rule files (*.drl, *.xlsx, *.csv) found")));
        }
        CompiledRules cached = cache.load(ruleFiles).orElse(null);
        if (cached != null) {
            LOG.debug("loaded {} rules from the compiled-rules cache in {} ms", cached.rules().size(),
                    (System.nanoTime() - start) / 1_000_000);
            return cached;
        }
        CompiledRules compiled = build(ruleFiles, cache, start);
        // Every compile runs the KieBase a cache hit would: Drools re-reads a deserialized constraint with its
        // own, stricter, typing (a String compared to an enum matches nothing when fresh and throws when read
        // back), so the cache, on, off, cold or warm, may only ever change speed.
        byte[] entry;
        CompiledRules readBack;
        try {
            entry = RuleCache.entry(compiled);
            readBack = RuleCache.fromEntry(entry, ruleFiles);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            LOG.debug("rules from {} cannot be serialized, so are never cached: {}", ruleFiles.origin(), e.toString());
            return compiled;
        }
        cache.store(ruleFiles, entry);
        return readBack;
    }

    private static CompiledRules build(RuleFiles ruleFiles, RuleCache cache, long start) throws RuleBuildException {
        KieServices ks = KieServices.Factory.get();
        // A fresh release id per build: rebuilt rules never clobber a KieBase still serving assessments.
        ReleaseId releaseId = ks.newReleaseId("io.migkb.rules", "kb" + BUILDS.incrementAndGet(), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        kfs.writeKModuleXML(SEQUENTIAL_BUILD);
        List<RuleProblem> errors = new ArrayList<>();
        Map<String, String> written = new HashMap<>(); // the path in the resources folder → the rule file's own
        // Decision tables go in as the DRL generated from them, so that their errors can be traced to a cell.
        Map<String, DecisionTables.Table> tables = new HashMap<>();
        ruleFiles.files().forEach((path, content) -> {
            if (DecisionTables.isDecisionTable(path)) {
                try {
                    DecisionTables.Table table = cache.loadTable(path, content).orElse(null);
                    if (table == null) {
                        table = DecisionTables.compile(path, content);
                        cache.storeTable(table, content);
                    }
                    tables.put(table.generatedPath(), table);
                    byte[] drl = table.drl().getBytes(StandardCharsets.UTF_8);
                    kfs.write(resourcePath(table.generatedPath(), drl, written), drl);
                } catch (DecisionTables.TableException e) {
                    errors.addAll(e.problems());
                }
            } else {
                kfs.write(resourcePath(path, content, written), content);
            }
        });

        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = written.getOrDefault(relative(m.getPath(), ruleFiles), relative(m.getPath(), ruleFiles));
            DecisionTables.Table table = tables.get(path);
            if (table != null) {
                errors.add(table.locate(RuleProblem.Level.ERROR, Math.max(m.getLine(), 0), oneLine(m.getText())));
            } else {
                errors.add(new RuleProblem(RuleProblem.Level.ERROR, path,
                        Math.max(m.getLine(), 0), Math.max(m.getColumn(), 0), oneLine(m.getText())));
            }
        }
        List<RuleProblem> typeErrors = new ArrayList<>();
        ruleFiles.files().forEach((path, content) -> {
            if (RuleFiles.isDrl(path)) {
                typeErrors.addAll(ConstraintTypes.check(path,
                        new DrlOutline(new String(content, StandardCharsets.UTF_8))));
            }
        });
        if (!errors.isEmpty() || !typeErrors.isEmpty()) {
            throw new RuleBuildException(ruleFiles.origin(), RuleChecker.refine(errors, typeErrors, ruleFiles));
        }
        KieContainer container = ks.newKieContainer(releaseId);
        KieBase kieBase = container.getKieBase();
        // The repository would keep every build alive; the KieBase is all we need.
        ks.getRepository().removeKieModule(releaseId);

        List<RuleProblem> metadataErrors = new ArrayList<>();
        List<RuleProblem> warnings = new ArrayList<>();
        List<RuleInfo> supporting = new ArrayList<>();
        List<RuleInfo> rules = describe(kieBase, ruleFiles, tables.values(), metadataErrors, warnings, supporting);
        if (!metadataErrors.isEmpty()) {
            throw new RuleBuildException(ruleFiles.origin(), RuleChecker.refineWarnings(metadataErrors, ruleFiles));
        }
        warnings = RuleChecker.refineWarnings(warnings, ruleFiles);
        LOG.debug("built {} rules and {} supporting rules from {} in {} ms", rules.size(), supporting.size(),
                ruleFiles.origin(), (System.nanoTime() - start) / 1_000_000);
        CompiledRules compiled = new CompiledRules(ruleFiles.origin(), kieBase, rules, supporting, warnings,
                ruleFiles.files().size(), ruleFiles.changes());
        if (compiled.declaresClientSupport() && compiled.clientSupport().isEmpty()) {
            // every answer of an empty lookup is "states nothing": the client rules would fire for no one, silently
            throw new RuleBuildException(ruleFiles.origin(), List.of(clientSupportWithoutRows(ruleFiles)));
        }
        return compiled;
    }

    private static final Pattern CLIENT_SUPPORT_DECLARATION =
            Pattern.compile("^\\s*global\\s+(?:[\\w.]+\\.)?ClientSupport\\s+" + CompiledRules.CLIENT_SUPPORT_GLOBAL + "\\b",
                    Pattern.MULTILINE);

    /** Located at the first file that declares the lookup: the rules that use it have nothing to look up. */
    private static RuleProblem clientSupportWithoutRows(RuleFiles ruleFiles) {
        for (Map.Entry<String, byte[]> f : ruleFiles.files().entrySet()) {
            if (!f.getKey().endsWith(".drl")) {
                continue;
            }
            String text = new String(f.getValue(), StandardCharsets.UTF_8);
            Matcher m = CLIENT_SUPPORT_DECLARATION.matcher(text);
            if (m.find()) {
                return new RuleProblem(RuleProblem.Level.ERROR, f.getKey(),
                        TextLines.lineOf(TextLines.starts(text), m.start()), 1,
                        "the rules read the client-support table (global ClientSupport clientSupport), but no decision"
                                + " table gives it a row, so no client rule could fire: add client-support.xlsx (or"
                                + " its CSV) to the rules folder");
            }
        }
        return error(ruleFiles.origin(), 0, "the rules read the client-support table, but no decision table gives it a"
                + " row: add client-support.xlsx (or its CSV) to the rules folder");
    }

    /** Where a rule is declared, and whether it is a decision table's row that makes no findings. */
    private record Declaration(String file, int line, boolean supportingRow) {
    }

    /**
     * Describes the catalogue's rules from their metadata. A decision table's row that carries no metadata and whose
     * consequence makes no {@code Finding} is a supporting rule (it inserts a fact the catalogue's rules read, such as
     * a {@code ClientCapability}): it needs no id, and is listed apart. Every DRL rule is a catalogue rule, and needs
     * an {@code @id} of its own and a {@code @severity} migkb knows: a finding without them would be filed under no
     * id, or at the wrong severity, silently. Those are {@code errors}; a missing {@code @reference} only a warning.
     */
    private static List<RuleInfo> describe(KieBase kieBase, RuleFiles ruleFiles, Collection<DecisionTables.Table> tables,
                                           List<RuleProblem> errors, List<RuleProblem> warnings,
                                           List<RuleInfo> supporting) {
        Map<String, Declaration> declared = new HashMap<>();
        ruleFiles.files().forEach((path, content) -> {
            if (RuleFiles.isDrl(path)) {
                String text = new String(content, StandardCharsets.UTF_8);
                int[] lineStarts = TextLines.starts(text);
                Matcher pkg = PACKAGE_DECLARATION.matcher(text);
                String packageName = pkg.find() ? pkg.group(1) : null;
                if (packageName == null) {
                    errors.add(new RuleProblem(RuleProblem.Level.ERROR, path, 1, 1, "no package line: start the file"
                            + " with 'package io.migkb.rules;' (and the imports) as the other rule files do"));
                }
                Matcher m = RULE_DECLARATION.matcher(text);
                while (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    Declaration d = new Declaration(path,
                            TextLines.lineOf(lineStarts, m.start(1) >= 0 ? m.start(1) : m.start()), false);
                    declared.put(packageName + " " + name, d);
                    declared.putIfAbsent(name, d);
                }
            }
        });
        for (DecisionTables.Table table : tables) {
            for (DecisionTables.GeneratedRule r : table.rules()) {
                declared.put(r.name(), new Declaration(table.path(), r.row(), !makesFindings(r.body())));
            }
        }
        List<RuleInfo> rules = new ArrayList<>();
        List<RuleProblem> ruleErrors = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Declaration where = declared.getOrDefault(pkg.getName() + " " + rule.getName(),
                        declared.getOrDefault(rule.getName(), new Declaration("?", 0, false)));
                String file = where.file();
                int line = where.line();
                Map<String, Object> meta = rule.getMetaData();
                String id = text(meta.get("id"));
                String severityText = text(meta.get("severity"));
                Severity severity = Severity.parse(severityText).orElse(null);
                String reference = text(meta.get("reference"));
                RuleInfo info = new RuleInfo(id, severity, reference, rule.getName(), file, line);
                if (id == null && severityText == null && reference == null && where.supportingRow()) {
                    supporting.add(info);
                    continue;
                }
                rules.add(info);
                String named = "rule \"" + rule.getName() + "\"";
                if (id == null) {
                    ruleErrors.add(error(file, line, named + " has no @id: add @id(\"" + rule.getName()
                            + "\") (capitals and dashes, unique), which reports and waivers name it by"));
                }
                if (severityText == null) {
                    ruleErrors.add(error(file, line, named + " has no @severity: add @severity(...) with one of "
                            + SEVERITIES));
                } else if (severity == null) {
                    ruleErrors.add(error(file, line, named + " has @severity(\"" + severityText + "\"), which is not a"
                            + " severity: use one of " + SEVERITIES));
                }
                if (reference == null) {
                    warnings.add(warning(file, line, named + " has no @reference metadata"));
                }
            }
        }
        rules.sort(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line).thenComparing(RuleInfo::name));
        supporting.sort(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line).thenComparing(RuleInfo::name));
        Map<String, RuleInfo> byId = new HashMap<>();
        Map<String, RuleInfo> byName = new HashMap<>();
        for (RuleInfo r : rules) {
            RuleInfo sameName = byName.putIfAbsent(r.name(), r);
            if (sameName != null) {
                // Another package's rule of the same name: Drools keeps both, and their findings would mix.
                ruleErrors.add(error(r.file(), r.line(), "rule name \"" + r.name() + "\" is used again (in another"
                        + " package); first at " + sameName.file() + ":" + sameName.line() + ": give this rule a name"
                        + " and @id of its own"));
            } else if (r.id() != null) {
                RuleInfo first = byId.putIfAbsent(r.id(), r);
                if (first != null) {
                    ruleErrors.add(error(r.file(), r.line(), "rule id " + r.id() + " is used again; first at "
                            + first.file() + ":" + first.line() + " (rule \"" + first.name() + "\"): the findings of"
                            + " two rules would be filed under one id; give this rule an @id of its own"));
                }
            }
        }
        errors.addAll(ruleErrors);
        errors.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
        warnings.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
        return rules;
    }

    private static RuleProblem error(String file, int line, String message) {
        return new RuleProblem(RuleProblem.Level.ERROR, file, line, 0, message);
    }

    /**
     * A consequence makes findings when it names them: {@code Findings.report(...)}, {@code RuleSupport.report(...)},
     * or {@code new Finding(...)}.
     */
    private static boolean makesFindings(String ruleText) {
        int then = ruleText.indexOf("then");
        String consequence = then < 0 ? ruleText : ruleText.substring(then);
        return consequence.contains("Finding") || consequence.contains("RuleSupport.report");
    }

    private static RuleProblem warning(String file, int line, String message) {
        return new RuleProblem(RuleProblem.Level.WARNING, file, line, 0, message);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isEmpty() ? null : s;
    }

    /**
     * Where a rule file goes in the KieFileSystem: in the folder of the package it declares, as Drools expects
     * (otherwise it warns about each file), and noted in {@code written} so that messages name the file as the
     * consultant knows it.
     */
    private static String resourcePath(String path, byte[] content, Map<String, String> written) {
        Matcher declared = PACKAGE_DECLARATION.matcher(new String(content, StandardCharsets.UTF_8));
        String folder = declared.find() ? declared.group(1).replace('.', '/') + "/" : "";
        String name = path.substring(path.lastIndexOf('/') + 1);
        String inKfs = folder + name;
        if (written.containsKey(inKfs)) {
            // two files of one name (in subfolders, or in two rules folders): keep them apart, in the package's
            // folder still; the path itself may be absolute or climb out with "..", which the KieFileSystem would not
            // keep
            inKfs = folder + written.size() + "-" + name;
        }
        written.put(inKfs, path);
        return RESOURCE_ROOT + inKfs;
    }

    private static String relative(String path, RuleFiles ruleFiles) {
        if (path == null) {
            return ruleFiles.origin();
        }
        return path.startsWith(RESOURCE_ROOT) ? path.substring(RESOURCE_ROOT.length()) : path;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
