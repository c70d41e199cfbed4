package io.migkb.plan;

/** What happens to one scheduled meeting in the migration. */
public enum Disposition {
    /** Organized by a user already on Lync Server 2013: nothing changes. */
    ALREADY_ON_LYNC_2013("already on Lync Server 2013"),
    /** An https meeting of a Lync Server 2010 organizer: it moves with the account, URL unchanged. */
    CARRIES_OVER("carries over"),
    /**
     * As {@link #CARRIES_OVER}, but the meeting has content and the plan does not move conference data: the content
     * (PowerPoint, whiteboard, polls, attachments) is lost unless Move-CsUser runs with -MoveConferenceData.
     */
    CONTENT_LOST_UNLESS_MOVE_CONFERENCE_DATA("content lost unless -MoveConferenceData"),
    /** A conf: or meet: meeting: not migrated; the organizer reopens it with Lync 2013 and resends it. */
    RESCHEDULE_AND_RESEND("reschedule in Lync 2013 and resend"),
    /**
     * A locked meeting with federated Communicator 2007 participants: reschedule it in Lync Server 2013 so they join
     * by the new https:// URL with Lync Web App.
     */
    RESCHEDULE_FOR_FEDERATED_USERS("reschedule for federated Communicator 2007 users"),
    /** The organizer is held back on OCS 2007 R2: the meeting keeps working there. */
    STAYS_ON_OCS_2007_R2("stays on OCS 2007 R2");

    private final String label;

    Disposition(String label) {
        this.label = label;
    }

    /** A few words for reports. */
    public String label() {
        return label;
    }
}
