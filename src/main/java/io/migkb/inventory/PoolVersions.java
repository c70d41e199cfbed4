package io.migkb.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.migkb.inventory.CsvInputs.Table;
import io.migkb.model.ServerVersion;
import io.migkb.model.SourceLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server version of each pool of a Lync export folder, first match wins:
 * <ol>
 *   <li>{@code versions.yaml} by the pool's FQDN (the consultant's override);</li>
 *   <li>the topology: the {@code Version} of the pool's Registrar in a {@code Get-CsService -Registrar} export
 *       (5 Lync Server 2010, 6 Lync Server 2013, below 5 OCS; 7 and 8, Skype for Business Server, are outside a
 *       migration to Lync Server 2013);</li>
 *   <li>{@code versions.yaml} by the pool's site ({@code site:Dublin}), for pools the topology has no version for;
 *       a site mapping that contradicts the topology for a pool of the site is an error naming both;</li>
 *   <li>the site {@code BackCompatSite}, where {@code Merge-CsLegacyTopology} puts OCS 2007 R2 pools.</li>
 * </ol>
 * Nothing is guessed: a pool none of these covers is an error that says what to export or write.
 */
final class PoolVersions {
    static final String LEGACY_SITE = "BackCompatSite";

    /** A pool's version as the inputs give it: in scope ({@code version}), or outside the migration ({@code outside}). */
    record Known(ServerVersion version, String outside, String source, long pos) {
    }

    private record Entry(String key, ServerVersion version, long pos) {
    }

    private record Topology(String fqdn, String site, Known known, long pos) {
    }

    private record Listed(String fqdn, String site, long pos, long at) {
    }

    private final CsvInputs in;
    private final Map<String, Entry> byPool = new LinkedHashMap<>();
    private final Map<String, Entry> bySite = new LinkedHashMap<>();
    private final Map<String, Topology> registrars = new LinkedHashMap<>();
    private final Map<String, Listed> listed = new HashMap<>();
    private boolean complete = true;

    PoolVersions(CsvInputs in) {
        this.in = in;
    }

    boolean complete() {
        return complete;
    }

    // ------------------------------------------------------------------ versions.yaml

