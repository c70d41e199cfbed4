package io.migkb.rules;

import static io.migkb.rules.Findings.AFTER_LYNC_2013_INSTALLED;
import static io.migkb.rules.Findings.BEFORE_LYNC_2013_INSTALLED;
import static io.migkb.rules.Findings.CHANGES_TO_MEETINGS;
import static io.migkb.rules.Findings.CONFERENCING_NEEDS;
import static io.migkb.rules.Findings.FEDERATED;
import static io.migkb.rules.Findings.FROM_LYNC_2010;
import static io.migkb.rules.Findings.FROM_OCS_2007_R2;
import static io.migkb.rules.Findings.INVENTORY_DATA;
import static io.migkb.rules.Findings.JOINING_2010_MEETINGS;
import static io.migkb.rules.Findings.LYNC_2010_EXPERIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.engine.CompiledRules;
import io.migkb.engine.RuleInfo;
import io.migkb.engine.TestRules;
import io.migkb.model.Severity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The catalogue in rules/ holds exactly the rules these tests cover, each with the severity and article section
 * the tests expect: a rule added to rules/ without behaviour tests, or a metadata edit, shows up here first.
 */
class RuleCatalogueTest {
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        expect("URL-LEGACY-CONF", Severity.BLOCKER, FROM_OCS_2007_R2);
        expect("URL-LEGACY-MEET", Severity.BLOCKER, FROM_OCS_2007_R2);
        expect("ORGANIZER-CANNOT-UPDATE-LINKS", Severity.WARNING, FROM_OCS_2007_R2);
        expect("CLIENT-NO-CONFERENCING", Severity.BLOCKER, CHANGES_TO_MEETINGS);
        expect("CLIENT-NEW-FEATURES", Severity.INFO, CHANGES_TO_MEETINGS);
        expect("CLIENT-BELOW-POLICY", Severity.WARNING, CHANGES_TO_MEETINGS);
        expect("CLIENT-IM-ONLY", Severity.WARNING, BEFORE_LYNC_2013_INSTALLED);
        expect("CLIENT-CANNOT-SIGN-IN", Severity.BLOCKER, BEFORE_LYNC_2013_INSTALLED);
        expect("PLAN-EARLY-ORGANIZER", Severity.ADVICE, CONFERENCING_NEEDS);
        expect("PLAN-LIVE-MEETING-NEEDS", Severity.WARNING, CONFERENCING_NEEDS);
        expect("MOVE-MEETINGS-CARRY", Severity.INFO, FROM_LYNC_2010);
        expect("CONF-DIRECTORY-LEGACY-POOL", Severity.BLOCKER, "Migrating Meetings from Lync Server 2010");
        expect("MOVE-CONTENT-LOST", Severity.WARNING, FROM_LYNC_2010);
        expect("MOVE-PIN-KEEPS-WORKING", Severity.INFO, FROM_LYNC_2010);
        expect("COEX-2010-MEETING", Severity.INFO, JOINING_2010_MEETINGS);
        expect("COEX-NO-MEETING-IM", Severity.WARNING, JOINING_2010_MEETINGS);
        expect("COEX-2010-GALLERY-VIEW", Severity.INFO, JOINING_2010_MEETINGS);
        expect("COEX-2010-CLIENT-POWERPOINT", Severity.WARNING, LYNC_2010_EXPERIENCE);
        expect("ADDIN-KEEP-CONFERENCING", Severity.WARNING, AFTER_LYNC_2013_INSTALLED);
        expect("FED-LOCKED-OC2007", Severity.BLOCKER, FEDERATED);
        expect("FED-CLIENT-WEB-APP", Severity.BLOCKER, FEDERATED);
        expect("FED-PARTNER-SUMMARY", Severity.WARNING, FEDERATED);
        expect("DATA-CLIENT-UNKNOWN", Severity.WARNING, INVENTORY_DATA);
        expect("DATA-PARTNER-CLIENT-UNKNOWN", Severity.WARNING, INVENTORY_DATA);
        expect("DATA-MEETINGS-NO-JOINS", Severity.WARNING, INVENTORY_DATA);
        expect("DATA-SCHEME-CONFLICT", Severity.INFO, INVENTORY_DATA);
    }

    private static void expect(String id, Severity severity, String reference) {
        EXPECTED.put(id, severity + " | " + reference);
    }

    @Test
    void catalogueHoldsExactlyTheTestedRulesWithTheirSeverityAndSection() {
        CompiledRules catalogue = TestRules.catalogue();

        Map<String, String> actual = catalogue.rules().stream()
                .collect(Collectors.toMap(RuleInfo::id, r -> r.severity() + " | " + r.reference(), (a, b) -> a + " AND " + b));
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(EXPECTED);
        assertThat(catalogue.warnings()).isEmpty();
    }
}
