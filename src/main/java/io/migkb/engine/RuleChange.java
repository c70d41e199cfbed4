package io.migkb.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a rules folder given after the first did to the rules before it: added a rule of a new id, replaced the rule
 * of an id (or a decision table of a name), or disabled the rule of an id. {@code file} and {@code line} locate the
 * new rule or table, or the line of {@value RuleFiles#DISABLE_LIST} that disables.
 */
public record RuleChange(Kind kind, String id, String file, int line) {
    public enum Kind {
        ADDS, REPLACES, DISABLES;

        /** The verb as reports print it: "adds", "replaces", "disables". */
        public String verb() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code replaces FED-LOCKED-OC2007 (acme-rules/acme.drl:12)}. */
    public String describe() {
        return kind.verb() + " " + id + " (" + file + (line > 0 ? ":" + line : "") + ")";
    }

    /** {@code adds ACME-1, ACME-2; replaces FED-LOCKED-OC2007; disables URL-LEGACY-MEET}, or "" for none. */
    static String summary(List<RuleChange> changes) {
        StringBuilder s = new StringBuilder();
        for (Kind kind : Kind.values()) {
            String ids = changes.stream().filter(c -> c.kind() == kind).map(RuleChange::id)
                    .collect(Collectors.joining(", "));
            if (!ids.isEmpty()) {
                s.append(s.length() == 0 ? "" : "; ").append(kind.verb()).append(' ').append(ids);
            }
        }
        return s.toString();
    }
}
