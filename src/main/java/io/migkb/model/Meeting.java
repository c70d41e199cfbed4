package io.migkb.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A scheduled meeting. Its participants are also inserted as {@link Participation} facts, which rules join on. */
public final class Meeting {
    private final String id;
    private final String organizer;
    private final String url;
    private final UrlScheme scheme;
    private final boolean locked;
    private final Set<Content> content;
    private final boolean video;
    private final boolean noMeetingIm;
    private final List<String> participants;
    private final ServerVersion organizerServerVersion;

    /**
     * A meeting, given its organizer's server version by the {@link Inventory}.
     * For migkb's readers, not a stable member (docs/embedding.md): an inventory in code is built with
     * {@code io.migkb.api.InventoryBuilder}, which validates it.
     */
    public Meeting(String id, String organizer, String url, UrlScheme scheme, boolean locked, Set<Content> content,
                   boolean video, boolean noMeetingIm, List<String> participants) {
        this(id, organizer, url, scheme, locked, content, video, noMeetingIm, participants, null);
    }

    /**
     * A meeting that knows its organizer's server version already (a reader looks the organizer up anyway);
     * {@link Inventory} takes it as given. Null leaves it to the inventory.
     */
    public Meeting(String id, String organizer, String url, UrlScheme scheme, boolean locked, Set<Content> content,
                   boolean video, boolean noMeetingIm, List<String> participants, ServerVersion organizerServerVersion) {
        this.id = Objects.requireNonNull(id, "id");
        this.organizer = Objects.requireNonNull(organizer, "organizer");
        this.url = Objects.requireNonNull(url, "url");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.locked = locked;
        this.content = SharedSets.CONTENT.of(Arguments.noNulls(content, "content"));
        this.video = video;
        this.noMeetingIm = noMeetingIm;
        this.participants = Arguments.list(participants, "participants");
        this.organizerServerVersion = organizerServerVersion;
    }

    private Meeting(Meeting m, ServerVersion organizerServerVersion) {
        this.id = m.id;
        this.organizer = m.organizer;
        this.url = m.url;
        this.scheme = m.scheme;
        this.locked = m.locked;
        this.content = m.content;
        this.video = m.video;
        this.noMeetingIm = m.noMeetingIm;
        this.participants = m.participants;
        this.organizerServerVersion = organizerServerVersion;
    }

    /** This meeting, knowing its organizer's server version; {@link Inventory} links every meeting so. */
    Meeting withOrganizerServerVersion(ServerVersion version) {
        return version == organizerServerVersion ? this : new Meeting(this, version);
    }

    /**
     * The server version of the organizer's pool today, or null when the organizer is not a user of the inventory.
     * Lets a rule filter meetings by their organizer's server without a join, e.g.
     * {@code Meeting( scheme == UrlScheme.HTTPS, organizerServerVersion == ServerVersion.LYNC_2010 )}.
     */
    public ServerVersion getOrganizerServerVersion() {
        return organizerServerVersion;
    }

    public String getId() {
        return id;
    }

    /** The organizer's SIP address. */
    public String getOrganizer() {
        return organizer;
    }

    public String getUrl() {
        return url;
    }

    public UrlScheme getScheme() {
        return scheme;
    }

    /** True for the OCS 2007 R2 conf: and meet: schemes, which Lync Server 2013 does not support. */
    public boolean isLegacy() {
        return scheme.isLegacy();
    }

    public boolean isLocked() {
        return locked;
    }

    public Set<Content> getContent() {
        return content;
    }

    public boolean isHasContent() {
        return !content.isEmpty();
    }

    public boolean isVideo() {
        return video;
    }

    public boolean isNoMeetingIm() {
        return noMeetingIm;
    }

    /** SIP addresses of the invited participants, internal or federated. */
    public List<String> getParticipants() {
        return participants;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Meeting m && m.id.equals(id) && m.organizer.equals(organizer) && m.url.equals(url)
                && m.locked == locked && m.content.equals(content) && m.video == video
                && m.noMeetingIm == noMeetingIm && m.participants.equals(participants);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Meeting[" + id + ", " + scheme + ", organizer " + organizer + (locked ? ", locked" : "") + "]";
    }
}
