package io.migkb.engine;

import io.migkb.model.Finding;
import io.migkb.model.Severity;
import java.util.Map;
import org.drools.core.rule.consequence.KnowledgeHelper;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Rule authors: use {@code io.migkb.api.rules.Findings}, the stable class of the same methods, which calls these;
 * this one stays, its two methods deprecated, so that rules importing it (written before that class) still run.
 *
 * <p>Called from rule consequences: {@code RuleSupport.report(kcontext, subject, concerns, message, remedy)}, or, the
 * older form, {@code insert(RuleSupport.finding(kcontext, subject, concerns, message, remedy))}. The rule id,
 * severity and article reference come from the firing rule's own metadata, so a DRL file states them once, beside
 * the rule. {@code report} inserts the finding as a fact only when some rule matches findings of its id (the
 * catalogue's partner summary reads FED-LOCKED-OC2007's); the others go straight to the assessment, which spares
 * the session a fact handle, an identity-map entry and a propagation per finding (2.3 million at a million users).
 */
public final class RuleSupport {
    /**
     * The last rule's metadata, read once: a rule fires its matches one after the other, so at a million users this
     * spares millions of map reads, quote strippings and severity parses. Per thread, as sessions fire on their
     * caller's thread; keyed by the rule object itself, so rebuilt rules with the same name are read afresh.
     */
    private static final ThreadLocal<Metadata> LAST = new ThreadLocal<>();
    /** Where the session firing on this thread keeps findings no rule reads; set by the assessor around firing. */
    private static final ThreadLocal<FindingSink> SINK = new ThreadLocal<>();

    /** An assessment's findings, as {@link #report} hands them over. */
    interface FindingSink {
        /** True when some rule may match {@code finding}: it must be a fact. */
        boolean readByRules(Finding finding);

        void add(Finding finding);
    }

    private RuleSupport() {
    }

    /** @deprecated in rules, use {@code io.migkb.api.rules.Findings.finding}, which is stable */
    @Deprecated
    public static Finding finding(RuleContext kcontext, String subject, String concerns, String message, String remedy) {
        Rule rule = kcontext.getRule();
        Metadata meta = LAST.get();
        if (meta == null || meta.rule != rule) {
            meta = new Metadata(rule);
            LAST.set(meta);
        }
        return new Finding(meta.id, meta.severity, subject, message, remedy, meta.reference, concerns);
    }

    /**
     * Makes a finding of the firing rule and hands it over: inserted as a fact when some rule matches findings of its
     * id (or when no assessor is listening, as in a session of one's own), else given to the assessment directly.
     *
     * @deprecated in rules, use {@code io.migkb.api.rules.Findings.report}, which is stable
     */
    @Deprecated
    public static void report(RuleContext kcontext, String subject, String concerns, String message, String remedy) {
        Finding finding = finding(kcontext, subject, concerns, message, remedy);
        FindingSink sink = SINK.get();
        if (sink != null && !sink.readByRules(finding)) {
            sink.add(finding);
        } else if (kcontext instanceof KnowledgeHelper helper) {
            helper.insert(finding); // as the DRL's insert(...) does: the firing match is its cause
        } else {
            kcontext.getKieRuntime().insert(finding);
        }
    }

    /** Runs {@code firing} with {@code sink} receiving what {@link #report} hands over on this thread. */
    static <T> T reportingTo(FindingSink sink, java.util.function.Supplier<T> firing) {
        SINK.set(sink);
        try {
            return firing.get();
        } finally {
            SINK.remove();
        }
    }

    /** Forgets the cached rule, so a finished assessment's rules are not kept alive by the thread that ran them. */
    static void forget() {
        LAST.remove();
    }

    private static final class Metadata {
        final Rule rule;
        final String id;
        final Severity severity;
        final String reference;

        Metadata(Rule rule) {
            Map<String, Object> meta = rule.getMetaData();
            this.rule = rule;
            this.id = text(meta.get("id"), rule.getName());
            this.severity = Severity.parse(text(meta.get("severity"), null)).orElse(Severity.WARNING);
            this.reference = text(meta.get("reference"), "");
        }
    }

    private static String text(Object value, String fallback) {
        if (value == null) {
            return fallback;
        }
        String s = value.toString();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }
}
