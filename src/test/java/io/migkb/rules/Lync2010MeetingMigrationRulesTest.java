package io.migkb.rules;

import static io.migkb.rules.Findings.FROM_LYNC_2010;
import static io.migkb.rules.Findings.assertFinding;
import static io.migkb.rules.Inv.OCS;
import static io.migkb.rules.Inv.POOL10;
import static io.migkb.rules.Inv.POOL13;
import static io.migkb.rules.Inv.conf;
import static io.migkb.rules.Inv.https;
import static io.migkb.rules.Inv.meet;
import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.model.Client;
import io.migkb.model.Content;
import io.migkb.model.Finding;
import io.migkb.model.Need;
import io.migkb.model.Severity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** "Migrating Meetings from Lync Server 2010": what moves with the user, what does not. */
class Lync2010MeetingMigrationRulesTest {
    private static final String ALICE = "alice@contoso.com";
    private static final String BOB = "bob@contoso.com";

    @Nested
    class MoveMeetingsCarry {
        private static final String RULE = "MOVE-MEETINGS-CARRY";

        @Test
        void lync2010OrganizerIsToldTheMeetingsMoveWithTheAccountOncePerUser() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL10, Client.LYNC_2010)
                    .meeting("m1", ALICE, https(ALICE))
                    .meeting("m2", ALICE, https(ALICE)));

            Finding f = findings.single(RULE, "user:" + ALICE);
            assertFinding(f, Severity.INFO, FROM_LYNC_2010, ALICE);
            assertThat(f.getConcerns()).isEqualTo(ALICE);
            assertThat(f.getMessage()).contains("2 scheduled meeting");
        }

        @Test
        void lync2010UserWithoutMeetingsOfTheirOwnGetsNothing() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL10, Client.LYNC_2010)
                    .user(BOB, POOL10, Client.LYNC_2010)
                    .meeting("m1", BOB, https(BOB), m -> m.participants(ALICE)));

            assertThat(findings.subjects(RULE)).containsExactly("user:" + BOB);
        }

        @Test
        void lync2010UserWithOnlyLegacyMeetingsGetsNothing() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL10, Client.LYNC_2010)
                    .meeting("c1", ALICE, conf(ALICE))
                    .meeting("w1", ALICE, meet(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void migratedOrganizerGetsNothing() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL13, Client.LYNC_2013)
                    .meeting("m1", ALICE, https(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void ocsOrganizerGetsNothing() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2)
                    .meeting("w1", ALICE, meet(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
        }
    }

    @Nested
    class MoveContentLost {
        private static final String RULE = "MOVE-CONTENT-LOST";

        @Test
        void contentOfLync2010MeetingIsLostWithoutMoveConferenceData() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL10, Client.LYNC_2010)
                    .meeting("m1", ALICE, https(ALICE), m -> m.content(Content.POWERPOINT, Content.WHITEBOARD)));

            Finding f = findings.single(RULE, "meeting:m1");
            assertFinding(f, Severity.WARNING, FROM_LYNC_2010, ALICE);
            assertThat(f.getConcerns()).isEqualTo(ALICE);
            // Known correction: the switch is -MoveConferenceData, not the article's MoveMeetingContent.
            assertThat(f.getRemedy()).contains("Move-CsUser -MoveConferenceData");
        }

        @Test
        void oneFindingPerMeetingWithContent() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL10, Client.LYNC_2010)
                    .meeting("m1", ALICE, https(ALICE), m -> m.content(Content.POLL))
                    .meeting("m2", ALICE, https(ALICE), m -> m.content(Content.ATTACHMENT))
                    .meeting("m3", ALICE, https(ALICE)));

            assertThat(findings.subjects(RULE)).containsExactlyInAnyOrder("meeting:m1", "meeting:m2");
        }

        @Test
        void nothingIsLostWhenThePlanMovesConferenceData() {
            Findings findings = Findings.assess(Inv.inventory()
                    .moveConferenceData(true)
                    .user(ALICE, POOL10, Client.LYNC_2010)
                    .meeting("m1", ALICE, https(ALICE), m -> m.content(Content.POWERPOINT)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void meetingWithoutContentLosesNothing() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL10, Client.LYNC_2010)
                    .meeting("m1", ALICE, https(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void ocsOrganizersMeetingIsNotALync2010Meeting() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, OCS, Client.COMMUNICATOR_2007_R2)
                    .meeting("w1", ALICE, meet(ALICE), m -> m.content(Content.POWERPOINT)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void migratedOrganizersMeetingHasNothingLeftToMove() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL13, Client.LYNC_2013)
                    .meeting("m1", ALICE, https(ALICE), m -> m.content(Content.POWERPOINT)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void participantOnLync2010DoesNotMakeTheMeetingALync2010Meeting() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL13, Client.LYNC_2013)
                    .user(BOB, POOL10, Client.LYNC_2010)
                    .meeting("m1", ALICE, https(ALICE), m -> m.content(Content.POWERPOINT).participants(BOB)));

            assertThat(findings.of(RULE)).isEmpty();
        }
    }

    @Nested
    class MovePinKeepsWorking {
        private static final String RULE = "MOVE-PIN-KEEPS-WORKING";

        @Test
        void lync2010DialInUsersPinKeepsWorkingAfterTheMove() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL10, Client.LYNC_2010, u -> u.needs(Need.DIAL_IN))
                    .meeting("m1", ALICE, https(ALICE)));

            Finding f = findings.single(RULE, "user:" + ALICE);
            assertFinding(f, Severity.INFO, FROM_LYNC_2010, ALICE);
            assertThat(f.getConcerns()).isEqualTo(ALICE);
            assertThat(f.getMessage()).contains("PIN");
        }

        @Test
        void lync2010UserWithoutDialInHasNoPinToKeep() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, POOL10, Client.LYNC_2010, u -> u.needs(Need.RECORDING)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {OCS, POOL13})
        void dialInUserNotOnLync2010IsNotThisRule(String pool) {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ALICE, pool, Client.LYNC_2013, u -> u.needs(Need.DIAL_IN)));

            assertThat(findings.of(RULE)).isEmpty();
        }
    }
}
