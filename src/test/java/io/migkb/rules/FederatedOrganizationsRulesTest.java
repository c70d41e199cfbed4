package io.migkb.rules;

import static io.migkb.rules.Findings.FEDERATED;
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

/** "Meetings with Federated Organizations that Use Previous Clients". */
class FederatedOrganizationsRulesTest {
    private static final String ORGANIZER = "olga@contoso.com";
    private static final String ALICE = "alice@contoso.com";
    private static final String CAROL = "carol@fabrikam.com";
    private static final String DAN = "dan@fabrikam.com";
    private static final String ERIN = "erin@fabrikam.com";
    private static final String TOM = "tom@tailspin.com";
    private static final String LEO = "leo@litware.com";

    @Nested
    class FedLockedOc2007 {
        private static final String RULE = "FED-LOCKED-OC2007";

        @Test
        void lockedMeetingWithFederatedCommunicator2007UserIsABlocker() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .federated(CAROL, Client.COMMUNICATOR_2007)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.locked().participants(CAROL)));

            Finding f = findings.single(RULE, "meeting:m1");
            assertFinding(f, Severity.BLOCKER, FEDERATED, CAROL);
            assertThat(f.getConcerns()).isEqualTo(CAROL);
            assertThat(f.getRemedy()).contains("https://").contains("Lync Web App");
        }

        @Test
        void lockedMeetingOfAnyUrlSchemeIsABlocker() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, OCS, Client.COMMUNICATOR_2007_R2)
                    .user(ALICE, POOL10, Client.LYNC_2010)
                    .federated(CAROL, Client.COMMUNICATOR_2007)
                    .meeting("c1", ORGANIZER, conf(ORGANIZER), m -> m.locked().participants(CAROL))
                    .meeting("w1", ORGANIZER, meet(ORGANIZER), m -> m.locked().participants(CAROL))
                    .meeting("h1", ALICE, https(ALICE), m -> m.locked().participants(CAROL)));

            assertThat(findings.subjects(RULE)).containsExactlyInAnyOrder("meeting:c1", "meeting:w1", "meeting:h1");
            assertThat(findings.concerns(RULE)).containsOnly(CAROL);
        }

        @Test
        void twoFederatedCommunicator2007UsersInOneLockedMeetingGiveTwoFindings() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .federated(CAROL, Client.COMMUNICATOR_2007)
                    .federated(TOM, Client.COMMUNICATOR_2007)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.locked().participants(CAROL, TOM)));

            assertThat(findings.subjects(RULE)).containsExactly("meeting:m1", "meeting:m1");
            assertThat(findings.concerns(RULE)).containsExactlyInAnyOrder(CAROL, TOM);
        }

        @Test
        void federatedCommunicator2007R2UserInLockedMeetingIsNotFedLocked() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .federated(CAROL, Client.COMMUNICATOR_2007_R2)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.locked().participants(CAROL)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void unlockedMeetingWithFederatedCommunicator2007UserIsNotFedLocked() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .federated(CAROL, Client.COMMUNICATOR_2007)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.participants(CAROL)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void internalCommunicator2007UserInLockedMeetingIsNotFedLocked() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.locked().participants(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
            assertThat(findings.concerns("CLIENT-NO-CONFERENCING")).containsExactly(ALICE);
        }

        @Test
        void federatedCommunicator2007UserNotInvitedToTheLockedMeetingIsNotFedLocked() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .user(ALICE, POOL13, Client.LYNC_2013)
                    .federated(CAROL, Client.COMMUNICATOR_2007)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.locked().participants(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
        }
    }

    @Nested
    class FedClientWebApp {
        private static final String RULE = "FED-CLIENT-WEB-APP";

        @ParameterizedTest
        @EnumSource(value = Client.class, names = {"COMMUNICATOR_2007_R2", "LIVE_MEETING_2007"})
        void federatedLegacyClientCannotJoinAnyMeetingAndUsesLyncWebApp(Client client) {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .federated(CAROL, client)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.participants(CAROL)));

            Finding f = findings.single(RULE, "meeting:m1");
            assertFinding(f, Severity.BLOCKER, FEDERATED, CAROL);
            assertThat(f.getConcerns()).isEqualTo(CAROL);
            assertThat(f.getRemedy()).contains("Lync Web App");
        }

        @Test
        void federatedCommunicator2007R2UserGetsOneFindingPerMeetingLockedOrNot() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, OCS, Client.LYNC_2013)
                    .federated(CAROL, Client.COMMUNICATOR_2007_R2)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.participants(CAROL))
                    .meeting("m2", ORGANIZER, https(ORGANIZER), m -> m.locked().participants(CAROL))
                    .meeting("c1", ORGANIZER, conf(ORGANIZER), m -> m.participants(CAROL)));

            assertThat(findings.subjects(RULE)).containsExactlyInAnyOrder("meeting:m1", "meeting:m2", "meeting:c1");
        }

        @ParameterizedTest
        @EnumSource(value = Client.class, names = {"COMMUNICATOR_2007", "LYNC_2010", "LYNC_2013", "LYNC_WEB_APP_2013"})
        void federatedUserOnAnotherClientIsNotThisRule(Client client) {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .federated(CAROL, client)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.participants(CAROL)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void internalCommunicator2007R2UserIsClientNoConferencingAndFederatedOneIsFedClientWebApp() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2)
                    .federated(CAROL, Client.COMMUNICATOR_2007_R2)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.participants(ALICE, CAROL)));

            assertThat(findings.concerns("CLIENT-NO-CONFERENCING")).containsExactly(ALICE);
            assertThat(findings.concerns(RULE)).containsExactly(CAROL);
        }

        @Test
        void federatedCommunicator2007R2UserNotInvitedGetsNothing() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .federated(CAROL, Client.COMMUNICATOR_2007_R2)
                    .meeting("m1", ORGANIZER, https(ORGANIZER)));

            assertThat(findings.of(RULE)).isEmpty();
        }
    }

    @Nested
    class FedPartnerSummary {
        private static final String RULE = "FED-PARTNER-SUMMARY";

        /** The message gives the users count before "user" and the meetings count between "user" and "meeting". */
        private static void assertCounts(Finding f, int users, int meetings) {
            assertThat(f.getMessage()).as("message of %s", f)
                    .containsPattern("\\b" + users + "\\b.*user")
                    .containsPattern("user.*\\b" + meetings + "\\b.*meeting");
        }

        @Test
        void oneSummaryPerDomainCountingDistinctUsersAndLockedMeetings() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .federated(CAROL, Client.COMMUNICATOR_2007)
                    .federated(DAN, Client.COMMUNICATOR_2007)
                    .federated(TOM, Client.COMMUNICATOR_2007_R2)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.locked().participants(CAROL, TOM))
                    .meeting("m2", ORGANIZER, https(ORGANIZER), m -> m.locked().participants(CAROL, DAN))
                    .meeting("m3", ORGANIZER, conf(ORGANIZER), m -> m.locked().participants(DAN))
                    .meeting("m4", ORGANIZER, https(ORGANIZER), m -> m.participants(CAROL, DAN)));

            assertThat(findings.of("FED-LOCKED-OC2007")).hasSize(4);
            Finding f = findings.single(RULE, "partner:fabrikam.com");
            assertThat(f.getSeverity()).isEqualTo(Severity.WARNING);
            assertThat(f.getReference()).isEqualTo(FEDERATED);
            assertThat(f.getMessage()).contains("fabrikam.com");
            assertCounts(f, 2, 3);
            assertThat(f.getRemedy()).contains("fabrikam.com");
        }

        @Test
        void domainWithOnlyCommunicator2007R2UsersGetsNoSummary() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .federated(CAROL, Client.COMMUNICATOR_2007)
                    .federated(TOM, Client.COMMUNICATOR_2007_R2)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.locked().participants(CAROL, TOM)));

            assertThat(findings.subjects(RULE)).containsExactly("partner:fabrikam.com");
        }

        @Test
        void domainWhoseCommunicator2007UsersAreOnlyInUnlockedMeetingsGetsNoSummary() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .federated(CAROL, Client.COMMUNICATOR_2007)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.participants(CAROL)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void usersOfTheDomainWhoAreNotBlockedAreNotCounted() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .federated(CAROL, Client.COMMUNICATOR_2007)
                    .federated(ERIN, Client.COMMUNICATOR_2007)
                    .federated(DAN, Client.COMMUNICATOR_2007_R2)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.locked().participants(CAROL, DAN))
                    .meeting("m2", ORGANIZER, https(ORGANIZER), m -> m.participants(ERIN)));

            Finding f = findings.single(RULE, "partner:fabrikam.com");
            assertCounts(f, 1, 1);
        }

        @Test
        void eachDomainCountsOnlyItsOwnUsersAndMeetings() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .federated(CAROL, Client.COMMUNICATOR_2007)
                    .federated(DAN, Client.COMMUNICATOR_2007)
                    .federated(LEO, Client.COMMUNICATOR_2007)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.locked().participants(CAROL, DAN, LEO))
                    .meeting("m2", ORGANIZER, https(ORGANIZER), m -> m.locked().participants(LEO))
                    .meeting("m3", ORGANIZER, https(ORGANIZER), m -> m.locked().participants(LEO)));

            assertThat(findings.subjects(RULE))
                    .containsExactlyInAnyOrder("partner:fabrikam.com", "partner:litware.com");
            assertThat(findings.on(RULE, "partner:fabrikam.com")).singleElement()
                    .satisfies(f -> assertCounts(f, 2, 1));
            assertThat(findings.on(RULE, "partner:litware.com")).singleElement()
                    .satisfies(f -> assertCounts(f, 1, 3));
        }
    }
}
