package io.migkb.api;

import java.util.List;

/**
 * The rules an assessor is using.
 *
 * @param origin   the rules folder they were read from, or "bundled catalogue"; with customer folders laid over it,
 *                 every folder and what they changed: {@code rules + acme-rules (adds ACME-1; disables URL-LEGACY-MEET)}
 * @param ruleIds  the catalogue's rule ids (the ids findings carry), in file order
 * @param rules    the catalogue's rules with their severity, section, file and line, in file order
 * @param warnings problems that do not stop the rules from running, such as a rule without {@code @id}
 */
public record LoadedRules(String origin, List<String> ruleIds, List<CatalogueRule> rules, List<Problem> warnings) {
    public LoadedRules {
        ruleIds = List.copyOf(ruleIds);
        rules = List.copyOf(rules);
        warnings = List.copyOf(warnings);
    }
}
