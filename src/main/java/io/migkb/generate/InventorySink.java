package io.migkb.generate;

import io.migkb.model.AddIn;
import io.migkb.model.Client;
import io.migkb.model.Content;
import io.migkb.model.Need;
import io.migkb.model.ServerVersion;
import java.util.List;
import java.util.Set;

/**
 * Receives a generated inventory element by element, in docs/inventory.md's order: organization, plan, pools, users,
 * federated users, meetings, then {@link #end()}.
 */
public interface InventorySink {
    /** The plan; {@code minimumLync2013} is the client policy's lowest Lync 2013 build. */
    record GeneratedPlan(String targetPool, boolean moveConferenceData, boolean liveMeetingServiceAvailable,
                         boolean removeConferencingAddIn, int frequentOrganizerThreshold, String minimumLync2013) {
    }

    /** A user; {@code clientText} is what the file says (a name or a user agent), {@code clientVersion} its version or null. */
    record GeneratedUser(String sip, String pool, String clientText, Client client, String clientVersion,
                         int meetingsPerMonth, Set<Need> needs, Set<AddIn> addIns, boolean schedulesLiveMeetingService) {
    }

    record GeneratedMeeting(String id, String organizer, String url, boolean locked, Set<Content> content,
                            boolean video, boolean noMeetingIm, List<String> participants) {
    }

    void organization(String organization);

    void plan(GeneratedPlan plan);

    void pool(String fqdn, ServerVersion version);

    void user(GeneratedUser user);

    void federatedUser(String sip, String clientText, Client client);

    void meeting(GeneratedMeeting meeting);

    void end();
}
