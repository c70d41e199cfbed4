package io.migkb.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Finds, in the conditions of a parsed DRL file, the names that the fact model does not have: a pattern's unknown
 * type, a field its type lacks ({@code User( clinet == ... )}, {@code $p.meetingid}), an enum constant that does not
 * exist ({@code Client.LYNC_2011}). Each is located at the offending word. The rule checker pairs these with the
 * errors Drools reports, which often carry no line at all.
 */
final class FactReferences {
    enum Kind { TYPE, FIELD, CONSTANT, BINDING }

    /** A name the fact model lacks, at an offset of the file. */
    record Unknown(Kind kind, String owner, String name, int offset, String rule, String message) {
    }

    private static final Set<String> KEYWORDS = Set.of("this", "null", "true", "false", "new", "instanceof", "in",
            "not", "contains", "excludes", "memberOf", "matches", "soundslike", "str", "after", "before", "coincides",
            "during", "finishes", "finishedby", "includes", "meets", "metby", "overlaps", "overlappedby", "starts",
            "startedby", "isA");

    private final DrlOutline outline;
    private final Set<String> declaredTypes = new HashSet<>();
    /** Globals ({@code clientSupport}) are no fields of the pattern's type: a constraint may call them. */
    private final Set<String> globals = new HashSet<>();
    private final Map<String, Map<String, Class<?>>> bindingsByRule = new HashMap<>();
    private final List<Unknown> unknowns = new ArrayList<>();

    private FactReferences(DrlOutline outline) {
        this.outline = outline;
    }

    /** The unknown names of a DRL file; empty when it does not parse (the parser's own errors say why). */
    static List<Unknown> find(DrlOutline outline) {
        PackageDescr pkg = parse(outline).orElse(null);
        if (pkg == null) {
            return List.of();
        }
        FactReferences refs = new FactReferences(outline);
        pkg.getTypeDeclarations().forEach(t -> refs.declaredTypes.add(t.getTypeName()));
        pkg.getEnumDeclarations().forEach(t -> refs.declaredTypes.add(t.getTypeName()));
        pkg.getGlobals().forEach(g -> refs.globals.add(g.getIdentifier()));
        for (RuleDescr rule : pkg.getRules()) {
            Map<String, Class<?>> bindings = new HashMap<>();
            if (rule.getParentName() != null) {
                bindings.putAll(refs.bindingsByRule.getOrDefault(rule.getParentName(), Map.of()));
            }
            refs.walk(rule.getLhs(), rule.getName(), bindings);
            refs.bindingsByRule.put(rule.getName(), bindings);
        }
        return refs.unknowns;
    }

