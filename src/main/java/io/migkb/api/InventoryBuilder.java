package io.migkb.api;

import io.migkb.inventory.InventoryException;
import io.migkb.inventory.InventoryValidator;
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
import io.migkb.model.UrlScheme;
import io.migkb.model.User;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds an inventory in code, with the same fields and defaults as an inventory file (docs/inventory.md), and
 * validates it as a reader would: {@link #build()} reports every duplicate, dangling reference and bad value.
 *
 * <pre>
 * Inventory inventory = new InventoryBuilder()
 *         .organization("contoso.com")
 *         .pool("pool10.contoso.com", ServerVersion.LYNC_2010)
 *         .pool("pool13.contoso.com", ServerVersion.LYNC_2013)
 *         .user("alice@contoso.com", "pool10.contoso.com", Client.LYNC_2010, u -&gt; u.meetingsPerMonth(25))
 *         .federatedUser("carol@fabrikam.com", Client.COMMUNICATOR_2007)
 *         .meeting("m-001", "alice@contoso.com", "https://meet.contoso.com/alice/M1",
 *                 m -&gt; m.locked().participants("carol@fabrikam.com"))
 *         .build();
 * </pre>
 *
 * Elements may be added in any order. A builder is not thread-safe; the inventory it builds is immutable.
 */
public final class InventoryBuilder {
    private String organization;
    private String targetPool;
    private boolean moveConferenceData;
    private boolean liveMeetingServiceAvailable;
    private boolean removeConferencingAddIn;
    private int frequentOrganizerThreshold = Plan.DEFAULT_FREQUENT_ORGANIZER_THRESHOLD;
    private final Map<Client, String> minimumClientVersions = new EnumMap<>(Client.class);
    private final List<Pool> pools = new ArrayList<>();
    private final List<UserOptions> users = new ArrayList<>();
    private final List<FederatedUser> federatedUsers = new ArrayList<>();
    private final List<MeetingOptions> meetings = new ArrayList<>();

    public InventoryBuilder organization(String organization) {
        this.organization = organization;
        return this;
    }

    /** The Lync 2013 pool users are moved to; by default the first Lync 2013 pool declared. */
    public InventoryBuilder targetPool(String fqdn) {
        this.targetPool = fqdn;
        return this;
    }

    /** Users are moved with {@code Move-CsUser -MoveConferenceData} (default false). */
    public InventoryBuilder moveConferenceData(boolean value) {
        this.moveConferenceData = value;
        return this;
    }

    public InventoryBuilder liveMeetingServiceAvailable(boolean value) {
        this.liveMeetingServiceAvailable = value;
        return this;
    }

    /** The Conferencing Add-in for Outlook is to be uninstalled (default false). */
    public InventoryBuilder removeConferencingAddIn(boolean value) {
        this.removeConferencingAddIn = value;
        return this;
    }

    /** Meetings per month from which an organizer should move early (default 10). */
    public InventoryBuilder frequentOrganizerThreshold(int meetingsPerMonth) {
        this.frequentOrganizerThreshold = meetingsPerMonth;
        return this;
    }

    /** The customer's client policy: the lowest version allowed for a client ("15.0.4551.1001"). */
    public InventoryBuilder minimumClientVersion(Client client, String version) {
        minimumClientVersions.put(Objects.requireNonNull(client, "client"), Objects.requireNonNull(version, "version"));
        return this;
    }

    public InventoryBuilder pool(String fqdn, ServerVersion version) {
        pools.add(new Pool(fqdn, version));
        return this;
    }

    /** A user of the organization, homed on a declared pool. */
    public InventoryBuilder user(String sip, String pool, Client client) {
        return user(sip, pool, client, u -> { });
    }

    /** A user with more detail: {@code u -> u.meetingsPerMonth(25).needs(Need.LARGE_MEETINGS)}. */
    public InventoryBuilder user(String sip, String pool, Client client, Consumer<UserOptions> options) {
        UserOptions u = new UserOptions(Objects.requireNonNull(sip, "sip"), Objects.requireNonNull(pool, "pool"),
                Objects.requireNonNull(client, "client"));
        options.accept(u);
        users.add(u);
        return this;
    }

    /** A federated partner's user who is invited to the organization's meetings. */
    public InventoryBuilder federatedUser(String sip, Client client) {
        federatedUsers.add(new FederatedUser(sip, client));
        return this;
    }

    /** A meeting; its URL starts with {@code conf:}, {@code meet:} or {@code https:}. */
    public InventoryBuilder meeting(String id, String organizer, String url) {
        return meeting(id, organizer, url, m -> { });
    }

    /** A meeting with more detail: {@code m -> m.locked().video().participants("bob@contoso.com")}. */
    public InventoryBuilder meeting(String id, String organizer, String url, Consumer<MeetingOptions> options) {
        MeetingOptions m = new MeetingOptions(Objects.requireNonNull(id, "id"),
                Objects.requireNonNull(organizer, "organizer"), Objects.requireNonNull(url, "url"));
        options.accept(m);
        meetings.add(m);
        return this;
    }

    /**
     * The inventory, validated as an inventory file is.
     *
     * @throws InvalidInventoryException listing every error, each naming its field ({@code meetings[0].organizer})
     */
    public Inventory build() throws InvalidInventoryException {
        Map<String, ServerVersion> poolVersions = new HashMap<>();
        for (Pool p : pools) {
            poolVersions.putIfAbsent(p.getFqdn().toLowerCase(Locale.ROOT), p.getVersion());
        }
        // A user on an undeclared pool, or a URL of no known scheme, cannot be given a server version or scheme:
        // they get a stand-in, and the validator rejects the pool or URL, so no stand-in ever leaves build().
        List<User> builtUsers = users.stream().map(u -> new User(u.sip, u.pool,
                poolVersions.getOrDefault(u.pool.toLowerCase(Locale.ROOT), ServerVersion.OCS_2007_R2), u.client,
                u.clientVersion, u.meetingsPerMonth, u.needs, u.addIns, u.schedulesLiveMeetingService)).toList();
        List<Meeting> builtMeetings = meetings.stream().map(m -> new Meeting(m.id, m.organizer, m.url,
                UrlScheme.of(m.url).orElse(UrlScheme.HTTPS), m.locked, m.content, m.video, m.noMeetingIm,
                m.participants)).toList();
        Plan plan = new Plan(targetPool, moveConferenceData, liveMeetingServiceAvailable, removeConferencingAddIn,
                frequentOrganizerThreshold, minimumClientVersions);
        Inventory inventory = new Inventory(organization, plan, pools, builtUsers, federatedUsers, builtMeetings, Map.of());
        try {
            return InventoryValidator.validate(inventory, null);
        } catch (InventoryException e) {
            throw MigrationAssessor.invalid(e);
        }
    }

    /** A user's optional fields. */
    public static final class UserOptions {
        private final String sip;
        private final String pool;
        private final Client client;
        private String clientVersion;
        private int meetingsPerMonth;
        private final Set<Need> needs = EnumSet.noneOf(Need.class);
        private final Set<AddIn> addIns = EnumSet.noneOf(AddIn.class);
        private boolean schedulesLiveMeetingService;

        private UserOptions(String sip, String pool, Client client) {
            this.sip = sip;
            this.pool = pool;
            this.client = client;
        }

        /** The client's build ("15.0.4481.1000"), checked against the plan's minimum client versions. */
        public UserOptions clientVersion(String version) {
            this.clientVersion = version;
            return this;
        }

        public UserOptions meetingsPerMonth(int count) {
            this.meetingsPerMonth = count;
            return this;
        }

        public UserOptions needs(Need... values) {
            needs.addAll(Arrays.asList(values));
            return this;
        }

        public UserOptions addIns(AddIn... values) {
            addIns.addAll(Arrays.asList(values));
            return this;
        }

        /** The user schedules Live Meeting service meetings with the Conferencing Add-in. */
        public UserOptions schedulesLiveMeetingService() {
            this.schedulesLiveMeetingService = true;
            return this;
        }
    }

    /** A meeting's optional fields. */
    public static final class MeetingOptions {
        private final String id;
        private final String organizer;
        private final String url;
        private boolean locked;
        private boolean video;
        private boolean noMeetingIm;
        private final Set<Content> content = EnumSet.noneOf(Content.class);
        private final List<String> participants = new ArrayList<>();

        private MeetingOptions(String id, String organizer, String url) {
            this.id = id;
            this.organizer = organizer;
            this.url = url;
        }

        /** The organizer locked the meeting. */
        public MeetingOptions locked() {
            this.locked = true;
            return this;
        }

        public MeetingOptions video() {
            this.video = true;
            return this;
        }

        /** The organizer set the No Meeting IM option. */
        public MeetingOptions noMeetingIm() {
            this.noMeetingIm = true;
            return this;
        }

        public MeetingOptions content(Content... values) {
            content.addAll(Arrays.asList(values));
            return this;
        }

        /** Invited users' and federated users' SIP addresses. */
        public MeetingOptions participants(String... sips) {
            participants.addAll(Arrays.asList(sips));
            return this;
        }
    }
}
