package io.migkb.inventory;

import io.migkb.inventory.CsvInputs.Column;

import java.util.List;
import java.util.Locale;

/**
 * The kinds of customer export a Lync export folder may hold, each recognised by what the file holds: the
 * {@code #TYPE} line {@code Export-Csv} writes (the .NET type of the objects exported) or, without one
 * ({@code -NoTypeInformation}, a SQL query saved as CSV), the columns of its header. docs/inputs.md gives the command
 * that writes each and the sources for the type names and columns.
 */
enum ExportKind {
    /** {@code Get-CsUser | Export-Csv}. */
    USERS("Get-CsUser export", List.of("OCSADUser", "ADConnect.Schema.ADUser"), List.of(
            new Column("sip", true, "the user's SIP address, e.g. \"sip:alice@contoso.com\"", "SipAddress"),
            new Column("pool", true, "the FQDN of the user's Registrar pool", "RegistrarPool"),
            new Column("enabled", false, "True or False", "Enabled"),
            new Column("email", false, "the user's e-mail address, to find them as a calendar's organizer or attendee",
                    "WindowsEmailAddress", "PrimarySmtpAddress", "UserPrincipalName"))),
    /** {@code Get-CsService -Registrar | Export-Csv}: each Registrar pool with its version. */
    REGISTRARS("Get-CsService -Registrar export", List.of("DisplayRegistrar"), List.of(
            new Column("fqdn", true, "the Registrar pool's FQDN, e.g. \"pool13.contoso.com\"", "PoolFqdn"),
            new Column("version", true, "the Registrar's version number: 5 for Lync Server 2010, 6 for Lync Server"
                    + " 2013", "Version"),
            new Column("site", false, "the pool's site, e.g. \"Site:Redmond\"", "SiteId", "Site"))),
    /** {@code Get-CsPool | Export-Csv}: every pool of the topology with its site, no version. */
    POOLS("Get-CsPool export", List.of("DisplayPool", "Deploy.Internal.Cluster"), List.of(
            new Column("fqdn", true, "the pool's FQDN, e.g. \"pool13.contoso.com\"", "Identity", "Fqdn"),
            new Column("site", false, "the pool's site, e.g. \"Site:Redmond\"", "Site"))),
    /**
     * A row per user and endpoint or client version: the registration script's {@code EndpointRegistrations.csv},
     * a Monitoring (LcsCDR) client-version query, the Monitoring Reports' client-version report.
     */
    CLIENTS("client registrations", List.of(), List.of(
            new Column("sip", true, "the user's SIP address", "SipAddress", "UserUri", "UserName", "UserAtHost", "Uri",
                    "SipUri", "User"),
            new Column("client", true, "the SIP user agent the client sent, e.g. \"OC/15.0.4420.1017 (Microsoft"
                    + " Lync)\", or a client name (LYNC_2010)", "ClientVersion", "UserAgent", "ClientApp", "Client",
                    "Version"),
            new Column("agent", false, "the rest of the user agent, when a script split it at its first space",
                    "UserAgent"))),
    /** The scheduled conferences of a pool's rtc database: collect/rtc-conferences.sql, saved as CSV. */
    CONFERENCES("conference database export", List.of(), List.of(
            new Column("organizer", true, "the organizer's SIP address (rtc.dbo.Resource.UserAtHost)", "OrganizerUri",
                    "UserAtHost", "Organizer"),
            new Column("id", true, "the conference id of the meeting URL (rtc.dbo.Conference.ExternalConfId)",
                    "ExternalConfId"),
            new Column("locked", false, "1 or True when the organizer locked the meeting", "Locked"),
            new Column("expiry", false, "when the conference expires, ISO 8601 (2014-03-31T17:00:00); empty: never",
                    "ExpiryTime"))),
    /** Who joined each conference, from the Monitoring database: collect/lcscdr-conference-participants.sql. */
    PARTICIPANTS("Monitoring conference participants", List.of(), List.of(
            new Column("conference", true, "the conference's focus URI, e.g. \"sip:amy@contoso.com;gruu;opaque=app:conf:"
                    + "focus:id:7QX2M4PD\"", "ConferenceUri"),
            new Column("sip", true, "the participant's SIP address", "ParticipantUri"),
            new Column("internal", false, "1 or True when the participant joined as a user of the organization",
                    "IsUserInternal"),
            new Column("client", false, "the SIP user agent the participant joined with", "ClientVersion"))),
    /** Get-CsSimpleUrlConfiguration's SimpleUrl entries: the Meet URL of each SIP domain. */
    SIMPLE_URLS("Get-CsSimpleUrlConfiguration export", List.of(), List.of(
            new Column("component", true, "Meet, Dialin or Admin", "Component"),
            new Column("domain", true, "the SIP domain, e.g. \"contoso.com\", or * for all", "Domain"),
            new Column("url", true, "the simple URL in use, e.g. \"https://meet.contoso.com\"", "ActiveUrl"))),
    /** {@code Get-CsConferenceDirectory | Export-Csv}: each conference directory and the pool that homes it. */
    CONFERENCE_DIRECTORIES("Get-CsConferenceDirectory export", List.of("ConferenceDirectory"), List.of(
            new Column("identity", true, "the directory's numeric identity, e.g. \"3\"", "Identity"),
            new Column("service", true, "the pool that homes it, e.g. \"UserServer:ocs.contoso.com\"", "ServiceId")));

    final String description;
    /** Words of the {@code #TYPE} line's type name that say the file is of this kind. */
    private final List<String> typeWords;
    final List<Column> columns;

    ExportKind(String description, List<String> typeWords, List<Column> columns) {
        this.description = description;
        this.typeWords = typeWords;
        this.columns = columns;
    }

    /**
     * The kind of a file with this {@code #TYPE} type name ("" for none) and header, or null for none. The type name
     * decides when it names a kind; otherwise every required column of a kind must be in the header, and a file with
     * a user column and a Registrar pool is users even if it has a version column.
     */
    static ExportKind of(String typeName, List<String> header) {
        String type = typeName.toLowerCase(Locale.ROOT);
        for (ExportKind kind : values()) {
            for (String word : kind.typeWords) {
                if (type.contains(word.toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
        }
        if (USERS.hasRequired(header)) {
            return USERS;
        }
        if (REGISTRARS.hasRequired(header) && !CLIENTS.has(header, 0)) {
            return REGISTRARS;
        }
        if (PARTICIPANTS.hasRequired(header)) {
            return PARTICIPANTS;
        }
        if (CONFERENCES.hasRequired(header)) {
            return CONFERENCES;
        }
        if (SIMPLE_URLS.hasRequired(header)) {
            return SIMPLE_URLS;
        }
        if (CONFERENCE_DIRECTORIES.hasRequired(header)) {
            return CONFERENCE_DIRECTORIES;
        }
        if (CLIENTS.hasRequired(header)) {
            return CLIENTS;
        }
        if (POOLS.hasRequired(header) && POOLS.has(header, 1)) {
            return POOLS;
        }
        return null;
    }

    private boolean hasRequired(List<String> header) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).required() && !has(header, c)) {
                return false;
            }
        }
        return true;
    }

    private boolean has(List<String> header, int column) {
        for (String name : columns.get(column).names()) {
            String wanted = CsvFile.loose(name);
            for (String h : header) {
                if (CsvFile.loose(h).equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }
}
