package io.migkb.engine;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Java compiler's complaints about the DRL generated from a decision table, said in a consultant's words. Drools
 * runs a rule's errors together after "Rule Compilation error"; each is put plainly, and said once.
 */
final class CompilerMessages {
    private static final String BREAK = "\u0000";
    private static final Pattern PREFIX = Pattern.compile("^\\s*Rule Compilation error\\s*:?\\s*");
    private static final List<Rewrite> REWRITES = List.of(
            new Rewrite("The method (\\w+)\\(([^)]*)\\) is undefined for the type ([\\w.]+)", "$3 has no method $1($2)"),
            new Rewrite("([\\w.]+) cannot be resolved to a type", "$1 is not a known type"),
            new Rewrite("([\\w.]+) cannot be resolved(?: or is not a field| to a variable)?", "$1 is not a known name"),
            new Rewrite("Syntax error on tokens?,? \"?([^\"]*?)\"?, (?:delete this token|[^A-Z]*)", "a syntax error at \"$1\""),
            new Rewrite("Syntax error, insert \"([^\"]*)\" to complete \\w+", "a syntax error: \"$1\" is missing"));

    private CompilerMessages() {
    }

    /** {@code "Rule Compilation error X cannot be resolved or is not a field"} → {@code "X is not a known name"}. */
    static String plain(String message) {
        String text = PREFIX.matcher(message).replaceFirst("");
        for (Rewrite rewrite : REWRITES) {
            text = rewrite.pattern.matcher(text).replaceAll(BREAK + rewrite.replacement + BREAK);
        }
        Set<String> parts = Arrays.stream(text.split(BREAK))
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return parts.isEmpty() ? message.trim() : String.join("; ", parts);
    }

    private record Rewrite(Pattern pattern, String replacement) {
        Rewrite(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }
    }
}
