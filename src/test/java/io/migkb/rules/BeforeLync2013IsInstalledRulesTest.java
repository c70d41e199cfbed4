package io.migkb.rules;

import static io.migkb.rules.Findings.BEFORE_LYNC_2013_INSTALLED;
import static io.migkb.rules.Findings.assertFinding;
import static io.migkb.rules.Inv.OCS;
import static io.migkb.rules.Inv.POOL10;
import static io.migkb.rules.Inv.POOL13;
import static io.migkb.rules.Inv.https;
import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.model.Client;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** "After User Account is Migrated, Before Lync 2013 Is Installed": Communicator 2007 R2 keeps IM only. */
class BeforeLync2013IsInstalledRulesTest {
    private static final String RULE = "CLIENT-IM-ONLY";
    private static final String ALICE = "alice@contoso.com";
    private static final String BOB = "bob@contoso.com";

    @ParameterizedTest
    @ValueSource(strings = {OCS, POOL10, POOL13})
    void communicator2007R2UserOnAnyPoolKeepsPresenceAndImOnly(String pool) {
        Findings findings = Findings.assess(Inv.inventory().user(ALICE, pool, Client.COMMUNICATOR_2007_R2));

        Finding f = findings.single(RULE, "user:" + ALICE);
        assertFinding(f, Severity.WARNING, BEFORE_LYNC_2013_INSTALLED, ALICE);
        assertThat(f.getConcerns()).isEqualTo(ALICE);
        assertThat(f.getMessage()).contains("IM").contains("no conferencing");
        assertThat(f.getRemedy()).contains("Lync 2013");
    }

    @Test
    void oneFindingPerUserHoweverManyMeetings() {
        Findings findings = Findings.assess(Inv.inventory()
                .user(BOB, POOL13, Client.LYNC_2013)
                .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2)
                .meeting("m1", BOB, https(BOB), m -> m.participants(ALICE))
                .meeting("m2", BOB, https(BOB), m -> m.participants(ALICE))
                .meeting("m3", ALICE, https(ALICE)));

        assertThat(findings.subjects(RULE)).containsExactly("user:" + ALICE);
    }

    @ParameterizedTest
    @EnumSource(value = Client.class, mode = EnumSource.Mode.EXCLUDE, names = "COMMUNICATOR_2007_R2")
    void userOnAnyOtherClientIsNotImOnly(Client client) {
        Findings findings = Findings.assess(Inv.inventory().user(ALICE, POOL13, client));

        assertThat(findings.of(RULE)).isEmpty();
    }

    @Test
    void federatedCommunicator2007R2UserIsNotHomedHere() {
        Findings findings = Findings.assess(Inv.inventory()
                .user(BOB, POOL13, Client.LYNC_2013)
                .federated("dave@fabrikam.com", Client.COMMUNICATOR_2007_R2)
                .meeting("m1", BOB, https(BOB), m -> m.participants("dave@fabrikam.com")));

        assertThat(findings.of(RULE)).isEmpty();
    }
}
