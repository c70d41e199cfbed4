package io.migkb.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Several rules folders as one knowledge base: the first is the base (the catalogue), each later one a customer's
 * folder laid over the ones before it. A rule of a later folder whose {@code @id} an earlier rule has replaces that
 * rule; a new id adds a rule; a decision table replaces an earlier table of the same name (extension aside); the
 * ids listed in a later folder's {@value RuleFiles#DISABLE_LIST} take earlier rules out. A replaced or disabled
 * rule's text is blanked out of its file, keeping every other line where it was, so Drools never sees two rules of
 * one id or name, and errors still point at the lines the author wrote. Files of a later folder are named by the
 * folder as given ({@code acme-rules/acme.drl}), the base folder's as before.
 */
public final class RuleLayers {
    private static final Pattern ID_METADATA = Pattern.compile("@id\\s*\\(");
    private static final Pattern ID_VALUE = Pattern.compile("\\s*\"?([^\"()\\s]+)\"?\\s*\\)");

    /** Where a rule's text lies: its file (a key of the merged files) and its offsets in that file's text. */
    private record Located(String file, int start, int end) {
    }

    private final SortedMap<String, byte[]> merged = new TreeMap<>();
    private final Map<String, String> texts = new HashMap<>();
    /** The files a rule was blanked out of: only they are written back from their text. */
    private final Set<String> blanked = new HashSet<>();
    private final Map<String, Located> rulesById = new HashMap<>();
    private final List<RuleChange> changes = new ArrayList<>();
    private final List<RuleProblem> problems = new ArrayList<>();

    private RuleLayers() {
    }

    /** Reads each of {@code folders} (base first) and lays them over each other as {@link #merge} does. */
    public static RuleFiles read(List<Path> folders) throws IOException, RuleBuildException {
        List<RuleFiles> layers = new ArrayList<>();
        for (Path folder : folders) {
            layers.add(RuleFiles.fromFolder(folder));
        }
        return merge(layers);
    }

