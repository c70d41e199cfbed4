package io.migkb.plan;

import io.migkb.model.UrlScheme;
import java.util.List;
import java.util.Objects;

/**
 * What happens to one meeting.
 *
 * @param id             the meeting's id
 * @param organizer      the organizer's SIP address
 * @param scheme         its URL scheme
 * @param disposition    what happens to it
 * @param wave           the wave in which its action falls (its organizer's wave; 0 when the organizer is already on
 *                       Lync Server 2013)
 * @param action         what to do, in one or two sentences
 * @param federatedUsers federated Communicator 2007 participants who cannot join it once it is locked on Lync Server
 *                       2013 (FED-LOCKED-OC2007), in SIP order
 * @param rules          the rules with findings in force about the meeting, sorted
 */
public record MeetingPlan(String id, String organizer, UrlScheme scheme, Disposition disposition, int wave,
                          String action, List<String> federatedUsers, List<String> rules) {
    public MeetingPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizer, "organizer");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(action, "action");
        federatedUsers = List.copyOf(federatedUsers);
        rules = List.copyOf(rules);
    }
}