    /** Reads versions.yaml when the folder has one: pool FQDN or site:NAME to server version. */
    void readOverrides() {
        Path path = in.dir.resolve(ExportFolder.VERSIONS);
        if (!Files.isRegularFile(path)) {
            return;
        }
        int file = in.register(ExportFolder.VERSIONS);
        String name = in.display(ExportFolder.VERSIONS);
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
                Map<String, Entry> map = site ? bySite : byPool;
                Entry first = map.get(lower);
                if (first != null) {
                    in.errors.add(in.location(pos), key, "\"" + key + "\" is mapped twice (also at line "
                            + in.location(first.pos()).line() + "); keep one");
                } else if (version != null) {
                    map.put(lower, new Entry(key, version, pos));
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

    // ------------------------------------------------------------------ the topology

    private static final int R_FQDN = 0, R_VERSION = 1, R_SITE = 2;

    /** Reads a Get-CsService -Registrar export: each Registrar pool's FQDN, version number and site. */
    void readRegistrars(Table t) {
        complete &= in.forEachRow(t, i -> {
            String fqdn = in.required(t, R_FQDN);
            String text = t.value(R_VERSION);
            Known known = null;
            try {
                known = fromRegistrarVersion(Integer.parseInt(text.trim()),
                        t.file + " line " + t.csv.recordLine(), t.pos(R_VERSION));
            } catch (NumberFormatException e) {
                t.error(R_VERSION, text.isEmpty() ? "must not be empty; give the Registrar's version number (5 for"
                        + " Lync Server 2010, 6 for Lync Server 2013)" : "expected the Registrar's version number (5 for"
                        + " Lync Server 2010, 6 for Lync Server 2013), not \"" + text + "\"");
            }
            if (fqdn == null || known == null) {
                return;
            }
            Topology first = registrars.putIfAbsent(lower(fqdn), new Topology(fqdn, site(t.value(R_SITE)), known,
                    t.pos(R_FQDN)));
            if (first != null && !sameVersion(first.known(), known)) {
                t.error(R_VERSION, "pool \"" + fqdn + "\" has another version at " + in.location(first.pos())
                        + "; the topology gives each pool one version: keep the current export");
            }
        });
    }

    /**
     * What a Registrar's {@code Version} means, as Lync administrators' scripts read it: 5 Lync Server 2010, 6 Lync
     * Server 2013, below 5 an OCS pool (OCS 2007 R2 in a Lync 2013 migration), 7 and 8 Skype for Business Server
     * 2015 and 2019 (outside the migration), docs/inputs.md cites the sources.
     */
    static Known fromRegistrarVersion(int version, String source, long pos) {
        String from = "Version " + version + " in " + source;
        return switch (version) {
            case 5 -> new Known(ServerVersion.LYNC_2010, null, from, pos);
            case 6 -> new Known(ServerVersion.LYNC_2013, null, from, pos);
            case 7 -> new Known(null, "Skype for Business Server 2015", from, pos);
            case 8 -> new Known(null, "Skype for Business Server 2019", from, pos);
            default -> version < 5 ? new Known(ServerVersion.OCS_2007_R2, null, from, pos)
                    : new Known(null, "a server version newer than Skype for Business Server 2019", from, pos);
        };
    }

    private static boolean sameVersion(Known a, Known b) {
        return a.version() == b.version() && java.util.Objects.equals(a.outside(), b.outside());
    }

    private static final int P_FQDN = 0, P_SITE = 1;

    /** Reads a Get-CsPool export: each pool's FQDN and site. */
    void readPools(Table t) {
        complete &= in.forEachRow(t, i -> {
            String fqdn = in.required(t, P_FQDN);
            if (fqdn == null) {
                return;
            }
            Listed first = listed.putIfAbsent(lower(fqdn), new Listed(fqdn, site(t.value(P_SITE)), t.pos(P_FQDN),
                    t.rowPos()));
            if (first != null && !in.location(first.pos()).file().equals(t.file)) {
                return; // the same pool in two exports of the topology
            }
            if (first != null) {
                t.error(P_FQDN, "duplicate pool \"" + fqdn + "\": already at line " + in.location(first.at()).line()
                        + "; list each pool once");
            }
        });
    }

    /** "Site:Redmond" and "Redmond" are the same site. */
    static String site(String text) {
        return text.regionMatches(true, 0, "site:", 0, 5) ? text.substring(5).trim() : text.trim();
    }

    // ------------------------------------------------------------------ answers

    /** Where the topology lists the pool (Get-CsPool, else Get-CsService), packed; -1 when it does not. */
    long listedAt(String fqdn) {
        Listed l = listed.get(lower(fqdn));
        if (l != null) {
            return l.pos();
        }
        Topology r = registrars.get(lower(fqdn));
        return r == null ? -1 : r.pos();
    }

    /** The pool's FQDN as the topology spells it, else as given. */
    String spelling(String fqdn) {
        Listed l = listed.get(lower(fqdn));
        if (l != null) {
            return l.fqdn();
        }
        Topology r = registrars.get(lower(fqdn));
        return r == null ? fqdn : r.fqdn();
    }

    private String siteOf(String key) {
        Listed l = listed.get(key);
        if (l != null && !l.site().isEmpty()) {
            return l.site();
        }
        Topology r = registrars.get(key);
        return r == null ? "" : r.site();
    }

    /** The version of pool {@code fqdn}, or null when nothing gives one (the caller reports it). */
    Known versionOf(String fqdn) {
        String key = lower(fqdn);
        Entry override = byPool.get(key);
        if (override != null) {
            return new Known(override.version(), null, ExportFolder.VERSIONS, override.pos());
        }
        Topology r = registrars.get(key);
        if (r != null) {
            return r.known();
        }
        String site = siteOf(key);
        if (!site.isEmpty()) {
            Entry bySiteEntry = bySite.get(lower(site));
            if (bySiteEntry != null) {
                return new Known(bySiteEntry.version(), null, ExportFolder.VERSIONS + " (site:" + site + ")",
                        bySiteEntry.pos());
            }
            if (site.equalsIgnoreCase(LEGACY_SITE)) {
                return new Known(ServerVersion.OCS_2007_R2, null, "site " + LEGACY_SITE, listedAt(fqdn));
            }
        }
        return null;
    }

    /**
     * The pools nobody in {@code declared} (lower-case FQDNs) is homed on that still belong in the inventory, with
     * their versions: those versions.yaml names by FQDN, then the topology's Registrar pools of a version in the
     * migration (a Lync Server 2013 target pool nobody is homed on yet, among others).
     */
    List<Map.Entry<String, Known>> otherPools(java.util.Set<String> declared) {
        List<Map.Entry<String, Known>> result = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>(declared);
        for (Map.Entry<String, Entry> e : byPool.entrySet()) {
            if (taken.add(e.getKey())) {
                Entry v = e.getValue();
                result.add(Map.entry(spelling(v.key()), new Known(v.version(), null, ExportFolder.VERSIONS, v.pos())));
            }
        }
        for (Map.Entry<String, Topology> e : registrars.entrySet()) {
            if (e.getValue().known().version() != null && taken.add(e.getKey())) {
                result.add(Map.entry(spelling(e.getValue().fqdn()), e.getValue().known()));
            }
        }
        return result;
    }

    /** Where versions.yaml names {@code fqdn}, packed; -1 when it does not. */
    long overrideAt(String fqdn) {
        Entry e = byPool.get(lower(fqdn));
        return e == null ? -1 : e.pos();
    }

    /**
     * Reports each site mapping that would give a pool of the site another version than the topology gives it,
     * naming the mapping and the pool.
     */
    void checkSiteMappings() {
        for (Entry site : bySite.values()) {
            String name = site.key().substring(5).trim();
            for (Topology r : registrars.values()) {
                String poolSite = siteOf(lower(r.fqdn()));
                if (poolSite.equalsIgnoreCase(name) && r.known().version() != site.version()
                        && !byPool.containsKey(lower(r.fqdn()))) {
                    in.errors.add(in.location(site.pos()), site.key(), "\"" + site.key() + ": " + site.version()
                            + "\" would give pool \"" + r.fqdn() + "\" of site " + name + " "
                            + site.version() + ", but the topology says "
                            + (r.known().version() != null ? r.known().version().name() : r.known().outside())
                            + " (" + r.known().source() + "); name the pools of the site by FQDN instead, or"
                            + " remove the site mapping");
                }
            }
        }
    }

    /** The hint for a pool without a version: what to export or write, without guessing one. */
    static String howToGiveAVersion(String fqdn, String site) {
        return "export the topology's Registrars into the folder (Get-CsService -Registrar | Export-Csv"
                + " registrars.csv), or give its version in " + ExportFolder.VERSIONS + " as \"" + fqdn
                + ": VERSION\"" + (site.isEmpty() ? "" : " or for its whole site as \"site:" + site + ": VERSION\"")
                + ", VERSION being OCS_2007_R2, LYNC_2010 or LYNC_2013";
    }

    /** The site of a pool, "" when the topology does not say. */
    String siteOfPool(String fqdn) {
        return siteOf(lower(fqdn));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
