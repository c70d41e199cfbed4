package io.migkb.plan;

import io.migkb.model.ServerVersion;
import java.util.List;
import java.util.Objects;

/**
 * One user in one wave.
 *
 * @param sip                the user's SIP address as the inventory gives it
 * @param pool               the pool the user is homed on today
 * @param from               that pool's server version
 * @param command            the cmdlet that moves the user, {@link MoveCommand#NONE} when held back
 * @param moveConferenceData true when the move carries {@code -MoveConferenceData} (Lync Server 2010 users only)
 * @param notes              why the user is in this wave and what to tell them, one sentence each
 */
public record UserMove(String sip, String pool, ServerVersion from, MoveCommand command, boolean moveConferenceData,
                       List<String> notes) {
    public UserMove {
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(command, "command");
        notes = List.copyOf(notes);
    }
}
