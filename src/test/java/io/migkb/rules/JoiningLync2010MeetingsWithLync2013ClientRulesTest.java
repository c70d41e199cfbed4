package io.migkb.rules;

import static io.migkb.rules.Findings.JOINING_2010_MEETINGS;
import static io.migkb.rules.Findings.assertFinding;
import static io.migkb.rules.Inv.OCS;
import static io.migkb.rules.Inv.POOL10;
import static io.migkb.rules.Inv.POOL13;
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

/** "Joining Lync Server 2010 Meetings with a Lync 2013 Client": coexistence limits. */
class JoiningLync2010MeetingsWithLync2013ClientRulesTest {
    private static final String ORGANIZER = "olga@contoso.com";
    private static final String ALICE = "alice@contoso.com";
    private static final String BOB = "bob@contoso.com";
    private static final String DAVE = "dave@fabrikam.com";

    /** A meeting organized on Lync Server 2010 with one Lync 2013 participant. */
    private static Inv lync2010Meeting(java.util.function.Consumer<Inv.MeetingSpec> spec) {
        return Inv.inventory()
                .user(ORGANIZER, POOL10, Client.LYNC_2010)
                .user(ALICE, POOL13, Client.LYNC_2013)
                .meeting("m1", ORGANIZER, https(ORGANIZER), m -> spec.accept(m.participants(ALICE)));
    }

    @Nested
    class Coex2010Meeting {
        private static final String RULE = "COEX-2010-MEETING";

        @Test
        void lync2013ParticipantInLync2010MeetingLosesSpotlightAndPin() {
            Findings findings = Findings.assess(lync2010Meeting(m -> { }));

            Finding f = findings.single(RULE, "meeting:m1");
            assertFinding(f, Severity.INFO, JOINING_2010_MEETINGS, ALICE);
            assertThat(f.getConcerns()).isEqualTo(ALICE);
            assertThat(f.getMessage()).contains("Lock the Video Spotlight").contains("Pin to Gallery");
        }

        @Test
        void galleryViewLossIsNotClaimedForMeetingWithoutVideo() {
            Findings findings = Findings.assess(lync2010Meeting(m -> { }));

            assertThat(findings.single(RULE, "meeting:m1").getMessage()).doesNotContain("Gallery View");
        }

        @Test
        void federatedLync2013ParticipantIsCoveredToo() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL10, Client.LYNC_2010)
                    .federated(DAVE, Client.LYNC_2013)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.participants(DAVE)));

            assertFinding(findings.single(RULE, "meeting:m1"), Severity.INFO, JOINING_2010_MEETINGS, DAVE);
        }

        @Test
        void twoLync2013ParticipantsGiveTwoFindingsOnTheMeeting() {
            Findings findings = Findings.assess(lync2010Meeting(m -> m.participants(BOB))
                    .user(BOB, POOL10, Client.LYNC_2013));

            assertThat(findings.subjects(RULE)).containsExactly("meeting:m1", "meeting:m1");
            assertThat(findings.concerns(RULE)).containsExactlyInAnyOrder(ALICE, BOB);
        }

        @Test
        void lync2013ParticipantInMeetingOrganizedOnLync2013IsNotCoexistence() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .user(ALICE, POOL13, Client.LYNC_2013)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.participants(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void lync2013ParticipantInOcsOrganizersMeetingIsNotThisRule() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, OCS, Client.COMMUNICATOR_2007_R2)
                    .user(ALICE, POOL13, Client.LYNC_2013)
                    .meeting("w1", ORGANIZER, meet(ORGANIZER), m -> m.participants(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = Client.class, names = {"LYNC_2010", "LYNC_WEB_APP_2010", "COMMUNICATOR_2007_R2"})
        void participantWithoutLync2013ClientIsNotThisRule(Client client) {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL10, Client.LYNC_2010)
                    .user(ALICE, POOL10, client)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.participants(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
        }
    }

    @Nested
    class CoexNoMeetingIm {
        private static final String RULE = "COEX-NO-MEETING-IM";

        @Test
        void noMeetingImDoesNotTakeEffectForLync2013Participant() {
            Findings findings = Findings.assess(lync2010Meeting(m -> m.noMeetingIm()));

            Finding f = findings.single(RULE, "meeting:m1");
            assertFinding(f, Severity.WARNING, JOINING_2010_MEETINGS, ALICE);
            assertThat(f.getConcerns()).isEqualTo(ALICE);
            assertThat(f.getMessage()).contains("No Meeting IM");
            assertThat(findings.subjects("COEX-2010-MEETING")).containsExactly("meeting:m1");
        }

        @Test
        void meetingWithoutNoMeetingImIsNotThisRule() {
            Findings findings = Findings.assess(lync2010Meeting(m -> { }));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void noMeetingImInMeetingOrganizedOnLync2013Works() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .user(ALICE, POOL13, Client.LYNC_2013)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.noMeetingIm().participants(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void noMeetingImWithLync2010ParticipantOnlyWorks() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL10, Client.LYNC_2010)
                    .user(ALICE, POOL10, Client.LYNC_2010)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.noMeetingIm().participants(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
        }
    }

    @Nested
    class Coex2010GalleryView {
        private static final String RULE = "COEX-2010-GALLERY-VIEW";

        @Test
        void lync2013ParticipantInLync2010VideoMeetingHasNoGalleryView() {
            Findings findings = Findings.assess(lync2010Meeting(m -> m.video()));

            Finding f = findings.single(RULE, "meeting:m1");
            assertFinding(f, Severity.INFO, JOINING_2010_MEETINGS, ALICE);
            assertThat(f.getConcerns()).isEqualTo(ALICE);
            assertThat(f.getMessage()).contains("Gallery View").contains("participant list");
        }

        @Test
        void meetingWithoutVideoIsNotThisRule() {
            Findings findings = Findings.assess(lync2010Meeting(m -> { }));

            assertThat(findings.of(RULE)).isEmpty();
        }

        @Test
        void videoMeetingOrganizedOnLync2013HasGalleryView() {
            Findings findings = Findings.assess(Inv.inventory()
                    .user(ORGANIZER, POOL13, Client.LYNC_2013)
                    .user(ALICE, POOL13, Client.LYNC_2013)
                    .meeting("m1", ORGANIZER, https(ORGANIZER), m -> m.video().participants(ALICE)));

            assertThat(findings.of(RULE)).isEmpty();
        }
    }
}