    /** The file's parsed package; empty when it does not parse (the parser's own errors say why). */
    static Optional<PackageDescr> parse(DrlOutline outline) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr pkg = parser.parse(false, outline.text);
            return pkg == null || parser.hasErrors() ? Optional.empty() : Optional.of(pkg);
        } catch (DroolsParserException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void walk(BaseDescr descr, String rule, Map<String, Class<?>> bindings) {
        if (descr == null || descr instanceof EvalDescr) {
            return;
        }
        if (descr instanceof PatternDescr pattern) {
            pattern(pattern, rule, bindings);
        } else if (descr instanceof AccumulateDescr acc) {
            walk(acc.getInput(), rule, bindings);
        } else if (descr instanceof CollectDescr collect) {
            walk(collect.getInputPattern(), rule, bindings);
        } else if (descr instanceof ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) {
                walk(child, rule, bindings);
            }
        }
    }

    private void pattern(PatternDescr pattern, String rule, Map<String, Class<?>> bindings) {
        // The source first (accumulate, collect): its patterns come before this one in the text.
        if (pattern.getSource() != null) {
            walk(pattern.getSource(), rule, bindings);
        }
        String typeName = pattern.getObjectType();
        Optional<Class<?>> type = typeName == null ? Optional.empty() : FactModel.factType(simpleName(typeName));
        if (typeName != null && type.isEmpty() && !isKnownNonFactType(typeName)) {
            int at = outline.findWord(typeName, pattern.getStartCharacter(), outline.text.length());
            unknowns.add(new Unknown(Kind.TYPE, null, typeName, at >= 0 ? at : pattern.getStartCharacter(), rule,
                    "unknown fact type '" + typeName + "'; fact types: " + FactModel.typeNames()));
        }
        if (pattern.getIdentifier() != null && type.isPresent()) {
            bindings.put(pattern.getIdentifier(), type.get());
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expr) {
                expression(expr, type.orElse(null), rule, bindings);
            }
        }
    }

    private boolean isKnownNonFactType(String typeName) {
        if (declaredTypes.contains(typeName) || declaredTypes.contains(simpleName(typeName))) {
            return true;
        }
        for (String candidate : List.of(typeName, "java.lang." + typeName, "java.util." + typeName)) {
            try {
                Class.forName(candidate, false, FactReferences.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next
            }
        }
        try {
            Class.forName("io.migkb.model." + typeName, false, FactReferences.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private void expression(ExprConstraintDescr expr, Class<?> type, String rule, Map<String, Class<?>> bindings) {
        List<String> tokens = tokens(expr.getExpression());
        int searchFrom = Math.max(0, expr.getStartCharacter());
        for (int i = 0; i < tokens.size(); i++) {
            String tok = tokens.get(i);
            if (!isIdentifier(tok) || KEYWORDS.contains(tok)) {
                continue;
            }
            String prev = i > 0 ? tokens.get(i - 1) : "";
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            if (prev.equals(".") || prev.equals("#") || prev.equals("!.")) {
                continue; // a member of something checked from its root, or an inline cast
            }
            if (next.equals(":")) {
                continue; // a binding name: $x : field
            }
            if (globals.contains(tok)) {
                continue;
            }
            boolean call = next.equals("(");
            String member = (next.equals(".") || next.equals("!.")) && i + 2 < tokens.size() && isIdentifier(tokens.get(i + 2))
                    ? tokens.get(i + 2) : null;
            boolean memberCall = member != null && i + 3 < tokens.size() && tokens.get(i + 3).equals("(");
            if (tok.startsWith("$")) {
                Class<?> bound = bindings.get(tok);
                if (bound != null && member != null && !knows(bound, member, memberCall)) {
                    report(Kind.FIELD, bound, member, tok + "." + member, searchFrom, rule, fieldMessage(bound, member, memberCall));
                }
            } else if (Character.isUpperCase(tok.charAt(0))) {
                Class<?> enumType = modelEnum(tok);
                if (enumType != null && member != null && !memberCall
                        && !FactModel.constants(enumType).contains(member)) {
                    report(Kind.CONSTANT, enumType, member, tok + "." + member, searchFrom, rule,
                            enumType.getSimpleName() + " has no constant '" + member + "'; constants: "
                                    + String.join(", ", FactModel.constants(enumType)));
                }
            } else if (type != null && !knows(type, tok, call)) {
                report(Kind.FIELD, type, tok, tok, searchFrom, rule, fieldMessage(type, tok, call));
            }
        }
    }

    private void report(Kind kind, Class<?> owner, String name, String word, int from, String rule, String message) {
        int at = outline.findWord(word.startsWith("$") ? word.substring(0, word.indexOf('.')) : word, from, outline.text.length());
        if (at >= 0 && word.contains(".")) {
            at = outline.findWord(name, at, outline.text.length());
        }
        unknowns.add(new Unknown(kind, owner.getSimpleName(), name, at >= 0 ? at : from, rule, message));
    }

    static String fieldMessage(Class<?> type, String name, boolean call) {
        return type.getSimpleName() + " has no " + (call ? "method '" + name + "()'" : "field '" + name + "'")
                + "; fields: " + FactModel.propertyList(type);
    }

    private static boolean knows(Class<?> type, String name, boolean call) {
        return call ? FactModel.methodNames(type).contains(name) : FactModel.properties(type).containsKey(name);
    }

    private static Class<?> modelEnum(String simpleName) {
        try {
            Class<?> c = Class.forName("io.migkb.model." + simpleName, false, FactReferences.class.getClassLoader());
            return c.isEnum() ? c : null;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String simpleName(String typeName) {
        int dot = typeName.lastIndexOf('.');
        return dot < 0 ? typeName : typeName.substring(dot + 1);
    }

    private static boolean isIdentifier(String tok) {
        return !tok.isEmpty() && (Character.isJavaIdentifierStart(tok.charAt(0)));
    }

    /** Identifiers, "!." and single punctuation; string and character literals and numbers dropped. */
    static List<String> tokens(String expression) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && expression.charAt(j) != c) {
                    j += expression.charAt(j) == '\\' ? 2 : 1;
                }
                tokens.add("\"\"");
                i = j + 1;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(expression.charAt(j))) {
                    j++;
                }
                tokens.add(expression.substring(i, j));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(expression.charAt(j)) || expression.charAt(j) == '.')) {
                    j++;
                }
                tokens.add("0");
                i = j;
            } else if (c == '!' && i + 1 < n && expression.charAt(i + 1) == '.') {
                tokens.add("!.");
                i += 2;
            } else if (c == ':' && i + 1 < n && expression.charAt(i + 1) == ':') {
                tokens.add("::");
                i += 2;
            } else if (c == '[') {
                // str[startsWith] and friends, or an index: nothing to check inside
                int depth = 0;
                int j = i;
                do {
                    if (expression.charAt(j) == '[') {
                        depth++;
                    } else if (expression.charAt(j) == ']') {
                        depth--;
                    }
                    j++;
                } while (j < n && depth > 0);
                tokens.add("[]");
                i = j;
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }
}
