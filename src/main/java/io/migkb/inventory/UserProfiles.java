package io.migkb.inventory;

import io.migkb.inventory.CsvInputs.Column;
import io.migkb.inventory.CsvInputs.Table;
import io.migkb.model.AddIn;
import io.migkb.model.Need;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * migkb's own {@code profiles.csv} beside a customer's exports: what no cmdlet exports of a user (meetings a month,
 * conferencing needs, add-ins, Live Meeting scheduling), one row per user of the Get-CsUser export, by position.
 */
final class UserProfiles {
    /** What profiles.csv says of one user. */
    record Profile(int meetingsPerMonth, Set<Need> needs, Set<AddIn> addIns, boolean liveMeeting) {
    }

    /** A user without a row: no meetings counted, no needs, no add-ins. */
    static final Profile NONE = new Profile(0, Set.of(), Set.of(), false);

    private static final int R_SIP = 0, R_MEETINGS = 1, R_NEEDS = 2, R_ADDINS = 3, R_LIVE_MEETING = 4;
    static final List<Column> COLUMNS = List.of(
            new Column("sip", true, "the SIP address of a user of the Get-CsUser export", "SipAddress"),
            new Column("meetingsPerMonth", false, "a whole number", "MeetingsPerMonth"),
            new Column("needs", false, StructuredInventoryParser.allowedNames(Need.class) + ", separated by ; or |",
                    "Needs"),
            new Column("addIns", false, StructuredInventoryParser.allowedNames(AddIn.class) + ", separated by ; or |",
                    "AddIns"),
            new Column("schedulesLiveMeetingService", false, "true or false", "SchedulesLiveMeetingService"));

    private final Profile[] byUser;
    /** False when profiles.csv could not be read to its end (reported). */
    private boolean complete = true;

    private UserProfiles(int users) {
        byUser = new Profile[users];
    }

    boolean complete() {
        return complete;
    }

    /** User {@code index}'s profile, {@link #NONE} when profiles.csv has no row for them. */
    Profile of(int index) {
        return byUser[index] == null ? NONE : byUser[index];
    }

    /**
     * Reads profiles.csv when the folder has one. {@code userIndex} gives the position of the user with a lower-case
     * SIP address (-1: none), {@code leftOut} tells a user counted but not assessed (whose row is ignored), and
     * {@code userFiles} names the Get-CsUser exports for messages. Rows that are wrong are reported.
     */
    static UserProfiles read(CsvInputs in, int users, ToIntFunction<String> userIndex, Predicate<String> leftOut,
                             String userFiles) {
        UserProfiles profiles = new UserProfiles(users);
        Table t = in.open(ExportFolder.PROFILES, null, false, true, COLUMNS, "columns SipAddress,"
                + " MeetingsPerMonth, Needs, AddIns, SchedulesLiveMeetingService");
        profiles.complete = in.forEachRow(t, i -> {
            String sip = in.requiredSip(t, R_SIP);
            int meetings = in.count(t, R_MEETINGS);
            Set<Need> needs = in.choices(t, R_NEEDS, Need.class);
            Set<AddIn> addIns = in.choices(t, R_ADDINS, AddIn.class);
            Boolean liveMeeting = in.bool(t, R_LIVE_MEETING);
            if (sip == null) {
                return;
            }
            String key = sip.toLowerCase(Locale.ROOT);
            int user = userIndex.applyAsInt(key);
            if (user < 0) {
                if (!leftOut.test(key)) {
                    t.error(R_SIP, "\"" + sip + "\" is not a user of the Get-CsUser export (" + userFiles
                            + "); correct the address or remove the row");
                }
                return;
            }
            if (profiles.byUser[user] != null) {
                t.error(R_SIP, "\"" + sip + "\" has two rows; keep one");
            } else {
                profiles.byUser[user] = new Profile(Math.max(meetings, 0), needs, addIns,
                        Boolean.TRUE.equals(liveMeeting));
            }
        });
        return profiles;
    }
}
