package io.migkb.generate;

import io.migkb.model.AddIn;
import io.migkb.model.Client;
import io.migkb.model.Content;
import io.migkb.model.Need;
import io.migkb.model.ServerVersion;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes a believable synthetic inventory of a given number of users: a few pools per server version, clients
 * in the shares a 2013-era estate has (often given as SIP user-agent strings), about three meetings per user
 * whose URL scheme follows the organizer's server, some of them locked, federated partners (some still on
 * Communicator 2007), Live Meeting needs and Outlook add-ins.
 *
 * <p>The same users count and seed always give the same inventory: every draw comes from one
 * {@link SplittableRandom} in a fixed order, and nothing depends on hash iteration order. The generator keeps
 * only a byte and the SIP address of each user while it runs; elements go to a {@link InventorySink} as they are made, so a
 * million-user inventory is streamed to a file without being held in memory.
 *
 * <p>Every rule of the bundled catalogue fires on a generated inventory of 10,000 users or more.
 */
public final class InventoryGenerator {
    /** The organization's SIP domain. */
    public static final String DOMAIN = "contoso.com";

    private static final String[] FIRST = {"anna", "ben", "carla", "david", "emma", "felix", "greta", "hugo",
        "ines", "jonas", "klara", "leon", "mia", "noah", "olga", "paul", "rosa", "sam", "tara", "ulf", "vera",
        "wim", "xenia", "yusuf", "zoe", "amir", "bea", "chen", "dora", "eli", "femi", "gita", "hana", "ivan",
        "jia", "kofi", "lara", "mateo", "nina", "omar", "priya", "quinn", "ravi", "sofia", "tomas", "uma", "vik",
        "wendy", "yara", "zane"};
    private static final String[] LAST = {"adams", "berg", "costa", "dubois", "eriksen", "fischer", "garcia",
        "hansen", "ito", "jensen", "kowalski", "lopez", "meyer", "nakamura", "olsen", "petrov", "quinn", "rossi",
        "schmidt", "tanaka", "usman", "varga", "weber", "xu", "yilmaz", "zimmer", "ahmed", "brown", "chang",
        "diaz", "evans", "fontaine", "gupta", "hoffmann", "ivanova", "johnson", "kim", "larsen", "moreau",
        "novak", "oconnor", "park", "reyes", "silva", "turner", "wagner", "young", "zhang", "baker", "murphy"};
    private static final String[] PARTNERS = {"fabrikam.com", "litwareinc.com", "adatum.com", "northwindtraders.com",
        "tailspintoys.com", "wingtiptoys.com", "woodgrovebank.com", "proseware.com", "fourthcoffee.com",
        "alpineskihouse.com", "blueyonderairlines.com", "cohovineyard.com", "lucernepublishing.com",
        "margiestravel.com", "treyresearch.net", "wideworldimporters.com", "graphicdesigninstitute.com",
        "humongousinsurance.com", "consolidatedmessenger.com", "relecloud.com"};
    private static final String CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    /** Lync 2013 builds seen in the field: RTM, CU1, SP1-era, and later (the plan's policy minimum is 4551). */
    private static final String[] LYNC_2013_BUILDS = {"15.0.4420.1017", "15.0.4481.1000", "15.0.4551.1001",
        "15.0.4569.1506", "15.0.4605.1003", "15.0.4701.1000"};
    /** The client policy the generated plan sets: anything older than this Lync 2013 build is below policy. */
    public static final String LYNC_2013_MINIMUM = "15.0.4551.1001";

    private static final ServerVersion[] VERSIONS = ServerVersion.values();
    /** Users of a department are consecutive; colleagues invite each other. */
    private static final int DEPARTMENT = 400;

    private final int userCount;
    private final long seed;

    public InventoryGenerator(int users, long seed) {
        if (users < 1) {
            throw new IllegalArgumentException("the number of users must be at least 1, not " + users);
        }
        this.userCount = users;
        this.seed = seed;
    }

    public int users() {
        return userCount;
    }

    public long seed() {
        return seed;
    }

    /** How many pools of each server version an estate of this size has: a few, more as it grows. */
    int poolsPerVersion() {
        return Math.min(6, 2 + userCount / 250_000);
    }

    int federatedUserCount() {
        return Math.max(12, userCount / 25);
    }

    int partnerCount() {
        return Math.max(3, Math.min(PARTNERS.length * 20, userCount / 2_000));
    }

