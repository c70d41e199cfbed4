package io.migkb.rules;

import static io.migkb.rules.Findings.CHANGES_TO_MEETINGS;
import static io.migkb.rules.Findings.assertFinding;
import static io.migkb.rules.Inv.OCS;
import static io.migkb.rules.Inv.POOL10;
import static io.migkb.rules.Inv.POOL13;
import static io.migkb.rules.Inv.conf;
import static io.migkb.rules.Inv.https;
import static io.migkb.rules.Inv.meet;
import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.model.Client;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** "Changes to Meetings in Lync Server 2013": client support, new features, client policy. */
class ChangesToMeetingsRulesTest {
    private static final String ALICE = "alice@contoso.com";
    private static final String BOB = "bob@contoso.com";
    private static final String CAROL = "carol@contoso.com";

    @Nested
    class ClientNoConferencing {
        private static final String RULE = "CLIENT-NO-CONFERENCING";

        @Test
        void communicator2007R2ParticipantInMeetingOfLync2013OrganizerIsABlocker() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(BOB, POOL13, Client.LYNC_2013)
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2)
                    .meeting("m1", BOB, https(BOB), m -> m.participants(ALICE)));

            Finding f = findings.single(RULE, "meeting:m1");
            assertFinding(f, Severity.BLOCKER, CHANGES_TO_MEETINGS, ALICE);
            assertThat(f.getConcerns()).isEqualTo(ALICE);
            assertThat(f.getRemedy()).contains("Lync Web App 2013");
        }

        @ParameterizedTest
        @EnumSource(value = Client.class,
                names = {"COMMUNICATOR_2007", "COMMUNICATOR_2007_R2", "OCS_2007_R2_ATTENDANT", "LIVE_MEETING_2007",
                        "LYNC_2010_ATTENDEE"})
        void everyClientTheArticleListsCannotJoinNorTheLync2010AttendeeTheInteroperabilityTopicMarksNotSupported(
                Client legacy) {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(BOB, POOL13, Client.LYNC_2013)
                    .user(ALICE, POOL13, legacy)
                    .meeting("m1", BOB, https(BOB), m -> m.participants(ALICE)));

            assertFinding(findings.single(RULE, "meeting:m1"), Severity.BLOCKER, CHANGES_TO_MEETINGS, ALICE);
        }

        @ParameterizedTest
        @EnumSource(value = Client.class,
                names = {"LYNC_2010", "LYNC_WEB_APP_2010", "LYNC_2013", "LYNC_WEB_APP_2013"})
        void lyncClientsJoinWithoutFinding(Client lync) {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(BOB, POOL13, Client.LYNC_2013)
                    .user(ALICE, POOL13, lync)
                    .meeting("m1", BOB, https(BOB), m -> m.participants(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {OCS, POOL10, POOL13})
        void organizerOnAnyPoolWillHoldTheMeetingOnLync2013(String organizerPool) {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(BOB, organizerPool, Client.LYNC_2010)
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2)
                    .meeting("m1", BOB, https(BOB), m -> m.participants(ALICE)));

            assertThat(findings.subjects(RULE)).containsExactly("meeting:m1");
        }

        @Test
        void legacyParticipantInConfMeetingIsABlockerToo() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(BOB, OCS, Client.COMMUNICATOR_2007_R2)
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007)
                    .meeting("c1", BOB, conf(BOB), m -> m.participants(ALICE))
                    .meeting("w1", BOB, meet(BOB), m -> m.participants(ALICE)));

            // BOB organizes both with Communicator 2007 R2: the organizer is in the meeting too
            assertThat(findings.subjects(RULE)).containsExactlyInAnyOrder("meeting:c1", "meeting:w1", "meeting:c1",
                    "meeting:w1");
            assertThat(findings.concerns(RULE)).containsExactlyInAnyOrder(ALICE, ALICE, BOB, BOB);
            assertThat(findings.on(RULE, "meeting:c1")).anySatisfy(f -> assertThat(f.getMessage())
                    .isEqualTo(BOB + " uses Office Communicator 2007 R2, which cannot join meeting c1 once it is held"
                            + " on Lync Server 2013 (they organize it)"));
        }

        @Test
        void twoLegacyParticipantsInOneMeetingGiveTwoFindingsOnThatMeeting() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(BOB, POOL13, Client.LYNC_2013)
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2)
                    .user(CAROL, OCS, Client.LIVE_MEETING_2007)
                    .meeting("m1", BOB, https(BOB), m -> m.participants(ALICE, CAROL)));

            assertThat(findings.subjects(RULE)).containsExactly("meeting:m1", "meeting:m1");
            assertThat(findings.concerns(RULE)).containsExactlyInAnyOrder(ALICE, CAROL);
            assertThat(findings.on(RULE, "meeting:m1"))
                    .anySatisfy(f -> assertThat(f.getMessage()).contains(ALICE))
                    .anySatisfy(f -> assertThat(f.getMessage()).contains(CAROL));
        }

        @Test
        void oneLegacyParticipantInTwoMeetingsGivesOneFindingPerMeeting() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(BOB, POOL13, Client.LYNC_2013)
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2)
                    .meeting("m1", BOB, https(BOB), m -> m.participants(ALICE))
                    .meeting("m2", BOB, https(BOB), m -> m.participants(ALICE)));

            assertThat(findings.subjects(RULE)).containsExactlyInAnyOrder("meeting:m1", "meeting:m2");
        }

        @Test
        void legacyClientUserWhoIsNotInvitedGetsNoMeetingFinding() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(BOB, POOL13, Client.LYNC_2013)
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2)
                    .user(CAROL, POOL13, Client.LYNC_2013)
                    .meeting("m1", BOB, https(BOB), m -> m.participants(CAROL)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = Client.class, names = {"COMMUNICATOR_2007", "COMMUNICATOR_2007_R2", "LIVE_MEETING_2007"})
        void federatedParticipantIsNotClientNoConferencing(Client legacy) {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(BOB, POOL13, Client.LYNC_2013)
                    .federated("dave@fabrikam.com", legacy)
                    .meeting("m1", BOB, https(BOB), m -> m.locked().participants("dave@fabrikam.com")));

            assertThat(findings.of(RULE)).isEmpty();
        }
    }

    @Nested
    class ClientNewFeatures {
        private static final String RULE = "CLIENT-NEW-FEATURES";

        @Test
        void migratedUserStillOnLync2010ClientIsToldAboutNewFeatures() {
            Findings findings = Findings.assess(Inv.inventory().user(ALICE, POOL13, Client.LYNC_2010));

            Finding f = findings.single(RULE, "user:" + ALICE);
            assertFinding(f, Severity.INFO, CHANGES_TO_MEETINGS, ALICE);
            assertThat(f.getConcerns()).isEqualTo(ALICE);
            assertThat(f.getRemedy()).contains("Lync 2013");
        }

        @ParameterizedTest
        @ValueSource(strings = {OCS, POOL10})
        void userNotYetOnLync2013IsNotToldYet(String pool) {
            // docs/rules.md: "a user on Lync 2013" (not "is or will be"): the features come with the move.
            Findings findings = Findings.assess(Inv.inventory().user(ALICE, pool, Client.LYNC_2010));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = Client.class, names = {"LYNC_2013", "COMMUNICATOR_2007_R2", "LYNC_WEB_APP_2013"})
        void userOnAnotherClientIsNotToldAboutNewFeatures(Client client) {
            Findings findings = Findings.assess(Inv.inventory().user(ALICE, POOL13, client));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void federatedLync2010UserIsNotOurs() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(BOB, POOL13, Client.LYNC_2013)
                    .federated("dave@fabrikam.com", Client.LYNC_2010)
                    .meeting("m1", BOB, https(BOB), m -> m.participants("dave@fabrikam.com")));

            assertThat(findings.of(RULE)).isEmpty();
        }
    }

    @Nested
    class ClientBelowPolicy {
        private static final String RULE = "CLIENT-BELOW-POLICY";

        @Test
        void clientBelowThePolicyMinimumIsAWarning() {
            Findings findings = Findings.assess(Inv.inventory()
                    .minimumVersion(Client.LYNC_2013, "15.0.4481.1000")
                    .user(ALICE, POOL13, Client.LYNC_2013, u -> u.clientVersion("15.0.4420.1017")));

            Finding f = findings.single(RULE, "user:" + ALICE);
            assertFinding(f, Severity.WARNING, CHANGES_TO_MEETINGS, ALICE);
            assertThat(f.getMessage()).contains("15.0.4420.1017").contains("15.0.4481.1000");
            assertThat(f.getRemedy()).contains("15.0.4481.1000");
        }

        @ParameterizedTest
        @ValueSource(strings = {"15.0.4481.1000", "15.0.4481.1001", "15.0.10000.1", "15.1"})
        void clientAtOrAbovePolicyIsFine(String version) {
            Findings findings = Findings.assess(Inv.inventory()
                    .minimumVersion(Client.LYNC_2013, "15.0.4481.1000")
                    .user(ALICE, POOL13, Client.LYNC_2013, u -> u.clientVersion(version)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void policyForAnotherClientDoesNotApply() {
            Findings findings = Findings.assess(Inv.inventory()
                    .minimumVersion(Client.LYNC_2010, "4.0.7577.4000")
                    .user(ALICE, POOL13, Client.LYNC_2013, u -> u.clientVersion("15.0.4420.1017")));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void clientWithoutKnownVersionIsNotJudged() {
            Findings findings = Findings.assess(Inv.inventory()
                    .minimumVersion(Client.LYNC_2013, "15.0.4481.1000")
                    .user(ALICE, POOL13, Client.LYNC_2013));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void noPolicyNoFinding() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL13, Client.LYNC_2013, u -> u.clientVersion("15.0.1")));

            assertThat(findings.of(RULE)).isEmpty();
        }
    }
}
