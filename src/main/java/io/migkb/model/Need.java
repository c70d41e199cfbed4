package io.migkb.model;

/** A conferencing need of a user; LARGE_MEETINGS and BREAKOUT_ROOMS are the Live Meeting features the article names. */
public enum Need {
    LARGE_MEETINGS, BREAKOUT_ROOMS, RECORDING, DIAL_IN
}
