package io.migkb.model;

/** A meeting feature a client can lose in meetings hosted on a server version (a cell of the client-support table). */
public enum MeetingFeature {
    /** The new conferencing features of Lync Server 2013, which need the Lync 2013 client. */
    NEW_CONFERENCING_FEATURES("the new Lync Server 2013 conferencing features"),
    /** PowerPoint uploaded from Lync 2013 (rendered by Office Web Apps Server) shown as Lync 2013 participants see it. */
    POWERPOINT_FROM_LYNC_2013("PowerPoint uploaded from Lync 2013"),
    /** The No Meeting IM participant option. */
    NO_MEETING_IM("No Meeting IM"),
    /** Gallery View in video conferences. */
    GALLERY_VIEW("Gallery View"),
    /** The Lock the Video Spotlight participant option. */
    LOCK_VIDEO_SPOTLIGHT("Lock the Video Spotlight"),
    /** The Pin to Gallery participant option. */
    PIN_TO_GALLERY("Pin to Gallery");

    private final String displayName;

    MeetingFeature(String displayName) {
        this.displayName = displayName;
    }

    public String getDisplayName() {
        return displayName;
    }
}
