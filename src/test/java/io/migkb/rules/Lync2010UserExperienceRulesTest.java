package io.migkb.rules;

import static io.migkb.rules.Findings.LYNC_2010_EXPERIENCE;
import static io.migkb.rules.Findings.assertFinding;
import static io.migkb.rules.Inv.POOL10;
import static io.migkb.rules.Inv.POOL13;
import static io.migkb.rules.Inv.https;
import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.model.Client;
import io.migkb.model.Content;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** "User Experience during Lync Server 2010 Migration": the Lync 2010 client and PowerPoint from Lync 2013. */
class Lync2010UserExperienceRulesTest {
    private static final String RULE = "COEX-2010-CLIENT-POWERPOINT";
    private static final String ORGANIZER = "olga@contoso.com";
    private static final String ALICE = "alice@contoso.com";
    private static final String BOB = "bob@contoso.com";
    private static final String DAVE = "dave@fabrikam.com";

    @Test
    void lync2010ClientParticipantViewingPowerPointIsWarned() {
        Findings findings = Findings.assess(Inv.inventory()
                .user(ORGANIZER, POOL13, Client.LYNC_2013)
                .user(ALICE, POOL10, Client.LYNC_2010)
                .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.content(Content.POWERPOINT).participants(ALICE)));

        Finding f = findings.single(RULE, "meeting:m1");
        assertFinding(f, Severity.WARNING, LYNC_2010_EXPERIENCE, ALICE);
        assertThat(f.getConcerns()).isEqualTo(ALICE);
        assertThat(f.getMessage()).contains("PowerPoint");
    }

    @Test
    void federatedLync2010ParticipantIsWarnedToo() {
        Findings findings = Findings.assess(Inv.inventory()
                .user(ORGANIZER, POOL13, Client.LYNC_2013)
                .federated(DAVE, Client.LYNC_2010)
                .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.content(Content.POWERPOINT).participants(DAVE)));

        assertFinding(findings.single(RULE, "meeting:m1"), Severity.WARNING, LYNC_2010_EXPERIENCE, DAVE);
    }

    @Test
    void oneFindingPerMeetingAndLync2010Participant() {
        Findings findings = Findings.assess(Inv.inventory()
                .user(ORGANIZER, POOL13, Client.LYNC_2013)
                .user(ALICE, POOL10, Client.LYNC_2010)
                .user(BOB, POOL13, Client.LYNC_2010)
                .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.content(Content.POWERPOINT).participants(ALICE, BOB))
                .meeting("m2", ORGANIZER, https(ORGANIZER), m -> m.content(Content.POWERPOINT).participants(ALICE)));

        assertThat(findings.subjects(RULE)).containsExactlyInAnyOrder("meeting:m1", "meeting:m1", "meeting:m2");
        assertThat(findings.on(RULE, "meeting:m1")).extracting(Finding::getConcerns).containsExactlyInAnyOrder(ALICE, BOB);
    }

    @Test
    void meetingWithoutPowerPointIsNotThisRule() {
        Findings findings = Findings.assess(Inv.inventory()
                .user(ORGANIZER, POOL13, Client.LYNC_2013)
                .user(ALICE, POOL10, Client.LYNC_2010)
                .meeting("m1", ORGANIZER, https(ORGANIZER),
                        m -> m.content(Content.WHITEBOARD, Content.POLL, Content.ATTACHMENT).participants(ALICE)));

        assertThat(findings.of(RULE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Client.class, names = {"LYNC_2013", "LYNC_WEB_APP_2013"})
    void participantWithLync2013ClientIsNotThisRule(Client client) {
        Findings findings = Findings.assess(Inv.inventory()
                .user(ORGANIZER, POOL13, Client.LYNC_2013)
                .user(ALICE, POOL10, client)
                .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.content(Content.POWERPOINT).participants(ALICE)));

        assertThat(findings.of(RULE)).isEmpty();
    }

    @Test
    void lync2010UserWhoIsNotInvitedIsNotThisRule() {
        Findings findings = Findings.assess(Inv.inventory()
                .user(ORGANIZER, POOL13, Client.LYNC_2013)
                .user(ALICE, POOL10, Client.LYNC_2010)
                .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.content(Content.POWERPOINT)));

        assertThat(findings.of(RULE)).isEmpty();
    }
}
