package io.migkb.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migkb.engine.TestRules;
import io.migkb.model.Client;
import io.migkb.model.Inventory;
import io.migkb.model.Plan;
import io.migkb.model.ServerVersion;
import io.migkb.model.User;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The waves and dispositions of examples/contoso.json, and what changes them. */
class PlannerTest {
    private static List<String> users(Wave w) {
        return w.users().stream().map(UserMove::sip).toList();
    }

    private static MeetingPlan meeting(MigrationPlan plan, String id) {
        return plan.meetings().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void contosoMovesFrequentOrganizersFirstThenLync2010ThenOcsAndHoldsTheLiveMeetingUserBack() throws Exception {
        MigrationPlan plan = Contoso.plan();

        assertThat(plan.waves()).extracting(Wave::number, Wave::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, Wave.Kind.PREPARE),
                org.assertj.core.groups.Tuple.tuple(1, Wave.Kind.FREQUENT_ORGANIZERS),
                org.assertj.core.groups.Tuple.tuple(2, Wave.Kind.POOL),
                org.assertj.core.groups.Tuple.tuple(3, Wave.Kind.POOL),
                org.assertj.core.groups.Tuple.tuple(4, Wave.Kind.HELD_BACK));
        assertThat(users(plan.waves().get(0))).isEmpty();
        assertThat(users(plan.waves().get(1))).as("erin organizes 12 a month; alice (25) is held back")
                .containsExactly("erin@contoso.com");
        assertThat(plan.waves().get(2).title()).contains("pool10.contoso.com");
        assertThat(users(plan.waves().get(2))).containsExactly("frank@contoso.com");
        assertThat(plan.waves().get(3).title()).contains("ocs.contoso.com");
        assertThat(users(plan.waves().get(3))).containsExactly("dave@contoso.com", "reception@contoso.com",
                "judy@contoso.com");
        assertThat(users(plan.waves().get(4))).containsExactly("alice@contoso.com");
        assertThat(plan.alreadyMigrated()).containsExactly("bob@contoso.com", "grace@contoso.com", "ivy@contoso.com");
        assertThat(plan.moveCount()).isEqualTo(5);
        assertThat(plan.heldBackCount()).isEqualTo(1);
    }

    @Test
    void eachUserGetsTheCmdletOfTheServerTheyAreOn() throws Exception {
        MigrationPlan plan = Contoso.plan();
        List<UserMove> all = plan.waves().stream().flatMap(w -> w.users().stream()).toList();

        assertThat(all).filteredOn(u -> u.from() == ServerVersion.OCS_2007_R2 && !u.sip().startsWith("alice"))
                .isNotEmpty().allSatisfy(u -> assertThat(u.command()).isEqualTo(MoveCommand.MOVE_CS_LEGACY_USER));
        assertThat(all).filteredOn(u -> u.from() == ServerVersion.LYNC_2010)
                .isNotEmpty().allSatisfy(u -> {
                    assertThat(u.command()).isEqualTo(MoveCommand.MOVE_CS_USER);
                    assertThat(u.moveConferenceData()).as("contoso's plan says moveConferenceData false").isFalse();
                });
        assertThat(plan.waves().get(4).users()).singleElement().satisfies(alice -> {
            assertThat(alice.command()).isEqualTo(MoveCommand.NONE);
            assertThat(alice.notes()).anyMatch(n -> n.contains("no Live Meeting service is available"));
        });
    }

