package io.migkb.inventory;

import io.migkb.model.FederatedUser;
import io.migkb.model.Inventory;
import io.migkb.model.Meeting;
import io.migkb.model.Plan;
import io.migkb.model.Pool;
import io.migkb.model.ServerVersion;
import io.migkb.model.SourceLocation;
import io.migkb.model.UrlScheme;
import io.migkb.model.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Validates an {@link Inventory} that was built in code rather than read from a file, with the checks the readers
 * make across elements: duplicate pool FQDNs, SIP addresses and meeting ids; users on undeclared pools (or with a
 * server version their pool does not run); organizers and participants nobody declares; a URL whose scheme is not
 * the meeting's; a target pool that is not a declared Lync 2013 pool; counts below their minimum. Like the
 * readers, it compares FQDNs and SIP addresses ignoring case and rewrites references to the declared spelling, and
 * takes the first Lync 2013 pool as target when the plan names none. Every error is reported (up to
 * {@value InventoryException#MAX_ERRORS}); errors name the element by its list and index ({@code users[2].pool}).
 */
public final class InventoryValidator {
    private InventoryValidator() {
    }

    /**
     * Returns the inventory, with references in their declared spelling, or throws with every error found.
     *
     * @param sourceName stands for the file in error messages (e.g. "inventory built in code"); may be null
     */
    public static Inventory validate(Inventory inventory, String sourceName) throws InventoryException {
        return new Run(inventory, sourceName).validate();
    }

    private static final class Run {
        private final Inventory inventory;
        private final String source;
        private final List<InventoryError> errors = new ArrayList<>();
        private int omitted;
        private final Map<String, Integer> poolIndex = new HashMap<>();
        /** SIP address (lower case) to "users[i]" or "federatedUsers[i]". */
        private final Map<String, String> sipIndex = new HashMap<>();
        private final Map<String, String> declaredSip = new HashMap<>();
        private boolean changed;

        Run(Inventory inventory, String source) {
            this.inventory = inventory;
            this.source = source;
        }

        private void error(String field, String message) {
            if (errors.size() < InventoryException.MAX_ERRORS) {
                SourceLocation at = source == null ? null : new SourceLocation(source, 0, 0);
                errors.add(new InventoryError(at, field, message));
            } else {
                omitted++;
            }
        }

        private static String lower(String s) {
            return s.toLowerCase(Locale.ROOT);
        }

        Inventory validate() throws InventoryException {
            List<Pool> pools = inventory.getPools();
            for (int i = 0; i < pools.size(); i++) {
                Integer first = poolIndex.putIfAbsent(lower(pools.get(i).getFqdn()), i);
                if (first != null) {
                    error("pools[" + i + "].fqdn", "duplicate pool \"" + pools.get(i).getFqdn() + "\": already declared"
                            + " as pools[" + first + "] (FQDNs are compared ignoring case); declare each pool once");
                }
            }
            List<User> users = new ArrayList<>(inventory.getUsers());
            for (int i = 0; i < users.size(); i++) {
                declareSip(users.get(i).getSip(), "users[" + i + "]");
            }
            List<FederatedUser> federated = inventory.getFederatedUsers();
            for (int i = 0; i < federated.size(); i++) {
                declareSip(federated.get(i).getSip(), "federatedUsers[" + i + "]");
            }
            for (int i = 0; i < users.size(); i++) {
                users.set(i, checkUser(i, users.get(i)));
            }
            List<Meeting> meetings = new ArrayList<>(inventory.getMeetings());
            Map<String, Integer> meetingIds = new HashMap<>();
            for (int i = 0; i < meetings.size(); i++) {
                Integer first = meetingIds.putIfAbsent(meetings.get(i).getId(), i);
                if (first != null) {
                    error("meetings[" + i + "].id", "duplicate meeting id \"" + meetings.get(i).getId()
                            + "\": already used by meetings[" + first + "]; give each meeting its own id");
                }
                meetings.set(i, checkMeeting(i, meetings.get(i)));
            }
            Plan plan = checkPlan(inventory.getPlan());
            if (!errors.isEmpty()) {
                throw new InventoryException(errors, omitted);
            }
            if (!changed) {
                return inventory;
            }
            return new Inventory(inventory.getOrganization(), plan, pools, users, federated, meetings,
                    inventory.getSourceLocations());
        }

        private void declareSip(String sip, String element) {
            String first = sipIndex.putIfAbsent(lower(sip), element);
            if (first != null) {
                error(element + ".sip", "duplicate SIP address \"" + sip + "\": already declared as " + first
                        + "; an address may appear only once among users and federated users together"
                        + " (compared ignoring case)");
            } else {
                declaredSip.put(lower(sip), sip);
            }
        }

        private User checkUser(int i, User u) {
            String field = "users[" + i + "]";
            if (u.getMeetingsPerMonth() < 0) {
                error(field + ".meetingsPerMonth", "must be 0 or more, not " + u.getMeetingsPerMonth());
            }
            Integer poolAt = poolIndex.get(lower(u.getPool()));
            if (poolAt == null) {
                error(field + ".pool", "pool \"" + u.getPool() + "\" is not declared; declare it among the pools"
                        + " (with its fqdn and version) or correct the name");
                return u;
            }
            Pool pool = inventory.getPools().get(poolAt);
            if (pool.getVersion() != u.getServerVersion()) {
                error(field + ".serverVersion", "user " + u.getSip() + " is given " + u.getServerVersion()
                        + " but pool \"" + pool.getFqdn() + "\" runs " + pool.getVersion());
                return u;
            }
            if (!pool.getFqdn().equals(u.getPool())) {
                changed = true;
                return new User(u.getSip(), pool.getFqdn(), u.getServerVersion(), u.getClient(), u.getClientVersion(),
                        u.getMeetingsPerMonth(), u.getNeeds(), u.getAddIns(), u.isSchedulesLiveMeetingService());
            }
            return u;
        }

        private Meeting checkMeeting(int i, Meeting m) {
            String field = "meetings[" + i + "]";
            Optional<UrlScheme> scheme = UrlScheme.of(m.getUrl());
            if (scheme.isEmpty()) {
                error(field + ".url", "unknown URL scheme in \"" + m.getUrl() + "\"; a meeting URL starts with conf:,"
                        + " meet: or https:");
            } else if (scheme.get() != m.getScheme()) {
                error(field + ".url", "the URL \"" + m.getUrl() + "\" is a " + scheme.get() + " URL, but the meeting"
                        + " is given scheme " + m.getScheme());
            }
            String organizer = m.getOrganizer();
            String organizerDecl = sipIndex.get(lower(organizer));
            if (organizerDecl == null) {
                error(field + ".organizer", "organizer \"" + organizer + "\" is not a declared user; add " + organizer
                        + " to the users or correct the address (an organizer must be an internal user)");
            } else if (organizerDecl.startsWith("federatedUsers")) {
                error(field + ".organizer", "organizer \"" + organizer + "\" is a federated user (" + organizerDecl
                        + "); an organizer must be an internal user");
            } else {
                organizer = declaredSip.get(lower(organizer));
            }
            List<String> participants = new ArrayList<>(m.getParticipants());
            for (int p = 0; p < participants.size(); p++) {
                String declared = declaredSip.get(lower(participants.get(p)));
                if (declared == null) {
                    error(field + ".participants[" + p + "]", "participant \"" + participants.get(p) + "\" is neither a"
                            + " declared user nor a declared federated user; declare it or correct the address");
                } else {
                    participants.set(p, declared);
                }
            }
            if (!organizer.equals(m.getOrganizer()) || !participants.equals(m.getParticipants())) {
                changed = true;
                return new Meeting(m.getId(), organizer, m.getUrl(), m.getScheme(), m.isLocked(), m.getContent(),
                        m.isVideo(), m.isNoMeetingIm(), participants);
            }
            return m;
        }

        private Plan checkPlan(Plan plan) {
            if (plan.getFrequentOrganizerThreshold() < 1) {
                error("plan.frequentOrganizerThreshold", "must be at least 1 (meetings per month from which an organizer"
                        + " is moved early), not " + plan.getFrequentOrganizerThreshold());
            }
            String target = plan.getTargetPool();
            if (target == null) {
                target = inventory.getPools().stream().filter(p -> p.getVersion() == ServerVersion.LYNC_2013)
                        .map(Pool::getFqdn).findFirst().orElse(null);
            } else {
                Integer at = poolIndex.get(lower(target));
                if (at == null) {
                    error("plan.targetPool", "target pool \"" + target + "\" is not declared; declare it as a"
                            + " LYNC_2013 pool");
                    return plan;
                }
                Pool pool = inventory.getPools().get(at);
                if (pool.getVersion() != ServerVersion.LYNC_2013) {
                    error("plan.targetPool", "target pool \"" + target + "\" runs " + pool.getVersion()
                            + "; users can only be moved to a LYNC_2013 pool");
                    return plan;
                }
                target = pool.getFqdn();
            }
            if (java.util.Objects.equals(target, plan.getTargetPool())) {
                return plan;
            }
            changed = true;
            return new Plan(target, plan.isMoveConferenceData(), plan.isLiveMeetingServiceAvailable(),
                    plan.isRemoveConferencingAddIn(), plan.getFrequentOrganizerThreshold(), plan.getMinimumClientVersions(),
                    plan.getParameters());
        }
    }
}
