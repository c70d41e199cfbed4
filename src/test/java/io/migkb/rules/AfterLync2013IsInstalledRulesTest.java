package io.migkb.rules;

import static io.migkb.rules.Findings.AFTER_LYNC_2013_INSTALLED;
import static io.migkb.rules.Findings.assertFinding;
import static io.migkb.rules.Inv.OCS;
import static io.migkb.rules.Inv.POOL13;
import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.model.AddIn;
import io.migkb.model.Client;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import org.junit.jupiter.api.Test;

/** "After User Account is Migrated, After Lync 2013 Is Installed": keeping the Conferencing Add-in. */
class AfterLync2013IsInstalledRulesTest {
    private static final String RULE = "ADDIN-KEEP-CONFERENCING";
    private static final String ALICE = "alice@contoso.com";
    private static final String BOB = "bob@contoso.com";

    @Test
    void liveMeetingServiceSchedulerKeepsTheConferencingAddInWhenThePlanRemovesIt() {
        Findings findings = Findings.assess(Inv.inventory()
                .removeConferencingAddIn(true)
                .user(ALICE, POOL13, Client.LYNC_2013,
                        u -> u.schedulesLiveMeetingService().addIns(AddIn.CONFERENCING_ADDIN, AddIn.ONLINE_MEETING_ADDIN_2013))
                .user(BOB, POOL13, Client.LYNC_2013, u -> u.addIns(AddIn.CONFERENCING_ADDIN)));

        Finding f = findings.single(RULE, "user:" + ALICE);
        assertFinding(f, Severity.WARNING, AFTER_LYNC_2013_INSTALLED, ALICE);
        assertThat(f.getConcerns()).isEqualTo(ALICE);
        assertThat(f.getRemedy()).contains("Conferencing Add-in");
    }

    @Test
    void everyLiveMeetingServiceSchedulerIsNamed() {
        Findings findings = Findings.assess(Inv.inventory()
                .removeConferencingAddIn(true)
                .user(ALICE, POOL13, Client.LYNC_2013, u -> u.schedulesLiveMeetingService())
                .user(BOB, OCS, Client.COMMUNICATOR_2007_R2, u -> u.schedulesLiveMeetingService()));

        assertThat(findings.subjects(RULE)).containsExactlyInAnyOrder("user:" + ALICE, "user:" + BOB);
    }

    @Test
    void planThatKeepsTheAddInNeedsNoException() {
        Findings findings = Findings.assess(Inv.inventory()
                .removeConferencingAddIn(false)
                .user(ALICE, POOL13, Client.LYNC_2013,
                        u -> u.schedulesLiveMeetingService().addIns(AddIn.CONFERENCING_ADDIN)));

        assertThat(findings.of(RULE)).isEmpty();
    }

    @Test
    void userWhoDoesNotScheduleLiveMeetingServiceMeetingsLosesNothing() {
        Findings findings = Findings.assess(Inv.inventory()
                .removeConferencingAddIn(true)
                .user(ALICE, POOL13, Client.LYNC_2013, u -> u.addIns(AddIn.CONFERENCING_ADDIN)));

        assertThat(findings.of(RULE)).isEmpty();
    }
}