    /**
     * The rule files of {@code layers} as one set: the first folder unchanged when it is the only one.
     *
     * @throws RuleBuildException when a disable list names an id no earlier rule has, or stands in the first folder
     */
    public static RuleFiles merge(List<RuleFiles> layers) throws RuleBuildException {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("no rules folder");
        }
        RuleFiles base = layers.get(0);
        if (base.disableList() != null) {
            throw new RuleBuildException(base.origin(), List.of(new RuleProblem(RuleProblem.Level.ERROR,
                    RuleFiles.DISABLE_LIST, 1, 1, "a disable list takes out rules of the folders given before its own,"
                    + " and " + base.origin() + " is the first: move it to your own rules folder and give that after"
                    + " this one (--rules " + base.origin() + " --rules YOUR-FOLDER)")));
        }
        if (layers.size() == 1) {
            return base;
        }
        RuleLayers result = new RuleLayers();
        result.addBase(base);
        for (RuleFiles layer : layers.subList(1, layers.size())) {
            result.addLayer(layer);
        }
        String origin = layers.stream().map(RuleFiles::origin).collect(Collectors.joining(" + "));
        if (!result.problems.isEmpty()) {
            throw new RuleBuildException(origin, result.problems);
        }
        result.blanked.forEach(file -> result.merged.put(file, result.texts.get(file).getBytes(StandardCharsets.UTF_8)));
        return RuleFiles.layered(origin, result.merged, result.changes);
    }

    private void addBase(RuleFiles base) {
        base.files().forEach((path, content) -> {
            merged.put(path, content);
            if (RuleFiles.isDrl(path)) {
                String text = new String(content, StandardCharsets.UTF_8);
                texts.put(path, text);
                DrlOutline outline = new DrlOutline(text);
                rules(outline).forEach((id, block) -> rulesById.putIfAbsent(id, located(path, block)));
            }
        });
    }

    private void addLayer(RuleFiles layer) {
        String prefix = layer.origin() + "/";
        if (layer.files().isEmpty() && layer.disableList() == null) {
            problems.add(new RuleProblem(RuleProblem.Level.ERROR, layer.origin(), 0, 0, "no rule files (*.drl, *.xlsx,"
                    + " *.csv) and no " + RuleFiles.DISABLE_LIST + ": this folder changes nothing"));
        }
        Map<String, Located> own = new HashMap<>();
        layer.files().forEach((path, content) -> {
            String file = prefix + path;
            if (DecisionTables.isDecisionTable(path)) {
                addTable(path, file, content);
            } else if (RuleFiles.isDrl(path)) {
                String text = new String(content, StandardCharsets.UTF_8);
                texts.put(file, text);
                merged.put(file, content);
                DrlOutline outline = new DrlOutline(text);
                // A second rule of one id in the same folder stays the compiler's error, as in any folder.
                rules(outline).forEach((id, block) -> {
                    if (own.containsKey(id)) {
                        return;
                    }
                    Located earlier = rulesById.get(id);
                    if (earlier != null) {
                        blank(earlier);
                    }
                    Located now = located(file, block);
                    own.put(id, now);
                    changes.add(new RuleChange(earlier == null ? RuleChange.Kind.ADDS : RuleChange.Kind.REPLACES, id,
                            file, outline.lineOf(block.start())));
                });
            } else {
                merged.put(file, content);
            }
        });
        if (layer.disableList() != null) {
            disable(prefix + RuleFiles.DISABLE_LIST, new String(layer.disableList(), StandardCharsets.UTF_8), own);
        }
        rulesById.putAll(own);
    }

    /** A table replaces the earlier table of its name: client-support.csv the catalogue's client-support.xlsx. */
    private void addTable(String path, String file, byte[] content) {
        String name = tableName(path);
        String earlier = merged.keySet().stream()
                .filter(f -> DecisionTables.isDecisionTable(f) && tableName(f).equals(name)).findFirst().orElse(null);
        if (earlier != null) {
            merged.remove(earlier);
        }
        merged.put(file, content);
        String shown = earlier == null ? path.substring(path.lastIndexOf('/') + 1)
                : earlier.substring(earlier.lastIndexOf('/') + 1);
        changes.add(new RuleChange(earlier == null ? RuleChange.Kind.ADDS : RuleChange.Kind.REPLACES, shown, file, 0));
    }

    private void disable(String listFile, String list, Map<String, Located> own) {
        String[] lines = list.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String id = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (id.isEmpty()) {
                continue;
            }
            int column = line.indexOf(id) + 1;
            if (own.containsKey(id)) {
                problems.add(new RuleProblem(RuleProblem.Level.ERROR, listFile, i + 1, column, id + " is a rule of"
                        + " this folder (" + own.get(id).file() + "): delete the rule rather than disable it"));
                continue;
            }
            Located rule = rulesById.remove(id);
            if (rule != null) {
                blank(rule);
                changes.add(new RuleChange(RuleChange.Kind.DISABLES, id, listFile, i + 1));
            } else if (!id.matches("[\\w.-]+")) {
                problems.add(new RuleProblem(RuleProblem.Level.ERROR, listFile, i + 1, column, "\"" + id + "\" is not"
                        + " a rule id: give one id a line (as `migkb rules` lists them), a # starts a comment"));
            } else {
                problems.add(new RuleProblem(RuleProblem.Level.ERROR, listFile, i + 1, column, "no rule of the folders"
                        + " before this one has id " + id + ": give an id as `migkb rules` lists it, or delete the"
                        + " line"));
            }
        }
    }

    /** Spaces over the rule's text, line breaks kept, so that every line after it keeps its number. */
    private void blank(Located rule) {
        char[] text = texts.get(rule.file()).toCharArray();
        for (int i = rule.start(); i < rule.end() && i < text.length; i++) {
            if (text[i] != '\n' && text[i] != '\r') {
                text[i] = ' ';
            }
        }
        texts.put(rule.file(), new String(text));
        blanked.add(rule.file());
    }

    /** The rules of a file by their {@code @id}, the first of each id. */
    private static Map<String, DrlOutline.Block> rules(DrlOutline outline) {
        Map<String, DrlOutline.Block> byId = new LinkedHashMap<>();
        String code = new String(outline.code);
        for (DrlOutline.Block block : outline.blocks) {
            if (!block.keyword().equals("rule")) {
                continue;
            }
            int to = block.when() >= 0 ? block.when() : block.next();
            Matcher metadata = ID_METADATA.matcher(code).region(block.start(), to);
            if (metadata.find()) {
                Matcher value = ID_VALUE.matcher(outline.text).region(metadata.end(), to);
                if (value.lookingAt()) {
                    byId.putIfAbsent(value.group(1), block);
                }
            }
        }
        return byId;
    }

    private static Located located(String file, DrlOutline.Block block) {
        return new Located(file, block.start(), block.end() >= 0 ? block.end() + "end".length() : block.next());
    }

    private static String tableName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
    }
}
