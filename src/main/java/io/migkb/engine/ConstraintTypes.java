package io.migkb.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Type errors in constraints that compare a fact's field with a literal of another type: {@code scheme == "HTTPS"}
 * (a {@code UrlScheme} against text), {@code participants.size() > "three"} (a number against text),
 * {@code video == "yes"}. Drools compiles these, then matches nothing or throws at run time depending on what else
 * the JVM compiled before (so a compiled-rules cache hit and a miss disagreed); here they are compile errors,
 * located at the literal.
 */
final class ConstraintTypes {
    /** A path of fields and no-argument calls compared with a text or number literal, and nothing else. */
    private static final Pattern COMPARISON = Pattern.compile(
            "^\\s*((?:[A-Za-z_]\\w*(?:\\(\\s*\\))?)(?:\\s*\\.\\s*[A-Za-z_]\\w*(?:\\(\\s*\\))?)*)\\s*"
                    + "(==|!=|>=|<=|>|<)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|-?\\d+(?:\\.\\d+)?[lLdDfF]?)\\s*$");
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_]\\w*)(\\(\\s*\\))?");

    private ConstraintTypes() {
    }

    /** The type errors of a DRL file; none when it does not parse (the parser's own errors say why). */
    static List<RuleProblem> check(String file, DrlOutline outline) {
        PackageDescr pkg = FactReferences.parse(outline).orElse(null);
        if (pkg == null) {
            return List.of();
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleDescr rule : pkg.getRules()) {
            walk(rule.getLhs(), file, outline, rule.getName(), problems);
        }
        return problems;
    }

    private static void walk(BaseDescr descr, String file, DrlOutline outline, String rule, List<RuleProblem> into) {
        if (descr instanceof PatternDescr pattern) {
            if (pattern.getSource() != null) {
                walk(pattern.getSource(), file, outline, rule, into);
            }
            Optional<Class<?>> type = pattern.getObjectType() == null ? Optional.empty()
                    : FactModel.factType(simpleName(pattern.getObjectType()));
            if (type.isPresent()) {
                for (BaseDescr c : pattern.getDescrs()) {
                    if (c instanceof ExprConstraintDescr expr) {
                        expression(expr, type.get(), file, outline, rule, into);
                    }
                }
            }
        } else if (descr instanceof AccumulateDescr acc) {
            walk(acc.getInput(), file, outline, rule, into);
        } else if (descr instanceof CollectDescr collect) {
            walk(collect.getInputPattern(), file, outline, rule, into);
        } else if (descr instanceof ConditionalElementDescr ce && !(descr instanceof FromDescr)) {
            for (BaseDescr child : ce.getDescrs()) {
                walk(child, file, outline, rule, into);
            }
        }
    }

    private static void expression(ExprConstraintDescr expr, Class<?> type, String file, DrlOutline outline,
                                   String rule, List<RuleProblem> into) {
        for (String part : expr.getExpression().split("&&|\\|\\|")) {
            Matcher m = COMPARISON.matcher(stripParentheses(part));
            if (!m.matches()) {
                continue;
            }
            Class<?> left = resolve(type, m.group(1));
            String literal = m.group(3);
            boolean text = literal.startsWith("\"") || literal.startsWith("'");
            String problem = mismatch(left, m.group(1), text, literal);
            if (problem != null) {
                int at = find(outline, literal, Math.max(0, expr.getStartCharacter()));
                into.add(new RuleProblem(RuleProblem.Level.ERROR, file, at < 0 ? 0 : outline.lineOf(at),
                        at < 0 ? 0 : outline.columnOf(at), "rule \"" + rule + "\": " + problem));
            }
        }
    }

    private static String mismatch(Class<?> left, String path, boolean text, String literal) {
        if (left == null) {
            return null;
        }
        Class<?> boxed = box(left);
        if (text && left.isEnum()) {
            List<String> constants = FactModel.constants(left);
            String unquoted = literal.substring(1, literal.length() - 1);
            String example = constants.stream().filter(c -> c.equalsIgnoreCase(unquoted)).findFirst()
                    .orElse(constants.get(0));
            return path + " is a " + left.getSimpleName() + ", not text: compare it with a constant, e.g. "
                    + left.getSimpleName() + "." + example + "; constants: " + String.join(", ", constants);
        }
        if (text && Number.class.isAssignableFrom(boxed)) {
            return path + " is a number (" + left.getSimpleName() + "), not text: compare it with a number, not "
                    + literal;
        }
        if (text && boxed == Boolean.class) {
            return path + " is true or false, not text: compare it with true or false, not " + literal;
        }
        if (!text && (left == String.class || left.isEnum() || boxed == Boolean.class)) {
            return path + " is " + (left == String.class ? "text" : left.isEnum() ? "a " + left.getSimpleName()
                    : "true or false") + ", not a number: " + literal + " never matches it";
        }
        return null;
    }

    /** The type of a path of properties and no-argument methods from {@code type}; null when unknown. */
    private static Class<?> resolve(Class<?> type, String path) {
        Class<?> current = type;
        for (String raw : path.split("\\.")) {
            Matcher s = SEGMENT.matcher(raw.trim());
            if (!s.matches() || current == null) {
                return null;
            }
            String name = s.group(1);
            Method getter;
            if (s.group(2) != null) {
                getter = noArgumentMethod(current, name);
            } else {
                FactModel.Property p = FactModel.properties(current).get(name);
                getter = p == null ? null : p.getter();
            }
            if (getter == null) {
                return null; // an unknown name is reported by the compile itself
            }
            current = getter.getReturnType();
        }
        return current;
    }

    private static Method noArgumentMethod(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())) {
                return m;
            }
        }
        return null;
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        if (c == boolean.class) {
            return Boolean.class;
        }
        if (c == char.class) {
            return Character.class;
        }
        return Number.class; // int, long, double, ...: all numbers here
    }

    private static String stripParentheses(String part) {
        String s = part.trim();
        while (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** The literal's offset in the file, at or after the constraint's start. */
    private static int find(DrlOutline outline, String literal, int from) {
        return outline.text.indexOf(literal, from);
    }

    private static String simpleName(String typeName) {
        int dot = typeName.lastIndexOf('.');
        return dot < 0 ? typeName : typeName.substring(dot + 1);
    }
}