    @Test
    void contosoMeetingDispositions() throws Exception {
        MigrationPlan plan = Contoso.plan();

        assertThat(plan.meetings()).extracting(MeetingPlan::id, MeetingPlan::disposition, MeetingPlan::wave)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("m-001", Disposition.STAYS_ON_OCS_2007_R2, 4),
                        org.assertj.core.groups.Tuple.tuple("m-002", Disposition.RESCHEDULE_AND_RESEND, 3),
                        org.assertj.core.groups.Tuple.tuple("m-003", Disposition.CONTENT_LOST_UNLESS_MOVE_CONFERENCE_DATA, 1),
                        org.assertj.core.groups.Tuple.tuple("m-004", Disposition.RESCHEDULE_FOR_FEDERATED_USERS, 0),
                        org.assertj.core.groups.Tuple.tuple("m-005", Disposition.ALREADY_ON_LYNC_2013, 0),
                        org.assertj.core.groups.Tuple.tuple("m-006", Disposition.CARRIES_OVER, 2));
        assertThat(meeting(plan, "m-004").federatedUsers()).containsExactly("carol@fabrikam.com", "henry@fabrikam.com");
        assertThat(meeting(plan, "m-004").action()).startsWith("Now").contains("Lync Web App");
        assertThat(meeting(plan, "m-002").action()).contains("After dave@contoso.com moves in wave 3", "resends it");
        assertThat(meeting(plan, "m-003").action()).contains("POWERPOINT", "-MoveConferenceData");
        assertThat(meeting(plan, "m-004").rules()).contains("FED-LOCKED-OC2007");
    }

    @Test
    void waveZeroTellsPartnersAndOrganizersBeforeAnyoneMoves() throws Exception {
        Wave prepare = Contoso.plan().waves().get(0);

        assertThat(prepare.hasScript()).isFalse();
        assertThat(prepare.tasks()).anySatisfy(t -> assertThat(t).startsWith("Tell fabrikam.com")
                .contains("carol@fabrikam.com", "henry@fabrikam.com", "m-004", "Lync Web App"));
        assertThat(prepare.tasks()).anySatisfy(t -> assertThat(t).contains("dave@contoso.com (moves in wave 3)", "m-002"));
        // m-004 is an https:// meeting on Lync Server 2013 already: its link is sent, it is not rescheduled
        assertThat(prepare.tasks()).anySatisfy(t -> assertThat(t).contains("grace@contoso.com", "m-004", "https:// links",
                "unlock"));
        assertThat(prepare.tasks()).noneSatisfy(t -> assertThat(t).contains("reschedule now: m-004"));
        assertThat(prepare.tasks()).anySatisfy(t -> assertThat(t).contains("keep a copy", "m-003"));
    }

    @Test
    void withALiveMeetingServiceTheUserMovesAndIsAdvisedToUseIt() throws Exception {
        MigrationPlan plan = Contoso.plan(false, true);

        assertThat(plan.waves()).noneMatch(w -> w.kind() == Wave.Kind.HELD_BACK);
        Wave first = plan.waves().get(1);
        assertThat(users(first)).as("most meetings first").containsExactly("alice@contoso.com", "erin@contoso.com");
        assertThat(first.users().get(0).command()).isEqualTo(MoveCommand.MOVE_CS_LEGACY_USER);
        assertThat(first.users().get(0).notes()).anyMatch(n -> n.contains("Live Meeting service"));
        MeetingPlan m001 = meeting(plan, "m-001");
        assertThat(m001.disposition()).isEqualTo(Disposition.RESCHEDULE_AND_RESEND);
        assertThat(m001.wave()).isEqualTo(1);
        assertThat(m001.action()).contains("carol@fabrikam.com", "Lync Web App");
    }

    @Test
    void aUserWhoSchedulesLiveMeetingServiceMeetingsHasTheServiceAndMovesAsAFrequentOrganizer() throws Exception {
        // alice, as Contoso has her, but scheduling Live Meeting service meetings herself: no service for the
        // organization, yet one for her
        Inventory i = Contoso.inventory();
        List<User> users = i.getUsers().stream().map(u -> !u.getSip().equals("alice@contoso.com") ? u
                : new User(u.getSip(), u.getPool(), u.getServerVersion(), u.getClient(), u.getClientVersion(),
                        u.getMeetingsPerMonth(), u.getNeeds(), u.getAddIns(), true)).toList();
        Inventory changed = new Inventory(i.getOrganization(), i.getPlan(), i.getPools(), users, i.getFederatedUsers(),
                i.getMeetings(), i.getLocations());
        MigrationPlan plan = Planner.plan(changed, TestRules.assessor().assess(changed).findings(), Contoso.SOURCE);

        assertThat(plan.waves()).noneMatch(w -> w.kind() == Wave.Kind.HELD_BACK);
        assertThat(users(plan.waves().get(1))).containsExactly("alice@contoso.com", "erin@contoso.com");
        assertThat(plan.waves().get(1).users().get(0).notes())
                .anyMatch(n -> n.contains("Live Meeting service, which they already use"))
                .anyMatch(n -> n.contains("Conferencing Add-in"));
    }

    @Test
    void thePlanNamesTheFindingsDeferredUntilTheHeldBackOrganizerMoves() throws Exception {
        MigrationPlan plan = Contoso.plan();
        UserMove alice = plan.waves().get(4).users().get(0);

        assertThat(alice.notes()).anyMatch(n -> n.startsWith("Deferred until they move (the assessment marks them so):")
                && n.contains("CLIENT-IM-ONLY"));
        assertThat(meeting(plan, "m-001").action()).contains("Keeps working on OCS 2007 R2")
                .contains("URL-LEGACY-MEET").contains("are deferred until then");
    }

    @Test
    void usersWhoseClientCannotSignInToLync2013AreFlaggedWithTheReplacement() throws Exception {
        MigrationPlan plan = Contoso.plan();
        UserMove reception = plan.waves().stream().flatMap(w -> w.users().stream())
                .filter(u -> u.sip().equals("reception@contoso.com")).findFirst().orElseThrow();

        assertThat(reception.notes()).anyMatch(n -> n.contains("CLIENT-CANNOT-SIGN-IN")
                && n.contains("the Lync 2010 Attendant") && n.contains("Do not run this move until then"));
        assertThat(plan.waves().get(0).tasks()).anySatisfy(t -> assertThat(t)
                .contains("Replace the clients of judy@contoso.com, reception@contoso.com before they move"));
    }

    @Test
    void movingConferenceDataCarriesTheContentOver() throws Exception {
        MigrationPlan plan = Contoso.plan(true, false);

        assertThat(meeting(plan, "m-003").disposition()).isEqualTo(Disposition.CARRIES_OVER);
        assertThat(meeting(plan, "m-003").action()).contains("moves too (-MoveConferenceData)");
        assertThat(plan.waves().get(1).users()).singleElement()
                .satisfies(erin -> assertThat(erin.moveConferenceData()).isTrue());
    }

    @Test
    void waivedFindingsDoNotShapeThePlan() throws Exception {
        MigrationPlan plan = Contoso.planWithout(f -> f.getRule().equals("PLAN-EARLY-ORGANIZER")
                || f.getRule().equals("PLAN-LIVE-MEETING-NEEDS"));

        assertThat(plan.waves()).extracting(Wave::kind).containsExactly(Wave.Kind.PREPARE, Wave.Kind.POOL, Wave.Kind.POOL);
        assertThat(users(plan.waves().get(1))).containsExactly("erin@contoso.com", "frank@contoso.com");
        assertThat(users(plan.waves().get(2))).contains("alice@contoso.com");
    }

    @Test
    void thePlanIsTheSameEveryTime() throws Exception {
        Set<PlanFormat> all = EnumSet.allOf(PlanFormat.class);
        List<PlanFile> first = PlanFormat.files(Contoso.plan(), all);
        List<PlanFile> second = PlanFormat.files(Contoso.plan(), all);

        assertThat(first).hasSameSizeAs(second);
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).name()).isEqualTo(second.get(i).name());
            assertThat(first.get(i).content()).as(first.get(i).name()).isEqualTo(second.get(i).content());
        }
        assertThat(first).extracting(PlanFile::name).containsExactly("plan-waves.csv", "plan-meetings.csv",
                "plan-tasks.csv", "plan-not-assessed.csv", "plan.md", "plan.html", "wave-1.ps1", "wave-2.ps1", "wave-3.ps1", "wave-4.ps1");
    }

    @Test
    void longListsInTasksStayReadable() {
        List<String> many = java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(i -> "m-" + i).toList();

        assertThat(Planner.list(many)).startsWith("m-1, m-2, ").endsWith("m-25 and 5 more");
        assertThat(Planner.list(many.subList(0, 3))).isEqualTo("m-1, m-2, m-3");
    }

    @Test
    void noLync2013PoolMeansNoPlan() {
        Plan plan = Contoso.inventory().getPlan();
        Inventory nowhere = Contoso.with(new Plan(null, false, false, false, 10, Map.of()));

        assertThatThrownBy(() -> Planner.plan(nowhere, List.of(), "x.json")).isInstanceOf(PlanException.class)
                .hasMessageContaining("LYNC_2013").hasMessageContaining("plan.targetPool");
        assertThat(plan.getTargetPool()).isEqualTo("pool13.contoso.com");
    }

    @Test
    void aSipAddressWithALineBreakIsRefusedRatherThanWrittenIntoAScript() {
        Inventory i = Contoso.inventory();
        List<User> users = new ArrayList<>(i.getUsers());
        users.add(new User("eve@contoso.com\nRemove-CsUser x", "pool10.contoso.com", ServerVersion.LYNC_2010,
                Client.LYNC_2010, null, 0, Set.of(), Set.of(), false));
        Inventory bad = new Inventory(i.getOrganization(), i.getPlan(), i.getPools(), users, i.getFederatedUsers(),
                i.getMeetings(), i.getLocations());

        assertThatThrownBy(() -> Planner.plan(bad, List.of(), "x.json")).isInstanceOf(PlanException.class)
                .hasMessageContaining("control character");
    }
}