    /** Streams the whole inventory, in docs/inventory.md's order, to {@code sink}. */
    public void generate(InventorySink sink) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int poolsPerVersion = poolsPerVersion();
        sink.organization(DOMAIN);
        // Pools: ocs01.., pool10-01.., pool13-01..; users are spread over the pools of their version.
        String[][] pools = new String[VERSIONS.length][poolsPerVersion];
        for (ServerVersion v : VERSIONS) {
            for (int i = 0; i < poolsPerVersion; i++) {
                String fqdn = switch (v) {
                    case OCS_2007_R2 -> String.format("ocs%02d.%s", i + 1, DOMAIN);
                    case LYNC_2010 -> String.format("pool10-%02d.%s", i + 1, DOMAIN);
                    case LYNC_2013 -> String.format("pool13-%02d.%s", i + 1, DOMAIN);
                };
                pools[v.ordinal()][i] = fqdn;
            }
        }
        sink.plan(new InventorySink.GeneratedPlan(pools[ServerVersion.LYNC_2013.ordinal()][0], false,
                rnd.nextInt(3) == 0, true, 10, LYNC_2013_MINIMUM));
        for (ServerVersion v : VERSIONS) {
            for (String fqdn : pools[v.ordinal()]) {
                sink.pool(fqdn, v);
            }
        }

        // Users. Only the server version and client of each are kept, for the meetings.
        byte[] userVersion = new byte[userCount];
        String[] sips = new String[userCount];
        ServerVersion departmentVersion = null;
        for (int i = 0; i < userCount; i++) {
            // Migrations move sites and departments in waves: most of a department shares a server version.
            if (i % DEPARTMENT == 0) {
                departmentVersion = serverVersion(rnd);
            }
            ServerVersion version = rnd.nextInt(100) < 85 ? departmentVersion : serverVersion(rnd);
            Client client = client(rnd, version);
            userVersion[i] = (byte) version.ordinal();
            String pool = pools[version.ordinal()][rnd.nextInt(poolsPerVersion)];
            String[] agent = clientText(rnd, client);
            int meetingsPerMonth = meetingsPerMonth(rnd);
            Set<Need> needs = needs(rnd, version);
            Set<AddIn> addIns = addIns(rnd, client);
            boolean liveMeetingService = addIns.contains(AddIn.CONFERENCING_ADDIN) && rnd.nextInt(100) < 6;
            sips[i] = userSip(i);
            sink.user(new InventorySink.GeneratedUser(sips[i], pool, agent[0], client, agent[1], meetingsPerMonth,
                    needs, addIns, liveMeetingService));
        }

        // Federated users: partners' users on whatever their organization runs, Communicator 2007 among them.
        int federatedCount = federatedUserCount();
        int partners = partnerCount();
        String[] federatedSips = new String[federatedCount];
        for (int j = 0; j < federatedCount; j++) {
            Client client = federatedClient(rnd);
            federatedSips[j] = federatedSip(j, partners);
            String[] agent = clientText(rnd, client);
            sink.federatedUser(federatedSips[j], agent[0], client);
        }

