package io.migkb.api.rules;

import io.migkb.model.Finding;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a rule's consequence calls to make a finding: {@code Findings.report(kcontext, subject, concerns, message,
 * remedy)}, after {@code import io.migkb.api.rules.Findings;} in the DRL file. The finding's rule id, severity and
 * article section come from the firing rule's own {@code @id}, {@code @severity} and {@code @reference}, so a DRL
 * file states them once, beside the rule (docs/authoring.md).
 *
 * <p>Stable, versioned like {@code io.migkb.api}: rules written against it keep working from one version of migkb to
 * the next. {@code kcontext} is the consequence's own variable (a KIE {@code RuleContext}). The older
 * {@code io.migkb.engine.RuleSupport} does the same and is kept, deprecated, for rules written before this class;
 * the two have different names because Drools merges the imports of a package's files, and two imports of one
 * simple name would collide: a folder may mix files of either kind.
 */
@SuppressWarnings("deprecation") // the engine's class is deprecated for rule authors, and does the work
public final class Findings {
    private Findings() {
    }

    /**
     * Makes a finding of the firing rule and hands it to the assessment: as a fact when some rule matches findings
     * of its id, so that rules can read it, else directly.
     *
     * @param subject  what the finding is about: {@code user:<sip>}, {@code meeting:<id>}, {@code pool:<fqdn>},
     *                 {@code partner:<domain>}
     * @param concerns the user or meeting concerned, for waivers and reports (usually a SIP address)
     * @param message  what is wrong, in a sentence
     * @param remedy   what to do about it
     */
    public static void report(RuleContext kcontext, String subject, String concerns, String message, String remedy) {
        io.migkb.engine.RuleSupport.report(kcontext, subject, concerns, message, remedy);
    }

    /**
     * The finding {@link #report} would make, for a consequence that inserts it itself
     * ({@code insert(Findings.finding(...))}: always a fact).
     */
    public static Finding finding(RuleContext kcontext, String subject, String concerns, String message,
                                  String remedy) {
        return io.migkb.engine.RuleSupport.finding(kcontext, subject, concerns, message, remedy);
    }
}
