package io.migkb.engine;

import io.migkb.model.Finding;
import io.migkb.model.Severity;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Called from rule consequences: {@code insert(RuleSupport.finding(kcontext, subject, concerns, message, remedy))}.
 * The rule id, severity and article reference come from the firing rule's own metadata, so a DRL file states
 * them once, beside the rule.
 */
public final class RuleSupport {
    /**
     * The last rule's metadata, read once: a rule fires its matches one after the other, so at a million users this
     * spares millions of map reads, quote strippings and severity parses. Per thread, as sessions fire on their
     * caller's thread; keyed by the rule object itself, so rebuilt rules with the same name are read afresh.
     */
    private static final ThreadLocal<Metadata> LAST = new ThreadLocal<>();

    private RuleSupport() {
    }

    public static Finding finding(RuleContext kcontext, String subject, String concerns, String message, String remedy) {
        Rule rule = kcontext.getRule();
        Metadata meta = LAST.get();
        if (meta == null || meta.rule != rule) {
            meta = new Metadata(rule);
            LAST.set(meta);
        }
        return new Finding(meta.id, meta.severity, subject, message, remedy, meta.reference, concerns);
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
