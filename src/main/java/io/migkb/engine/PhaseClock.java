package io.migkb.engine;

/**
 * The wall-clock time of an assessment's sessions by what they do: firing while at least one session fires,
 * inserting while at least one inserts and none fires. One session at a time, these are the sums of the sessions'
 * insert and fire times; several at once, they never add up to more than the wall time, so what is left of it
 * (splitting the inventory, disposing, sorting) stays positive. The time limit bounds the firing time.
 */
final class PhaseClock {
    private int inserting;
    private int firing;
    private long since = System.nanoTime();
    private long insertNanos;
    private long fireNanos;

    synchronized void startInserting() {
        advance();
        inserting++;
    }

    /** A session has its facts in and starts firing; returns the assessment's firing time so far. */
    synchronized long startFiring() {
        advance();
        inserting--;
        firing++;
        return fireNanos;
    }

    /** A session ends (or fails) inserting ({@code wasFiring} false) or firing. */
    synchronized void stop(boolean wasFiring) {
        advance();
        if (wasFiring) {
            firing--;
        } else {
            inserting--;
        }
    }

    synchronized long insertNanos() {
        advance();
        return insertNanos;
    }

    synchronized long fireNanos() {
        advance();
        return fireNanos;
    }

    private void advance() {
        long now = System.nanoTime();
        if (firing > 0) {
            fireNanos += now - since;
        } else if (inserting > 0) {
            insertNanos += now - since;
        }
        since = now;
    }
}
