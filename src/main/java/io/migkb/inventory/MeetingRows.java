package io.migkb.inventory;

import io.migkb.inventory.CsvInputs.Column;
import io.migkb.inventory.CsvInputs.Table;
import io.migkb.model.Content;
import io.migkb.model.UrlScheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * meetings.csv, in both folder formats ({@link CsvFolderInventoryReader}, {@link LyncExportInventoryReader}): its
 * columns, its cells worked out on the reading thread, and its rows into the assembler, checked as the JSON reader
 * checks a meeting. The file is most of an export folder's bytes, so it is read ahead ({@link #readAhead}).
 */
final class MeetingRows {
    private static final int M_ID = 0, M_ORGANIZER = 1, M_URL = 2, M_LOCKED = 3, M_CONTENT = 4, M_VIDEO = 5,
            M_NO_IM = 6, M_PARTICIPANTS = 7;

    /** The columns of meetings.csv, in both folder formats. */
    static final List<Column> COLUMNS = List.of(
            new Column("id", true, "a unique meeting id, e.g. \"m-001\"", "Id", "MeetingId", "ConferenceId"),
            new Column("organizer", true, "the organizer's SIP address, a user of users.csv", "Organizer",
                    "OrganizerSipAddress", "OrganizerUri"),
            new Column("url", true, "the meeting URL, starting with conf:, meet: or https:", "Url", "JoinUrl",
                    "MeetingUrl", "Uri"),
            new Column("locked", false, "true or false", "Locked"),
            new Column("content", false, "POWERPOINT, WHITEBOARD, POLL or ATTACHMENT, separated by ; or |",
                    "Content"),
            new Column("video", false, "true or false", "Video"),
            new Column("noMeetingIm", false, "true or false", "NoMeetingIm", "NoMeetingIM"),
            new Column("participants", false, "SIP addresses of users or federated users, separated by ; or |",
                    "Participants", "Invitees", "Attendees"));

    /**
     * The cells of a meetings.csv row that need no other file, worked out on the reading thread while the rows
     * before it are handled (the meetings are most of an export folder's read); null fields are the invalid ones.
     */
    private record MeetingCells(String url, UrlScheme scheme, Boolean locked, Boolean video,
                                Boolean noIm, Set<Content> content, List<String> unknownContent,
                                List<String> participants) {
        static MeetingCells of(String[] row, int[] index) {
            String url = cell(row, index[M_URL]);
            String contentCell = cell(row, index[M_CONTENT]);
            List<String> unknown = contentCell.isEmpty() ? List.of() : new ArrayList<>(0);
            return new MeetingCells(url, url.isEmpty() ? null : UrlScheme.of(url).orElse(null),
                    CsvInputs.boolOf(cell(row, index[M_LOCKED])), CsvInputs.boolOf(cell(row, index[M_VIDEO])),
                    CsvInputs.boolOf(cell(row, index[M_NO_IM])),
                    CsvInputs.choicesOf(contentCell, Content.class, unknown), unknown,
                    CsvInputs.sips(cell(row, index[M_PARTICIPANTS])));
        }

        private static String cell(String[] row, int i) {
            return i >= 0 && i < row.length ? row[i] : "";
        }
    }

    private static Boolean reported(Table t, int column, Boolean value) {
        if (value == null) {
            t.error(column, CsvInputs.notABoolean(t.value(column)));
        }
        return value;
    }

    /**
     * Reads meetings.csv (null: the folder has none). {@code skipped} maps the lower-case SIP address of a user left
     * out of the inventory to why (a disabled account): such an organizer is an error that says so, such a
     * participant is dropped.
     */
    boolean read(Table t, Map<String, String> skipped) {
        int[] index = t == null ? null : t.index;
        List<String> participants = new ArrayList<>(); // one list for every row; each meeting gets a copy
        return in.forEachRow(t, row -> MeetingCells.of(row, index), i -> {
            MeetingCells cells = (MeetingCells) t.csv.prepared();
            long at = t.rowPos();
            String id = in.required(t, M_ID);
            String organizer = in.requiredSip(t, M_ORGANIZER);
            if (organizer != null) {
                String why = skipped.get(organizer.toLowerCase(Locale.ROOT));
                if (why != null) {
                    t.error(M_ORGANIZER, "organizer \"" + organizer + "\" is " + why
                            + ", so cannot hold meetings; leave the meeting out or enable the user");
                    organizer = null;
                }
            }
            String url = in.required(t, M_URL);
            UrlScheme scheme = cells.scheme();
            if (url != null && scheme == null) {
                t.error(M_URL, StructuredInventoryParser.badUrlMessage(url));
            }
            Boolean locked = reported(t, M_LOCKED, cells.locked());
            Boolean video = reported(t, M_VIDEO, cells.video());
            Boolean noIm = reported(t, M_NO_IM, cells.noIm());
            Set<Content> content = cells.content();
            CsvInputs.reportUnknownChoices(t, M_CONTENT, Content.class, cells.unknownContent());
            participants.clear();
            List<InventoryAssembler.ParticipantRef> unresolved = null;
            List<String> given = cells.participants();
            Set<String> seen = null;
            long pos = t.pos(M_PARTICIPANTS);
            for (int j = 0; j < given.size(); j++) {
                String p = given.get(j);
                if (p.isEmpty()) {
                    continue;
                }
                String declared = in.assembler.declaredSip(p);
                boolean known = declared != null;
                // a user left out is never declared: only an undeclared address can be one
                if (!known && !skipped.isEmpty() && skipped.containsKey(p.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (!known) {
                    if (unresolved == null) {
                        unresolved = new ArrayList<>(2);
                    }
                    unresolved.add(new InventoryAssembler.ParticipantRef(j, participants.size(), p, pos));
                    declared = p;
                }
                // as the JSON reader checks it: by identity (declared spellings are shared), by a set past a few
                if (MeetingReader.listed(participants, seen, declared, known)) {
                    t.error(M_PARTICIPANTS, "\"" + p + "\" is listed twice among the participants; list each"
                            + " participant once");
                } else {
                    seen = MeetingReader.add(participants, seen, declared);
                }
            }
            in.assembler.meeting(new InventoryAssembler.MeetingDraft(i, at, id, t.pos(M_ID), organizer,
                    t.pos(M_ORGANIZER), url, scheme, Boolean.TRUE.equals(locked), content, Boolean.TRUE.equals(video),
                    Boolean.TRUE.equals(noIm),
                    // the assembler fills in the unresolved ones later; the others are final as read
                    unresolved == null ? List.copyOf(participants) : new ArrayList<>(participants), unresolved));
        });
    }

    private final CsvInputs in;

    MeetingRows(CsvInputs in) {
        this.in = in;
    }

    /** Starts reading {@code fileName} ahead of its turn ({@link CsvInputs#readAhead}), when the folder has it. */
    void readAhead(String fileName) {
        in.readAhead(fileName, COLUMNS, index -> row -> MeetingCells.of(row, index));
    }
}
