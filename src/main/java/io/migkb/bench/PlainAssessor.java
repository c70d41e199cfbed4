package io.migkb.bench;

import io.migkb.model.AddIn;
import io.migkb.model.Client;
import io.migkb.model.Content;
import io.migkb.model.FederatedPartner;
import io.migkb.model.FederatedUser;
import io.migkb.model.Finding;
import io.migkb.model.FindingSort;
import io.migkb.model.Inventory;
import io.migkb.model.Meeting;
import io.migkb.model.MeetingSourceGap;
import io.migkb.model.SchemeConflict;
import io.migkb.model.Need;
import io.migkb.model.Participant;
import io.migkb.model.Plan;
import io.migkb.model.ServerVersion;
import io.migkb.model.Severity;
import io.migkb.model.UrlScheme;
import io.migkb.model.User;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bundled rule catalogue written by hand in plain Java with hash maps: the benchmark's yardstick and a
 * correctness check of the DRL (a test fails the build when the two disagree). It gives the same findings,
 * message for message, as the 26 rules in {@code rules/} on a validated inventory (unique SIP addresses and
 * meeting ids, every reference declared).
 *
 * <p>Never used by {@code assess}: the rules in {@code rules/} are the knowledge base, this is only their twin.
 * A rule edited in {@code rules/} makes the benchmark report {@code findings identical: no}.
 */
public final class PlainAssessor {
    private static final String AFTER_INSTALLED = "After User Account is Migrated, After Lync 2013 Is Installed";
    private static final String BEFORE_INSTALLED = "After User Account is Migrated, Before Lync 2013 Is Installed";
    private static final String CHANGES = "Changes to Meetings in Lync Server 2013";
    private static final String JOINING_2010 = "Joining Lync Server 2010 Meetings with a Lync 2013 Client";
    private static final String FEDERATED = "Meetings with Federated Organizations that Use Previous Clients";
    private static final String FROM_2010 = "Migrating Meetings from Lync Server 2010";
    private static final String FROM_OCS = "Migrating Meetings from Office Communications Server 2007 R2";
    private static final String NEEDS = "Migrating Users Based on Their Conferencing Needs";
    private static final String EXPERIENCE_2010 = "User Experience during Lync Server 2010 Migration";

    private static final Set<Client> NO_CONFERENCING = EnumSet.of(Client.COMMUNICATOR_2007, Client.COMMUNICATOR_2007_R2,
            Client.OCS_2007_R2_ATTENDANT, Client.LIVE_MEETING_2007, Client.LYNC_2010_ATTENDEE);
    private static final Set<Client> FEDERATED_WEB_APP = EnumSet.of(Client.COMMUNICATOR_2007_R2, Client.LIVE_MEETING_2007,
            Client.LYNC_2010_ATTENDEE);
    private static final Set<Client> CANNOT_SIGN_IN = EnumSet.of(Client.COMMUNICATOR_2007, Client.OCS_2007_R2_ATTENDANT,
            Client.LIVE_MEETING_2007, Client.LYNC_2010_ATTENDEE);

    /** The ids of the rules this twin implements. */
    public static final List<String> RULES = List.of("ADDIN-KEEP-CONFERENCING", "CLIENT-IM-ONLY",
            "CLIENT-NO-CONFERENCING", "CLIENT-NEW-FEATURES", "CLIENT-BELOW-POLICY", "COEX-2010-MEETING",
            "COEX-NO-MEETING-IM", "COEX-2010-GALLERY-VIEW", "FED-LOCKED-OC2007", "FED-CLIENT-WEB-APP",
            "FED-PARTNER-SUMMARY", "MOVE-MEETINGS-CARRY", "MOVE-CONTENT-LOST", "MOVE-PIN-KEEPS-WORKING",
            "URL-LEGACY-CONF", "URL-LEGACY-MEET", "ORGANIZER-CANNOT-UPDATE-LINKS", "PLAN-EARLY-ORGANIZER",
            "PLAN-LIVE-MEETING-NEEDS", "COEX-2010-CLIENT-POWERPOINT", "DATA-CLIENT-UNKNOWN", "DATA-PARTNER-CLIENT-UNKNOWN",
            "DATA-MEETINGS-NO-JOINS", "DATA-SCHEME-CONFLICT", "CLIENT-CANNOT-SIGN-IN", "CONF-DIRECTORY-LEGACY-POOL");

