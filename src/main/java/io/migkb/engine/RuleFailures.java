package io.migkb.engine;

import io.migkb.model.FederatedPartner;
import io.migkb.model.FederatedUser;
import io.migkb.model.Meeting;
import io.migkb.model.Participation;
import io.migkb.model.Pool;
import io.migkb.model.User;
import java.lang.reflect.InvocationTargetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Turns what Drools throws when a rule's condition or consequence throws into a {@link RuleRuntimeException}
 * naming the rule where it is declared and the fact it was matching.
 */
final class RuleFailures {
    /** Drools' text for a constraint that threw: {@code Error evaluating constraint 'x' in [Rule "R" in f.drl]}. */
    private static final Pattern CONSTRAINT = Pattern.compile(
            "Error evaluating constraint '(.*)' in \\[Rule \"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.DOTALL);

    private RuleFailures() {
    }

    /** The rule's failure, or {@code e} itself when it is not one. */
    static RuntimeException translate(RuntimeException e, CompiledRules rules) {
        if (e instanceof ConsequenceException c && c.getMatch() != null) {
            String rule = c.getMatch().getRule().getName();
            String subject = null;
            for (Object fact : c.getMatch().getObjects()) {
                subject = subjectOf(fact);
                if (subject != null) {
                    break;
                }
            }
            return failure(rules, rule, subject, null, rootOf(c));
        }
        if (e.getClass().getName().equals("org.drools.mvel.ConstraintEvaluationException") && e.getMessage() != null) {
            Matcher m = CONSTRAINT.matcher(e.getMessage());
            if (m.find()) {
                return failure(rules, m.group(2), null, m.group(1).trim(), rootOf(e));
            }
        }
        return e;
    }

    private static RuleRuntimeException failure(CompiledRules rules, String rule, String subject, String condition,
                                                Throwable cause) {
        RuleInfo info = rules.rules().stream().filter(r -> r.name().equals(rule)).findFirst()
                .or(() -> rules.supportingRules().stream().filter(r -> r.name().equals(rule)).findFirst())
                .orElse(null);
        return new RuleRuntimeException(info == null ? null : info.file(), info == null ? 0 : info.line(), rule,
                subject, null, condition, cause);
    }

    /** What a finding about this fact would name: {@code meeting:m-004}, {@code user:dave@contoso.com}. */
    static String subjectOf(Object fact) {
        if (fact instanceof Meeting m) {
            return "meeting:" + m.getId();
        } else if (fact instanceof Participation p) {
            return "meeting:" + p.getMeetingId();
        } else if (fact instanceof User u) {
            return "user:" + u.getSip();
        } else if (fact instanceof FederatedUser f) {
            return "user:" + f.getSip();
        } else if (fact instanceof FederatedPartner p) {
            return "partner:" + p.getDomain();
        } else if (fact instanceof Pool p) {
            return "pool:" + p.getFqdn();
        }
        return null;
    }

    /**
     * The exception the rule's own code threw, under Drools' and reflection's wrappers (MVEL wraps a method that
     * threw in a bare RuntimeException, "cannot invoke method: …", which says nothing of why).
     */
    private static Throwable rootOf(Throwable t) {
        Throwable cause = t.getCause() == null ? t : t.getCause();
        while ((cause instanceof InvocationTargetException || cause instanceof ConsequenceException
                || cause.getClass().getName().startsWith("org.drools.") || cause.getClass().getName().startsWith("org.mvel2.")
                || (cause.getClass() == RuntimeException.class && cause.getCause() instanceof InvocationTargetException))
                && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
