package io.migkb.rules;

import static io.migkb.rules.Findings.CONFERENCING_NEEDS;
import static io.migkb.rules.Findings.assertFinding;
import static io.migkb.rules.Inv.OCS;
import static io.migkb.rules.Inv.POOL10;
import static io.migkb.rules.Inv.POOL13;
import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.model.Client;
import io.migkb.model.Finding;
import io.migkb.model.Need;
import io.migkb.model.Severity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** "Migrating Users Based on Their Conferencing Needs": frequent organizers and Live Meeting users. */
class MigratingUsersBasedOnConferencingNeedsRulesTest {
    private static final String ALICE = "alice@contoso.com";
    private static final String BOB = "bob@contoso.com";

    @Nested
    class PlanEarlyOrganizer {
        private static final String RULE = "PLAN-EARLY-ORGANIZER";

        @ParameterizedTest
        @ValueSource(strings = {OCS, POOL10})
        void organizerAtTheDefaultThresholdIsAdvisedToMoveEarly(String pool) {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, pool, Client.LYNC_2010, u -> u.meetingsPerMonth(10)));

            Finding f = findings.single(RULE, "user:" + ALICE);
            assertFinding(f, Severity.ADVICE, CONFERENCING_NEEDS, ALICE);
            assertThat(f.getConcerns()).isEqualTo(ALICE);
            assertThat(f.getMessage()).contains("10");
        }

        @Test
        void organizerOneBelowTheDefaultThresholdIsNotAdvised() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL10, Client.LYNC_2010, u -> u.meetingsPerMonth(9)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void thePlansThresholdDecides() {
            Findings findings = Findings.assess(Inv.inventory()
                    .frequentOrganizerThreshold(25)
                    .user(ALICE, POOL10, Client.LYNC_2010, u -> u.meetingsPerMonth(25))
                    .user(BOB, POOL10, Client.LYNC_2010, u -> u.meetingsPerMonth(24)));

            assertThat(findings.subjects(RULE)).containsExactly("user:" + ALICE);
            assertThat(findings.single(RULE, "user:" + ALICE).getMessage()).contains("25");
        }

        @Test
        void migratedFrequentOrganizerIsNotAdvised() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL13, Client.LYNC_2013, u -> u.meetingsPerMonth(50)));

            assertThat(findings.of(RULE)).isEmpty();
        }
    }

    @Nested
    class PlanLiveMeetingNeeds {
        private static final String RULE = "PLAN-LIVE-MEETING-NEEDS";

        @Test
        void ocsUserNeedingLargeMeetingsIsToldToStayOnOcsWithoutLiveMeetingService() {
            Findings findings = Findings.assess(Inv.inventory()
                    .liveMeetingService(false)
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2, u -> u.needs(Need.LARGE_MEETINGS)));

            Finding f = findings.single(RULE, "user:" + ALICE);
            assertFinding(f, Severity.WARNING, CONFERENCING_NEEDS, ALICE);
            assertThat(f.getConcerns()).isEqualTo(ALICE);
            assertThat(f.getMessage()).contains("large meetings");
            assertThat(f.getRemedy()).contains("available to " + ALICE + ": leave them homed")
                    .contains("Office Communications Server 2007 R2");
        }

        @Test
        void ocsUserNeedingBreakoutRoomsIsAdvisedTheLiveMeetingServiceWhenAvailable() {
            Findings findings = Findings.assess(Inv.inventory()
                    .liveMeetingService(true)
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2, u -> u.needs(Need.BREAKOUT_ROOMS)));

            Finding f = findings.single(RULE, "user:" + ALICE);
            assertFinding(f, Severity.WARNING, CONFERENCING_NEEDS, ALICE);
            assertThat(f.getMessage()).contains("break-out rooms");
            assertThat(f.getRemedy()).contains("Live Meeting service").doesNotContain("homed on");
        }

        @Test
        void remedyDependsOnlyOnTheLiveMeetingServiceFlag() {
            Inv without = Inv.inventory().liveMeetingService(false)
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2, u -> u.needs(Need.LARGE_MEETINGS));
            Inv with = Inv.inventory().liveMeetingService(true)
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2, u -> u.needs(Need.LARGE_MEETINGS));

            Finding stay = Findings.assess(without).single(RULE, "user:" + ALICE);
            Finding service = Findings.assess(with).single(RULE, "user:" + ALICE);
            assertThat(stay.getMessage()).isEqualTo(service.getMessage());
            assertThat(stay.getRemedy()).isNotEqualTo(service.getRemedy());
        }

        @Test
        void bothNeedsGiveOneFinding() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2, u -> u.needs(Need.LARGE_MEETINGS, Need.BREAKOUT_ROOMS)));

            Finding f = findings.single(RULE, "user:" + ALICE);
            assertThat(f.getMessage()).contains("large meetings").contains("break-out rooms");
        }

        @ParameterizedTest
        @ValueSource(strings = {POOL10, POOL13})
        void lyncUserNeedingLiveMeetingFeaturesIsNotThisRule(String pool) {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, pool, Client.LYNC_2010, u -> u.needs(Need.LARGE_MEETINGS, Need.BREAKOUT_ROOMS)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = Need.class, names = {"RECORDING", "DIAL_IN"})
        void ocsUserWithOtherNeedsIsNotThisRule(Need need) {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2, u -> u.needs(need)));

            assertThat(findings.of(RULE)).isEmpty();
        }
    }
}
