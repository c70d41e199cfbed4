package io.migkb.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.migkb.inventory.CsvInputs.Column;
import io.migkb.inventory.CsvInputs.Table;
import io.migkb.model.AddIn;
import io.migkb.model.Inventory;
import io.migkb.model.Need;
import io.migkb.model.ServerVersion;
import io.migkb.model.SourceLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an inventory from Lync Server Management Shell exports (docs/inputs.md, "Lync Management Shell export"):
 * a folder with {@code users.csv} ({@code Get-CsUser | Export-Csv}), {@code clients.csv} (the client-version
 * report: SIP address and user agent), and optionally {@code pools.csv} ({@code Get-CsPool | Export-Csv}),
 * {@code versions.yaml} (pool or site to server version), {@code profiles.csv}, {@code federated.csv},
 * {@code meetings.csv} and {@code plan.yaml}.
 *
 * <p>The files are read as PowerShell writes them ({@link CsvFile}); {@code sip:} prefixes are dropped and the
 * columns not listed here are ignored. A user whose account is disabled ({@code Enabled} False) or who has no
 * Registrar pool is left out: such a user cannot sign in, let alone organize meetings.
 */
public final class LyncExportInventoryReader implements InventoryReader {
    private static final Logger LOG = LoggerFactory.getLogger(LyncExportInventoryReader.class);

    static final String USERS = "users.csv";
    static final String POOLS = "pools.csv";
    static final String CLIENTS = "clients.csv";
    static final String PROFILES = "profiles.csv";
    static final String FEDERATED = "federated.csv";
    static final String MEETINGS = "meetings.csv";
    static final String VERSIONS = "versions.yaml";

    /** Where Merge-CsLegacyTopology puts the OCS 2007 R2 pools: their version needs no map. */
    static final String LEGACY_SITE = "BackCompatSite";

    private static final int U_SIP = 0, U_POOL = 1, U_ENABLED = 2;
    static final List<Column> USER_COLUMNS = List.of(
            new Column("sip", true, "the user's SIP address, e.g. \"sip:alice@contoso.com\"", "SipAddress"),
            new Column("pool", true, "the FQDN of the user's Registrar pool", "RegistrarPool"),
            new Column("enabled", false, "True or False", "Enabled"));

    private static final int P_IDENTITY = 0, P_SITE = 1;
    static final List<Column> POOL_COLUMNS = List.of(
            new Column("fqdn", true, "the pool's FQDN, e.g. \"pool13.contoso.com\"", "Identity", "Fqdn", "PoolFqdn"),
            new Column("site", false, "the pool's site, e.g. \"Site:Redmond\"", "Site"));

    private static final int C_SIP = 0, C_AGENT = 1;
    static final List<Column> CLIENT_COLUMNS = List.of(
            new Column("sip", true, "the user's SIP address", "SipAddress", "UserUri", "SipUri", "Uri", "User"),
            new Column("client", true, StructuredInventoryParser.clientHint(), "UserAgent", "ClientVersion",
                    "Client", "Version"));

    private static final int R_SIP = 0, R_MEETINGS = 1, R_NEEDS = 2, R_ADDINS = 3, R_LIVE_MEETING = 4;
    static final List<Column> PROFILE_COLUMNS = List.of(
            new Column("sip", true, "the SIP address of a user of users.csv", "SipAddress"),
            new Column("meetingsPerMonth", false, "a whole number", "MeetingsPerMonth"),
            new Column("needs", false, StructuredInventoryParser.allowedNames(Need.class) + ", separated by ; or |",
                    "Needs"),
            new Column("addIns", false, StructuredInventoryParser.allowedNames(AddIn.class) + ", separated by ; or |",
                    "AddIns"),
            new Column("schedulesLiveMeetingService", false, "true or false", "SchedulesLiveMeetingService"));

