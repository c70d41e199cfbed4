package io.migkb.plan;

import io.migkb.model.Content;
import io.migkb.model.Deferrals;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import io.migkb.model.Meeting;
import io.migkb.model.Need;
import io.migkb.model.Plan;
import io.migkb.model.Pool;
import io.migkb.model.ServerVersion;
import io.migkb.model.Sip;
import io.migkb.model.UrlScheme;
import io.migkb.model.User;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds a {@link MigrationPlan} from an inventory and the findings in force (waived findings left out: a waived
 * finding does not shape the plan). The wave rules are in docs/plan.md:
 * <ol start="0">
 *   <li>Before anyone moves: notify federated partners (FED-LOCKED-OC2007), organizers of conf:/meet: meetings, users
 *       whose client cannot join Lync Server 2013 meetings; reschedule what organizers already on Lync 2013 own.</li>
 *   <li>Frequent organizers (PLAN-EARLY-ORGANIZER), most meetings first.</li>
 *   <li>Then one wave per source pool of everyone else: Lync Server 2010 pools first (their meetings carry over),
 *       OCS 2007 R2 pools after, each in inventory order.</li>
 *   <li>Last, the users held back on OCS 2007 R2 (PLAN-LIVE-MEETING-NEEDS without a Live Meeting service).</li>
 * </ol>
 * Empty waves are left out and the rest numbered in order. Users already on Lync Server 2013 are in no wave, nor are
 * the users the inventory counted but did not assess (its coverage lists them; the plan carries the list on).
 */
public final class Planner {
    static final String EARLY = "PLAN-EARLY-ORGANIZER";
    static final String LIVE_MEETING = "PLAN-LIVE-MEETING-NEEDS";
    static final String FED_LOCKED = "FED-LOCKED-OC2007";
    static final String KEEP_ADDIN = "ADDIN-KEEP-CONFERENCING";
    static final String IM_ONLY = "CLIENT-IM-ONLY";
    static final String CANNOT_UPDATE = "ORGANIZER-CANNOT-UPDATE-LINKS";
    static final String NO_CONFERENCING = "CLIENT-NO-CONFERENCING";
    static final String CANNOT_SIGN_IN = "CLIENT-CANNOT-SIGN-IN";
    static final String DIRECTORY = "CONF-DIRECTORY-LEGACY-POOL";
    static final int LISTED = 25;

    private final Inventory inventory;
    private final Plan choices;
    private final String source;
    private final Map<String, Set<String>> rulesBySubject = new HashMap<>();
    private final Map<String, Set<String>> fedLockedByMeeting = new HashMap<>();
    private final Set<String> cannotJoin = new TreeSet<>();
    /** CLIENT-CANNOT-SIGN-IN's remedy (the supported replacement) per user, in the plan's words as in the report's. */
    private final Map<String, String> cannotSignIn = new TreeMap<>();
    private final Map<String, List<Meeting>> meetingsByOrganizer = new HashMap<>();
    private final Map<String, User> usersBySip = new HashMap<>();
    /** Users PLAN-LIVE-MEETING-NEEDS keeps on OCS 2007 R2: the same set assess marks deferred findings by. */
    private final Set<String> heldBack;
    /** Per subject, the rules of its deferred findings (they apply once a held-back user moves). */
    private final Map<String, Set<String>> deferredBySubject = new HashMap<>();

    private Planner(Inventory inventory, List<Finding> findings, String source) {
        this.inventory = inventory;
        this.choices = inventory.getPlan();
        this.source = source;
        this.heldBack = Deferrals.heldBack(inventory, findings);
        for (Finding f : Deferrals.mark(inventory, findings, findings)) {
            if (f.isDeferred()) {
                deferredBySubject.computeIfAbsent(f.getSubject(), s -> new TreeSet<>()).add(f.getRule());
            }
            rulesBySubject.computeIfAbsent(f.getSubject(), s -> new TreeSet<>()).add(f.getRule());
            if (f.getRule().equals(FED_LOCKED) && f.getConcerns() != null) {
                fedLockedByMeeting.computeIfAbsent(f.getSubject(), s -> new TreeSet<>()).add(f.getConcerns());
            }
            if (f.getRule().equals(NO_CONFERENCING) && f.getConcerns() != null) {
                cannotJoin.add(f.getConcerns());
            }
            if (f.getRule().equals(CANNOT_SIGN_IN) && f.getConcerns() != null) {
                cannotSignIn.put(f.getConcerns(), f.getRemedy());
            }
        }
        for (User u : inventory.getUsers()) {
            usersBySip.put(u.getSip(), u);
        }
        for (Meeting m : inventory.getMeetings()) {
            meetingsByOrganizer.computeIfAbsent(m.getOrganizer(), o -> new ArrayList<>()).add(m);
        }
    }

