package io.migkb.model;

/** What a client keeps when its user is homed on a server version (a cell of the client-support table). */
public enum SignIn {
    /** Every feature of the client, conferencing included. */
    ALL_FEATURES,
    /** Presence and instant messaging, but no conferencing. */
    IM_AND_PRESENCE_ONLY,
    /** Nothing: the client cannot sign in to this server ("Not supported" in Client interoperability in Lync 2013). */
    NOT_SUPPORTED
}