    /** True for a folder whose users.csv is a Get-CsUser export (it has a RegistrarPool column). */
    static boolean recognizes(Path path) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        Path users = path.resolve(USERS);
        if (!Files.isRegularFile(users)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(users)) {
            byte[] start = in.readNBytes(16 * 1024);
            boolean utf16 = start.length >= 2 && ((start[0] & 0xff) == 0xFF && (start[1] & 0xff) == 0xFE
                    || (start[0] & 0xff) == 0xFE && (start[1] & 0xff) == 0xFF);
            String text = new String(start, utf16 ? StandardCharsets.UTF_16 : StandardCharsets.ISO_8859_1);
            return text.toLowerCase(Locale.ROOT).contains("registrarpool");
        } catch (IOException e) {
            return false;
        }
    }

    private record VersionEntry(String key, ServerVersion version, long pos) {
    }

    private record PoolRow(String fqdn, String site, long pos, long at) {
    }

    private record UserRow(int index, long at, String sip, long sipPos, String pool, long poolPos) {
    }

    private record Choice(ClientSpec client, long pos) {
    }

    private record Unknown(String text, Table table, long pos) {
    }

    private record Profile(int meetingsPerMonth, Set<Need> needs, Set<AddIn> addIns, boolean liveMeeting) {
    }

    @Override
    public Inventory read(Path folder) throws InventoryException {
        ErrorCollector check = new ErrorCollector();
        if (!CsvInputs.checkFolder(folder, check, "a Lync Management Shell export")) {
            throw check.toException();
        }
        return new Reading(new CsvInputs(folder)).read();
    }

    /** One read of one folder. */
    private static final class Reading {
        private final CsvInputs in;
        private boolean complete = true;
        private final Map<String, VersionEntry> versionsByPool = new LinkedHashMap<>();
        private final Map<String, VersionEntry> versionsBySite = new HashMap<>();
        private final Map<String, PoolRow> pools = new HashMap<>();
        private final List<UserRow> users = new ArrayList<>();
        /** Users left out, by lower-case SIP address: why. */
        private final Map<String, String> skipped = new HashMap<>();
        private final Map<String, Choice> clients = new HashMap<>();
        private final Map<String, Unknown> unknownClients = new HashMap<>();
        private final Map<String, Profile> profiles = new HashMap<>();
        private Table usersTable;
        private Table poolsTable;

        Reading(CsvInputs in) {
            this.in = in;
        }

        Inventory read() throws InventoryException {
            complete &= in.readPlan();
            readVersions();
            readPools();
            readUsers();
            readClients(in.open(CLIENTS, null, true, false, CLIENT_COLUMNS, "the client-version report: columns"
                    + " SipAddress and UserAgent, a row per user and client"), clients, unknownClients);
            readProfiles();
            declarePoolsAndUsers();
            readFederated();
            complete &= in.readMeetings(in.open(MEETINGS, "meetings", false, false, CsvInputs.MEETING_COLUMNS,
                    "columns Id, Organizer, Url, and optionally Locked, Content, Video, NoMeetingIm, Participants"),
                    skipped);
            Inventory inventory = in.finish(complete);
            if (!skipped.isEmpty()) {
                long disabled = skipped.values().stream().filter(why -> why.startsWith("disabled")).count();
                LOG.warn("left out {} of the users in {} who cannot sign in: {} disabled (Enabled False), {} without a"
                        + " Registrar pool", skipped.size(), in.display(USERS), disabled, skipped.size() - disabled);
            }
            return inventory;
        }

        // -------------------------------------------------------------- versions.yaml

        private void readVersions() {
            Path path = in.dir.resolve(VERSIONS);
            if (!Files.isRegularFile(path)) {
                return;
            }
            int file = in.register(VERSIONS);
            String name = in.display(VERSIONS);
            try (JsonParser p = YamlInventoryReader.FACTORY.createParser(path.toFile())) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    return;
                }
                if (t != JsonToken.START_OBJECT) {
                    in.errors.add(at(name, p), null, "expected a map of pool FQDNs (or site:NAME) to server versions,"
                            + " e.g. \"pool10.contoso.com: LYNC_2010\"");
                    complete = false;
                    return;
                }
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName().trim();
                    JsonLocation l = p.currentTokenLocation();
                    long pos = in.pos(file, l.getLineNr(), l.getColumnNr());
                    t = p.nextToken();
                    ServerVersion version = null;
                    if (t == JsonToken.VALUE_STRING) {
                        version = StructuredInventoryParser.choiceNamed(ServerVersion.class, p.getText().trim());
                        if (version == null) {
                            in.errors.add(at(name, p), key, StructuredInventoryParser.unknownChoiceMessage(
                                    ServerVersion.class, p.getText().trim()));
                        }
                    } else {
                        in.errors.add(at(name, p), key, "expected a server version ("
                                + StructuredInventoryParser.allowedNames(ServerVersion.class) + ")");
                        p.skipChildren();
                    }
                    boolean site = key.regionMatches(true, 0, "site:", 0, 5);
                    String lower = lower(site ? key.substring(5).trim() : key);
                    Map<String, VersionEntry> map = site ? versionsBySite : versionsByPool;
                    VersionEntry first = map.get(lower);
                    if (first != null) {
                        in.errors.add(in.location(pos), key, "\"" + key + "\" is mapped twice (also at line "
                                + in.location(first.pos()).line() + "); keep one");
                    } else if (version != null) {
                        map.put(lower, new VersionEntry(key, version, pos));
                    }
                }
            } catch (JsonProcessingException e) {
                JsonLocation l = e.getLocation();
                in.errors.add(new SourceLocation(name, l == null ? 0 : Math.max(l.getLineNr(), 0),
                        l == null ? 0 : Math.max(l.getColumnNr(), 0)), null, "malformed YAML: " + e.getOriginalMessage());
                complete = false;
            } catch (IOException e) {
                in.errors.add(new SourceLocation(name, 0, 0), null, "cannot read the file: " + e.getMessage());
                complete = false;
            }
        }

        private static SourceLocation at(String name, JsonParser p) {
            JsonLocation l = p.currentTokenLocation();
            return new SourceLocation(name, Math.max(l.getLineNr(), 0), Math.max(l.getColumnNr(), 0));
        }

        // -------------------------------------------------------------- Get-CsPool, Get-CsUser

        private void readPools() {
            Table t = in.open(POOLS, "pools", false, false, POOL_COLUMNS, "Get-CsPool | Export-Csv: columns"
                    + " Identity and Site");
            poolsTable = t;
            complete &= in.forEachRow(t, i -> {
                String fqdn = in.required(t, P_IDENTITY);
                if (fqdn == null) {
                    return;
                }
                PoolRow first = pools.putIfAbsent(lower(fqdn), new PoolRow(fqdn, site(t.value(P_SITE)),
                        t.pos(P_IDENTITY), t.rowPos()));
                if (first != null) {
                    t.error(P_IDENTITY, "duplicate pool \"" + fqdn + "\": already at line " + in.location(first.at()).line()
                            + "; list each pool once");
                }
            });
        }

        /** "Site:Redmond" and "Redmond" are the same site. */
        private static String site(String text) {
            return text.regionMatches(true, 0, "site:", 0, 5) ? text.substring(5).trim() : text;
        }

        private void readUsers() {
            Table t = in.open(USERS, "users", true, false, USER_COLUMNS, "Get-CsUser | Export-Csv: columns"
                    + " SipAddress, RegistrarPool and Enabled");
            usersTable = t;
            if (t == null) {
                complete = false;
                return;
            }
            complete &= in.forEachRow(t, i -> {
                String enabled = t.value(U_ENABLED);
                if (!enabled.isEmpty() && Boolean.FALSE.equals(in.bool(t, U_ENABLED))) {
                    String sip = CsvInputs.sip(t.value(U_SIP));
                    if (!sip.isEmpty()) {
                        skipped.put(lower(sip), "disabled in " + USERS + " (line " + t.csv.recordLine()
                                + ", Enabled is " + enabled + ")");
                    }
                    return;
                }
                String sip = in.requiredSip(t, U_SIP);
                if (sip == null) {
                    return;
                }
                String pool = t.value(U_POOL);
                if (pool.isEmpty()) {
                    skipped.put(lower(sip), "not assigned to a Registrar pool in " + USERS + " (line "
                            + t.csv.recordLine() + ", RegistrarPool is empty)");
                    return;
                }
                users.add(new UserRow(i, t.rowPos(), sip, t.pos(U_SIP), pool, t.pos(U_POOL)));
            });
        }

        // -------------------------------------------------------------- client-version report, profiles

        /**
         * Reads a client-version report: a row per user and client. A user's client is the one of the last row
         * naming a known client (a report ordered by time gives the latest); rows of unknown user agents (phones,
         * mobile clients) count only when a user has no other.
         */
        private void readClients(Table t, Map<String, Choice> chosen, Map<String, Unknown> unknown) {
            complete &= in.forEachRow(t, i -> {
                String sip = in.requiredSip(t, C_SIP);
                String text = t.value(C_AGENT);
                if (sip == null) {
                    return;
                }
                ClientSpec client = in.client(text);
                if (client == null) {
                    unknown.put(lower(sip), new Unknown(text, t, t.pos(C_AGENT)));
                } else {
                    chosen.put(lower(sip), new Choice(client, t.pos(C_AGENT)));
                }
            });
        }

        private void readProfiles() {
            Table t = in.open(PROFILES, null, false, true, PROFILE_COLUMNS, "columns SipAddress, MeetingsPerMonth,"
                    + " Needs, AddIns, SchedulesLiveMeetingService");
            Map<String, String> known = new HashMap<>();
            users.forEach(u -> known.put(lower(u.sip()), u.sip()));
            complete &= in.forEachRow(t, i -> {
                String sip = in.requiredSip(t, R_SIP);
                int meetings = in.count(t, R_MEETINGS);
                Set<Need> needs = in.choices(t, R_NEEDS, Need.class);
                Set<AddIn> addIns = in.choices(t, R_ADDINS, AddIn.class);
                Boolean liveMeeting = in.bool(t, R_LIVE_MEETING);
                if (sip == null) {
                    return;
                }
                String key = lower(sip);
                if (!known.containsKey(key)) {
                    if (!skipped.containsKey(key)) {
                        t.error(R_SIP, "\"" + sip + "\" is not a user of " + USERS + "; correct the address or"
                                + " remove the row");
                    }
                    return;
                }
                if (profiles.putIfAbsent(key, new Profile(Math.max(meetings, 0), needs, addIns,
                        Boolean.TRUE.equals(liveMeeting))) != null) {
                    t.error(R_SIP, "\"" + sip + "\" has two rows; keep one");
                }
            });
        }

        // -------------------------------------------------------------- into the assembler

        private void declarePoolsAndUsers() {
            Map<String, ServerVersion> versions = new HashMap<>();
            int index = 0;
            for (UserRow u : users) {
                String key = lower(u.pool());
                if (versions.containsKey(key)) {
                    continue;
                }
                ServerVersion version = versionOf(u);
                versions.put(key, version);
                if (version != null) {
                    declare(index++, key, u, version);
                }
            }
            for (Map.Entry<String, VersionEntry> e : versionsByPool.entrySet()) {
                if (!versions.containsKey(e.getKey())) {
                    VersionEntry v = e.getValue();
                    PoolRow row = pools.get(e.getKey());
                    in.assembler.pool(index++, v.pos(), row == null ? v.key() : row.fqdn(),
                            row == null ? v.pos() : row.pos(), v.version());
                }
            }
            for (UserRow u : users) {
                String key = lower(u.sip());
                Choice choice = clients.get(key);
                if (choice == null) {
                    noClient(u);
                }
                Profile profile = profiles.getOrDefault(key, new Profile(0, Set.of(), Set.of(), false));
                boolean poolKnown = versions.get(lower(u.pool())) != null;
                in.assembler.user(new InventoryAssembler.UserDraft(u.index(), u.at(), u.sip(), u.sipPos(),
                        poolKnown ? u.pool() : null, u.poolPos(), choice == null ? null : choice.client().client(),
                        choice == null ? null : choice.client().version(), profile.meetingsPerMonth(),
                        profile.needs(), profile.addIns(), profile.liveMeeting()));
            }
        }

        /** The version of a user's pool: mapped by FQDN, by site, or the legacy site; null (reported) otherwise. */
        private ServerVersion versionOf(UserRow u) {
            String key = lower(u.pool());
            VersionEntry byPool = versionsByPool.get(key);
            if (byPool != null) {
                return byPool.version();
            }
            PoolRow row = pools.get(key);
            if (row != null && !row.site().isEmpty()) {
                VersionEntry bySite = versionsBySite.get(lower(row.site()));
                if (bySite != null) {
                    return bySite.version();
                }
                if (row.site().equalsIgnoreCase(LEGACY_SITE)) {
                    return ServerVersion.OCS_2007_R2;
                }
            }
            String fix = "; add \"" + u.pool() + ": LYNC_2010\" (or OCS_2007_R2, LYNC_2013) to " + VERSIONS
                    + (row != null && !row.site().isEmpty() ? ", or map its site: \"site:" + row.site()
                    + ": LYNC_2010\"" : "");
            if (row != null) {
                in.errors.add(in.location(row.pos()), poolsTable.name(P_IDENTITY), "no server version for pool \"" + row.fqdn() + "\""
                        + (row.site().isEmpty() ? "" : " (site " + row.site() + ")") + ", the Registrar pool of "
                        + u.sip() + " (" + USERS + " line " + in.location(u.at()).line() + ")" + fix);
            } else {
                in.errors.add(in.location(u.poolPos()), usersTable.name(U_POOL), "no server version for pool \""
                        + u.pool() + "\": it is neither in " + VERSIONS + " nor in " + POOLS + fix
                        + " (OCS 2007 R2 pools are not in Get-CsPool's output unless the legacy topology was merged)");
            }
            return null;
        }

        private void declare(int index, String key, UserRow u, ServerVersion version) {
            PoolRow row = pools.get(key);
            VersionEntry mapped = versionsByPool.get(key);
            if (row != null) {
                in.assembler.pool(index, row.at(), row.fqdn(), row.pos(), version);
            } else if (mapped != null) {
                in.assembler.pool(index, mapped.pos(), mapped.key(), mapped.pos(), version);
            } else {
                in.assembler.pool(index, u.poolPos(), u.pool(), u.poolPos(), version);
            }
        }

        private void noClient(UserRow u) {
            Unknown unknown = unknownClients.get(lower(u.sip()));
            if (unknown != null) {
                in.errors.add(in.location(unknown.pos()), unknown.table().name(C_AGENT),
                        StructuredInventoryParser.unknownClientMessage(unknown.text()));
            } else {
                in.errors.add(in.location(u.sipPos()), usersTable.name(U_SIP), "no client known for " + u.sip()
                        + ": " + CLIENTS + " has no row for this user; add one with the SipAddress and the UserAgent"
                        + " (a client name such as LYNC_2010 will do when the user agent is not known)");
            }
        }

        // -------------------------------------------------------------- federated users

        private void readFederated() {
            Map<String, Choice> chosen = new LinkedHashMap<>();
            Map<String, Unknown> unknown = new LinkedHashMap<>();
            Map<String, String> spelling = new LinkedHashMap<>();
            Map<String, Long> firstPos = new HashMap<>();
            Map<String, Long> firstAt = new HashMap<>();
            Table t = in.open(FEDERATED, "federatedUsers", false, false, CLIENT_COLUMNS, "columns SipAddress and"
                    + " UserAgent, a row per federated user and client");
            complete &= in.forEachRow(t, i -> {
                String sip = in.requiredSip(t, C_SIP);
                if (sip == null) {
                    return;
                }
                String key = lower(sip);
                if (spelling.putIfAbsent(key, sip) == null) {
                    firstPos.put(key, t.pos(C_SIP));
                    firstAt.put(key, t.rowPos());
                }
                ClientSpec client = in.client(t.value(C_AGENT));
                if (client == null) {
                    unknown.put(key, new Unknown(t.value(C_AGENT), t, t.pos(C_AGENT)));
                } else {
                    chosen.put(key, new Choice(client, t.pos(C_AGENT)));
                }
            });
            int index = 0;
            for (Map.Entry<String, String> e : spelling.entrySet()) {
                String key = e.getKey();
                Choice choice = chosen.get(key);
                if (choice == null) {
                    Unknown u = unknown.get(key);
                    in.errors.add(in.location(u.pos()), u.table().name(C_AGENT),
                            StructuredInventoryParser.unknownClientMessage(u.text()));
                }
                in.assembler.federatedUser(index++, firstAt.get(key), e.getValue(), firstPos.get(key),
                        choice == null ? null : choice.client().client());
            }
        }

        private static String lower(String s) {
            return s.toLowerCase(Locale.ROOT);
        }
    }
}
