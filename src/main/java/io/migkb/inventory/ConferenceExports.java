package io.migkb.inventory;

import io.migkb.inventory.CsvInputs.Table;
import io.migkb.model.ServerVersion;
import io.migkb.model.UrlScheme;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The scheduled meetings of a customer's conference databases ({@code collect/rtc-conferences.sql} saved as CSV),
 * with the Meet simple URLs of {@code Get-CsSimpleUrlConfiguration} (docs/inputs.md, "Scheduled meetings").
 *
 * <p>A conference becomes a meeting known by its conference id ({@code ExternalConfId}; the organizer's user name
 * before it when another organizer's conference has the same id, since ids are unique per organizer only). Its URL is
 * what the organizer's server hands out: {@code https://<Meet URL of the SIP domain>/<user>/<id>} on Lync Server 2010
 * and 2013, {@code conf:sip:<organizer>;gruu;opaque=app:conf:focus:id:<id>} on OCS 2007 R2 (the database does not
 * tell {@code meet:} from {@code conf:}; both are legacy). Conferences past their expiry and conferences of organizers
 * who are not assessed are skipped and counted, never refused. The participants are who the Monitoring database saw
 * join ({@link ConferenceParticipants}); without its data a meeting has its organizer only.
 */
final class ConferenceExports {
    private static final int C_ORGANIZER = 0, C_ID = 1, C_LOCKED = 2, C_EXPIRY = 3;
    private static final int S_COMPONENT = 0, S_DOMAIN = 1, S_URL = 2;

    private final CsvInputs in;
    /** The server version of an assessed user, by lower-case SIP address; null for anyone else. */
    private final Function<String, ServerVersion> versionOfUser;
    private final LocalDateTime asOf;
    /** Meet URL by lower-case SIP domain ("*" for every domain), without a trailing slash. */
    private final Map<String, String> meetUrls = new HashMap<>();
    /** Where the meetings found go, by organizer and conference id ({@link ConferenceParticipants#key}). */
    private final ScheduledMeetings meetings;
    private int expired;
    private int ofOthers;
    private boolean complete = true;

    ConferenceExports(CsvInputs in, Function<String, ServerVersion> versionOfUser, LocalDateTime asOf,
                      ScheduledMeetings meetings) {
        this.in = in;
        this.meetings = meetings;
        this.versionOfUser = versionOfUser;
        this.asOf = asOf;
    }

    boolean complete() {
        return complete;
    }

    int expired() {
        return expired;
    }

    int ofOthers() {
        return ofOthers;
    }

    /** Reads a Get-CsSimpleUrlConfiguration export's Meet URLs. */
    void readSimpleUrls(Table t) {
        complete &= in.forEachRow(t, i -> {
            if (!t.value(S_COMPONENT).equalsIgnoreCase("Meet")) {
                return;
            }
            String domain = in.required(t, S_DOMAIN);
            String url = in.required(t, S_URL);
            if (domain == null || url == null) {
                return;
            }
            if (!url.regionMatches(true, 0, "https://", 0, 8)) {
                t.error(S_URL, "expected an https:// URL, e.g. \"https://meet.contoso.com\", not \"" + url + "\"");
                return;
            }
            meetUrls.putIfAbsent(domain.toLowerCase(Locale.ROOT), url.endsWith("/") ? url.substring(0, url.length() - 1)
                    : url);
        });
    }

    /** Reads one conference-database export into meetings of the inventory. */
    void readConferences(Table t) {
        complete &= in.forEachRow(t, i -> {
            String organizer = in.requiredSip(t, C_ORGANIZER);
            String id = in.required(t, C_ID);
            Boolean locked = in.bool(t, C_LOCKED);
            LocalDateTime expiry = expiry(t);
            if (organizer == null || id == null || locked == null || expiry == INVALID) {
                return;
            }
            if (expiry != null && expiry.isBefore(asOf)) {
                expired++;
                return;
            }
            String key = organizer.toLowerCase(Locale.ROOT);
            ServerVersion version = versionOfUser.apply(key);
            if (version == null) {
                ofOthers++;
                return;
            }
            String declared = in.assembler.declaredSip(organizer);
            String sip = declared == null ? organizer : declared;
            String user = sip.substring(0, Math.max(sip.indexOf('@'), 0));
            UrlScheme scheme = version == ServerVersion.OCS_2007_R2 ? UrlScheme.CONF : UrlScheme.HTTPS;
            String url = scheme == UrlScheme.CONF ? "conf:sip:" + sip + ";gruu;opaque=app:conf:focus:id:" + id
                    : meetUrl(sip) + "/" + user + "/" + id;
            meetings.addFromDatabase(ConferenceParticipants.key(sip, id), new InventoryAssembler.MeetingDraft(0,
                    t.rowPos(), id, t.pos(C_ID), sip, t.pos(C_ORGANIZER), url, scheme, locked, Set.of(), false, false,
                    List.of(), null));
        });
    }

    /** The organizer's domain's Meet URL; without an export of them, Topology Builder's default https://meet.DOMAIN. */
    String meetUrl(String sip) {
        String domain = sip.substring(sip.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        String url = meetUrls.get(domain);
        if (url == null) {
            url = meetUrls.get("*");
        }
        return url != null ? url : "https://meet." + domain;
    }

    private static final LocalDateTime INVALID = LocalDateTime.MIN;

    /** The expiry as written by the shipped query (ISO 8601), null when empty, {@link #INVALID} (reported) otherwise. */
    private LocalDateTime expiry(Table t) {
        String text = t.value(C_EXPIRY);
        if (text.isEmpty() || text.equalsIgnoreCase("NULL")) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay()
                    : LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            t.error(C_EXPIRY, "expected a time as ISO 8601, e.g. \"2014-03-31T17:00:00\", not \"" + text
                    + "\" (collect/rtc-conferences.sql writes it so: save its output as it comes)");
            return INVALID;
        }
    }
}
