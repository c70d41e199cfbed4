package io.migkb.engine;

import io.migkb.model.Finding;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.drools.base.base.ObjectType;
import org.drools.base.rule.IndexableConstraint;
import org.drools.base.util.index.ConstraintTypeOperator;
import org.drools.core.base.FieldNameSupplier;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;

/**
 * Which findings some rule of a rule base matches: the findings a partitioned assessment must give its closing
 * session as facts (FED-PARTNER-SUMMARY reads FED-LOCKED-OC2007's). Read off the Rete: the object type nodes that
 * accept a {@link Finding} and pass it on to some rule. When each of their branches starts by testing
 * {@code rule == "ID"}, only findings of those ids are read; otherwise, to be safe, all of them.
 */
final class FindingReaders {
    private FindingReaders() {
    }

    /** True for the findings some rule may match. */
    static Predicate<Finding> readFindings(KieBase kieBase) {
        Set<String> ids = readIds(kieBase);
        if (ids == null) {
            return f -> true;
        }
        return ids.isEmpty() ? f -> false : f -> ids.contains(f.getRule());
    }

    /** The rule ids findings are matched on, empty when no rule matches findings, null when any finding may match. */
    private static Set<String> readIds(KieBase kieBase) {
        if (!(kieBase instanceof InternalRuleBase ruleBase)) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        for (ObjectTypeNode node : ruleBase.getRete().getObjectTypeNodes()) {
            // A pattern on Finding, or on a type Finding extends (Object), with some rule below it.
            ObjectType type = node.getObjectType();
            if (type == null || !type.isAssignableFrom(Finding.class)) {
                continue;
            }
            for (ObjectSink sink : node.getObjectSinkPropagator().getSinks()) {
                String id = ruleIdTested(sink);
                if (id == null) {
                    return null;
                }
                ids.add(id);
            }
        }
        return ids;
    }

    /** The id of {@code rule == "ID"} when that is the test this node makes, else null. */
    private static String ruleIdTested(ObjectSink sink) {
        if (sink instanceof AlphaNode alpha
                && alpha.getConstraint() instanceof IndexableConstraint test
                && test.getConstraintType() == ConstraintTypeOperator.EQUAL
                && test.getFieldExtractor() instanceof FieldNameSupplier field
                && "rule".equals(field.getFieldName())
                && test.getField() != null
                && test.getField().getValue() instanceof String id) {
            return id;
        }
        return null;
    }
}
