package io.migkb.engine;

import io.migkb.model.Finding;
import io.migkb.model.Severity;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Called from rule consequences: {@code insert(RuleSupport.finding(kcontext, subject, concerns, message, remedy))}.
 * The rule id, severity and article reference come from the firing rule's own metadata, so a DRL file states
 * them once, beside the rule.
 */
public final class RuleSupport {
    private RuleSupport() {
    }

    public static Finding finding(RuleContext kcontext, String subject, String concerns, String message, String remedy) {
        Map<String, Object> meta = kcontext.getRule().getMetaData();
        String id = text(meta.get("id"), kcontext.getRule().getName());
        Severity severity = Severity.parse(text(meta.get("severity"), null)).orElse(Severity.WARNING);
        String reference = text(meta.get("reference"), "");
        return new Finding(id, severity, subject, message, remedy, reference, concerns);
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
