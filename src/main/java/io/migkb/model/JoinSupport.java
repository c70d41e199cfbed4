package io.migkb.model;

/** Whether users of a client can join meetings hosted on a server version (a cell of the client-support table). */
public enum JoinSupport {
    /** They join. */
    YES,
    /** They join, but not meetings the organizer has locked. */
    UNLOCKED_ONLY,
    /** They cannot join. */
    NO
}
