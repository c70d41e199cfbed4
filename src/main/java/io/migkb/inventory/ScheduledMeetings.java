package io.migkb.inventory;

import io.migkb.inventory.InventoryAssembler.MeetingDraft;
import io.migkb.model.MeetingSourceGap;
import io.migkb.model.SchemeConflict;
import io.migkb.model.SourceLocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.LongFunction;

/**
 * The scheduled meetings of a customer's exports, put together from the sources that know them, by organizer and
 * conference id: the conference database ({@link ConferenceExports}) and the organizers' calendars
 * ({@link CalendarExports}). Where both know a meeting, the calendar's URL wins (it is what people click; a
 * {@link SchemeConflict} says so when the schemes differ) and the lock is the conference database's; the
 * participants of both are kept. Then each meeting gets its id: the conference id, or, when another organizer's
 * meeting has that id already (ids are unique per organizer only), the organizer's user name and the id. Meetings
 * the Monitoring data names no one joining are counted per source ({@link MeetingSourceGap}).
 */
final class ScheduledMeetings {
    /** Who joined conference (organizer, id), as declared; null when the Monitoring data names no join of it. */
    private final BiFunction<String, String, List<String>> joiners;
    private final Map<String, Scheduled> byKey = new LinkedHashMap<>();
    /** Database rows whose organizer and conference id an earlier row had: kept once, counted. */
    private int duplicates;
    /** Calendar and database disagreeing on a meeting's scheme, by key, until the meeting has its final id. */
    private final Map<String, Conflict> conflicts = new HashMap<>();
    private final List<String> withoutJoinsFromDatabase = new ArrayList<>();
    private final List<String> withoutJoinsFromCalendars = new ArrayList<>();
    private int fromDatabase;
    private int fromCalendars;
    private final List<SchemeConflict> schemeConflicts = new ArrayList<>();

    /** One meeting as the sources give it; one small object each, however many sources know it. */
    private static final class Scheduled {
        MeetingDraft draft;
        final boolean fromDatabase;
        boolean joined;

        Scheduled(MeetingDraft draft, boolean fromDatabase, boolean joined) {
            this.draft = draft;
            this.fromDatabase = fromDatabase;
            this.joined = joined;
        }
    }

    private record Conflict(MeetingDraft database, MeetingDraft calendar) {
    }

    ScheduledMeetings(BiFunction<String, String, List<String>> joiners) {
        this.joiners = joiners;
    }

    /**
     * Adds a conference of the conference database, with who joined it. A second row of the same organizer and id
     * (a user's conferences exported from two pools' databases) is counted and left out: the first row read stays.
     */
    void addFromDatabase(String key, MeetingDraft draft) {
        if (byKey.containsKey(key)) {
            duplicates++;
            return;
        }
        List<String> joined = joiners.apply(draft.organizer(), draft.id());
        byKey.put(key, new Scheduled(joined == null ? draft : withParticipants(draft, joined), true, joined != null));
    }

    /** Rows left out because an earlier row had their organizer and conference id. */
    int duplicates() {
        return duplicates;
    }

    /** Adds a meeting of a calendar: its URL wins over the conference database's for the same meeting. */
    void addFromCalendar(String key, MeetingDraft fromCalendar) {
        Scheduled known = byKey.get(key);
        if (known == null) {
            List<String> joined = joiners.apply(fromCalendar.organizer(), fromCalendar.id());
            MeetingDraft draft = joined == null ? fromCalendar
                    : withParticipants(fromCalendar, union(fromCalendar.participants(), joined));
            byKey.put(key, new Scheduled(draft, false, joined != null));
            return;
        }
        MeetingDraft d = known.draft;
        if (known.fromDatabase && d.scheme().isLegacy() != fromCalendar.scheme().isLegacy() && !conflicts.containsKey(key)) {
            conflicts.put(key, new Conflict(d, fromCalendar));
        }
        known.draft = new MeetingDraft(0, fromCalendar.at(), d.id(), fromCalendar.idPos(), d.organizer(),
                fromCalendar.organizerPos(), fromCalendar.url(), fromCalendar.scheme(), d.locked(), d.content(),
                d.video(), d.noMeetingIm(), union(d.participants(), fromCalendar.participants()), null);
    }

