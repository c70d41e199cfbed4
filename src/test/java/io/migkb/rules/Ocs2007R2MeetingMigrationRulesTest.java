package io.migkb.rules;

import static io.migkb.rules.Findings.FROM_OCS_2007_R2;
import static io.migkb.rules.Findings.assertFinding;
import static io.migkb.rules.Inv.OCS;
import static io.migkb.rules.Inv.POOL10;
import static io.migkb.rules.Inv.POOL13;
import static io.migkb.rules.Inv.conf;
import static io.migkb.rules.Inv.https;
import static io.migkb.rules.Inv.meet;
import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.model.AddIn;
import io.migkb.model.Client;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** "Migrating Meetings from Office Communications Server 2007 R2": conf: and meet: links are not migrated. */
class Ocs2007R2MeetingMigrationRulesTest {
    private static final String ALICE = "alice@contoso.com";
    private static final String BOB = "bob@contoso.com";

    @Nested
    class UrlLegacyConf {
        private static final String RULE = "URL-LEGACY-CONF";

        @Test
        void confMeetingOfOcsOrganizerIsNotMigrated() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2)
                    .meeting("c1", ALICE, conf(ALICE)));

            Finding f = findings.single(RULE, "meeting:c1");
            assertFinding(f, Severity.BLOCKER, FROM_OCS_2007_R2, ALICE);
            assertThat(f.getConcerns()).isEqualTo(ALICE);
            assertThat(f.getRemedy()).contains("https://").contains("resend");
        }

        @ParameterizedTest
        @ValueSource(strings = {POOL10, POOL13})
        void confMeetingOfAlreadyMovedOrganizerIsDeadToo(String pool) {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, pool, Client.LYNC_2013)
                    .meeting("c1", ALICE, conf(ALICE)));

            assertFinding(findings.single(RULE, "meeting:c1"), Severity.BLOCKER, FROM_OCS_2007_R2, ALICE);
        }

        @Test
        void oneFindingPerConfMeeting() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2)
                    .user(BOB, OCS, Client.COMMUNICATOR_2007_R2)
                    .meeting("c1", ALICE, conf(ALICE), m -> m.participants(BOB))
                    .meeting("c2", ALICE, conf(ALICE))
                    .meeting("c3", BOB, conf(BOB), m -> m.participants(ALICE)));

            assertThat(findings.subjects(RULE)).containsExactlyInAnyOrder("meeting:c1", "meeting:c2", "meeting:c3");
            assertThat(findings.on(RULE, "meeting:c3")).singleElement()
                    .satisfies(f -> assertThat(f.getMessage()).contains(BOB));
        }

        @Test
        void meetAndHttpsMeetingsAreNotConfMeetings() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2)
                    .meeting("w1", ALICE, meet(ALICE))
                    .meeting("h1", ALICE, https(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
        }
    }

    @Nested
    class UrlLegacyMeet {
        private static final String RULE = "URL-LEGACY-MEET";

        @Test
        void meetWebConferenceOfOcsOrganizerIsNotMigrated() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2)
                    .meeting("w1", ALICE, meet(ALICE)));

            Finding f = findings.single(RULE, "meeting:w1");
            assertFinding(f, Severity.BLOCKER, FROM_OCS_2007_R2, ALICE);
            assertThat(f.getConcerns()).isEqualTo(ALICE);
            assertThat(f.getRemedy()).contains("https://").contains("resend");
        }

        @ParameterizedTest
        @ValueSource(strings = {POOL10, POOL13})
        void meetWebConferenceOfAlreadyMovedOrganizerIsDeadToo(String pool) {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, pool, Client.LYNC_2013)
                    .meeting("w1", ALICE, meet(ALICE)));

            assertFinding(findings.single(RULE, "meeting:w1"), Severity.BLOCKER, FROM_OCS_2007_R2, ALICE);
        }

        @Test
        void oneFindingPerMeetMeeting() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2)
                    .meeting("w1", ALICE, meet(ALICE))
                    .meeting("w2", ALICE, meet(ALICE)));

            assertThat(findings.subjects(RULE)).containsExactlyInAnyOrder("meeting:w1", "meeting:w2");
        }

        @Test
        void confAndHttpsMeetingsAreNotMeetMeetings() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2)
                    .meeting("c1", ALICE, conf(ALICE))
                    .meeting("h1", ALICE, https(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
        }
    }

    /**
     * Implied rule: an organizer of conf:/meet: meetings who lacks the Lync 2013 client or the Online Meeting
     * Add-in for Lync 2013 cannot update the links. These tests pin when it fires through the user it concerns;
     * the subject is pinned (disabled) below.
     */
    @Nested
    class UrlLegacyOrganizerCannotUpdate {
        private static final String RULE = "ORGANIZER-CANNOT-UPDATE-LINKS";

        @ParameterizedTest
        @EnumSource(value = Client.class, names = {"COMMUNICATOR_2007_R2", "COMMUNICATOR_2007", "LYNC_2010"})
        void legacyOrganizerWithoutLync2013ClientCannotUpdateTheLinks(Client client) {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, OCS, client)
                    .meeting("c1", ALICE, conf(ALICE)));

            assertThat(findings.concerns(RULE)).containsExactly(ALICE);
            Finding f = findings.of(RULE).get(0);
            assertFinding(f, Severity.WARNING, FROM_OCS_2007_R2, ALICE);
            assertThat(f.getRemedy()).contains("Install Lync 2013");
        }

        @Test
        void lync2013OrganizerWhoseAddInsLackTheOnlineMeetingAddIn2013CannotUpdateTheLinks() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL13, Client.LYNC_2013, u -> u.addIns(AddIn.CONFERENCING_ADDIN))
                    .meeting("w1", ALICE, meet(ALICE)));

            assertThat(findings.concerns(RULE)).containsExactly(ALICE);
            Finding f = findings.of(RULE).get(0);
            assertFinding(f, Severity.WARNING, FROM_OCS_2007_R2, ALICE);
            assertThat(f.getMessage()).contains("Online Meeting Add-in for Lync 2013");
        }

        @Test
        void lync2013OrganizerWithTheOnlineMeetingAddIn2013CanUpdateTheLinks() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL13, Client.LYNC_2013,
                            u -> u.addIns(AddIn.CONFERENCING_ADDIN, AddIn.ONLINE_MEETING_ADDIN_2013))
                    .meeting("w1", ALICE, meet(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void lync2013OrganizerWithUndeclaredAddInsIsTakenToHaveTheAddIn() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, OCS, Client.LYNC_2013)
                    .meeting("c1", ALICE, conf(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void organizerWithOnlyHttpsMeetingsHasNoLinksToUpdate() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL10, Client.LYNC_2010)
                    .meeting("h1", ALICE, https(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void participantOfLegacyMeetingIsNotItsOrganizer() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL13, Client.LYNC_2013)
                    .user(BOB, OCS, Client.COMMUNICATOR_2007_R2)
                    .meeting("c1", ALICE, conf(ALICE), m -> m.participants(BOB)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void organizerWhoCannotUpdateGetsOneUserFindingCountingTheLegacyMeetings() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2)
                    .meeting("c1", ALICE, conf(ALICE))
                    .meeting("w1", ALICE, meet(ALICE))
                    .meeting("h1", ALICE, https(ALICE)));

            assertThat(findings.subjects(RULE)).containsExactly("user:" + ALICE);
            assertThat(findings.of(RULE)).singleElement().satisfies(f -> {
                assertFinding(f, Severity.WARNING, FROM_OCS_2007_R2, ALICE);
                assertThat(f.getMessage()).contains("2 conf:/meet: meeting(s)");
            });
        }
    }
}
