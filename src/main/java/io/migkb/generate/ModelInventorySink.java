package io.migkb.generate;

import io.migkb.model.Client;
import io.migkb.model.FederatedUser;
import io.migkb.model.Inventory;
import io.migkb.model.Meeting;
import io.migkb.model.Plan;
import io.migkb.model.Pool;
import io.migkb.model.ServerVersion;
import io.migkb.model.UrlScheme;
import io.migkb.model.User;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a generated inventory directly as model objects, without a file: what a reader would return for the
 * JSON that {@link JsonInventorySink} writes (minus source locations).
 */
public final class ModelInventorySink implements InventorySink {
    private String organization;
    private GeneratedPlan plan;
    private final List<Pool> pools = new ArrayList<>();
    private final Map<String, ServerVersion> poolVersions = new HashMap<>();
    private final List<User> users = new ArrayList<>();
    private final List<FederatedUser> federatedUsers = new ArrayList<>();
    private final List<Meeting> meetings = new ArrayList<>();
    private Inventory inventory;

    @Override
    public void organization(String organization) {
        this.organization = organization;
    }

    @Override
    public void plan(GeneratedPlan plan) {
        this.plan = plan;
    }

    @Override
    public void pool(String fqdn, ServerVersion version) {
        pools.add(new Pool(fqdn, version));
        poolVersions.put(fqdn, version);
    }

    @Override
    public void user(GeneratedUser u) {
        users.add(new User(u.sip(), u.pool(), poolVersions.get(u.pool()), u.client(), u.clientVersion(),
                u.meetingsPerMonth(), u.needs(), u.addIns(), u.schedulesLiveMeetingService()));
    }

    @Override
    public void federatedUser(String sip, String clientText, Client client) {
        federatedUsers.add(new FederatedUser(sip, client));
    }

    @Override
    public void meeting(GeneratedMeeting m) {
        meetings.add(new Meeting(m.id(), m.organizer(), m.url(), UrlScheme.of(m.url()).orElseThrow(), m.locked(),
                m.content(), m.video(), m.noMeetingIm(), m.participants()));
    }

    @Override
    public void end() {
        Map<Client, String> minimum = new EnumMap<>(Client.class);
        minimum.put(Client.LYNC_2013, plan.minimumLync2013());
        Plan p = new Plan(plan.targetPool(), plan.moveConferenceData(), plan.liveMeetingServiceAvailable(),
                plan.removeConferencingAddIn(), plan.frequentOrganizerThreshold(), minimum);
        inventory = new Inventory(organization, p, pools, users, federatedUsers, meetings, Map.of());
    }

    /** The inventory, once {@link #end()} was called. */
    public Inventory inventory() {
        if (inventory == null) {
            throw new IllegalStateException("the generator has not finished");
        }
        return inventory;
    }

    /** Generates an inventory of {@code users} users in memory. */
    public static Inventory generate(int users, long seed) {
        ModelInventorySink sink = new ModelInventorySink();
        new InventoryGenerator(users, seed).generate(sink);
        return sink.inventory();
    }
}