        // Meetings: about three per organizer, their URL scheme by the organizer's server.
        long meetingNumber = 0;
        int[] chosen = new int[8];
        for (int organizer = 0; organizer < userCount; organizer++) {
            int count = rnd.nextInt(7); // 0..6, three on average
            ServerVersion version = VERSIONS[userVersion[organizer]];
            String organizerSip = sips[organizer];
            for (int k = 0; k < count; k++) {
                meetingNumber++;
                String id = "m-" + meetingNumber;
                String url = url(rnd, version, organizerSip);
                boolean locked = rnd.nextInt(100) < 12;
                Set<Content> content = content(rnd);
                boolean video = rnd.nextInt(100) < 20;
                boolean noMeetingIm = rnd.nextInt(100) < 4;
                // Colleagues from the same part of the organization, and sometimes a partner's user.
                // Most online meetings are small: one to three colleagues besides the organizer.
                int internal = 1 + (rnd.nextInt(100) < 40 ? 1 : 0) + (rnd.nextInt(100) < 15 ? 1 : 0);
                List<String> participants = new ArrayList<>(internal + 1);
                int picked = 0;
                for (int p = 0; p < internal && userCount > 1; p++) {
                    int other = nearby(rnd, organizer);
                    if (other == organizer || contains(chosen, picked, other)) {
                        continue;
                    }
                    chosen[picked++] = other;
                    participants.add(sips[other]);
                }
                if (rnd.nextInt(100) < 10) {
                    participants.add(federatedSips[rnd.nextInt(federatedCount)]);
                }
                sink.meeting(new InventorySink.GeneratedMeeting(id, organizerSip, url, locked, content, video,
                        noMeetingIm, participants));
            }
        }
        sink.end();
    }

    private int nearby(SplittableRandom rnd, int organizer) {
        int span = Math.min(userCount, DEPARTMENT);
        int start = Math.max(0, Math.min(organizer - span / 2, userCount - span));
        return start + rnd.nextInt(span);
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** An estate well into its migration: a few OCS 2007 R2 sites left, a fifth on Lync 2010, most moved. */
    private static ServerVersion serverVersion(SplittableRandom rnd) {
        int r = rnd.nextInt(100);
        return r < 8 ? ServerVersion.OCS_2007_R2 : r < 30 ? ServerVersion.LYNC_2010 : ServerVersion.LYNC_2013;
    }

    private static Client client(SplittableRandom rnd, ServerVersion version) {
        int r = rnd.nextInt(1000);
        return switch (version) {
            // Clients are often upgraded before the server: some OCS users already run Lync.
            case OCS_2007_R2 -> r < 560 ? Client.COMMUNICATOR_2007_R2 : r < 640 ? Client.COMMUNICATOR_2007
                    : r < 690 ? Client.LIVE_MEETING_2007 : r < 720 ? Client.OCS_2007_R2_ATTENDANT
                    : r < 950 ? Client.LYNC_2010 : Client.LYNC_2013;
            case LYNC_2010 -> r < 780 ? Client.LYNC_2010 : r < 920 ? Client.LYNC_2013 : r < 960 ? Client.COMMUNICATOR_2007_R2
                    : r < 975 ? Client.LYNC_2010_ATTENDEE : Client.LYNC_WEB_APP_2010;
            case LYNC_2013 -> r < 900 ? Client.LYNC_2013 : r < 960 ? Client.LYNC_2010 : r < 980 ? Client.LYNC_WEB_APP_2013
                    : Client.COMMUNICATOR_2007_R2;
        };
    }

    private static Client federatedClient(SplittableRandom rnd) {
        int r = rnd.nextInt(100);
        return r < 12 ? Client.COMMUNICATOR_2007 : r < 27 ? Client.COMMUNICATOR_2007_R2 : r < 31 ? Client.LIVE_MEETING_2007
                : r < 61 ? Client.LYNC_2010 : Client.LYNC_2013;
    }

    /**
     * How the inventory names a client: {text, version}. Two thirds of the clients that send a user agent are
     * given by it (as exported from the servers' logs), the rest by name; version is null for names.
     */
    private static String[] clientText(SplittableRandom rnd, Client client) {
        boolean agent = rnd.nextInt(3) != 0;
        if (!agent) {
            return new String[] {client.name(), null};
        }
        return switch (client) {
            case COMMUNICATOR_2007_R2 -> pick(rnd, "3.5.6907.261", "3.5.6907.206", "3.5.6907.83",
                    "OC/%s (Microsoft Office Communicator 2007 R2)");
            case COMMUNICATOR_2007 -> pick(rnd, "2.0.6362.97", "2.0.6362.111", "2.0.6093.0", "OC/%s");
            case LIVE_MEETING_2007 -> pick(rnd, "8.0.6362.70", "8.0.6362.202", "8.0.6362.229", "LMC/%s");
            case LYNC_2010 -> pick(rnd, "4.0.7577.4398", "4.0.7577.4103", "4.0.7577.0", "OC/%s (Microsoft Lync 2010)");
            case LYNC_2013 -> {
                String build = LYNC_2013_BUILDS[rnd.nextInt(LYNC_2013_BUILDS.length)];
                yield new String[] {"OC/" + build + " (Microsoft Lync)", build};
            }
            default -> new String[] {client.name(), null};
        };
    }

    private static String[] pick(SplittableRandom rnd, String a, String b, String c, String format) {
        String version = switch (rnd.nextInt(3)) {
            case 0 -> a;
            case 1 -> b;
            default -> c;
        };
        return new String[] {String.format(format, version), version};
    }

    /** Most users organize a few meetings a month; about one in eight organizes ten or more. */
    private static int meetingsPerMonth(SplittableRandom rnd) {
        int r = rnd.nextInt(100);
        return r < 30 ? 0 : r < 88 ? 1 + rnd.nextInt(9) : 10 + rnd.nextInt(31);
    }

    private static Set<Need> needs(SplittableRandom rnd, ServerVersion version) {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        boolean ocs = version == ServerVersion.OCS_2007_R2;
        if (rnd.nextInt(100) < (ocs ? 6 : 2)) {
            needs.add(Need.LARGE_MEETINGS);
        }
        if (rnd.nextInt(100) < (ocs ? 4 : 1)) {
            needs.add(Need.BREAKOUT_ROOMS);
        }
        if (rnd.nextInt(100) < 8) {
            needs.add(Need.RECORDING);
        }
        if (rnd.nextInt(100) < 15) {
            needs.add(Need.DIAL_IN);
        }
        return needs;
    }

    private static Set<AddIn> addIns(SplittableRandom rnd, Client client) {
        Set<AddIn> addIns = EnumSet.noneOf(AddIn.class);
        int r = rnd.nextInt(100);
        switch (client) {
            case COMMUNICATOR_2007, COMMUNICATOR_2007_R2, LIVE_MEETING_2007 -> {
                if (r < 80) {
                    addIns.add(AddIn.CONFERENCING_ADDIN);
                }
            }
            case LYNC_2010 -> {
                if (r < 85) {
                    addIns.add(AddIn.ONLINE_MEETING_ADDIN_2010);
                }
                if (r < 10) {
                    addIns.add(AddIn.CONFERENCING_ADDIN);
                }
            }
            case LYNC_2013 -> {
                // Most list the add-in Lync 2013 installs; a few still carry only the 2010 one.
                if (r < 70) {
                    addIns.add(AddIn.ONLINE_MEETING_ADDIN_2013);
                } else if (r < 74) {
                    addIns.add(AddIn.ONLINE_MEETING_ADDIN_2010);
                }
                if (r >= 95) {
                    addIns.add(AddIn.CONFERENCING_ADDIN);
                }
            }
            default -> {
            }
        }
        return addIns;
    }

    private static Set<Content> content(SplittableRandom rnd) {
        Set<Content> content = EnumSet.noneOf(Content.class);
        if (rnd.nextInt(100) < 18) {
            content.add(Content.POWERPOINT);
        }
        if (rnd.nextInt(100) < 5) {
            content.add(Content.WHITEBOARD);
        }
        if (rnd.nextInt(100) < 5) {
            content.add(Content.POLL);
        }
        if (rnd.nextInt(100) < 8) {
            content.add(Content.ATTACHMENT);
        }
        return content;
    }

    /**
     * OCS 2007 R2 organizers schedule conf: calls and meet: web conferences; Lync organizers schedule https:
     * meetings, with a few conf:/meet: left from before their own move.
     */
    private static String url(SplittableRandom rnd, ServerVersion version, String sip) {
        int r = rnd.nextInt(100);
        boolean legacy = version == ServerVersion.OCS_2007_R2 || r < 4;
        String code = code(rnd, legacy ? 4 : 8);
        if (!legacy) {
            return "https://meet." + DOMAIN + "/" + sip.substring(0, sip.indexOf('@')) + "/" + code;
        }
        return rnd.nextInt(100) < 55
                ? "meet:sip:" + sip + ";gruu;opaque=app:conf:focus:id:" + code
                : "conf:sip:" + sip + ";gruu;opaque=app:conf:audio-video:id:" + code;
    }

    private static String code(SplittableRandom rnd, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = CODE_CHARS.charAt(rnd.nextInt(CODE_CHARS.length()));
        }
        return new String(c);
    }

    /** The SIP address of user {@code i}: a name drawn from the index, and the index, so it is unique. */
    static String userSip(int i) {
        int h = mix(i);
        return FIRST[Math.floorMod(h, FIRST.length)] + "." + LAST[Math.floorMod(h >>> 8, LAST.length)] + i + "@" + DOMAIN;
    }

    private static String federatedSip(int j, int partners) {
        int h = mix(~j);
        int p = j % partners;
        String domain = p < PARTNERS.length ? PARTNERS[p]
                : PARTNERS[p % PARTNERS.length].replace(".", (p / PARTNERS.length + 1) + ".");
        return FIRST[Math.floorMod(h, FIRST.length)] + "." + LAST[Math.floorMod(h >>> 8, LAST.length)] + j + "@" + domain;
    }

    private static int mix(int x) {
        int h = x * 0x9E3779B9;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }
}
