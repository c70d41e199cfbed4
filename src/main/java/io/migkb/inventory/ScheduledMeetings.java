package io.migkb.inventory;

import io.migkb.inventory.InventoryAssembler.MeetingDraft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scheduled meetings of a customer's exports, put together from the sources that know them, by organizer and
 * conference id: the conference database ({@link ConferenceExports}) and the organizers' calendars
 * ({@link CalendarExports}). Where both know a meeting, the calendar's URL wins (it is what people click) and the
 * lock is the conference database's; the participants of both are kept. Then each meeting gets its id: the
 * conference id, or, when another organizer's meeting has that id already (ids are unique per organizer only), the
 * organizer's user name and the id.
 */
final class ScheduledMeetings {
    private final Map<String, MeetingDraft> byKey = new LinkedHashMap<>();

    /** Adds the conference database's meetings. */
    void addAll(Map<String, MeetingDraft> meetings) {
        meetings.forEach(byKey::putIfAbsent);
    }

    /** Adds a meeting of a calendar: its URL wins over the conference database's for the same meeting. */
    void addFromCalendar(String key, MeetingDraft fromCalendar) {
        MeetingDraft known = byKey.get(key);
        if (known == null) {
            byKey.put(key, fromCalendar);
            return;
        }
        List<String> participants = new ArrayList<>(known.participants());
        for (String p : fromCalendar.participants()) {
            if (participants.stream().noneMatch(q -> q.equalsIgnoreCase(p))) {
                participants.add(p);
            }
        }
        byKey.put(key, new MeetingDraft(0, fromCalendar.at(), known.id(), fromCalendar.idPos(), known.organizer(),
                fromCalendar.organizerPos(), fromCalendar.url(), fromCalendar.scheme(), known.locked(),
                known.content(), known.video(), known.noMeetingIm(), participants, null));
    }

    /** Hands every meeting to the assembler, in the order found, each with its final id. */
    void declare(InventoryAssembler assembler) {
        Map<String, String> owners = new HashMap<>();
        int index = 0;
        // each draft let go once the assembler has its meeting: millions of them need not be held twice
        for (var it = byKey.values().iterator(); it.hasNext(); ) {
            MeetingDraft d = it.next();
            it.remove();
            String owner = d.organizer().toLowerCase(Locale.ROOT);
            String first = owners.putIfAbsent(d.id().toLowerCase(Locale.ROOT), owner);
            String id = first == null || first.equals(owner) ? d.id()
                    : d.organizer().substring(0, Math.max(d.organizer().indexOf('@'), 0)) + "/" + d.id();
            assembler.meeting(new MeetingDraft(index++, d.at(), id, d.idPos(), d.organizer(), d.organizerPos(), d.url(),
                    d.scheme(), d.locked(), d.content(), d.video(), d.noMeetingIm(), d.participants(), null));
        }
    }
}
