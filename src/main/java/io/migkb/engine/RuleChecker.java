package io.migkb.engine;

import io.migkb.engine.FactReferences.Kind;
import io.migkb.engine.FactReferences.Unknown;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a rules folder the way {@code migkb check} reports it, and turns Drools' build errors into ones a rule
 * author can act on: each at the file, line and column to fix (Drools often gives column 0, and line 0 for an
 * unknown field), an unknown field or type named with the ones that do exist, and the cascades of one slip (the
 * parser's "null Package", a missing {@code end} reported rules later) folded into the slip itself.
 */
public final class RuleChecker {
    private static final Pattern PARSER_ERROR = Pattern.compile("^\\[ERR \\d+\\] Line (\\d+):(\\d+) (.*)$", Pattern.DOTALL);
    private static final Pattern STRICT_MODE = Pattern.compile(
            "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\$?\\w+)\\(\\)");
    private static final Pattern OBJECT_TYPE = Pattern.compile("Unable to resolve ObjectType '([\\w.$]+)'");
    private static final Pattern FIELD_READER = Pattern.compile(
            "Field Reader does not exist for declaration '[^']*' in '([^']*)'");
    /** Drools' word for a constraint that calls a method (a global's) with an argument it cannot resolve. */
    private static final Pattern UNABLE_TO_ANALYZE = Pattern.compile("Unable to analyze expression '(.*)'", Pattern.DOTALL);
    private static final Pattern DUPLICATE_RULE = Pattern.compile("^Duplicate rule name: (.+)$");
    private static final Pattern CANNOT_BE_RESOLVED = Pattern.compile("(\\$?\\w+) cannot be resolved");
    private static final Pattern UNDEFINED_METHOD = Pattern.compile("The method (\\w+)\\(([^)]*)\\) is undefined for the type (\\w+)");
    private static final Pattern NOT_APPLICABLE = Pattern.compile(
            "The method (\\w+)\\(([^)]*)\\) in the type (\\w+) is not applicable for the arguments \\(([^)]*)\\)");
    /** The Java compiler's word for a statement that lacks its semicolon. */
    private static final String MISSING_SEMICOLON = "insert \";\" to complete";
    private static final Pattern NEAR = Pattern.compile("\\[Near : \\{\\.\\.\\. (.*?) \\.\\.\\.\\.\\}\\]");
    private static final Pattern QUOTED = Pattern.compile("'([^'\\s]{1,80})'");
    private static final String NULL_PACKAGE = "Parser returned a null Package";

    /** What {@code migkb check} prints: every error, or every warning and what was built. */
    public record Report(String origin, int fileCount, List<RuleInfo> rules, List<RuleProblem> errors,
                         List<RuleProblem> warnings, CompiledRules compiled) {
        public Report {
            rules = List.copyOf(rules);
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private RuleChecker() {
    }

    /** Compiles the rule files and reports every error (then nothing else) or the warnings. */
    public static Report check(RuleFiles files) {
        try {
            CompiledRules compiled = RuleCompiler.compile(files);
            return new Report(files.origin(), compiled.fileCount(), compiled.rules(), List.of(), compiled.warnings(),
                    compiled);
        } catch (RuleBuildException e) {
            return new Report(files.origin(), files.files().size(), List.of(), e.problems(), List.of(), null);
        }
    }

    /**
     * Drools' raw errors, made precise: located, explained, cascades dropped, in file order then line and column.
     * Decision tables and anything this cannot improve pass through unchanged.
     */
    static List<RuleProblem> refine(List<RuleProblem> raw, RuleFiles files) {
        return refine(raw, List.of(), files);
    }

    /** As {@link #refine(List, RuleFiles)}, with errors found beside Drools' that are located already. */
    static List<RuleProblem> refine(List<RuleProblem> raw, List<RuleProblem> located, RuleFiles files) {
        Map<String, List<RuleProblem>> byFile = new LinkedHashMap<>();
        raw.forEach(p -> byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p));
        Map<String, DrlOutline> outlines = new HashMap<>();
        files.files().forEach((path, content) -> {
            if (RuleFiles.isDrl(path)) {
                outlines.put(path, new DrlOutline(new String(content, StandardCharsets.UTF_8)));
            }
        });
        boolean anyDuplicateName = raw.stream().anyMatch(p -> DUPLICATE_RULE.matcher(p.message()).matches());
        List<RuleProblem> result = new ArrayList<>();
        byFile.forEach((file, problems) -> {
            DrlOutline outline = outlines.get(file);
            if (outline == null) {
                result.addAll(problems);
            } else {
                result.addAll(new FileRefiner(file, outline, problems, outlines, files, anyDuplicateName).refine());
            }
        });
        result.addAll(located);
        Map<String, Integer> order = new HashMap<>();
        files.files().keySet().forEach(f -> order.put(f, order.size()));
        result.sort(Comparator.<RuleProblem>comparingInt(p -> order.getOrDefault(p.file(), Integer.MAX_VALUE))
                .thenComparing(RuleProblem::file)
                .thenComparingInt(RuleProblem::line)
                .thenComparingInt(RuleProblem::column));
        return List.copyOf(new LinkedHashSet<>(result));
    }

    /** Warnings located at a real column: the first word of their line. */
    static List<RuleProblem> refineWarnings(List<RuleProblem> warnings, RuleFiles files) {
        List<RuleProblem> result = new ArrayList<>();
        Map<String, DrlOutline> outlines = new HashMap<>();
        for (RuleProblem w : warnings) {
            byte[] content = files.files().get(w.file());
            if (w.column() == 0 && w.line() > 0 && content != null && RuleFiles.isDrl(w.file())) {
                DrlOutline outline = outlines.computeIfAbsent(w.file(), f -> new DrlOutline(new String(content, StandardCharsets.UTF_8)));
                result.add(new RuleProblem(w.level(), w.file(), w.line(), outline.firstColumn(w.line()), w.message()));
            } else {
                result.add(w);
            }
        }
        return result;
    }

    /** The errors of one DRL file. */
    private static final class FileRefiner {
        private final String file;
        private final DrlOutline outline;
        private final List<RuleProblem> problems;
        private final Map<String, DrlOutline> allOutlines;
        private final RuleFiles files;
        private final boolean anyDuplicateName;
        private List<Unknown> unknowns;
        private final Set<Unknown> used = new HashSet<>();

        FileRefiner(String file, DrlOutline outline, List<RuleProblem> problems, Map<String, DrlOutline> allOutlines,
                    RuleFiles files, boolean anyDuplicateName) {
            this.file = file;
            this.outline = outline;
            this.problems = problems;
            this.allOutlines = allOutlines;
            this.files = files;
            this.anyDuplicateName = anyDuplicateName;
        }

        List<RuleProblem> refine() {
            List<RuleProblem> parserErrors = new ArrayList<>();
            List<RuleProblem> others = new ArrayList<>();
            boolean nullPackage = false;
            for (RuleProblem p : problems) {
                Matcher m = PARSER_ERROR.matcher(p.message());
                if (m.matches()) {
                    int line = Integer.parseInt(m.group(1));
                    parserErrors.add(at(line, Integer.parseInt(m.group(2)) + 1, m.group(3).trim()));
                } else if (p.message().equals(NULL_PACKAGE)) {
                    nullPackage = true;
                } else {
                    others.add(p);
                }
            }
            List<RuleProblem> result = new ArrayList<>(explainParserErrors(parserErrors));
            for (RuleProblem p : others) {
                refineOther(p).ifPresent(result::add);
            }
            if (nullPackage && result.isEmpty()) {
                result.add(at(1, 1, "the file does not parse as DRL"));
            }
            return result;
        }

        /** Lexical slips (missing end, unclosed string or parenthesis) replace the parser errors they cause. */
        private List<RuleProblem> explainParserErrors(List<RuleProblem> parserErrors) {
            if (parserErrors.isEmpty()) {
                return List.of();
            }
            int lastErrorLine = parserErrors.stream().mapToInt(RuleProblem::line).max().orElse(0);
            List<DrlOutline.Slip> slips = outline.slips.stream()
                    .filter(s -> outline.lineOf(s.offset()) <= lastErrorLine)
                    .toList();
            List<RuleProblem> result = new ArrayList<>();
            for (DrlOutline.Slip s : slips) {
                result.add(at(s.offset(), s.message()));
            }
            for (RuleProblem e : parserErrors) {
                int offset = outline.offsetOf(e.line(), e.column());
                boolean explained = slips.stream().anyMatch(s -> s.offset() <= offset
                        && (s.spoilsRestOfFile() || s.block() == null || offset < s.block().next()));
                if (!explained) {
                    result.add(e);
                }
            }
            return result;
        }

        private Optional<RuleProblem> refineOther(RuleProblem p) {
            String msg = p.message();
            Matcher m = STRICT_MODE.matcher(msg);
            if (m.find()) {
                return unknownName(p, simpleName(m.group(1)), m.group(2));
            }
            m = OBJECT_TYPE.matcher(msg);
            if (m.find()) {
                String type = m.group(1);
                Optional<Unknown> u = take(x -> x.kind() == Kind.TYPE && x.name().equals(type));
                if (u.isPresent()) {
                    return Optional.of(at(u.get().offset(), u.get().message()));
                }
                return Optional.of(locate(p, type, "unknown fact type '" + type + "'; fact types: " + FactModel.typeNames()));
            }
            m = FIELD_READER.matcher(msg);
            if (m.find()) {
                String expression = m.group(1);
                Optional<Unknown> u = take(x -> x.kind() != Kind.TYPE
                        && Pattern.compile("\\b" + Pattern.quote(x.name()) + "\\b").matcher(expression).find());
                if (u.isPresent()) {
                    return Optional.of(at(u.get().offset(), u.get().message()));
                }
                return Optional.of(locate(p, expression, msg));
            }
            m = UNABLE_TO_ANALYZE.matcher(msg);
            if (m.find()) {
                String expression = m.group(1);
                java.util.function.Predicate<Unknown> named = x -> x.kind() != Kind.TYPE
                        && Pattern.compile("\\b" + Pattern.quote(x.name()) + "\\b").matcher(expression).find();
                Optional<Unknown> u = take(named);
                if (u.isPresent()) {
                    return Optional.of(at(u.get().offset(), u.get().message()));
                }
                if (unknowns().stream().anyMatch(named)) {
                    return Optional.empty(); // the unknown name is reported with the other message Drools gave
                }
                return Optional.of(locate(p, expression, msg));
            }
            m = DUPLICATE_RULE.matcher(msg);
            if (m.matches()) {
                return Optional.of(duplicateName(p, m.group(1).trim()));
            }
            if (msg.startsWith("Rule Compilation error")) {
                return ruleCompilationError(p);
            }
            return Optional.of(locate(p, null, msg));
        }

        /** Drools' "unable to resolve method using strict-mode: io.migkb.model.User.clinet()". */
        private Optional<RuleProblem> unknownName(RuleProblem p, String owner, String name) {
            if (name.startsWith("$")) {
                if (!unknowns().isEmpty()) {
                    return Optional.empty(); // a binding left undefined by an unknown field already reported
                }
                return Optional.of(locate(p, name, "'" + name + "' is not bound: bind it in an earlier pattern, as in "
                        + name + " : Type( ... )"));
            }
            Optional<Unknown> u = take(x -> x.kind() != Kind.TYPE && owner.equals(x.owner()) && name.equals(x.name()));
            if (u.isPresent()) {
                return Optional.of(at(u.get().offset(), u.get().message()));
            }
            if (unknowns().stream().anyMatch(x -> owner.equals(x.owner()) && name.equals(x.name()))) {
                return Optional.empty(); // Drools said it twice
            }
            Optional<Class<?>> fact = FactModel.factType(owner);
            String message;
            if (fact.isPresent()) {
                message = FactReferences.fieldMessage(fact.get(), name, false);
            } else {
                Optional<Class<?>> enumType = FactModel.enumTypes().keySet().stream()
                        .filter(e -> e.getSimpleName().equals(owner)).findFirst();
                message = enumType.map(e -> owner + " has no constant '" + name + "'; constants: "
                        + String.join(", ", FactModel.constants(e))).orElse(p.message());
            }
            return Optional.of(locate(p, name, message));
        }

        private RuleProblem duplicateName(RuleProblem p, String name) {
            String where = null;
            for (String other : files.files().keySet()) {
                DrlOutline o = allOutlines.get(other);
                if (o == null) {
                    continue;
                }
                for (DrlOutline.Block b : o.blocks) {
                    int line = o.lineOf(b.start());
                    if (b.isRule() && b.name().equals(name) && !(other.equals(file) && line == p.line())) {
                        where = other + ":" + line;
                        break;
                    }
                }
                if (where != null) {
                    break;
                }
            }
            String message = "duplicate rule name \"" + name + "\"" + (where == null ? "" : "; first declared at " + where)
                    + " (every rule needs its own name)";
            return p.line() > 0 ? at(p.line(), outline.firstColumn(p.line()), message) : locate(p, name, message);
        }

        private Optional<RuleProblem> ruleCompilationError(RuleProblem p) {
            String detail = p.message().substring("Rule Compilation error".length()).trim();
            if (anyDuplicateName && detail.matches("The type Rule_\\S+ is already defined")) {
                return Optional.empty(); // the compiled class of a duplicate rule name
            }
            Optional<DrlOutline.Block> block = p.line() > 0 ? outline.blockAt(outline.offsetOf(p.line(), 1)) : Optional.empty();
            // "$u cannot be resolved", over and over, after the pattern binding $u named an unknown type
            Matcher unresolved = CANNOT_BE_RESOLVED.matcher(detail);
            Set<String> names = new LinkedHashSet<>();
            while (unresolved.find()) {
                names.add(unresolved.group(1));
            }
            String rest = CANNOT_BE_RESOLVED.matcher(detail).replaceAll("").trim();
            if (!names.isEmpty() && rest.isEmpty() && block.isPresent()
                    && unknowns().stream().anyMatch(u -> u.kind() == Kind.TYPE && u.rule().equals(block.get().name()))) {
                return Optional.empty();
            }
            String message = (block.isPresent() ? "rule \"" + block.get().name() + "\": " : "") + detail;
            String word = names.isEmpty() ? null : names.iterator().next();
            Matcher undefined = UNDEFINED_METHOD.matcher(detail);
            if (undefined.find()) {
                word = undefined.group(1);
                Optional<Class<?>> fact = FactModel.factType(undefined.group(3));
                if (fact.isPresent()) {
                    message += " (" + fact.get().getSimpleName() + "'s fields: " + FactModel.propertyList(fact.get()) + ")";
                }
            }
            Matcher notApplicable = NOT_APPLICABLE.matcher(detail);
            int extraArgument = -1;
            if (notApplicable.find()) {
                word = notApplicable.group(1);
                int takes = count(notApplicable.group(2));
                int given = count(notApplicable.group(4));
                message += " (" + notApplicable.group(3) + "." + word + " takes " + takes + " arguments, here " + given
                        + ")";
                if (given > takes) {
                    extraArgument = takes;
                }
            }
            if (detail.contains(MISSING_SEMICOLON) && block.isPresent()) {
                int at = missingSemicolon(block.get());
                if (at >= 0) {
                    return Optional.of(at(at, (block.isPresent() ? "rule \"" + block.get().name() + "\": " : "")
                            + "a ';' is missing here, at the end of the statement"));
                }
            }
            if (block.isPresent() && word != null) {
                DrlOutline.Block b = block.get();
                int from = b.then() >= 0 ? b.then() : b.start();
                int at = outline.findWord(word, from, b.next());
                if (at < 0) {
                    at = outline.findWord(word, b.start(), b.next());
                }
                if (at >= 0) {
                    // One argument too many: at that argument, where the slip is, rather than at the call.
                    int argument = extraArgument >= 0 ? argument(at + word.length(), extraArgument, b.next()) : -1;
                    return Optional.of(at(argument >= 0 ? argument : at, message));
                }
            }
            return Optional.of(locate(p, word, message));
        }

        /** The offset of the {@code index}th (0-based) argument of the call whose name ends at {@code from}. */
        private int argument(int from, int index, int to) {
            char[] code = outline.code;
            int i = from;
            while (i < to && Character.isWhitespace(code[i])) {
                i++;
            }
            if (i >= to || code[i] != '(') {
                return -1;
            }
            int depth = 0;
            int seen = 0;
            for (int j = i; j < to && j < code.length; j++) {
                char c = code[j];
                if (c == '(' || c == '{' || c == '[') {
                    depth++;
                } else if (c == ')' || c == '}' || c == ']') {
                    if (--depth == 0) {
                        return -1;
                    }
                } else if (c == ',' && depth == 1 && ++seen == index) {
                    int k = j + 1;
                    while (k < to && Character.isWhitespace(code[k])) {
                        k++;
                    }
                    return k;
                }
            }
            return -1;
        }

        private static int count(String types) {
            return types.isBlank() ? 0 : types.split(",").length;
        }

        /**
         * Where a consequence's statement ends without its ';': just after a ')' that closes a call at depth 0 and is
         * followed by neither an operator nor ';' (the next statement, or the rule's 'end'). -1 when not found.
         */
        private int missingSemicolon(DrlOutline.Block b) {
            if (b.then() < 0) {
                return -1;
            }
            int end = b.end() >= 0 ? b.end() : b.next();
            char[] code = outline.code;
            int depth = 0;
            for (int i = b.then() + "then".length(); i < end && i < code.length; i++) {
                char c = code[i];
                if (c == '(' || c == '{' || c == '[') {
                    depth++;
                } else if (c == ')' || c == '}' || c == ']') {
                    depth--;
                    if (depth == 0 && c == ')') {
                        int j = i + 1;
                        while (j < end && Character.isWhitespace(code[j])) {
                            j++;
                        }
                        if (j >= end || Character.isJavaIdentifierStart(code[j])) {
                            return i + 1;
                        }
                    }
                }
            }
            return -1;
        }

        private Optional<Unknown> take(java.util.function.Predicate<Unknown> matching) {
            Optional<Unknown> found = unknowns().stream().filter(u -> !used.contains(u)).filter(matching).findFirst();
            found.ifPresent(used::add);
            return found;
        }

        private List<Unknown> unknowns() {
            if (unknowns == null) {
                unknowns = FactReferences.find(outline);
            }
            return unknowns;
        }

        /**
         * The problem at its best position: Drools' line with the column of {@code word} on it (or of the text Drools
         * quotes), else the first use of {@code word} in the file, else the line's first word.
         */
        private RuleProblem locate(RuleProblem p, String word, String message) {
            List<String> candidates = new ArrayList<>();
            if (word != null) {
                candidates.add(word);
            }
            Matcher near = NEAR.matcher(p.message());
            if (near.find()) {
                candidates.add(near.group(1).trim());
            }
            Matcher quoted = QUOTED.matcher(p.message());
            while (quoted.find()) {
                candidates.add(quoted.group(1));
            }
            if (p.line() > 0) {
                int from = outline.offsetOf(p.line(), 1);
                int to = outline.lineEnd(p.line());
                for (String c : candidates) {
                    int at = outline.findWord(c, from, to);
                    if (at >= 0) {
                        return at(at, message);
                    }
                }
                return at(p.line(), p.column() > 0 ? p.column() : outline.firstColumn(p.line()), message);
            }
            for (String c : candidates) {
                int at = outline.findWord(c, 0, outline.text.length());
                if (at >= 0) {
                    return at(at, message);
                }
            }
            return new RuleProblem(RuleProblem.Level.ERROR, file, 0, 0, message);
        }

        private RuleProblem at(int offset, String message) {
            return at(outline.lineOf(offset), outline.columnOf(offset), message);
        }

        private RuleProblem at(int line, int column, String message) {
            return new RuleProblem(RuleProblem.Level.ERROR, file, line, column, message);
        }

        private static String simpleName(String className) {
            int dot = className.lastIndexOf('.');
            return dot < 0 ? className : className.substring(dot + 1);
        }
    }
}
