package io.migkb.model;

/** Content shared in a meeting. None of it moves with a Lync 2010 user unless asked for. */
public enum Content {
    POWERPOINT, WHITEBOARD, POLL, ATTACHMENT
}
