package io.migkb.report;

import io.migkb.model.Severity;
import java.util.Objects;

/**
 * What a report says about a rule, whether or not it fired: the metadata every DRL rule carries and, when known,
 * a line of help for whoever reads the report (SARIF shows it beside each result).
 *
 * @param id        the rule's stable id
 * @param severity  its severity, or null when its metadata gives none
 * @param reference the article section it encodes, or null
 * @param help      a line of help (what the rule checks and what to do), or null
 */
public record RuleDescription(String id, Severity severity, String reference, String help) {
    public RuleDescription {
        Objects.requireNonNull(id, "id");
    }

    public RuleDescription(String id, Severity severity, String reference) {
        this(id, severity, reference, null);
    }
}
