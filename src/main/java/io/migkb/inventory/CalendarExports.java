package io.migkb.inventory;

import io.migkb.inventory.InventoryAssembler.MeetingDraft;
import io.migkb.model.SourceLocation;
import io.migkb.model.UrlScheme;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.RRule;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The meetings of organizers' calendars ({@code .ics} exported from Outlook or Exchange, one per organizer or one for
 * many), read with ical4j: the URL the attendees actually hold, the organizer and the attendees
 * (docs/inputs.md, "Organizers' calendars").
 *
 * <p>An event is an online meeting when it carries a link: {@code X-MICROSOFT-ONLINEMEETINGEXTERNALLINK} or a Meet
 * {@code https://} link in its description make it an https meeting (a Lync 2010 or 2013 invitation also carries a
 * {@code conf:} link: it is still https); a {@code conf:} link ({@code X-MICROSOFT-ONLINEMEETINGCONFLINK}) or a
 * {@code meet:} link alone make it a legacy one. A series is one meeting. Events and series that ended before the
 * assessment's day, events of organizers not assessed, and events without a meeting link are skipped and counted.
 */
final class CalendarExports {
    private static final Pattern LINK = Pattern.compile("(?i)\\b(meet:sip:[^\\s\"<>]+|conf:sip:[^\\s\"<>]+|https://[^\\s\"<>]+)");

    private final CsvInputs in;
    /** The declared SIP address of an assessed user, by lower-case SIP or e-mail address; null for anyone else. */
    private final Function<String, String> assessedUser;
    /** A participant's address (and where it stood) to the declared SIP address to list, or null to drop. */
    private final BiFunction<String, Long, String> participant;
    /** The Meet URL of an organizer's domain, to tell a meeting's https link from any other. */
    private final Function<String, String> meetUrl;
    private final LocalDateTime asOf;
    private final ScheduledMeetings meetings;
    private int ended;
    private int ofOthers;
    private int notMeetings;
    private boolean complete = true;

    CalendarExports(CsvInputs in, Function<String, String> assessedUser, BiFunction<String, Long, String> participant,
                    Function<String, String> meetUrl, LocalDateTime asOf, ScheduledMeetings meetings) {
        this.in = in;
        this.assessedUser = assessedUser;
        this.participant = participant;
        this.meetUrl = meetUrl;
        this.asOf = asOf;
        this.meetings = meetings;
    }

    boolean complete() {
        return complete;
    }

    int ended() {
        return ended;
    }

    int ofOthers() {
        return ofOthers;
    }

    int notMeetings() {
        return notMeetings;
    }

    /** Reads one calendar file of the folder, event by event. */
    void read(String fileName) {
        int file = in.register(fileName);
        Path path = in.dir.resolve(fileName);
        try {
            CalendarEvents.read(path, (event, line) -> {
                try {
                    event(event, in.pos(file, line, 1));
                } catch (RuntimeException e) {
                    // ical4j parses some values only when asked (dates, rules): a bad one is this event's error
                    in.errors.add(new SourceLocation(in.display(fileName), line, 1), null, "cannot read this event: "
                            + e.getMessage() + "; export the calendar again as iCalendar (.ics)");
                    complete = false;
                }
            });
        } catch (ParserException e) {
            in.errors.add(new SourceLocation(in.display(fileName), Math.max(e.getLineNo(), 0), 0), null,
                    "malformed calendar: " + e.getMessage() + "; export the calendar again as iCalendar (.ics)");
            complete = false;
        } catch (IOException | RuntimeException e) {
            in.errors.add(new SourceLocation(in.display(fileName), 0, 0), null, "cannot read the calendar: "
                    + e.getMessage() + "; export it again as iCalendar (.ics), in UTF-8");
            complete = false;
        }
    }

