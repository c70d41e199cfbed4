package io.migkb.inventory;

import io.migkb.inventory.CsvInputs.Column;
import io.migkb.inventory.CsvInputs.Table;
import io.migkb.model.Client;
import io.migkb.model.ConferenceDirectory;
import io.migkb.model.ClientGap;
import io.migkb.model.Coverage;
import io.migkb.model.Coverage.NotAssessedUser;
import io.migkb.model.Coverage.Reason;
import io.migkb.model.Inventory;
import io.migkb.model.ServerVersion;
import io.migkb.model.SourceLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an inventory from a folder of a customer's exports as they come out of the Lync Management Shell and SQL
 * Server (docs/inputs.md, "Lync Management Shell export"). Files are told apart by what they hold, whatever their
 * names ({@link ExportFolder}, {@link ExportKind}): Get-CsUser, Get-CsPool and Get-CsService -Registrar exports and
 * client registrations; migkb's own {@code profiles.csv}, {@code federated.csv}, {@code meetings.csv},
 * {@code versions.yaml} and {@code plan.yaml} keep their names' meaning.
 *
 * <p>Exports never cover everyone, so gaps are counted rather than refused: a user with no client data is assessed
 * with {@link Client#UNKNOWN} (the rule DATA-CLIENT-UNKNOWN reports it), and users who are disabled, have no
 * Registrar pool or are homed on a pool outside the migration are counted, not assessed ({@link Coverage}). Data
 * that is wrong rather than missing (a malformed row, a pool with no version, a bad Enabled value) is an error.
 */
public final class LyncExportInventoryReader implements InventoryReader {
    private static final Logger LOG = LoggerFactory.getLogger(LyncExportInventoryReader.class);

    private static final int U_SIP = 0, U_POOL = 1, U_ENABLED = 2, U_EMAIL = 3;
    private static final int C_SIP = 0, C_CLIENT = 1, C_AGENT = 2;

    /** True for a folder with a Get-CsUser export (and not a CSV folder of migkb's own format). */
    static boolean recognizes(Path path) {
        return ExportFolder.recognizes(path);
    }

    /** A user as Get-CsUser gives it; {@code key} is the address in lower case, looked up by every other file. */
    private record UserRow(int index, long at, String sip, String key, long sipPos, String pool, long poolPos) {
    }

    /** The day of the assessment: scheduled meetings that expired or ended before it are past; null: today. */
    private final LocalDate asOf;

    /** A reader for an assessment today. */
    public LyncExportInventoryReader() {
        this(null);
    }

    /** A reader for an assessment on the day {@code asOf} (null: today). */
    public LyncExportInventoryReader(LocalDate asOf) {
        this.asOf = asOf;
    }

    @Override
    public Inventory read(Path folder) throws InventoryException {
        ErrorCollector check = new ErrorCollector();
        if (!CsvInputs.checkFolder(folder, check, "a Lync Management Shell export")) {
            throw check.toException();
        }
        ExportFolder files;
        try {
            files = ExportFolder.scan(folder);
        } catch (IOException e) {
            check.add(new SourceLocation(folder.toString(), 0, 0), null, "cannot list the folder: " + e.getMessage());
            throw check.toException();
        }
        for (String name : files.notFiles()) {
            check.add(new SourceLocation(folder.resolve(name).toString(), 0, 0), null, "is a folder or another"
                    + " non-regular file, named like an export; move it away or replace it with the export file");
        }
        if (!check.isEmpty()) {
            throw check.toException();
        }
        return new Reading(new CsvInputs(folder), files,
                asOf == null ? LocalDateTime.now() : asOf.atStartOfDay()).read();
    }

    /** One read of one folder. */
    private static final class Reading {
        private final CsvInputs in;
        private final ExportFolder files;
        private final PoolVersions versions;
        private boolean complete = true;
        private boolean topologyBroken;
        private final FederatedUsers federated;
        private final MeetingRows meetings;
        /** When the assessment is: past meetings are those that ended before. */
        private final LocalDateTime now;
        private final ConferenceParticipants participants;
        /** Each pool's version as the inputs give it, by lower-case FQDN (null: none). */
        private final Map<String, PoolVersions.Known> byPool = new LinkedHashMap<>();
        private final List<UserRow> users = new ArrayList<>();
        private final Map<String, UserRow> usersByKey = new HashMap<>();
        /**
         * Each Get-CsUser row's e-mail and SIP address as written, in pairs: only calendars need them, so they are
         * mapped on first use ({@link #emails()}, {@link #ownDomains()}) rather than for every user of every read.
         */
        private final List<String> addressesAsWritten = new ArrayList<>();
        /** Users' lower-case e-mail addresses to their lower-case SIP addresses: calendars name people by e-mail. */
        private Map<String, String> emails;
        /** The SIP domains of the estate's users: a calendar attendee of one of them is no federated user. */
        private Set<String> ownDomains;
        /** Users left out, by lower-case SIP address: why (for meetings that name them). */
        private final Map<String, String> skipped = new HashMap<>();
        private final List<NotAssessedUser> notAssessed = new ArrayList<>();
        private EndpointClients clients;
        private List<String> clientSources = new ArrayList<>();
        /** What profiles.csv says of each user. */
        private UserProfiles profiles;

        Reading(CsvInputs in, ExportFolder files, LocalDateTime now) {
            this.in = in;
            this.now = now;
            this.files = files;
            this.versions = new PoolVersions(in);
            this.participants = new ConferenceParticipants(in);
            this.federated = new FederatedUsers(in);
            this.meetings = new MeetingRows(in);
        }

        Inventory read() throws InventoryException {
            // meetings.csv is most of a folder's bytes: read while the users, registrations and profiles are handled
            meetings.readAhead(ExportFolder.MEETINGS);
            try {
                return readAll();
            } finally {
                in.closeReadAhead();
            }
        }

        private Inventory readAll() throws InventoryException {
            complete &= in.readPlan();
            int before = in.errors.count();
            versions.readOverrides();
            for (String file : files.files(ExportKind.REGISTRARS)) {
                versions.readRegistrars(open(file, ExportKind.REGISTRARS));
            }
            for (String file : files.files(ExportKind.POOLS)) {
                versions.readPools(open(file, ExportKind.POOLS));
            }
            complete &= versions.complete();
            // A broken topology export is the cause to report, not every pool it would have given a version.
            topologyBroken = in.errors.count() > before;
            readUsers();
            clients = new EndpointClients(users.size());
            for (String file : files.files(ExportKind.CLIENTS)) {
                clientSources.add(file);
                readClients(open(file, ExportKind.CLIENTS));
            }
            for (String file : files.files(ExportKind.PARTICIPANTS)) {
                clientSources.add(file);
                participants.read(open(file, ExportKind.PARTICIPANTS));
            }
            complete &= participants.complete();
            participantClients();
            clientSources = List.copyOf(clientSources); // shared by every gap's ClientGap, not copied for each
            profiles = UserProfiles.read(in, users.size(), key -> {
                UserRow u = usersByKey.get(key);
                return u == null ? -1 : u.index();
            }, skipped::containsKey, String.join(", ", files.files(ExportKind.USERS)));
            complete &= profiles.complete();
            declarePoolsAndUsers();
            versions.checkSiteMappings();
            complete &= federated.readOwnFile();
            federated.fromParticipants(participants.all(),
                    key -> usersByKey.containsKey(key) || skipped.containsKey(key));
            complete &= meetings.read(in.open(ExportFolder.MEETINGS, "meetings", false, false,
                    MeetingRows.COLUMNS, "columns Id, Organizer, Url, and optionally Locked, Content, Video,"
                            + " NoMeetingIm, Participants"), skipped);
            ScheduledMeetings scheduled = new ScheduledMeetings(this::participantsOf);
            ConferenceExports conferences = new ConferenceExports(in, this::versionOfAssessedUser, now, scheduled);
            for (String file : files.files(ExportKind.SIMPLE_URLS)) {
                conferences.readSimpleUrls(open(file, ExportKind.SIMPLE_URLS));
            }
            for (String file : files.files(ExportKind.CONFERENCES)) {
                conferences.readConferences(open(file, ExportKind.CONFERENCES));
            }
            complete &= conferences.complete();
            List<String[]> directories = new ArrayList<>();
            for (String file : files.files(ExportKind.CONFERENCE_DIRECTORIES)) {
                Table t = open(file, ExportKind.CONFERENCE_DIRECTORIES);
                complete &= in.forEachRow(t, i -> readDirectory(t, directories));
            }
            CalendarExports calendars = new CalendarExports(in, this::assessedUser, this::calendarParticipant,
                    conferences::meetUrl, now, scheduled);
            files.calendars().forEach(calendars::read);
            complete &= calendars.complete();
            // a data finding names the file, not its folder: the report names the folder once
            scheduled.declare(in.assembler, pos -> {
                SourceLocation at = in.location(pos);
                Path name = Path.of(at.file()).getFileName();
                return new SourceLocation(name == null ? at.file() : name.toString(), at.line(), at.column());
            });
            if (scheduled.duplicates() > 0) {
                LOG.warn("kept once {} conference(s) listed twice with the same organizer and conference id (the"
                        + " first row read stays)", scheduled.duplicates());
            }
            if (calendars.notMeetings() > 0) {
                LOG.info("left out {} calendar event(s) without an online meeting link", calendars.notMeetings());
            }
            if (!files.skipped().isEmpty()) {
                LOG.warn("skipped {} file(s) of {} that are none of the exports migkb reads: {}", files.skipped().size(),
                        in.dir, files.skipped().stream().map(Object::toString).collect(Collectors.joining("; ")));
            }
            Inventory inventory = in.finish(complete);
            Coverage coverage = Coverage.of(inventory, notAssessed)
                    .withSkippedMeetings(conferences.expired() + calendars.ended(),
                            conferences.ofOthers() + calendars.ofOthers());
            if (!notAssessed.isEmpty()) {
                LOG.warn("counted but did not assess {}", Coverage.describe(notAssessed));
            }
            return inventory.withCoverage(coverage).withConferenceDirectories(conferenceDirectories(inventory,
                    directories)).withSourceNotes(scheduled.gaps(files.files(ExportKind.CONFERENCES),
                            files.calendars(), files.files(ExportKind.PARTICIPANTS)),
                    scheduled.schemeConflicts());
        }

        // -------------------------------------------------------------- Get-CsConferenceDirectory

        /** One directory: its identity and its pool, the ServiceId ("UserServer:ocs.contoso.com") after its colon. */
        private void readDirectory(Table t, List<String[]> into) {
            String identity = in.required(t, 0);
            String service = in.required(t, 1);
            if (identity == null || service == null) {
                return;
            }
            String pool = service.substring(service.lastIndexOf(':') + 1).strip();
            if (pool.isEmpty()) {
                t.error(1, "expected the pool that homes the directory, e.g. \"UserServer:ocs.contoso.com\", not \""
                        + service + "\"");
                return;
            }
            into.add(new String[] {identity, pool});
        }

        /** The directories with their pools' server versions, as the inventory declares the pools (null: unknown). */
        private static List<ConferenceDirectory> conferenceDirectories(Inventory inventory, List<String[]> read) {
            Map<String, ServerVersion> versions = new HashMap<>();
            inventory.getPools().forEach(p -> versions.put(p.getFqdn().toLowerCase(Locale.ROOT), p.getVersion()));
            List<ConferenceDirectory> directories = new ArrayList<>(read.size());
            for (String[] d : read) {
                directories.add(new ConferenceDirectory(d[0], d[1], versions.get(d[1].toLowerCase(Locale.ROOT))));
            }
            return directories;
        }

        private Table open(String file, ExportKind kind) {
            Table t = in.open(file, kind == ExportKind.USERS ? "users" : null, true, false, kind.columns,
                    kind.description + ": columns " + kind.columns.stream().filter(Column::required)
                            .map(Column::name).collect(Collectors.joining(", ")));
            complete &= t != null;
            return t;
        }

        // -------------------------------------------------------------- Get-CsUser

        private void readUsers() {
            List<String> userFiles = files.files(ExportKind.USERS);
            if (userFiles.isEmpty()) {
                in.errors.add(new SourceLocation(in.dir.toString(), 0, 0), null, "no Get-CsUser export in the folder"
                        + " (a CSV file with the columns SipAddress and RegistrarPool); export the users with"
                        + " Get-CsUser | Export-Csv users.csv -NoTypeInformation -Encoding UTF8"
                        + (files.skipped().isEmpty() ? "" : "; files found: " + files.skipped().stream()
                        .map(Object::toString).collect(Collectors.joining("; "))));
                complete = false;
                return;
            }
            for (String file : userFiles) {
                Table t = open(file, ExportKind.USERS);
                complete &= in.forEachRow(t, i -> readUser(t));
            }
        }

        private void readUser(Table t) {
            addressesAsWritten.add(t.value(U_EMAIL));
            addressesAsWritten.add(t.value(U_SIP));
            String enabled = t.value(U_ENABLED);
            if (!enabled.isEmpty() && Boolean.FALSE.equals(in.bool(t, U_ENABLED))) {
                String sip = CsvInputs.sip(t.value(U_SIP));
                if (!sip.isEmpty()) {
                    leaveOut(sip, Reason.DISABLED, "disabled in " + fileName(t) + " (line " + t.csv.recordLine()
                            + ", Enabled is " + enabled + ")", t.rowLocation());
                }
                return;
            }
            String sip = in.requiredSip(t, U_SIP);
            if (sip == null) {
                return;
            }
            String pool = t.value(U_POOL);
            if (pool.isEmpty()) {
                leaveOut(sip, Reason.NO_POOL, "not assigned to a Registrar pool in " + fileName(t) + " (line "
                        + t.csv.recordLine() + ", RegistrarPool is empty)", t.rowLocation());
                return;
            }
            UserRow row = new UserRow(users.size(), t.rowPos(), sip, lower(sip), t.pos(U_SIP), pool, t.pos(U_POOL));
            users.add(row);
            usersByKey.putIfAbsent(row.key(), row);
        }

        private void leaveOut(String sip, Reason reason, String why, SourceLocation at) {
            if (skipped.putIfAbsent(lower(sip), why) == null) {
                notAssessed.add(new NotAssessedUser(sip, reason, why, at));
            }
        }

        // -------------------------------------------------------------- client registrations

        private void readClients(Table t) {
            boolean split = t != null && t.has(C_AGENT) && t.index[C_AGENT] != t.index[C_CLIENT];
            complete &= in.forEachRow(t, i -> {
                String sip = in.requiredSip(t, C_SIP);
                if (sip == null) {
                    return;
                }
                UserRow user = usersByKey.get(lower(sip));
                if (user == null) {
                    return; // someone since gone, or a user left out
                }
                String text = split ? (t.value(C_CLIENT) + " " + t.value(C_AGENT)).trim() : t.value(C_CLIENT);
                clients.add(user.index(), text, text.isEmpty() ? null : in.client(text));
            });
        }

        // -------------------------------------------------------------- into the assembler

        private Map<String, String> emails() {
            if (emails == null) {
                mapAddresses();
            }
            return emails;
        }

        private Set<String> ownDomains() {
            if (ownDomains == null) {
                mapAddresses();
            }
            return ownDomains;
        }

        private void mapAddresses() {
            emails = new HashMap<>();
            ownDomains = new HashSet<>();
            for (int i = 0; i < addressesAsWritten.size(); i += 2) {
                String email = addressesAsWritten.get(i);
                String rawSip = CsvInputs.sip(addressesAsWritten.get(i + 1));
                if (!email.isEmpty() && !rawSip.isEmpty()) {
                    emails.putIfAbsent(lower(CsvInputs.sip(email)), lower(rawSip));
                }
                if (!rawSip.isEmpty() && rawSip.indexOf('@') > 0) {
                    ownDomains.add(lower(rawSip.substring(rawSip.indexOf('@') + 1)));
                }
            }
        }

        /** The declared SIP address of the assessed user with this lower-case SIP or e-mail address, else null. */
        private String assessedUser(String address) {
            String key = emails().getOrDefault(address, address);
            UserRow u = usersByKey.get(key);
            return u == null || versionOfAssessedUser(key) == null ? null : in.assembler.declaredSip(u.sip());
        }

        /**
         * A calendar attendee as a participant: an assessed user by SIP or e-mail address; nobody for a user left
         * out or another address of the estate's domains (a room, a list); else a federated user, declared once with
         * an unknown client unless another source named it.
         */
        private String calendarParticipant(String address, long pos) {
            String lowerAddress = lower(address);
            String key = emails().getOrDefault(lowerAddress, lowerAddress);
            if (skipped.containsKey(key) || usersByKey.containsKey(key)) {
                return assessedUser(lowerAddress);
            }
            String declared = in.assembler.declaredSip(address);
            if (declared != null) {
                return declared;
            }
            int at = address.indexOf('@');
            if (at <= 0 || ownDomains().contains(lower(address.substring(at + 1)))) {
                return null;
            }
            return federated.outsider(address, pos);
        }

        /** The server version of an assessed user (lower-case address); null for anyone else. */
        private ServerVersion versionOfAssessedUser(String key) {
            UserRow u = usersByKey.get(key);
            if (u == null || skipped.containsKey(key)) {
                return null;
            }
            PoolVersions.Known known = byPool.get(poolKey(u.pool()));
            return known == null ? null : known.version();
        }

        private void declarePoolsAndUsers() {
            Set<String> declared = new HashSet<>();
            int index = 0;
            for (UserRow u : users) {
                String key = poolKey(u.pool());
                if (byPool.containsKey(key)) {
                    continue;
                }
                PoolVersions.Known known = versions.versionOf(u.pool());
                byPool.put(key, known);
                if (known == null) {
                    if (!topologyBroken) {
                        noVersion(u);
                    }
                } else if (known.version() != null) {
                    long listed = versions.listedAt(u.pool());
                    long override = versions.overrideAt(u.pool());
                    long at = listed >= 0 ? listed : override >= 0 ? override : u.poolPos();
                    in.assembler.pool(index++, at, versions.spelling(u.pool()), at, known.version());
                    declared.add(key);
                }
            }
            for (Map.Entry<String, PoolVersions.Known> e : versions.otherPools(declared)) {
                in.assembler.pool(index++, e.getValue().pos(), e.getKey(), e.getValue().pos(), e.getValue().version());
            }
            List<String> outside = new ArrayList<>();
            for (UserRow u : users) {
                PoolVersions.Known known = byPool.get(poolKey(u.pool()));
                if (known != null && known.version() == null) {
                    leaveOut(u.sip(), Reason.OUT_OF_SCOPE_POOL, "homed on " + u.pool() + ", which runs "
                            + known.outside() + " (" + known.source() + "), outside a migration to Lync Server 2013",
                            in.location(u.at()));
                    if (!outside.contains(u.pool())) {
                        outside.add(u.pool());
                    }
                    continue;
                }
                declareUser(u, known != null);
            }
            if (!outside.isEmpty()) {
                LOG.warn("pools outside a migration to Lync Server 2013 (Skype for Business Server or newer): {};"
                        + " their users are counted, not assessed", String.join(", ", outside));
            }
        }

        private void declareUser(UserRow u, boolean poolKnown) {
            ClientSpec client = clients.clientOf(u.index());
            ClientGap gap = client == null ? new ClientGap(clientSources, clients.unrecognised(u.index())) : null;
            UserProfiles.Profile profile = profiles.of(u.index());
            in.assembler.user(new InventoryAssembler.UserDraft(u.index(), u.at(), u.sip(), u.sipPos(),
                    poolKnown ? u.pool() : null, u.poolPos(), client == null ? Client.UNKNOWN : client.client(),
                    client == null ? null : client.version(), profile.meetingsPerMonth(), profile.needs(),
                    profile.addIns(), profile.liveMeeting(), gap));
        }

        private void noVersion(UserRow u) {
            long listed = versions.listedAt(u.pool());
            String site = versions.siteOfPool(u.pool());
            String what = "no server version for pool \"" + versions.spelling(u.pool()) + "\""
                    + (site.isEmpty() ? "" : " (site " + site + ")") + ", the Registrar pool of " + u.sip() + " ("
                    + Path.of(in.location(u.at()).file()).getFileName() + " line " + in.location(u.at()).line() + "): ";
            String fix = PoolVersions.howToGiveAVersion(versions.spelling(u.pool()), site);
            if (listed >= 0) {
                in.errors.add(in.location(listed), null, what + "the topology lists it without a version; " + fix);
            } else {
                in.errors.add(in.location(u.poolPos()), "users[" + u.index() + "].pool", what + "no export of the"
                        + " topology lists it (OCS 2007 R2 pools are not in Get-CsPool's output unless the legacy"
                        + " topology was merged); " + fix);
            }
        }

        // -------------------------------------------------------------- who joined, from the Monitoring database

        /** The clients users joined conferences with are client data too, read after the registrations. */
        private void participantClients() {
            for (ConferenceParticipants.Joiner j : participants.all()) {
                UserRow u = usersByKey.get(lower(j.sip()));
                if (u != null && !j.userAgent().isEmpty()) {
                    clients.add(u.index(), j.userAgent(), in.client(j.userAgent()));
                }
            }
        }

        /**
         * The participants of conference {@code id} of {@code organizer}, as declared, the organizer and users left
         * out not; null when the Monitoring data names no one joining it.
         */
        private List<String> participantsOf(String organizer, String id) {
            List<ConferenceParticipants.Joiner> joiners = participants.take(organizer, id);
            if (joiners.isEmpty()) {
                return null;
            }
            List<String> result = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            seen.add(lower(organizer));
            for (ConferenceParticipants.Joiner j : joiners) {
                String key = lower(j.sip());
                if (!seen.add(key) || skipped.containsKey(key)) {
                    continue;
                }
                String declared = in.assembler.declaredSip(j.sip());
                if (declared != null) {
                    result.add(declared);
                }
            }
            return result;
        }

        /** Pool names repeat on every user: each spelling is lower-cased once. */
        private final Map<String, String> poolKeys = new HashMap<>();

        private String poolKey(String pool) {
            return poolKeys.computeIfAbsent(pool, Reading::lower);
        }

        /** The file's own name, for messages whose location already names the folder. */
        private static String fileName(Table t) {
            Path name = Path.of(t.file).getFileName();
            return name == null ? t.file : name.toString();
        }

        private static String lower(String s) {
            return s.toLowerCase(Locale.ROOT);
        }
    }
}
