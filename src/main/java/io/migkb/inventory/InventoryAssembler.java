package io.migkb.inventory;

import io.migkb.model.AddIn;
import io.migkb.model.Client;
import io.migkb.model.ClientGap;
import io.migkb.model.Content;
import io.migkb.model.FederatedUser;
import io.migkb.model.Inventory;
import io.migkb.model.Meeting;
import io.migkb.model.Need;
import io.migkb.model.Plan;
import io.migkb.model.Pool;
import io.migkb.model.ServerVersion;
import io.migkb.model.SourceLocation;
import io.migkb.model.SourceLocations;
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
    record UserDraft(int index, long at, String sip, long sipPos, String pool, long poolPos, Client client,
                     String clientVersion, int meetingsPerMonth, Set<Need> needs, Set<AddIn> addIns,
                     boolean schedulesLiveMeetingService, ClientGap clientGap) {
    }

    /** A meeting as read; {@code unresolved} lists participants nobody had declared yet when they were read. */
    record MeetingDraft(int index, long at, String id, long idPos, String organizer, long organizerPos,
                        String url, UrlScheme scheme, boolean locked, Set<Content> content, boolean video,
                        boolean noMeetingIm, List<String> participants, List<ParticipantRef> unresolved) {
    }

    /** A participant reference not resolved when read: its index in the file and in the draft's list. */
    record ParticipantRef(int fileIndex, int slot, String sip, long pos) {
    }

    private record PoolDecl(String fqdn, ServerVersion version, int index, long at) {
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
    private Map<String, Object> parameters = Map.of();
    private Map<Client, String> minimumClientVersions = Map.of();

    private final List<Pool> pools = new ArrayList<>();
    private final List<User> users = new ArrayList<>();
    private final List<FederatedUser> federatedUsers = new ArrayList<>();
    private final List<Meeting> meetings = new ArrayList<>();
    /** Where each element of the four lists above was declared, by list position (see {@link SourceLocations}). */
    private final Positions poolsAt = new Positions();
    private final Positions usersAt = new Positions();
    private final Positions federatedUsersAt = new Positions();
    private final Positions meetingsAt = new Positions();
    /** Pools by lower-case FQDN. */
    private final Map<String, PoolDecl> poolIndex = new HashMap<>();
    /** Users and federated users by lower-case SIP address: one address may not be both. */
    private final SipIndex sips = new SipIndex();
    /** Meeting ids, each with where its meeting was declared, by ordinal. */
    private final StringOrdinals meetingIds = new StringOrdinals();
    private final Positions meetingIdsAt = new Positions();
    private final List<PendingUser> pendingUsers = new ArrayList<>();
    private final List<PendingMeeting> pendingMeetings = new ArrayList<>();

    InventoryAssembler(String file, ErrorCollector errors) {
        this(pos -> new SourceLocation(file, (int) (pos >>> 32), (int) pos), errors);
    }

    /**
     * For an inventory read from several files: {@code locator} turns a packed position into a file location. The
     * inventory built keeps it (for {@code locationOf}), so it must hold no more than the file names.
     */
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
              boolean removeConferencingAddIn, int frequentOrganizerThreshold, Map<Client, String> minimumVersions,
              Map<String, Object> parameters) {
        this.parameters = parameters;
        this.targetPool = targetPool;
        this.targetPoolPos = targetPoolPos;
        this.moveConferenceData = moveConferenceData;
        this.liveMeetingServiceAvailable = liveMeetingServiceAvailable;
        this.removeConferencingAddIn = removeConferencingAddIn;
        this.frequentOrganizerThreshold = frequentOrganizerThreshold;
        this.minimumClientVersions = minimumVersions;
    }

    /** A pool; {@code fqdn} or {@code version} null when missing or invalid. */
    void pool(int index, long at, String fqdn, long fqdnPos, ServerVersion version) {
        if (fqdn != null) {
            PoolDecl first = poolIndex.putIfAbsent(lower(fqdn), new PoolDecl(fqdn, version, index, at));
            if (first != null) {
                errors.add(location(fqdnPos), "pools[" + index + "].fqdn", "duplicate pool \"" + fqdn
                        + "\": already declared as pools[" + first.index() + "] at line " + line(first.at())
                        + spelledAs(fqdn, first.fqdn()) + " (FQDNs are compared ignoring case); declare each pool once");
                return;
            }
        }
        if (building() && fqdn != null && version != null) {
            pools.add(new Pool(fqdn, version));
            poolsAt.add(at);
        }
    }

    void user(UserDraft d) {
        int decl = -1;
        if (d.sip() != null) {
            decl = declareSip(d.sip(), false, "users", d.index(), d.sipPos(), d.at());
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
                usersAt.add(d.at());
                sips.user(decl, slot);
            }
            pendingUsers.add(new PendingUser(d, slot));
        } else if (building() && pool.version() != null && d.sip() != null && d.client() != null) {
            sips.user(decl, users.size());
            users.add(newUser(d, pool));
            usersAt.add(d.at());
        }
    }

    /** A federated user; {@code sip} or {@code client} null when missing or invalid. */
    void federatedUser(int index, long at, String sip, long sipPos, Client client) {
        if (sip != null) {
            declareSip(sip, true, "federatedUsers", index, sipPos, at);
        }
        if (building() && sip != null && client != null) {
            federatedUsers.add(new FederatedUser(sip, client));
            federatedUsersAt.add(at);
        }
    }

    /** The declared spelling of a user's or federated user's SIP address, or null when nobody declared it (yet). */
    String declaredSip(String sip) {
        int decl = sips.indexOf(lower(sip));
        return decl < 0 ? null : sips.sip(decl);
    }

    void meeting(MeetingDraft d) {
        if (d.id() != null) {
            int first = meetingIds.putIfAbsent(d.id());
            if (first >= 0) {
                errors.add(location(d.idPos()), "meetings[" + d.index() + "].id", "duplicate meeting id \"" + d.id()
                        + "\": already used by the meeting at line " + line(meetingIdsAt.get(first))
                        + "; give each meeting its own id");
            } else {
                meetingIdsAt.add(d.at());
            }
        }
        String organizer = null;
        ServerVersion organizerVersion = null;
        boolean organizerPending = false;
        if (d.organizer() != null) {
            int decl = sips.indexOf(lower(d.organizer()));
            if (decl < 0) {
                organizerPending = true;
            } else if (sips.federated(decl)) {
                organizerIsFederated(d, decl);
            } else {
                organizer = sips.sip(decl);
                organizerVersion = organizerVersion(decl);
            }
        }
        if (organizerPending || d.unresolved() != null) {
            int slot = -1;
            if (building()) {
                slot = meetings.size();
                meetings.add(null);
                meetingsAt.add(d.at());
            }
            pendingMeetings.add(new PendingMeeting(d, slot, organizerPending));
        } else if (building() && organizer != null && d.id() != null && d.url() != null && d.scheme() != null) {
            meetings.add(newMeeting(d, organizer, organizerVersion));
            meetingsAt.add(d.at());
        }
    }

    /** The server version of declared user {@code decl}, when it is built already (else the inventory finds it). */
    private ServerVersion organizerVersion(int decl) {
        int slot = sips.userSlot(decl);
        User u = slot < 0 ? null : users.get(slot);
        return u == null ? null : u.getServerVersion();
    }

    /** Declares an address; its ordinal in {@link #sips}, or -1 when it repeats one (reported). */
    private int declareSip(String sip, boolean federated, String list, int index, long sipPos, long at) {
        String wrong = SipAddresses.problem(sip);
        if (wrong != null) {
            errors.add(location(sipPos), list + "[" + index + "].sip", wrong);
        }
        int first = sips.declare(lower(sip), sip, federated, index, at);
        if (first >= 0) {
            errors.add(location(sipPos), list + "[" + index + "].sip", "duplicate SIP address \"" + sip
                    + "\": already declared as " + (sips.federated(first) ? "federatedUsers[" : "users[")
                    + sips.index(first) + "] at line " + line(sips.at(first)) + spelledAs(sip, sips.sip(first))
                    + "; an address may appear only once in \"users\" and \"federatedUsers\" together"
                    + " (compared ignoring case)");
            return -1;
        }
        return sips.size() - 1;
    }

    /** The line of a packed position, for messages. */
    private int line(long pos) {
        return location(pos).line();
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
        ServerVersion organizerVersion = null;
        if (d.organizer() != null) {
            int decl = sips.indexOf(lower(d.organizer()));
            if (decl < 0) {
                errors.add(location(d.organizerPos()), "meetings[" + d.index() + "].organizer", "organizer \""
                        + d.organizer() + "\" is not a declared user; add " + d.organizer()
                        + " to \"users\" or correct the address (an organizer must be an internal user)");
            } else if (!sips.federated(decl)) {
                organizer = sips.sip(decl);
                organizerVersion = organizerVersion(decl);
            } else if (pending.organizerPending()) {
                organizerIsFederated(d, decl);
            }
        }
        if (d.unresolved() != null) {
            for (ParticipantRef ref : d.unresolved()) {
                int decl = sips.indexOf(lower(ref.sip()));
                if (decl < 0) {
                    errors.add(location(ref.pos()), "meetings[" + d.index() + "].participants[" + ref.fileIndex() + "]",
                            "participant \"" + ref.sip() + "\" is neither a declared user nor a declared federated user;"
                                    + " add it to \"users\" or \"federatedUsers\", or correct the address");
                } else if (building()) {
                    d.participants().set(ref.slot(), sips.sip(decl));
                }
            }
        }
        if (pending.slot() >= 0 && building() && organizer != null && d.id() != null && d.url() != null
                && d.scheme() != null) {
            meetings.set(pending.slot(), newMeeting(d, organizer, organizerVersion));
        }
    }

    private void organizerIsFederated(MeetingDraft d, int decl) {
        errors.add(location(d.organizerPos()), "meetings[" + d.index() + "].organizer", "organizer \"" + d.organizer()
                + "\" is a federated user (federatedUsers[" + sips.index(decl) + "] at line " + line(sips.at(decl))
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
                    + pool.version() + " (pools[" + pool.index() + "] at line " + line(pool.at())
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
                frequentOrganizerThreshold, minimumClientVersions, parameters);
        return new Inventory(organization, plan, pools, users, federatedUsers, meetings, SourceLocations.packed(locator,
                poolsAt.toArray(), usersAt.toArray(), federatedUsersAt.toArray(), meetingsAt.toArray()));
    }

    private static User newUser(UserDraft d, PoolDecl pool) {
        return new User(d.sip(), pool.fqdn(), pool.version(), d.client(), d.clientVersion(), d.meetingsPerMonth(),
                d.needs(), d.addIns(), d.schedulesLiveMeetingService(), d.clientGap());
    }

    private static Meeting newMeeting(MeetingDraft d, String organizer, ServerVersion organizerVersion) {
        return new Meeting(d.id(), organizer, d.url(), d.scheme(), d.locked(), d.content(), d.video(),
                d.noMeetingIm(), d.participants(), organizerVersion);
    }
}