    private void event(VEvent event, long pos) {
        if (event.getProperty(Property.RECURRENCE_ID).isPresent()) {
            return; // a changed occurrence of a series: the series is the meeting
        }
        String organizer = address(value(event, Property.ORGANIZER));
        String https = value(event, "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK");
        String conf = value(event, "X-MICROSOFT-ONLINEMEETINGCONFLINK");
        if (conf.regionMatches(true, 0, "https://", 0, 8)) {
            https = https.isEmpty() ? conf : https; // some calendars put the https link there
            conf = "";
        }
        String meet = "";
        Matcher m = LINK.matcher(value(event, Property.DESCRIPTION));
        while (m.find()) {
            String link = m.group(1);
            if (link.regionMatches(true, 0, "meet:", 0, 5) && meet.isEmpty()) {
                meet = link;
            } else if (link.regionMatches(true, 0, "conf:", 0, 5) && conf.isEmpty()) {
                conf = link;
            } else if (https.isEmpty() && organizer.contains("@")
                    && link.toLowerCase(Locale.ROOT).startsWith(meetUrl.apply(organizer).toLowerCase(Locale.ROOT) + "/")) {
                https = link;
            }
        }
        if (https.isEmpty() && conf.isEmpty() && meet.isEmpty()) {
            notMeetings++;
            return;
        }
        if (hasEnded(event)) {
            ended++;
            return;
        }
        String sip = organizer.isEmpty() ? null : assessedUser.apply(organizer.toLowerCase(Locale.ROOT));
        if (sip == null) {
            ofOthers++;
            return;
        }
        UrlScheme scheme = !https.isEmpty() ? UrlScheme.HTTPS : !meet.isEmpty() && conf.isEmpty() ? UrlScheme.MEET
                : UrlScheme.CONF;
        String url = scheme == UrlScheme.HTTPS ? https : scheme == UrlScheme.MEET ? meet : conf;
        String id = scheme == UrlScheme.HTTPS ? lastSegment(https) : ConferenceParticipants.conferenceId(url);
        if (id.isEmpty()) {
            notMeetings++;
            return;
        }
        List<String> participants = new ArrayList<>();
        for (Property attendee : event.getProperties(Property.ATTENDEE)) {
            String address = address(attendee.getValue());
            String declared = address.isEmpty() || address.equalsIgnoreCase(organizer) || address.equalsIgnoreCase(sip)
                    ? null : participant.apply(address, pos);
            if (declared != null && participants.stream().noneMatch(p -> p.equalsIgnoreCase(declared))
                    && !declared.equalsIgnoreCase(sip)) {
                participants.add(declared);
            }
        }
        meetings.addFromCalendar(ConferenceParticipants.key(sip, id), new MeetingDraft(0, pos, id, pos, sip, pos, url,
                scheme, false, Set.of(), false, false, participants, null));
    }

    private static String value(VEvent event, String name) {
        Optional<Property> p = event.getProperty(name);
        return p.map(Property::getValue).map(String::trim).orElse("");
    }

    /** "mailto:Alice@Contoso.com" (or "sip:...") as "Alice@Contoso.com". */
    private static String address(String value) {
        String v = value.trim();
        if (v.regionMatches(true, 0, "mailto:", 0, 7)) {
            v = v.substring(7);
        }
        return CsvInputs.sip(v);
    }

    private static String lastSegment(String url) {
        String u = url.replaceAll("[?#].*$", "");
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.substring(u.lastIndexOf('/') + 1);
    }

    /** True for a single event that ended, or a series whose last occurrence was, before the assessment's day. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean hasEnded(VEvent event) {
        Optional<RRule<?>> rule = event.getProperty(Property.RRULE);
        Temporal start = event.getStartDate().map(d -> (Temporal) d.getDate()).orElse(null);
        if (rule.isEmpty()) {
            Temporal end = event.getEndDate().map(d -> (Temporal) d.getDate()).orElse(start);
            return end != null && local(end).isBefore(asOf);
        }
        Recur recur = rule.get().getRecur();
        if (recur.getUntil() != null) {
            return local(recur.getUntil()).isBefore(asOf);
        }
        if (recur.getCount() > 0 && start != null) {
            try {
                // the occurrences up to now: all of them have been when there are COUNT
                List<?> dates = recur.getDates(start, start, plusDays(start), recur.getCount());
                return dates.size() >= recur.getCount() && local((Temporal) dates.get(dates.size() - 1)).isBefore(asOf);
            } catch (RuntimeException e) {
                return false; // a rule ical4j cannot expand: kept, as a series that has not ended
            }
        }
        return false;
    }

    /** The assessment's day in the start's own kind of time, as the end of the span to expand a series over. */
    private Temporal plusDays(Temporal start) {
        if (start instanceof LocalDate) {
            return asOf.toLocalDate();
        }
        if (start instanceof ZonedDateTime z) {
            return asOf.atZone(z.getZone());
        }
        if (start instanceof OffsetDateTime o) {
            return asOf.atOffset(o.getOffset());
        }
        if (start instanceof Instant) {
            return asOf.atZone(ZoneId.systemDefault()).toInstant();
        }
        return asOf;
    }

    private static LocalDateTime local(Temporal t) {
        if (t instanceof LocalDateTime l) {
            return l;
        }
        if (t instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (t instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        }
        if (t instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        }
        if (t instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneId.systemDefault());
        }
        return LocalDateTime.MAX;
    }
}
