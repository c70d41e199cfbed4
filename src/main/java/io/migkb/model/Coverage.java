package io.migkb.model;

import java.util.List;
import java.util.Objects;

/**
 * How much of the estate the inputs covered: users whose client is known, Registrar pools with a server version,
 * meetings whose participants are known, and the users who are counted but not assessed (a disabled account, no
 * Registrar pool, a pool outside the migration). Every report's summary shows it; the plan lists the users not
 * assessed, so that none vanishes.
 *
 * @param usersWithClient          assessed users whose client is known
 * @param users                    assessed users
 * @param poolsWithVersion         pools of the inventory whose server version is known (all of them: a pool users
 *                                 are homed on with no version stops the read)
 * @param pools                    pools of the inventory
 * @param meetingsWithParticipants meetings with at least one participant besides the organizer
 * @param meetings                 meetings
 * @param notAssessed              users left out of the assessment, each with why
 * @param meetingsExpired          scheduled meetings past their expiry or end (conference database, calendars), skipped
 * @param meetingsOfOthers         scheduled meetings whose organizer is not assessed (disabled, gone), skipped
 */
public record Coverage(int usersWithClient, int users, int poolsWithVersion, int pools, int meetingsWithParticipants,
                       int meetings, List<NotAssessedUser> notAssessed, int meetingsExpired, int meetingsOfOthers) {

    /** A user of the customer's exports who is counted but not assessed. */
    public record NotAssessedUser(String sip, Reason reason, String detail, SourceLocation location) {
        public NotAssessedUser {
            Objects.requireNonNull(sip, "sip");
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? "" : detail;
        }
    }

    /** Why a user is not assessed. */
    public enum Reason {
        DISABLED("disabled"),
        NO_POOL("without a Registrar pool"),
        OUT_OF_SCOPE_POOL("homed on a pool outside the migration");

        private final String wording;

        Reason(String wording) {
            this.wording = wording;
        }

        /** "disabled", "without a Registrar pool", …: as a summary says them. */
        public String wording() {
            return wording;
        }
    }

    public Coverage {
        notAssessed = List.copyOf(notAssessed);
    }

    /** A coverage with no scheduled meetings skipped. */
    public Coverage(int usersWithClient, int users, int poolsWithVersion, int pools, int meetingsWithParticipants,
                    int meetings, List<NotAssessedUser> notAssessed) {
        this(usersWithClient, users, poolsWithVersion, pools, meetingsWithParticipants, meetings, notAssessed, 0, 0);
    }

    /** This coverage with the scheduled meetings a reader skipped. */
    public Coverage withSkippedMeetings(int expired, int ofOthers) {
        return new Coverage(usersWithClient, users, poolsWithVersion, pools, meetingsWithParticipants, meetings,
                notAssessed, expired, ofOthers);
    }

    /** What a complete inventory covers: every user's client and every pool's version are known by construction. */
    public static Coverage of(Inventory inventory) {
        return of(inventory, List.of());
    }

    /** The coverage of {@code inventory}, counted from its elements, with the users the reader left out. */
    public static Coverage of(Inventory inventory, List<NotAssessedUser> notAssessed) {
        int withClient = 0;
        for (User u : inventory.getUsers()) {
            if (u.getClient().isKnown()) {
                withClient++;
            }
        }
        int withParticipants = 0;
        for (Meeting m : inventory.getMeetings()) {
            if (!m.getParticipants().isEmpty()) {
                withParticipants++;
            }
        }
        int pools = inventory.getPools().size();
        return new Coverage(withClient, inventory.getUsers().size(), pools, pools, withParticipants,
                inventory.getMeetings().size(), notAssessed);
    }

    /**
     * One line for a summary: "users with client data 10 of 12; pools with a server version 3 of 3; meetings with
     * participants 4 of 4; not assessed 2 users (1 disabled, 1 without a Registrar pool)".
     */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append("users with client data ").append(usersWithClient).append(" of ").append(users);
        s.append("; pools with a server version ").append(poolsWithVersion).append(" of ").append(pools);
        s.append("; meetings with participants ").append(meetingsWithParticipants).append(" of ").append(meetings);
        s.append("; not assessed ").append(describe(notAssessed));
        if (meetingsExpired + meetingsOfOthers > 0) {
            s.append("; scheduled meetings skipped ").append(meetingsExpired + meetingsOfOthers).append(" (")
                    .append(meetingsExpired).append(" expired or ended, ").append(meetingsOfOthers)
                    .append(" of organizers not assessed)");
        }
        return s.toString();
    }

    /** "2 users (1 disabled, 1 without a Registrar pool)", "0 users": how many are not assessed, and why. */
    public static String describe(List<NotAssessedUser> notAssessed) {
        StringBuilder s = new StringBuilder().append(notAssessed.size())
                .append(notAssessed.size() == 1 ? " user" : " users");
        if (!notAssessed.isEmpty()) {
            StringBuilder why = new StringBuilder();
            for (Reason r : Reason.values()) {
                long n = notAssessed.stream().filter(u -> u.reason() == r).count();
                if (n > 0) {
                    why.append(why.length() == 0 ? "" : ", ").append(n).append(' ').append(r.wording());
                }
            }
            s.append(" (").append(why).append(')');
        }
        return s.toString();
    }
}
