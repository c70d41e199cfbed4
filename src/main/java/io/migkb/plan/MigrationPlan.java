package io.migkb.plan;

import io.migkb.model.Coverage;
import io.migkb.model.Coverage.NotAssessedUser;
import java.util.List;
import java.util.Optional;

/**
 * A wave plan: who moves when, with which cmdlet, and what happens to each meeting. Built by {@link Planner}; written
 * by {@link PlanFormat}s and {@link PowerShellScript}. Holds no date or time, so the same inventory and rules always
 * give the same plan, byte for byte.
 *
 * @param organization        the inventory's organization, or null
 * @param source              the inventory file
 * @param targetPool          the Lync Server 2013 pool users move to
 * @param moveConferenceData  the plan's choice for Lync Server 2010 users' meeting content
 * @param liveMeetingService  whether a Live Meeting service is available
 * @param waves               wave 0 (preparation) first, then the moves in order, the held-back wave last
 * @param meetings            every meeting of the inventory, in inventory order
 * @param alreadyMigrated     users already homed on Lync Server 2013 (not in any wave), in inventory order
 * @param notAssessed         users of the customer's exports left out of the assessment (disabled, no Registrar pool,
 *                            a pool outside the migration): in no wave and no script, but listed so none vanishes
 */
public record MigrationPlan(String organization, String source, String targetPool, boolean moveConferenceData,
                            boolean liveMeetingService, List<Wave> waves, List<MeetingPlan> meetings,
                            List<String> alreadyMigrated, List<NotAssessedUser> notAssessed) {
    /** The file of the CSV plan that lists {@link #notAssessed}; the summary and the scripts point to it. */
    public static final String NOT_ASSESSED_CSV = "plan-not-assessed.csv";

    public MigrationPlan {
        waves = List.copyOf(waves);
        meetings = List.copyOf(meetings);
        alreadyMigrated = List.copyOf(alreadyMigrated);
        notAssessed = List.copyOf(notAssessed);
    }

    public Optional<Wave> wave(int number) {
        return waves.stream().filter(w -> w.number() == number).findFirst();
    }

    /** The waves with a script, in order. */
    public List<Wave> scriptedWaves() {
        return waves.stream().filter(Wave::hasScript).toList();
    }

    /** How many users the plan moves (held-back users not counted). */
    public int moveCount() {
        return (int) waves.stream().flatMap(w -> w.users().stream()).filter(u -> u.command() != MoveCommand.NONE).count();
    }

    /** How many users the plan holds back. */
    public int heldBackCount() {
        return (int) waves.stream().flatMap(w -> w.users().stream()).filter(u -> u.command() == MoveCommand.NONE).count();
    }

    /** "2 users not assessed (1 disabled, 1 without a Registrar pool)"; "0 users not assessed" when none. */
    public String notAssessedSummary() {
        return Coverage.describe(notAssessed).replaceFirst("^(\\d+ users?)", "$1 not assessed");
    }
}
