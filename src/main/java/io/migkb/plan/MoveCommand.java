package io.migkb.plan;

/**
 * The Lync Server 2013 Management Shell cmdlet that moves a user, by where the user is homed today (Microsoft's
 * cmdlet reference): {@code Move-CsLegacyUser} for Office Communications Server 2007 R2 users (it has no
 * conference-data option), {@code Move-CsUser} for Lync Server 2010 users (with {@code -MoveConferenceData} when the
 * plan says so).
 */
public enum MoveCommand {
    MOVE_CS_LEGACY_USER("Move-CsLegacyUser"),
    MOVE_CS_USER("Move-CsUser"),
    /** The user is not moved (held back on OCS 2007 R2). */
    NONE("");

    private final String cmdlet;

    MoveCommand(String cmdlet) {
        this.cmdlet = cmdlet;
    }

    /** The cmdlet's name, empty for {@link #NONE}. */
    public String cmdlet() {
        return cmdlet;
    }
}
