package io.migkb.model;

/** The server version a pool runs. */
public enum ServerVersion {
    OCS_2007_R2("Office Communications Server 2007 R2"),
    LYNC_2010("Lync Server 2010"),
    LYNC_2013("Lync Server 2013");

    private final String displayName;

    ServerVersion(String displayName) {
        this.displayName = displayName;
    }

    public String getDisplayName() {
        return displayName;
    }
}