    /**
     * Hands every meeting to the assembler, in the order found, each with its final id, and notes what the sources
     * did not say or agree on ({@link #gaps}, {@link #schemeConflicts}); {@code location} turns a packed position
     * into a file location.
     */
    void declare(InventoryAssembler assembler, LongFunction<SourceLocation> location) {
        Map<String, String> owners = new HashMap<>();
        int index = 0;
        // each draft let go once the assembler has its meeting: millions of them need not be held twice
        for (var it = byKey.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            Scheduled s = entry.getValue();
            MeetingDraft d = s.draft;
            it.remove();
            String owner = d.organizer().toLowerCase(Locale.ROOT);
            String first = owners.putIfAbsent(d.id().toLowerCase(Locale.ROOT), owner);
            String id = first == null || first.equals(owner) ? d.id()
                    : d.organizer().substring(0, Math.max(d.organizer().indexOf('@'), 0)) + "/" + d.id();
            assembler.meeting(new MeetingDraft(index++, d.at(), id, d.idPos(), d.organizer(), d.organizerPos(), d.url(),
                    d.scheme(), d.locked(), d.content(), d.video(), d.noMeetingIm(), d.participants(), null));
            if (s.fromDatabase) {
                fromDatabase++;
            } else {
                fromCalendars++;
            }
            if (!s.joined) {
                (s.fromDatabase ? withoutJoinsFromDatabase : withoutJoinsFromCalendars).add(id);
            }
            Conflict c = conflicts.remove(entry.getKey());
            if (c != null) {
                schemeConflicts.add(new SchemeConflict(id, d.organizer(), c.calendar().url(), c.calendar().scheme(),
                        location.apply(c.calendar().at()), c.database().url(), c.database().scheme(),
                        location.apply(c.database().at())));
            }
        }
    }

    /**
     * After {@link #declare}: per source that gave meetings, those no join of the Monitoring data names (none when
     * every meeting has some). A meeting both sources know counts for the conference database.
     */
    List<MeetingSourceGap> gaps(List<String> databaseFiles, List<String> calendarFiles, List<String> monitoringFiles) {
        List<MeetingSourceGap> gaps = new ArrayList<>();
        if (!withoutJoinsFromDatabase.isEmpty()) {
            gaps.add(new MeetingSourceGap(MeetingSourceGap.CONFERENCE_DATABASE, databaseFiles, fromDatabase,
                    withoutJoinsFromDatabase, monitoringFiles));
        }
        if (!withoutJoinsFromCalendars.isEmpty()) {
            gaps.add(new MeetingSourceGap(MeetingSourceGap.CALENDARS, calendarFiles, fromCalendars,
                    withoutJoinsFromCalendars, monitoringFiles));
        }
        return gaps;
    }

    /** After {@link #declare}: the meetings whose calendar and conference database disagree on the scheme. */
    List<SchemeConflict> schemeConflicts() {
        return schemeConflicts;
    }

    private static MeetingDraft withParticipants(MeetingDraft d, List<String> participants) {
        return new MeetingDraft(d.index(), d.at(), d.id(), d.idPos(), d.organizer(), d.organizerPos(), d.url(),
                d.scheme(), d.locked(), d.content(), d.video(), d.noMeetingIm(), participants, d.unresolved());
    }

    /** {@code first}, then those of {@code more} it does not hold (SIP addresses compare ignoring case). */
    private static List<String> union(List<String> first, List<String> more) {
        if (more.isEmpty()) {
            return first;
        }
        List<String> all = new ArrayList<>(first);
        for (String p : more) {
            if (all.stream().noneMatch(q -> q.equalsIgnoreCase(p))) {
                all.add(p);
            }
        }
        return all;
    }
}