    /**
     * The plan for {@code inventory}.
     *
     * @param findings the findings in force (waived ones left out), in any order
     * @param source   the inventory file, as reports name it
     * @throws PlanException when the inventory has no Lync Server 2013 pool to move users to
     */
    public static MigrationPlan plan(Inventory inventory, List<Finding> findings, String source) throws PlanException {
        if (inventory.getPlan().getTargetPool() == null || inventory.getPlan().getTargetPool().isBlank()) {
            throw new PlanException("the inventory names no Lync Server 2013 pool to move users to: declare a pool with"
                    + " version LYNC_2013, or set plan.targetPool");
        }
        checkWritable("plan.targetPool", inventory.getPlan().getTargetPool());
        for (User u : inventory.getUsers()) {
            checkWritable("the SIP address of user " + u.getSip().strip(), u.getSip());
        }
        return new Planner(inventory, findings, source).build();
    }

    /** Text that goes into a script must not hold control characters (a line break would end a comment early). */
    private static void checkWritable(String what, String value) throws PlanException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new PlanException(what + " holds a control character (U+" + String.format("%04X", (int) c)
                        + "): fix the inventory; no plan written");
            }
        }
    }

    private boolean has(String subject, String rule) {
        return rulesBySubject.getOrDefault(subject, Set.of()).contains(rule);
    }

    private static String userSubject(String sip) {
        return "user:" + sip;
    }

    private MigrationPlan build() {
        List<User> early = new ArrayList<>();
        List<User> heldBack = new ArrayList<>();
        Map<String, List<User>> byPool = new LinkedHashMap<>();
        List<String> migrated = new ArrayList<>();
        for (User u : inventory.getUsers()) {
            if (u.isMigrated()) {
                migrated.add(u.getSip());
            } else if (isHeldBack(u)) {
                heldBack.add(u);
            } else if (has(userSubject(u.getSip()), EARLY)) {
                early.add(u);
            } else {
                byPool.computeIfAbsent(u.getPool(), p -> new ArrayList<>()).add(u);
            }
        }
        early.sort(Comparator.comparingInt(User::getMeetingsPerMonth).reversed());

        // Numbering first, so that notes can name the wave a meeting's organizer moves in.
        List<Draft> drafts = new ArrayList<>();
        if (!early.isEmpty()) {
            drafts.add(new Draft(Wave.Kind.FREQUENT_ORGANIZERS, "Frequent organizers",
                    "Users who organize at least " + choices.getFrequentOrganizerThreshold() + " meetings a month ("
                            + EARLY + ") move first, most meetings first, so they get the new Lync Server 2013"
                            + " conferencing features early.", early));
        }
        for (Pool pool : poolOrder(byPool.keySet())) {
            List<User> users = byPool.get(pool.getFqdn());
            drafts.add(new Draft(Wave.Kind.POOL, pool.getVersion().getDisplayName() + " pool " + pool.getFqdn(),
                    poolPurpose(pool), users));
        }
        if (!heldBack.isEmpty()) {
            drafts.add(new Draft(Wave.Kind.HELD_BACK, "Held back on Office Communications Server 2007 R2",
                    "Users who need Live Meeting features (large meetings, break-out rooms) stay homed on OCS 2007 R2"
                            + " while no Live Meeting service is available, so they can go on scheduling server-based"
                            + " Live Meeting conferences (" + LIVE_MEETING + "). No move command is written for them.",
                    heldBack));
        }
        Map<String, Integer> waveOf = new HashMap<>();
        Set<String> heldBackSips = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            for (User u : drafts.get(i).users) {
                waveOf.put(u.getSip(), i + 1);
                if (drafts.get(i).kind == Wave.Kind.HELD_BACK) {
                    heldBackSips.add(u.getSip());
                }
            }
        }

        List<MeetingPlan> meetings = new ArrayList<>();
        for (Meeting m : inventory.getMeetings()) {
            meetings.add(meetingPlan(m, waveOf, heldBackSips));
        }

        List<Wave> waves = new ArrayList<>();
        waves.add(new Wave(0, Wave.Kind.PREPARE, "Before anyone moves",
                "Tell the people concerned what will change, and reschedule what cannot wait. No user moves in this"
                        + " wave, so it has no script.", List.of(), prepareTasks(meetings, waveOf)));
        // Conference directories move in the last wave with moves, once every user has left their pools; a pool that
        // keeps held-back users is not retired, so its directories stay.
        Set<String> heldPools = new HashSet<>();
        heldBack.forEach(u -> heldPools.add(u.getPool().toLowerCase(java.util.Locale.ROOT)));
        List<Wave.DirectoryMove> directories = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (io.migkb.model.ConferenceDirectory d : inventory.getConferenceDirectories()) {
            if (!has("directory:" + d.getIdentity(), DIRECTORY)) {
                continue;
            }
            if (heldPools.contains(d.getPool().toLowerCase(java.util.Locale.ROOT))) {
                kept.add(d.getIdentity() + " (" + d.getPool() + ")");
            } else {
                directories.add(new Wave.DirectoryMove(d.getIdentity(), d.getPool()));
            }
        }
        int lastMoving = -1;
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i).kind != Wave.Kind.HELD_BACK) {
                lastMoving = i;
            }
        }
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            int number = i + 1;
            List<UserMove> moves = d.users.stream().map(u -> move(u, d.kind, waveOf)).toList();
            List<String> tasks = new ArrayList<>(afterTasks(number, d.kind, meetings));
            List<Wave.DirectoryMove> here = i == lastMoving ? directories : List.of();
            if (!here.isEmpty()) {
                tasks.add("After the last moves, the script moves the conference directories "
                        + list(here.stream().map(m -> m.identity() + " (" + m.pool() + ")").toList())
                        + " to " + choices.getTargetPool() + " with Move-CsConferenceDirectory; only then retire their"
                        + " pools (" + DIRECTORY + ").");
            }
            if (d.kind == Wave.Kind.HELD_BACK && !kept.isEmpty()) {
                tasks.add("The conference directories " + list(kept) + " stay while held-back users are homed on their"
                        + " pools; move them with Move-CsConferenceDirectory before those pools are retired ("
                        + DIRECTORY + ").");
            }
            waves.add(new Wave(number, d.kind, d.title, d.purpose, moves, tasks, here));
        }
        return new MigrationPlan(inventory.getOrganization(), source, choices.getTargetPool(),
                choices.isMoveConferenceData(), choices.isLiveMeetingServiceAvailable(), waves, meetings, migrated,
                inventory.getCoverage().notAssessed());
    }

    private boolean isHeldBack(User u) {
        // A user who schedules Live Meeting service meetings has the service: they move, as the finding advises.
        return heldBack.contains(u.getSip());
    }

    /** Lync Server 2010 pools first (their meetings carry over), then OCS 2007 R2 pools, each in inventory order. */
    private List<Pool> poolOrder(Set<String> used) {
        List<Pool> ordered = new ArrayList<>();
        for (ServerVersion version : List.of(ServerVersion.LYNC_2010, ServerVersion.OCS_2007_R2)) {
            for (Pool p : inventory.getPools()) {
                if (p.getVersion() == version && used.contains(p.getFqdn())) {
                    ordered.add(p);
                }
            }
        }
        return ordered;
    }

    private static String poolPurpose(Pool pool) {
        if (pool.getVersion() == ServerVersion.LYNC_2010) {
            return "Everyone else homed on " + pool.getFqdn() + ", moved with Move-CsUser. Their https:// meetings,"
                    + " conferencing directory and PIN move with them, which is why Lync Server 2010 pools go before"
                    + " OCS 2007 R2 pools.";
        }
        return "Everyone else homed on " + pool.getFqdn() + ", moved with Move-CsLegacyUser. Their conf: and meet:"
                + " meetings are not migrated: each organizer reopens them with Lync 2013 and resends them.";
    }

    private UserMove move(User u, Wave.Kind kind, Map<String, Integer> waveOf) {
        String subject = userSubject(u.getSip());
        List<String> notes = new ArrayList<>();
        List<Meeting> own = meetingsByOrganizer.getOrDefault(u.getSip(), List.of());
        if (kind == Wave.Kind.HELD_BACK) {
            notes.add("Needs Live Meeting " + liveMeetingNeeds(u) + " and no Live Meeting service is available ("
                    + LIVE_MEETING + "): stays homed on " + u.getPool() + " (" + u.getServerVersion().getDisplayName()
                    + ") to keep scheduling server-based Live Meeting conferences.");
            if (!own.isEmpty()) {
                notes.add("Their meetings stay on OCS 2007 R2 and keep working: " + ids(own) + ".");
            }
            Set<String> deferred = deferredBySubject.getOrDefault(subject, Set.of());
            if (!deferred.isEmpty()) {
                notes.add("Deferred until they move (the assessment marks them so): " + String.join(", ", deferred) + ".");
            }
            notes.add("To move them later: set plan.liveMeetingServiceAvailable once a Live Meeting service is available,"
                    + " or waive " + LIVE_MEETING + " for " + subject + ".");
            return new UserMove(u.getSip(), u.getPool(), u.getServerVersion(), MoveCommand.NONE, false, notes);
        }
        if (has(subject, EARLY)) {
            notes.add("Frequent organizer: " + u.getMeetingsPerMonth() + " meetings a month (" + EARLY + ").");
        }
        if (has(subject, LIVE_MEETING)) {
            notes.add("Needs Live Meeting " + liveMeetingNeeds(u) + ": advise scheduling those meetings with the Live"
                    + " Meeting service" + (choices.isLiveMeetingServiceAvailable() ? ""
                        : ", which they already use") + " (" + LIVE_MEETING + ").");
        }
        if (has(subject, KEEP_ADDIN)) {
            notes.add("Keep the Conferencing Add-in for Outlook beside the Online Meeting Add-in for Lync 2013: they"
                    + " still schedule Live Meeting service meetings (" + KEEP_ADDIN + ").");
        }
        MoveCommand command;
        boolean moveData = false;
        List<Meeting> legacy = own.stream().filter(m -> m.isLegacy() || u.getServerVersion() == ServerVersion.OCS_2007_R2)
                .toList();
        if (u.getServerVersion() == ServerVersion.OCS_2007_R2) {
            command = MoveCommand.MOVE_CS_LEGACY_USER;
        } else {
            command = MoveCommand.MOVE_CS_USER;
            moveData = choices.isMoveConferenceData();
            List<Meeting> carried = own.stream().filter(m -> !m.isLegacy()).toList();
            if (!carried.isEmpty()) {
                notes.add("Meetings that move with the account, URLs unchanged: " + ids(carried) + ".");
            }
            List<Meeting> withContent = carried.stream().filter(Meeting::isHasContent).toList();
            if (!withContent.isEmpty()) {
                notes.add(moveData
                        ? "Their content moves too (-MoveConferenceData): " + contentList(withContent) + "."
                        : "Their content does not move (plan.moveConferenceData is false): " + contentList(withContent)
                                + "; the organizer uploads it again after the move.");
            }
        }
        if (!legacy.isEmpty()) {
            notes.add((u.getServerVersion() == ServerVersion.OCS_2007_R2 ? "Move-CsLegacyUser does not migrate meetings"
                    : "Lync Server 2013 does not support conf: and meet: meetings") + ": after the move, "
                    + u.getSip() + " opens each invitation in Outlook with Lync 2013 and resends it: " + ids(legacy) + ".");
        }
        if (cannotSignIn.containsKey(u.getSip())) {
            notes.add(u.getClient().getDisplayName() + " cannot sign in to Lync Server 2013 (" + CANNOT_SIGN_IN + "): "
                    + cannotSignIn.get(u.getSip()) + ". Do not run this move until then.");
        }
        if (has(subject, CANNOT_UPDATE)) {
            notes.add("Install Lync 2013 with the Online Meeting Add-in for Lync 2013 first, or the meeting links cannot"
                    + " be updated (" + CANNOT_UPDATE + ").");
        }
        if (cannotJoin.contains(u.getSip()) && !has(subject, IM_ONLY)) {
            notes.add(u.getClient().getDisplayName() + " cannot join Lync Server 2013 meetings: join with Lync Web App"
                    + " 2013 until the client is upgraded (" + NO_CONFERENCING + ").");
        }
        if (has(subject, IM_ONLY)) {
            notes.add("Communicator 2007 R2 keeps presence and IM only on Lync Server 2013: join meetings with Lync Web"
                    + " App 2013 until Lync 2013 is installed (" + IM_ONLY + ").");
        }
        return new UserMove(u.getSip(), u.getPool(), u.getServerVersion(), command, moveData, notes);
    }

    private static String liveMeetingNeeds(User u) {
        List<String> needs = new ArrayList<>();
        if (u.getNeeds().contains(Need.LARGE_MEETINGS)) {
            needs.add("large meetings");
        }
        if (u.getNeeds().contains(Need.BREAKOUT_ROOMS)) {
            needs.add("break-out rooms");
        }
        return needs.isEmpty() ? "features" : String.join(" and ", needs);
    }

    private MeetingPlan meetingPlan(Meeting m, Map<String, Integer> waveOf, Set<String> heldBack) {
        User organizer = usersBySip.get(m.getOrganizer());
        String org = m.getOrganizer();
        String subject = "meeting:" + m.getId();
        List<String> federated = List.copyOf(fedLockedByMeeting.getOrDefault(subject, Set.of()));
        List<String> rules = List.copyOf(rulesBySubject.getOrDefault(subject, Set.of()));
        boolean migrated = organizer == null || organizer.isMigrated();
        int wave = migrated ? 0 : waveOf.getOrDefault(org, 0);
        String when = migrated ? "Now (" + org + " is on Lync Server 2013 already): "
                : "After " + org + " moves in wave " + wave + ": ";
        Disposition disposition;
        String action;
        if (heldBack.contains(org)) {
            disposition = Disposition.STAYS_ON_OCS_2007_R2;
            action = "Keeps working on OCS 2007 R2 while " + org + " stays there."
                    + (m.isLegacy() || organizer.getServerVersion() == ServerVersion.OCS_2007_R2
                        ? " If " + org + " is moved later, it must be reopened in Lync 2013 and resent: it is not migrated."
                        : "")
                    + (deferredBySubject.containsKey(subject) ? " Its findings ("
                        + String.join(", ", deferredBySubject.get(subject)) + ") are deferred until then." : "");
        } else if (m.isLegacy() || (organizer != null && organizer.getServerVersion() == ServerVersion.OCS_2007_R2)) {
            disposition = Disposition.RESCHEDULE_AND_RESEND;
            action = when + org + " opens the invitation in Outlook with Lync 2013, which gives it an https:// URL,"
                    + " and resends it" + (m.isLegacy() ? "; the " + m.getScheme().prefix() + " meeting is not migrated."
                        : "; OCS 2007 R2 meetings are not migrated.")
                    + federatedNote(federated);
        } else if (!federated.isEmpty() && migrated) {
            // Held on Lync Server 2013 at its https:// URL already: rescheduling would give it nothing new.
            disposition = Disposition.RESCHEDULE_FOR_FEDERATED_USERS;
            action = when + "it already has its https:// URL on Lync Server 2013, so rescheduling changes nothing: send "
                    + String.join(", ", federated) + " (Communicator 2007) that link to join with Lync Web App, or have "
                    + org + " unlock the meeting.";
        } else if (!federated.isEmpty()) {
            disposition = Disposition.RESCHEDULE_FOR_FEDERATED_USERS;
            action = (migrated ? when : "Right after " + org + " moves in wave " + wave + ": ")
                    + "reschedule it in Lync Server 2013 so that " + String.join(", ", federated)
                    + " (Communicator 2007) join the locked meeting by its new https:// URL with Lync Web App."
                    + (!migrated && m.isHasContent() && !choices.isMoveConferenceData()
                        ? " Its content (" + contentNames(m) + ") does not move: upload it again." : "");
        } else if (migrated) {
            disposition = Disposition.ALREADY_ON_LYNC_2013;
            action = "Nothing to do: it is held on Lync Server 2013 already.";
        } else if (m.isHasContent() && !choices.isMoveConferenceData()) {
            disposition = Disposition.CONTENT_LOST_UNLESS_MOVE_CONFERENCE_DATA;
            action = "Moves with " + org + " in wave " + wave + ", URL unchanged, but its content (" + contentNames(m)
                    + ") does not: " + org + " uploads it again after the move, or set plan.moveConferenceData so that"
                    + " Move-CsUser runs with -MoveConferenceData.";
        } else {
            disposition = Disposition.CARRIES_OVER;
            action = "Moves with " + org + " in wave " + wave + ", URL unchanged"
                    + (m.isHasContent() ? "; its content (" + contentNames(m) + ") moves too (-MoveConferenceData)." : ".");
        }
        return new MeetingPlan(m.getId(), org, m.getScheme(), disposition, wave, action, federated, rules);
    }

    private static String federatedNote(List<String> federated) {
        return federated.isEmpty() ? "" : " It is locked: send " + String.join(", ", federated)
                + " (federated, Communicator 2007) the new https:// URL to join with Lync Web App (" + FED_LOCKED + ").";
    }

    private List<String> prepareTasks(List<MeetingPlan> meetings, Map<String, Integer> waveOf) {
        List<String> tasks = new ArrayList<>();
        // Federated partners, one task per domain.
        Map<String, Set<String>> usersByDomain = new TreeMap<>();
        Map<String, Set<String>> meetingsByDomain = new TreeMap<>();
        for (MeetingPlan m : meetings) {
            if (m.disposition() == Disposition.STAYS_ON_OCS_2007_R2) {
                continue;
            }
            for (String sip : m.federatedUsers()) {
                String domain = Sip.domainOf(sip);
                usersByDomain.computeIfAbsent(domain, d -> new TreeSet<>()).add(sip);
                meetingsByDomain.computeIfAbsent(domain, d -> new TreeSet<>()).add(m.id());
            }
        }
        usersByDomain.forEach((domain, users) -> tasks.add("Tell " + domain + " that " + list(users)
                + " (Communicator 2007) cannot join locked Lync Server 2013 meetings: "
                + list(meetingsByDomain.get(domain)) + " get https:// URLs on Lync Server 2013 (rescheduled where they"
                + " do not have one there yet), and they join by those URLs with Lync Web App (" + FED_LOCKED + ")."));
        // Organizers of meetings to reopen and resend, or to reschedule.
        Map<String, List<MeetingPlan>> byOrganizer = new LinkedHashMap<>();
        for (MeetingPlan m : meetings) {
            if (m.disposition() == Disposition.RESCHEDULE_AND_RESEND
                    || m.disposition() == Disposition.RESCHEDULE_FOR_FEDERATED_USERS) {
                byOrganizer.computeIfAbsent(m.organizer(), o -> new ArrayList<>()).add(m);
            }
        }
        byOrganizer.forEach((org, owned) -> {
            Integer wave = waveOf.get(org);
            if (wave == null) {
                // Locked https:// meetings on Lync Server 2013 already are not rescheduled: their link is sent.
                List<MeetingPlan> onLync2013 = owned.stream()
                        .filter(m -> m.disposition() == Disposition.RESCHEDULE_FOR_FEDERATED_USERS
                                && m.scheme() == UrlScheme.HTTPS).toList();
                if (!onLync2013.isEmpty()) {
                    tasks.add("Send the federated Communicator 2007 users of " + org + "'s locked meetings "
                            + list(onLync2013.stream().map(MeetingPlan::id).toList()) + " (on Lync Server 2013 already)"
                            + " their https:// links to join with Lync Web App, or ask " + org + " to unlock them ("
                            + FED_LOCKED + ").");
                }
                List<MeetingPlan> rest = owned.stream().filter(m -> !onLync2013.contains(m)).toList();
                if (!rest.isEmpty()) {
                    tasks.add("Ask " + org + " (on Lync Server 2013 already) to reschedule now: "
                            + list(rest.stream().map(MeetingPlan::id).toList()) + ".");
                }
                return;
            }
            tasks.add("Tell " + org + " (moves in wave " + wave + ") that "
                    + list(owned.stream().map(MeetingPlan::id).toList()) + " must be reopened in Lync 2013"
                    + " and resent (or rescheduled) right after the move; install Lync 2013 before then.");
        });
        // Content that will not move.
        List<MeetingPlan> lost = meetings.stream()
                .filter(m -> m.disposition() == Disposition.CONTENT_LOST_UNLESS_MOVE_CONFERENCE_DATA).toList();
        if (!lost.isEmpty()) {
            tasks.add("Tell the organizers to keep a copy of the content of "
                    + list(lost.stream().map(m -> m.id() + " (" + m.organizer() + ")").toList())
                    + ": it does not move (plan.moveConferenceData is false).");
        }
        if (!cannotSignIn.isEmpty()) {
            tasks.add("Replace the clients of " + list(cannotSignIn.keySet()) + " before they move (now, for those on"
                    + " Lync Server 2013 already): their clients cannot sign in to Lync Server 2013 (" + CANNOT_SIGN_IN
                    + "; the findings and each move's notes name the replacement).");
        }
        if (!cannotJoin.isEmpty()) {
            tasks.add("Tell " + list(cannotJoin)
                    + " to join Lync Server 2013 meetings with Lync Web App"
                    + " 2013 until their client is upgraded (" + NO_CONFERENCING + ").");
        }
        return tasks;
    }

    private static List<String> afterTasks(int wave, Wave.Kind kind, List<MeetingPlan> meetings) {
        List<String> tasks = new ArrayList<>();
        if (kind == Wave.Kind.HELD_BACK) {
            tasks.add("Review again when a Live Meeting service becomes available or the users' needs change.");
            return tasks;
        }
        for (Disposition d : List.of(Disposition.RESCHEDULE_AND_RESEND, Disposition.RESCHEDULE_FOR_FEDERATED_USERS,
                Disposition.CONTENT_LOST_UNLESS_MOVE_CONFERENCE_DATA)) {
            List<MeetingPlan> due = meetings.stream().filter(m -> m.wave() == wave && m.disposition() == d).toList();
            if (due.isEmpty()) {
                continue;
            }
            String names = list(due.stream().map(m -> m.id() + " (" + m.organizer() + ")").toList());
            tasks.add(switch (d) {
                case RESCHEDULE_AND_RESEND -> "After the moves, the organizers reopen these meetings in Outlook with"
                        + " Lync 2013 and resend them: " + names + ".";
                case RESCHEDULE_FOR_FEDERATED_USERS -> "Right after the moves, reschedule these locked meetings in"
                        + " Lync Server 2013 for federated Communicator 2007 users: " + names + ".";
                default -> "After the moves, the organizers upload the content of these meetings again: " + names + ".";
            });
        }
        return tasks;
    }

    /** At most {@value #LISTED} items, then how many more: a task stays readable for a large customer. */
    static String list(Collection<String> items) {
        if (items.size() <= LISTED) {
            return String.join(", ", items);
        }
        return items.stream().limit(LISTED).collect(Collectors.joining(", ")) + " and " + (items.size() - LISTED)
                + " more";
    }

    private static String ids(List<Meeting> meetings) {
        return list(meetings.stream().map(Meeting::getId).toList());
    }

    private static String contentList(List<Meeting> meetings) {
        return list(meetings.stream().map(m -> m.getId() + " (" + contentNames(m) + ")").toList());
    }

    private static String contentNames(Meeting m) {
        return m.getContent().stream().map(Content::name).collect(Collectors.joining(", "));
    }

    private record Draft(Wave.Kind kind, String title, String purpose, List<User> users) {
    }
}
