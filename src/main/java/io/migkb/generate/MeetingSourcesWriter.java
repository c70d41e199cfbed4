package io.migkb.generate;

import io.migkb.generate.InventorySink.GeneratedMeeting;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes generated meetings where Lync keeps them, as docs/inputs.md reads them: one row per meeting in the
 * conference database's export ({@code rtc-conferences.csv}, as {@code collect/rtc-conferences.sql} saves it), one
 * row per participant in the Monitoring export ({@code lcscdr-participants.csv}: everyone invited joined, federated
 * users with their user agent, users of the organization without one since their registrations name their client),
 * and an invitation in {@code calendars.ics} for every legacy meeting (the link the database cannot give for a Lync
 * organizer's meeting left from before their move) and every tenth other one. A meeting is known by its conference
 * id: the last segment of its https URL, or what follows {@code :id:} in a {@code conf:}/{@code meet:} URL.
 */
final class MeetingSourcesWriter {
    private static final String LAST_JOINED = "2014-02-24T09:00:00";
    private final Writer conferences;
    private final Writer participants;
    private final Writer calendar;
    private final Map<String, String> federatedClients = new HashMap<>();
    private long meetings;

    MeetingSourcesWriter(Writer conferences, Writer participants, Writer calendar) throws IOException {
        this.conferences = conferences;
        this.participants = participants;
        this.calendar = calendar;
        ExportFolderSink.line(conferences, List.of("OrganizerUri", "ExternalConfId", "Static", "Locked",
                "AdmissionType", "ExpiryTime", "LastUpdateTime", "Title"));
        ExportFolderSink.line(participants, List.of("ConferenceUri", "ParticipantUri", "IsUserInternal",
                "ClientVersion", "LastJoined"));
        calendar.write("BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 15.0 MIMEDIR//EN\r\n"
                + "VERSION:2.0\r\nMETHOD:PUBLISH\r\n");
    }

    void federatedUser(String sip, String clientText) {
        federatedClients.put(sip, clientText);
    }

    void meeting(GeneratedMeeting m) throws IOException {
        meetings++;
        String id = conferenceId(m.url());
        boolean legacy = !m.url().startsWith("https:");
        ExportFolderSink.line(conferences, List.of(m.organizer(), id, "0", m.locked() ? "1" : "0", "1", "", "", ""));
        String focus = "sip:" + m.organizer() + ";gruu;opaque=app:conf:focus:id:" + id;
        for (String p : m.participants()) {
            String client = federatedClients.get(p);
            ExportFolderSink.line(participants, List.of(focus, p, client == null ? "1" : "0",
                    client == null ? "" : client, LAST_JOINED));
        }
        if (legacy || meetings % 10 == 0) {
            invitation(m, id, legacy);
        }
    }

    /** An Outlook invitation: a Lync one carries its https link and the conf: link; a legacy one its link alone. */
    private void invitation(GeneratedMeeting m, String id, boolean legacy) throws IOException {
        StringBuilder e = new StringBuilder("BEGIN:VEVENT\r\nUID:").append(m.id()).append("@migkb-generate\r\n")
                .append("DTSTAMP:20140302T080000Z\r\nDTSTART:20990105T090000Z\r\nRRULE:FREQ=WEEKLY\r\n")
                .append("ORGANIZER:mailto:").append(m.organizer()).append("\r\nSUMMARY:").append(m.id()).append("\r\n");
        if (!legacy) {
            e.append("X-MICROSOFT-ONLINEMEETINGEXTERNALLINK:").append(m.url()).append("\r\n")
                    .append("X-MICROSOFT-ONLINEMEETINGCONFLINK:conf:sip:").append(m.organizer())
                    .append(";gruu;opaque=app:conf:focus:id:").append(id).append("\r\n");
        } else if (m.url().startsWith("meet:")) {
            e.append("DESCRIPTION:Join online meeting: ").append(m.url().replace(";", "\\;")).append("\r\n");
        } else {
            e.append("X-MICROSOFT-ONLINEMEETINGCONFLINK:").append(m.url()).append("\r\n");
        }
        for (String p : m.participants()) {
            e.append("ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:").append(p).append("\r\n");
        }
        calendar.write(e.append("END:VEVENT\r\n").toString());
    }

    void end() throws IOException {
        calendar.write("END:VCALENDAR\r\n");
    }

    /** The id in a meeting URL: the https URL's last segment, or what follows ":id:". */
    static String conferenceId(String url) {
        int id = url.lastIndexOf(":id:");
        return url.startsWith("https:") || id < 0 ? url.substring(url.lastIndexOf('/') + 1) : url.substring(id + 4);
    }
}
