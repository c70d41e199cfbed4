package io.migkb.inventory;

import io.migkb.model.AddIn;
import io.migkb.model.Client;
import io.migkb.model.Content;
import io.migkb.model.FederatedUser;
import io.migkb.model.Inventory;
import io.migkb.model.Meeting;
import io.migkb.model.Need;
import io.migkb.model.Plan;
import io.migkb.model.Pool;
import io.migkb.model.ServerVersion;
import io.migkb.model.Sip;
import io.migkb.model.SourceLocation;
import io.migkb.model.UrlScheme;
import io.migkb.model.User;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.LongFunction;

/**
 * The format-independent half of reading an inventory: a reader hands it each element once it has checked the
 * element's own fields; the assembler checks what spans elements (duplicate SIP addresses, FQDNs and meeting ids,
 * references to pools and users, the target pool) and builds the model.
 *
 * <p>Elements may be declared after they are referenced. A reference that resolves when it is read costs one
 * hash lookup; one that does not is kept (with its position) and checked again by {@link #resolve()}. Resolved
 * references are rewritten to the declared spelling, so that rules joining on SIP addresses or FQDNs match
 * whatever the case in the file. Once any error is known, nothing more is built: the read will fail anyway.
 *
 * <p>Positions are packed into a long ({@code line << 32 | column}) so that elements need no location objects
 * for fields that turn out fine.
 */
final class InventoryAssembler {

    /** A user as read; null fields were missing or invalid (and already reported). */
    record UserDraft(int index, SourceLocation at, String sip, long sipPos, String pool, long poolPos, Client client,
                     String clientVersion, int meetingsPerMonth, Set<Need> needs, Set<AddIn> addIns,
                     boolean schedulesLiveMeetingService) {
    }

    /** A meeting as read; {@code unresolved} lists participants nobody had declared yet when they were read. */
    record MeetingDraft(int index, SourceLocation at, String id, long idPos, String organizer, long organizerPos,
                        String url, UrlScheme scheme, boolean locked, Set<Content> content, boolean video,
                        boolean noMeetingIm, List<String> participants, List<ParticipantRef> unresolved) {
    }

    /** A participant reference not resolved when read: its index in the file and in the draft's list. */
    record ParticipantRef(int fileIndex, int slot, String sip, long pos) {
    }

    private record PoolDecl(String fqdn, ServerVersion version, int index, SourceLocation at) {
    }

    private record SipDecl(String sip, boolean federated, int index, SourceLocation at) {
    }

    private record PendingUser(UserDraft draft, int slot) {
    }

    private record PendingMeeting(MeetingDraft draft, int slot, boolean organizerPending) {
    }

    private final LongFunction<SourceLocation> locator;
    private final ErrorCollector errors;

    private String organization;
    private String targetPool;
    private long targetPoolPos;
    private boolean moveConferenceData;
    private boolean liveMeetingServiceAvailable;
    private boolean removeConferencingAddIn;
    private int frequentOrganizerThreshold = Plan.DEFAULT_FREQUENT_ORGANIZER_THRESHOLD;
    private Map<Client, String> minimumClientVersions = Map.of();

    private final List<Pool> pools = new ArrayList<>();
    private final List<User> users = new ArrayList<>();
    private final List<FederatedUser> federatedUsers = new ArrayList<>();
    private final List<Meeting> meetings = new ArrayList<>();
    /** Pools by lower-case FQDN. */
    private final Map<String, PoolDecl> poolIndex = new HashMap<>();
    /** Users and federated users by lower-case SIP address: one address may not be both. */
    private final Map<String, SipDecl> sipIndex = new HashMap<>(1 << 12);
    private final Map<String, SourceLocation> locations = new HashMap<>(1 << 12);
    private final List<PendingUser> pendingUsers = new ArrayList<>();
    private final List<PendingMeeting> pendingMeetings = new ArrayList<>();

    InventoryAssembler(String file, ErrorCollector errors) {
        this(pos -> new SourceLocation(file, (int) (pos >>> 32), (int) pos), errors);
    }

    /** For an inventory read from several files: {@code locator} turns a packed position into a file location. */
    InventoryAssembler(LongFunction<SourceLocation> locator, ErrorCollector errors) {
        this.locator = locator;
        this.errors = errors;
    }

    static long pos(int line, int column) {
        return ((long) Math.max(line, 0) << 32) | Math.max(column, 0);
    }

    SourceLocation location(long pos) {
        return locator.apply(pos);
    }

