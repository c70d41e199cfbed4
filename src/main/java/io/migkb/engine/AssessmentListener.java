package io.migkb.engine;

/**
 * Optional progress callbacks of one assessment, for a progress bar: called on the assessing thread, now and then
 * (not for every fact or firing), so an implementation must be quick and must not call back into the engine. When
 * partition sessions run on several threads, the assessing thread reports their counts, summed, while it waits for
 * them (a few times a second): the callbacks are never called from those threads. The library never prints
 * anything itself.
 */
public interface AssessmentListener {
    /** Does nothing. */
    AssessmentListener NONE = new AssessmentListener() {
    };

    /** {@code inserted} of {@code total} facts are in the session. */
    default void factsInserted(long inserted, long total) {
    }

    /** The rules have fired {@code firings} times so far (how many in all is not known in advance). */
    default void rulesFired(long firings) {
    }
}
