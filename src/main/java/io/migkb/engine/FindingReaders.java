package io.migkb.engine;

import io.migkb.model.Finding;
import org.drools.base.base.ObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;

/**
 * Whether any rule of a rule base matches findings: then the findings of a partitioned assessment's sessions must be
 * given to its closing session as facts (FED-PARTNER-SUMMARY reads FED-LOCKED-OC2007's); otherwise they need not.
 * Read off the Rete: an object type node that accepts a {@link Finding} and passes it on to some rule.
 */
final class FindingReaders {
    private FindingReaders() {
    }

    static boolean readsFindings(KieBase kieBase) {
        if (!(kieBase instanceof InternalRuleBase ruleBase)) {
            return true; // cannot tell: the safe answer
        }
        for (ObjectTypeNode node : ruleBase.getRete().getObjectTypeNodes()) {
            // A pattern on Finding, or on a type Finding extends (Object), with some rule below it.
            ObjectType type = node.getObjectType();
            if (type != null && type.isAssignableFrom(Finding.class) && node.getObjectSinkPropagator().size() > 0) {
                return true;
            }
        }
        return false;
    }
}