    private boolean building() {
        return errors.isEmpty();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- elements

    void organization(String organization) {
        this.organization = organization;
    }

    /** The plan's fields; {@code targetPool} null when absent (then the first Lync 2013 pool is the target). */
    void plan(String targetPool, long targetPoolPos, boolean moveConferenceData, boolean liveMeetingServiceAvailable,
              boolean removeConferencingAddIn, int frequentOrganizerThreshold, Map<Client, String> minimumVersions) {
        this.targetPool = targetPool;
        this.targetPoolPos = targetPoolPos;
        this.moveConferenceData = moveConferenceData;
        this.liveMeetingServiceAvailable = liveMeetingServiceAvailable;
        this.removeConferencingAddIn = removeConferencingAddIn;
        this.frequentOrganizerThreshold = frequentOrganizerThreshold;
        this.minimumClientVersions = minimumVersions;
    }

    /** A pool; {@code fqdn} or {@code version} null when missing or invalid. */
    void pool(int index, SourceLocation at, String fqdn, long fqdnPos, ServerVersion version) {
        if (fqdn != null) {
            PoolDecl first = poolIndex.putIfAbsent(lower(fqdn), new PoolDecl(fqdn, version, index, at));
            if (first != null) {
                errors.add(location(fqdnPos), "pools[" + index + "].fqdn", "duplicate pool \"" + fqdn
                        + "\": already declared as pools[" + first.index() + "] at line " + first.at().line()
                        + spelledAs(fqdn, first.fqdn()) + " (FQDNs are compared ignoring case); declare each pool once");
                return;
            }
            locations.put("pool:" + fqdn, at);
        }
        if (building() && fqdn != null && version != null) {
            pools.add(new Pool(fqdn, version));
        }
    }

    void user(UserDraft d) {
        if (d.sip() != null) {
            declareSip(d.sip(), false, "users", d.index(), d.sipPos(), d.at());
        }
        if (d.pool() == null) {
            return;
        }
        PoolDecl pool = poolIndex.get(lower(d.pool()));
        if (pool == null) {
            int slot = -1;
            if (building()) {
                slot = users.size();
                users.add(null);
            }
            pendingUsers.add(new PendingUser(d, slot));
        } else if (building() && pool.version() != null && d.sip() != null && d.client() != null) {
            users.add(newUser(d, pool));
        }
    }

    /** A federated user; {@code sip} or {@code client} null when missing or invalid. */
    void federatedUser(int index, SourceLocation at, String sip, long sipPos, Client client) {
        if (sip != null) {
            declareSip(sip, true, "federatedUsers", index, sipPos, at);
        }
        if (building() && sip != null && client != null) {
            federatedUsers.add(new FederatedUser(sip, client));
        }
    }

    /** The declared spelling of a user's or federated user's SIP address, or null when nobody declared it (yet). */
    String declaredSip(String sip) {
        SipDecl decl = sipIndex.get(lower(sip));
        return decl == null ? null : decl.sip();
    }

    void meeting(MeetingDraft d) {
        if (d.id() != null) {
            SourceLocation first = locations.putIfAbsent("meeting:" + d.id(), d.at());
            if (first != null) {
                errors.add(location(d.idPos()), "meetings[" + d.index() + "].id", "duplicate meeting id \"" + d.id()
                        + "\": already used by the meeting at line " + first.line() + "; give each meeting its own id");
            }
        }
        String organizer = null;
        boolean organizerPending = false;
        if (d.organizer() != null) {
            SipDecl decl = sipIndex.get(lower(d.organizer()));
            if (decl == null) {
                organizerPending = true;
            } else if (decl.federated()) {
                organizerIsFederated(d, decl);
            } else {
                organizer = decl.sip();
            }
        }
        if (organizerPending || d.unresolved() != null) {
            int slot = -1;
            if (building()) {
                slot = meetings.size();
                meetings.add(null);
            }
            pendingMeetings.add(new PendingMeeting(d, slot, organizerPending));
        } else if (building() && organizer != null && d.id() != null && d.url() != null && d.scheme() != null) {
            meetings.add(newMeeting(d, organizer));
        }
    }

    private void declareSip(String sip, boolean federated, String list, int index, long sipPos, SourceLocation at) {
        SipDecl first = sipIndex.putIfAbsent(lower(sip), new SipDecl(sip, federated, index, at));
        if (first != null) {
            errors.add(location(sipPos), list + "[" + index + "].sip", "duplicate SIP address \"" + sip
                    + "\": already declared as " + (first.federated() ? "federatedUsers[" : "users[") + first.index()
                    + "] at line " + first.at().line() + spelledAs(sip, first.sip())
                    + "; an address may appear only once in \"users\" and \"federatedUsers\" together"
                    + " (compared ignoring case)");
            return;
        }
        if (federated) {
            locations.putIfAbsent("partner:" + Sip.domainOf(sip), at);
        } else {
            locations.put("user:" + sip, at);
        }
    }

    private static String spelledAs(String given, String first) {
        return given.equals(first) ? "" : " as \"" + first + "\"";
    }

    // ---------------------------------------------------------------- after the whole file

    /** Checks what could not be checked while reading: references to things declared later, the target pool. */
    void resolve() {
        for (PendingUser pending : pendingUsers) {
            UserDraft d = pending.draft();
            PoolDecl pool = poolIndex.get(lower(d.pool()));
            if (pool == null) {
                errors.add(location(d.poolPos()), "users[" + d.index() + "].pool", "pool \"" + d.pool()
                        + "\" is not declared; add it to \"pools\" (with its fqdn and version) or correct the name"
                        + declaredPools());
            } else if (pending.slot() >= 0 && building() && pool.version() != null && d.sip() != null
                    && d.client() != null) {
                users.set(pending.slot(), newUser(d, pool));
            }
        }
        for (PendingMeeting pending : pendingMeetings) {
            resolveMeeting(pending);
        }
        resolveTargetPool();
    }

    private void resolveMeeting(PendingMeeting pending) {
        MeetingDraft d = pending.draft();
        String organizer = null;
        if (d.organizer() != null) {
            SipDecl decl = sipIndex.get(lower(d.organizer()));
            if (decl == null) {
                errors.add(location(d.organizerPos()), "meetings[" + d.index() + "].organizer", "organizer \""
                        + d.organizer() + "\" is not a declared user; add " + d.organizer()
                        + " to \"users\" or correct the address (an organizer must be an internal user)");
            } else if (!decl.federated()) {
                organizer = decl.sip();
            } else if (pending.organizerPending()) {
                organizerIsFederated(d, decl);
            }
        }
        if (d.unresolved() != null) {
            for (ParticipantRef ref : d.unresolved()) {
                SipDecl decl = sipIndex.get(lower(ref.sip()));
                if (decl == null) {
                    errors.add(location(ref.pos()), "meetings[" + d.index() + "].participants[" + ref.fileIndex() + "]",
                            "participant \"" + ref.sip() + "\" is neither a declared user nor a declared federated user;"
                                    + " add it to \"users\" or \"federatedUsers\", or correct the address");
                } else if (building()) {
                    d.participants().set(ref.slot(), decl.sip());
                }
            }
        }
        if (pending.slot() >= 0 && building() && organizer != null && d.id() != null && d.url() != null
                && d.scheme() != null) {
            meetings.set(pending.slot(), newMeeting(d, organizer));
        }
    }

    private void organizerIsFederated(MeetingDraft d, SipDecl decl) {
        errors.add(location(d.organizerPos()), "meetings[" + d.index() + "].organizer", "organizer \"" + d.organizer()
                + "\" is a federated user (federatedUsers[" + decl.index() + "] at line " + decl.at().line()
                + "); an organizer must be an internal user declared in \"users\"");
    }

    private void resolveTargetPool() {
        if (targetPool == null) {
            return;
        }
        PoolDecl pool = poolIndex.get(lower(targetPool));
        if (pool == null) {
            errors.add(location(targetPoolPos), "plan.targetPool", "target pool \"" + targetPool
                    + "\" is not declared; declare it in \"pools\" as a LYNC_2013 pool or name one of "
                    + lync2013Pools());
        } else if (pool.version() != null && pool.version() != ServerVersion.LYNC_2013) {
            errors.add(location(targetPoolPos), "plan.targetPool", "target pool \"" + targetPool + "\" runs "
                    + pool.version() + " (pools[" + pool.index() + "] at line " + pool.at().line()
                    + "); users can only be moved to a LYNC_2013 pool: name one of " + lync2013Pools());
        } else {
            targetPool = pool.fqdn();
        }
    }

    private String lync2013Pools() {
        StringJoiner names = new StringJoiner(", ");
        poolIndex.values().stream()
                .filter(p -> p.version() == ServerVersion.LYNC_2013)
                .sorted((a, b) -> Integer.compare(a.index(), b.index()))
                .limit(10)
                .forEach(p -> names.add(p.fqdn()));
        return names.length() == 0 ? "the declared pools (none runs LYNC_2013)" : "the LYNC_2013 pools: " + names;
    }

    private String declaredPools() {
        if (poolIndex.isEmpty()) {
            return " (no pool is declared)";
        }
        StringJoiner names = new StringJoiner(", ", " (declared pools: ", ")");
        poolIndex.values().stream()
                .sorted((a, b) -> Integer.compare(a.index(), b.index()))
                .limit(10)
                .forEach(p -> names.add(p.fqdn()));
        return poolIndex.size() > 10 ? names + " and " + (poolIndex.size() - 10) + " more" : names.toString();
    }

    /** The inventory; call only after {@link #resolve()} and when no error was found. */
    Inventory build() {
        String target = targetPool;
        if (target == null) {
            target = pools.stream().filter(p -> p.getVersion() == ServerVersion.LYNC_2013)
                    .map(Pool::getFqdn).findFirst().orElse(null);
        }
        Plan plan = new Plan(target, moveConferenceData, liveMeetingServiceAvailable, removeConferencingAddIn,
                frequentOrganizerThreshold, minimumClientVersions);
        return new Inventory(organization, plan, pools, users, federatedUsers, meetings, locations);
    }

    private static User newUser(UserDraft d, PoolDecl pool) {
        return new User(d.sip(), pool.fqdn(), pool.version(), d.client(), d.clientVersion(), d.meetingsPerMonth(),
                d.needs(), d.addIns(), d.schedulesLiveMeetingService());
    }

    private static Meeting newMeeting(MeetingDraft d, String organizer) {
        return new Meeting(d.id(), organizer, d.url(), d.scheme(), d.locked(), d.content(), d.video(),
                d.noMeetingIm(), d.participants());
    }
}
