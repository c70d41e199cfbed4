package io.migkb.plan;

import java.util.List;
import java.util.Objects;

/**
 * One step of the plan. Wave 0 prepares (tasks only, no moves); the waves after it move users; a last wave may hold
 * users back (no move command).
 *
 * @param number  0 for the preparation, then 1, 2, ... in the order to run them
 * @param kind    what the wave is for
 * @param title   a short title ("Frequent organizers")
 * @param purpose one or two sentences: why these users, why now
 * @param users   the users of the wave, in the order their moves are written
 * @param tasks   what to do or tell people before (wave 0) or right after (other waves) the moves
 */
public record Wave(int number, Kind kind, String title, String purpose, List<UserMove> users, List<String> tasks,
                   List<DirectoryMove> directories) {
    /** A conference directory the wave's script moves to the target pool, after the users (Move-CsConferenceDirectory). */
    public record DirectoryMove(String identity, String pool) {
    }

    /** A wave that moves no conference directory. */
    public Wave(int number, Kind kind, String title, String purpose, List<UserMove> users, List<String> tasks) {
        this(number, kind, title, purpose, users, tasks, List.of());
    }

    public enum Kind {
        /** Before anyone moves: notify and reschedule. */
        PREPARE,
        /** Frequent meeting organizers (PLAN-EARLY-ORGANIZER), moved early. */
        FREQUENT_ORGANIZERS,
        /** Everyone else still homed on one source pool. */
        POOL,
        /** Users left homed on OCS 2007 R2 (PLAN-LIVE-MEETING-NEEDS without a Live Meeting service). */
        HELD_BACK
    }

    public Wave {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(purpose, "purpose");
        users = List.copyOf(users);
        tasks = List.copyOf(tasks);
        directories = List.copyOf(directories);
    }

    /** True for waves with a PowerShell script: every wave but the preparation. */
    public boolean hasScript() {
        return kind != Kind.PREPARE;
    }

    /** The script's file name: {@code wave-1.ps1}. */
    public String scriptName() {
        return "wave-" + number + ".ps1";
    }
}
