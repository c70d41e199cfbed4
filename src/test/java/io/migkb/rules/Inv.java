package io.migkb.rules;

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
import java.util.Map;
import java.util.Set;

/**
 * Builds small inventories in code for rule tests: three pools (ocs, pool10, pool13), then users, federated
 * users and meetings as each test needs them.
 */
final class Inv {
    static final String OCS = "ocs.contoso.com";
    static final String POOL10 = "pool10.contoso.com";
    static final String POOL13 = "pool13.contoso.com";

    private final Map<String, ServerVersion> pools = new HashMap<>(Map.of(
            OCS, ServerVersion.OCS_2007_R2, POOL10, ServerVersion.LYNC_2010, POOL13, ServerVersion.LYNC_2013));
    private final List<User> users = new ArrayList<>();
    private final List<FederatedUser> federated = new ArrayList<>();
    private final List<Meeting> meetings = new ArrayList<>();
    private boolean moveConferenceData;
    private boolean liveMeetingService;
    private boolean removeConferencingAddIn;
    private int threshold = Plan.DEFAULT_FREQUENT_ORGANIZER_THRESHOLD;
    private final Map<Client, String> minimumVersions = new EnumMap<>(Client.class);

    static Inv inventory() {
        return new Inv();
    }

    Inv user(String sip, String pool, Client client) {
        return user(sip, pool, client, u -> { });
    }

    Inv user(String sip, String pool, Client client, java.util.function.Consumer<UserSpec> spec) {
        UserSpec s = new UserSpec();
        spec.accept(s);
        users.add(new User(sip, pool, pools.get(pool), client, s.clientVersion, s.meetingsPerMonth, s.needs, s.addIns,
                s.schedulesLiveMeetingService));
        return this;
    }

    Inv federated(String sip, Client client) {
        federated.add(new FederatedUser(sip, client));
        return this;
    }

    Inv meeting(String id, String organizer, String url) {
        return meeting(id, organizer, url, m -> { });
    }

    Inv meeting(String id, String organizer, String url, java.util.function.Consumer<MeetingSpec> spec) {
        MeetingSpec s = new MeetingSpec();
        spec.accept(s);
        meetings.add(new Meeting(id, organizer, url, UrlScheme.of(url).orElseThrow(), s.locked, s.content, s.video,
                s.noMeetingIm, s.participants));
        return this;
    }

    Inv moveConferenceData(boolean value) {
        moveConferenceData = value;
        return this;
    }

    Inv liveMeetingService(boolean value) {
        liveMeetingService = value;
        return this;
    }

    Inv removeConferencingAddIn(boolean value) {
        removeConferencingAddIn = value;
        return this;
    }

    Inv frequentOrganizerThreshold(int value) {
        threshold = value;
        return this;
    }

    Inv minimumVersion(Client client, String version) {
        minimumVersions.put(client, version);
        return this;
    }

    /** An OCS 2007 R2 conference call URL (conf:) organized by {@code organizer}. */
    static String conf(String organizer) {
        return "conf:sip:" + organizer + ";gruu;opaque=app:conf:audio-video:id:7GH2";
    }

    /** An OCS 2007 R2 Live Meeting web conference URL (meet:) organized by {@code organizer}. */
    static String meet(String organizer) {
        return "meet:sip:" + organizer + ";gruu;opaque=app:conf:focus:id:K9Q1";
    }

    /** A Lync Server 2010 / 2013 meeting URL (https:) organized by {@code organizer}. */
    static String https(String organizer) {
        return "https://meet.contoso.com/" + organizer.substring(0, organizer.indexOf('@')) + "/AB12CD";
    }

    Inventory build() {
        List<Pool> poolList = pools.entrySet().stream().map(e -> new Pool(e.getKey(), e.getValue())).toList();
        Plan plan = new Plan(POOL13, moveConferenceData, liveMeetingService, removeConferencingAddIn, threshold,
                minimumVersions);
        return new Inventory("contoso.com", plan, poolList, users, federated, meetings, Map.of());
    }

    static final class UserSpec {
        int meetingsPerMonth;
        Set<Need> needs = EnumSet.noneOf(Need.class);
        Set<AddIn> addIns = EnumSet.noneOf(AddIn.class);
        boolean schedulesLiveMeetingService;
        String clientVersion;

        UserSpec meetingsPerMonth(int n) {
            meetingsPerMonth = n;
            return this;
        }

        UserSpec needs(Need... n) {
            needs.addAll(Arrays.asList(n));
            return this;
        }

        UserSpec addIns(AddIn... a) {
            addIns.addAll(Arrays.asList(a));
            return this;
        }

        UserSpec schedulesLiveMeetingService() {
            schedulesLiveMeetingService = true;
            return this;
        }

        UserSpec clientVersion(String v) {
            clientVersion = v;
            return this;
        }
    }

    static final class MeetingSpec {
        boolean locked;
        boolean video;
        boolean noMeetingIm;
        Set<Content> content = EnumSet.noneOf(Content.class);
        List<String> participants = new ArrayList<>();

        MeetingSpec locked() {
            locked = true;
            return this;
        }

        MeetingSpec video() {
            video = true;
            return this;
        }

        MeetingSpec noMeetingIm() {
            noMeetingIm = true;
            return this;
        }

        MeetingSpec content(Content... c) {
            content.addAll(Arrays.asList(c));
            return this;
        }

        MeetingSpec participants(String... sips) {
            participants.addAll(Arrays.asList(sips));
            return this;
        }
    }
}