    private final int threads;

    /** The twin on the calling thread alone. */
    public PlainAssessor() {
        this(1);
    }

    /**
     * The twin on {@code threads} threads, as the Drools path of {@code bench --threads T} runs: the meetings, then
     * the users, are split into {@code threads} contiguous runs, each assessed on a thread of its own into lists and
     * maps of its own, put together in order afterwards; the partner summaries and the sort follow on the calling
     * thread. The findings are those of one thread.
     */
    public PlainAssessor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.threads = threads;
    }

    /** The findings for {@code inventory}, in report order. */
    public List<Finding> assess(Inventory inventory) {
        Plan plan = inventory.getPlan();
        Map<String, User> users = new HashMap<>(capacity(inventory.getUsers().size()));
        for (User u : inventory.getUsers()) {
            users.put(u.getSip(), u);
        }
        Map<String, FederatedUser> federated = new HashMap<>(capacity(inventory.getFederatedUsers().size()));
        for (FederatedUser f : inventory.getFederatedUsers()) {
            federated.put(f.getSip(), f);
        }

        List<Meeting> meetings = inventory.getMeetings();
        int organizers = capacity(inventory.getUsers().size() / threads);
        List<MeetingRun> meetingRuns = Chunks.run(threads, meetings.size(), (from, to) -> {
            MeetingRun run = new MeetingRun(organizers);
            for (Meeting m : meetings.subList(from, to)) {
                meetingRules(plan, m, users, federated, run.organized, run.lockedOut, run.out);
            }
            return run;
        });
        List<User> userList = inventory.getUsers();
        List<List<Finding>> userRuns = Chunks.run(threads, userList.size(), (from, to) -> {
            List<Finding> out = new ArrayList<>();
            for (User u : userList.subList(from, to)) {
                userRules(plan, u, organized(meetingRuns, u.getSip()), out);
            }
            return out;
        });

        List<Finding> out = new ArrayList<>();
        // FED-LOCKED-OC2007 findings per federated user, for FED-PARTNER-SUMMARY, from every run
        Map<String, Set<String>> lockedOut = new LinkedHashMap<>();
        for (MeetingRun run : meetingRuns) {
            out.addAll(run.out);
            run.lockedOut.forEach((sip, subjects) -> lockedOut.computeIfAbsent(sip, s -> new HashSet<>()).addAll(subjects));
        }
        userRuns.forEach(out::addAll);
        partnerSummaries(inventory, federated, lockedOut, out);
        partnersWithUnknownClients(inventory, out);
        sourceNotes(inventory, out);
        for (io.migkb.model.ConferenceDirectory d : inventory.getConferenceDirectories()) {
            if (d.isOnLegacyPool()) {
                out.add(new Finding("CONF-DIRECTORY-LEGACY-POOL", Severity.BLOCKER, "directory:" + d.getIdentity(),
                        "Conference directory " + d.getIdentity() + " is homed on " + d.getPool() + " ("
                                + d.getServerVersion().getDisplayName() + "): when that pool is retired, the dial-in"
                                + " conference IDs that use the directory stop working",
                        "Before retiring " + d.getPool() + ", move the directory: Move-CsConferenceDirectory -Identity "
                                + d.getIdentity() + " -TargetPool " + plan.getTargetPool() + " (try it with -WhatIf"
                                + " first; never -Force, which loses the dial-in codes of existing meetings); the plan's"
                                + " last wave holds the command",
                        FROM_2010, null));
            }
        }
        FindingSort.inReportOrder(out, threads);
        return out;
    }

    /** What one run of meetings makes: its findings, and per organizer and per federated user what it saw. */
    private static final class MeetingRun {
        final List<Finding> out = new ArrayList<>();
        /** Per organizer: [https meetings, conf:/meet: meetings] */
        final Map<String, int[]> organized;
        /** FED-LOCKED-OC2007 findings per federated user */
        final Map<String, Set<String>> lockedOut = new LinkedHashMap<>();

        MeetingRun(int organizers) {
            this.organized = new HashMap<>(organizers);
        }
    }

    /** An organizer's meetings counted over every run: one run's own array when only one saw them. */
    private static int[] organized(List<MeetingRun> runs, String sip) {
        int[] sum = null;
        boolean copied = false;
        for (MeetingRun run : runs) {
            int[] counts = run.organized.get(sip);
            if (counts == null) {
                continue;
            }
            if (sum == null) {
                sum = counts;
            } else {
                if (!copied) {
                    sum = sum.clone();
                    copied = true;
                }
                sum[0] += counts[0];
                sum[1] += counts[1];
            }
        }
        return sum;
    }

    private static int capacity(int size) {
        return (int) Math.min(1 << 30, size * 4L / 3 + 16);
    }

    private static String legacyRemedy(Meeting m) {
        return (m.getOrganizerServerVersion() == ServerVersion.LYNC_2013
                ? m.getOrganizer() + " (moved to Lync Server 2013 already) opens"
                : "After " + m.getOrganizer() + " is moved to Lync Server 2013, they open")
                + " the invitation in Outlook with Lync 2013 installed (this updates it to an https:// URL) and resend it"
                + " to the participants";
    }

    private static void meetingRules(Plan plan, Meeting m, Map<String, User> users, Map<String, FederatedUser> federated,
                                     Map<String, int[]> organized, Map<String, Set<String>> lockedOut, List<Finding> out) {
        String id = m.getId();
        String subject = "meeting:" + id;
        String organizer = m.getOrganizer();
        organized.computeIfAbsent(organizer, o -> new int[2])[m.isLegacy() ? 1 : 0]++;

        if (m.getScheme() == UrlScheme.CONF) {
            out.add(new Finding("URL-LEGACY-CONF", Severity.BLOCKER, subject,
                    "Conference call " + id + " organized by " + organizer
                            + " has a conf: URL, which Lync Server 2013 does not support: it is not migrated",
                    legacyRemedy(m),
                    FROM_OCS, organizer));
        } else if (m.getScheme() == UrlScheme.MEET) {
            out.add(new Finding("URL-LEGACY-MEET", Severity.BLOCKER, subject,
                    "Web conference " + id + " organized by " + organizer
                            + " has a meet: URL, which Lync Server 2013 does not support: it is not migrated",
                    legacyRemedy(m),
                    FROM_OCS, organizer));
        }

        User organizerUser = users.get(organizer);
        boolean onLync2010 = m.getScheme() == UrlScheme.HTTPS && organizerUser != null
                && organizerUser.getServerVersion() == ServerVersion.LYNC_2010;
        if (onLync2010 && !plan.isMoveConferenceData() && m.isHasContent()) {
            String sip = organizerUser.getSip();
            out.add(new Finding("MOVE-CONTENT-LOST", Severity.WARNING, subject,
                    "The content of " + sip + "'s meeting " + id + " (" + m.getContent()
                            + ") does not move when the organizer is moved to Lync Server 2013",
                    "Move " + sip + " with Move-CsUser -MoveConferenceData (the article calls it MoveMeetingContent),"
                            + " or have the organizer upload the content again",
                    FROM_2010, sip));
        }
        boolean powerPoint = m.getContent().contains(Content.POWERPOINT);

        // The organizer is a participant of their own meeting, as in Participation.forEachOf.
        List<String> participants = m.getParticipants();
        int count = participants.contains(organizer) ? participants.size() : participants.size() + 1;
        for (int i = 0; i < count; i++) {
            String sip = i < participants.size() ? participants.get(i) : organizer;
            boolean organizing = sip.equals(organizer);
            String role = organizing ? " (the organizer)" : "";
            User u = users.get(sip);
            Participant who = u;
            if (u != null) {
                if (NO_CONFERENCING.contains(u.getClient())) {
                    out.add(new Finding("CLIENT-NO-CONFERENCING", Severity.BLOCKER, subject,
                            sip + " uses " + u.getClient().getDisplayName() + ", which cannot join meeting " + id
                                    + " once it is held on Lync Server 2013 ("
                                    + (organizing ? "they organize it" : "organizer " + organizer) + ")",
                            "Have " + sip + " join with Lync Web App 2013 until the client is upgraded to Lync 2013",
                            CHANGES, sip));
                }
            } else {
                FederatedUser f = federated.get(sip);
                who = f;
                if (f == null) {
                    continue;
                }
                if (f.getClient() == Client.COMMUNICATOR_2007 && m.isLocked()) {
                    out.add(new Finding("FED-LOCKED-OC2007", Severity.BLOCKER, subject,
                            "Federated Communicator 2007 user " + sip + " cannot join locked meeting " + id,
                            m.getScheme() == UrlScheme.HTTPS
                                    && m.getOrganizerServerVersion() == ServerVersion.LYNC_2013
                                    ? "Meeting " + id + " is already held on Lync Server 2013 at an https:// URL, so"
                                            + " rescheduling changes nothing: send " + sip + " that https:// link to"
                                            + " join with Lync Web App, or have " + organizer + " unlock the meeting"
                                    : "Reschedule meeting " + id + " in Lync Server 2013 so " + sip
                                            + " joins by the https:// URL with Lync Web App",
                            FEDERATED, sip));
                    lockedOut.computeIfAbsent(sip, s -> new HashSet<>()).add(subject);
                }
                if (FEDERATED_WEB_APP.contains(f.getClient())) {
                    out.add(new Finding("FED-CLIENT-WEB-APP", Severity.BLOCKER, subject,
                            "Federated user " + sip + " uses " + f.getClient().getDisplayName()
                                    + ", which cannot join meeting " + id + " on Lync Server 2013",
                            m.isLegacy()
                                    ? "Meeting " + id + " has no https:// URL yet: once " + organizer + " has reopened"
                                            + " it in Outlook with Lync 2013 and resent it (URL-LEGACY-*), send " + sip
                                            + " the new https:// URL to join with Lync Web App 2013"
                                    : "Send " + sip + " the meeting's https:// URL to join with Lync Web App 2013",
                            FEDERATED, sip));
                }
            }
            Client client = who.getClient();
            if (onLync2010 && client == Client.LYNC_2013) {
                out.add(new Finding("COEX-2010-MEETING", Severity.INFO, subject,
                        sip + role + " joins Lync Server 2010 meeting " + id + " with Lync 2013: the Lock the Video"
                                + " Spotlight and Pin to Gallery options are unavailable",
                        "Expected during coexistence; the options return when " + organizer
                                + " is moved to Lync Server 2013",
                        JOINING_2010, sip));
                if (m.isNoMeetingIm()) {
                    out.add(new Finding("COEX-NO-MEETING-IM", Severity.WARNING, subject,
                            "Meeting " + id + " is set to No Meeting IM, but for " + sip
                                    + (organizing ? " (the organizer, " : " (") + "Lync 2013 client in a Lync Server"
                                    + " 2010 meeting) the option does not take effect",
                            "Tell " + organizer + " that meeting IM stays open to Lync 2013 participants, or move "
                                    + organizer + " to Lync Server 2013 before the meeting",
                            JOINING_2010, sip));
                }
                if (m.isVideo()) {
                    out.add(new Finding("COEX-2010-GALLERY-VIEW", Severity.INFO, subject,
                            sip + role + " sees only the active speaker in video meeting " + id
                                    + ": Gallery View does not function in a Lync Server 2010 meeting, and the"
                                    + " participant list shows by default",
                            "Expected during coexistence; Gallery View returns when " + organizer
                                    + " is moved to Lync Server 2013",
                            JOINING_2010, sip));
                }
            }
            if (powerPoint && client == Client.LYNC_2010) {
                out.add(new Finding("COEX-2010-CLIENT-POWERPOINT", Severity.WARNING, subject,
                        sip + role + " views the PowerPoint content of meeting " + id + " with the Lync 2010 client,"
                                + " which does not show presentations uploaded from Lync 2013 as Lync 2013"
                                + " participants see them",
                        "Upgrade " + sip + " to Lync 2013, or have them join with Lync Web App 2013 to see the"
                                + " presentation",
                        EXPERIENCE_2010, sip));
            }
        }
    }

    private static void userRules(Plan plan, User u, int[] organized, List<Finding> out) {
        String sip = u.getSip();
        String subject = "user:" + sip;
        Client client = u.getClient();
        ServerVersion version = u.getServerVersion();

        if (plan.isRemoveConferencingAddIn() && u.isSchedulesLiveMeetingService()) {
            out.add(new Finding("ADDIN-KEEP-CONFERENCING", Severity.WARNING, subject,
                    "The plan removes the Conferencing Add-in for Outlook, but " + sip
                            + " still schedules Live Meeting service meetings with it: the service is available to"
                            + " them",
                    "Exclude " + sip + " from the removal: keep the Conferencing Add-in beside the Online Meeting"
                            + " Add-in for Lync 2013",
                    AFTER_INSTALLED, sip));
        }
        if (client == Client.COMMUNICATOR_2007_R2) {
            out.add(new Finding("CLIENT-IM-ONLY", Severity.WARNING, subject,
                    sip + " keeps presence and IM with Office Communicator 2007 R2 on Lync Server 2013,"
                            + " but has no conferencing",
                    "Install Lync 2013 for " + sip + "; until then, join meetings with Lync Web App 2013",
                    BEFORE_INSTALLED, sip));
        }
        if (CANNOT_SIGN_IN.contains(client)) {
            String replacement = client == Client.OCS_2007_R2_ATTENDANT
                    ? "the Lync 2010 Attendant, which signs in to Lync Server 2013 (there is no Lync 2013 Attendant)"
                    : client == Client.LYNC_2010_ATTENDEE
                    ? "Lync Web App 2013, which replaces the Lync 2010 Attendee for Lync Server 2013 meetings"
                    : "Lync 2013";
            out.add(new Finding("CLIENT-CANNOT-SIGN-IN", Severity.BLOCKER, subject,
                    sip + " uses " + client.getDisplayName() + ", which cannot sign in to Lync Server 2013"
                            + " (Client interoperability in Lync 2013: not supported)",
                    (u.isMigrated() ? "Now (" + sip + " is on Lync Server 2013 already), replace "
                                    : "Before " + sip + " is moved, replace ")
                            + client.getDisplayName() + " with " + replacement,
                    BEFORE_INSTALLED, sip));
        }
        if (client == Client.UNKNOWN) {
            io.migkb.model.ClientGap gap = u.getClientGap();
            out.add(new Finding("DATA-CLIENT-UNKNOWN", Severity.WARNING, subject,
                    "No client known for " + sip + ", so no client rule could assess them: " + gap.describeSources()
                            + (gap.getUserAgentsSeen().isEmpty() ? " and found no registration for this user"
                            : "; the only user agents recorded name no conferencing client migkb assesses ("
                            + String.join("; ", gap.getUserAgentsSeen()) + ")"),
                    "Collect the client " + sip + " signs in with: export the registrations of a period when they"
                            + " signed in (the Monitoring server's client versions, or the registration script's"
                            + " EndpointRegistrations.csv), or add a row to a client file with their SIP address and"
                            + " client name (LYNC_2010, COMMUNICATOR_2007_R2, ...)",
                    "Inventory data (not a section of the article)", sip));
        }
        if (u.isMigrated() && client == Client.LYNC_2010) {
            out.add(new Finding("CLIENT-NEW-FEATURES", Severity.INFO, subject,
                    sip + " is on Lync Server 2013 but still signs in with Lync 2010: the new conferencing features"
                            + " stay out of reach",
                    "Install the Lync 2013 client for " + sip + " to use the new conferencing features",
                    CHANGES, sip));
        }
        if (u.getClientVersion() != null && plan.isBelowPolicy(client, u.getClientVersion())) {
            String minimum = plan.getMinimumClientVersions().get(client);
            out.add(new Finding("CLIENT-BELOW-POLICY", Severity.WARNING, subject,
                    sip + " runs " + client.getDisplayName() + " " + u.getClientVersion()
                            + ", below the policy minimum " + minimum,
                    "Update " + sip + "'s " + client.getDisplayName() + " to at least " + minimum
                            + " before the migration",
                    CHANGES, sip));
        }
        if (!u.isMigrated() && u.getMeetingsPerMonth() >= plan.getFrequentOrganizerThreshold()) {
            out.add(new Finding("PLAN-EARLY-ORGANIZER", Severity.ADVICE, subject,
                    sip + " organizes " + u.getMeetingsPerMonth() + " meetings a month (threshold "
                            + plan.getFrequentOrganizerThreshold() + ") and is still on "
                            + version.getDisplayName(),
                    plan.keepsOnOcsForLiveMeeting(u)
                            ? "Keep " + sip + " on Office Communications Server 2007 R2 for now: their need for Live"
                                    + " Meeting features (PLAN-LIVE-MEETING-NEEDS) wins over moving early, since Lync"
                                    + " Server 2013 meetings do not offer them; move them in an early wave once a Live"
                                    + " Meeting service is available to them"
                            : "Move " + sip + " in an early wave so they get the new Lync Server 2013 conferencing"
                                    + " features",
                    NEEDS, sip));
        }
        Set<Need> needs = u.getNeeds();
        boolean large = needs.contains(Need.LARGE_MEETINGS);
        boolean breakout = needs.contains(Need.BREAKOUT_ROOMS);
        if (version == ServerVersion.OCS_2007_R2 && (large || breakout)) {
            String what = (large ? "large meetings" : "") + (large && breakout ? " and " : "")
                    + (breakout ? "break-out rooms" : "");
            out.add(new Finding("PLAN-LIVE-MEETING-NEEDS", Severity.WARNING, subject,
                    sip + " needs Live Meeting " + what + ", which Lync Server 2013 meetings do not offer",
                    plan.isLiveMeetingServiceAvailable()
                            ? "Advise " + sip + " to schedule these meetings with the Live Meeting service"
                            : u.isSchedulesLiveMeetingService()
                            ? sip + " already schedules Live Meeting service meetings, so the service is available to"
                                    + " them: advise them to hold these meetings there, and move them (keeping the"
                                    + " Conferencing Add-in for Outlook, ADDIN-KEEP-CONFERENCING)"
                            : "No Live Meeting service is available to " + sip + ": leave them homed on Office"
                                    + " Communications Server 2007 R2 to keep server-based Live Meeting conferences"
                                    + (u.getMeetingsPerMonth() >= plan.getFrequentOrganizerThreshold()
                                    ? "; this wins over moving them early as a frequent organizer"
                                            + " (PLAN-EARLY-ORGANIZER), since Lync Server 2013 meetings do not offer"
                                            + " these features"
                                    : ""),
                    NEEDS, sip));
        }
        if (version == ServerVersion.LYNC_2010) {
            if (organized != null && organized[0] > 0) {
                out.add(new Finding("MOVE-MEETINGS-CARRY", Severity.INFO, subject,
                        sip + "'s " + organized[0] + " scheduled meeting(s), conferencing directory and PIN move"
                                + " with the account",
                        "Nothing to do for the meetings themselves: they keep their https:// URLs after Move-CsUser",
                        FROM_2010, sip));
            }
            if (needs.contains(Need.DIAL_IN)) {
                out.add(new Finding("MOVE-PIN-KEEPS-WORKING", Severity.INFO, subject,
                        sip + "'s dial-in conferencing PIN moves with the account and keeps working until it expires"
                                + " or a new PIN is requested",
                        "Nothing to do at the move; tell " + sip + " that the next PIN follows the PIN policy in force"
                                + " for them: a per-user policy granted with Grant-CsPinPolicy, else their site's, else"
                                + " the global one (PIN policies have no pool scope)",
                        FROM_2010, sip));
            }
        }
        Set<AddIn> addIns = u.getAddIns();
        boolean noClient = client != Client.LYNC_2013;
        if (organized != null && organized[1] > 0 && client != Client.UNKNOWN
                && (noClient || (!addIns.isEmpty() && !addIns.contains(AddIn.ONLINE_MEETING_ADDIN_2013)))) {
            out.add(new Finding("ORGANIZER-CANNOT-UPDATE-LINKS", Severity.WARNING, subject,
                    sip + " organizes " + organized[1] + " conf:/meet: meeting(s) but "
                            + (noClient ? "uses " + client.getDisplayName() + ", not Lync 2013,"
                                        : "lacks the Online Meeting Add-in for Lync 2013")
                            + " so cannot update their links",
                    (noClient ? "Install Lync 2013 (it brings the Online Meeting Add-in for Lync 2013)"
                              : "Reinstall the Online Meeting Add-in for Lync 2013")
                            + " for " + sip + " before asking them to reopen and resend the invitations",
                    FROM_OCS, sip));
        }
    }

    private static void partnersWithUnknownClients(Inventory inventory, List<Finding> out) {
        Map<String, java.util.TreeSet<String>> unknown = new HashMap<>();
        for (FederatedUser f : inventory.getFederatedUsers()) {
            if (f.getClient() == Client.UNKNOWN) {
                unknown.computeIfAbsent(f.getDomain(), d -> new java.util.TreeSet<>()).add(f.getSip());
            }
        }
        for (FederatedPartner partner : inventory.getPartners()) {
            String domain = partner.getDomain();
            java.util.TreeSet<String> users = unknown.get(domain);
            if (users == null) {
                continue;
            }
            out.add(new Finding("DATA-PARTNER-CLIENT-UNKNOWN", Severity.WARNING, "partner:" + domain,
                    domain + ": " + users.size() + " user(s) join the organization's meetings with a client no source"
                            + " names (" + String.join(", ", users) + "), so no federated-client rule could assess them",
                    "Ask " + domain + " which client its users join with, and add them to federated.csv with it; the"
                            + " Monitoring database names it once they have joined a conference",
                    "Inventory data (not a section of the article)", null));
        }
    }

    private static void sourceNotes(Inventory inventory, List<Finding> out) {
        String data = "Inventory data (not a section of the article)";
        for (MeetingSourceGap gap : inventory.getMeetingSourceGaps()) {
            boolean noMonitoring = gap.getMonitoringFiles().isEmpty();
            String collect = noMonitoring ? "Run collect/lcscdr-conference-participants.sql on the Monitoring database"
                    + " and add its CSV to the folder (docs/collect.md). " : "";
            String notHeld = gap.getSource().equals(MeetingSourceGap.CALENDARS)
                    ? "A meeting not held yet has no joins: check that its invitees are who will join"
                    : "A meeting not held yet has no joins: its invitees are known only from its organizer's calendar"
                      + " (.ics, docs/collect.md)";
            out.add(new Finding("DATA-MEETINGS-NO-JOINS", Severity.WARNING, "source:" + gap.getSource(),
                    "The Monitoring data names no one joining " + gap.describeCount() + " of " + gap.describeSource()
                            + ", so no rule about who joins with which client could assess "
                            + (gap.getMeetingIds().size() == 1 ? "it" : "them")
                            + " beyond the organizer and the calendar's invitees: " + gap.describeMeetings(25)
                            + (noMonitoring ? " (the folder has no Monitoring export)"
                               : " (searched " + String.join(", ", gap.getMonitoringFiles()) + ")"),
                    collect + notHeld, data, null));
        }
        for (SchemeConflict c : inventory.getSchemeConflicts()) {
            out.add(new Finding("DATA-SCHEME-CONFLICT", Severity.INFO, "meeting:" + c.getMeetingId(),
                    "The organizer's calendar (" + c.getCalendarAt() + ") holds the "
                            + c.getCalendarScheme().name().toLowerCase() + ": link " + c.getCalendarUrl()
                            + " where the conference database (" + c.getDatabaseAt() + ") gives the "
                            + c.getDatabaseScheme().name().toLowerCase() + ": URL " + c.getDatabaseUrl()
                            + "; the meeting is assessed with the calendar's link, the one attendees click",
                    "Check which link the attendees hold; if the invitation is out of date, have " + c.getOrganizer()
                            + " reschedule the meeting so that every attendee gets the link the server serves",
                    data, c.getOrganizer()));
        }
    }

    private static void partnerSummaries(Inventory inventory, Map<String, FederatedUser> federated,
                                         Map<String, Set<String>> lockedOut, List<Finding> out) {
        if (lockedOut.isEmpty()) {
            return;
        }
        Map<String, Set<String>> usersByDomain = new HashMap<>();
        Map<String, Set<String>> meetingsByDomain = new HashMap<>();
        lockedOut.forEach((sip, meetings) -> {
            String domain = federated.get(sip).getDomain();
            usersByDomain.computeIfAbsent(domain, d -> new HashSet<>()).add(sip);
            meetingsByDomain.computeIfAbsent(domain, d -> new HashSet<>()).addAll(meetings);
        });
        for (FederatedPartner partner : inventory.getPartners()) {
            String domain = partner.getDomain();
            Set<String> users = usersByDomain.get(domain);
            if (users == null) {
                continue;
            }
            out.add(new Finding("FED-PARTNER-SUMMARY", Severity.WARNING, "partner:" + domain,
                    domain + ": " + users.size() + " Communicator 2007 user(s) cannot join "
                            + meetingsByDomain.get(domain).size() + " locked meeting(s)",
                    "Reschedule the locked meetings in Lync Server 2013 and ask " + domain
                            + " to have its users join by the https:// URL with Lync Web App",
                    FEDERATED, null));
        }
    }
}
