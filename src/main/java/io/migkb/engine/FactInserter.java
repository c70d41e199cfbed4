package io.migkb.engine;

import java.util.function.Consumer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.EntryPoint;

/**
 * Inserts one session's facts and, every {@value #FLUSH_EVERY} of them, lets the session propagate what it has
 * queued ({@code fireAllRules(0)} fires nothing). Phreak otherwise queues every insertion (an entry and a propagation
 * context, about 90 bytes a fact) until the first fireAllRules: at 13 million facts, over a gigabyte. Measured at
 * 200k users: insert and fire together took half the time, for the same firings. Counts into the assessment, for
 * the progress bar, and gives up when the assessment is stopping (another session failed).
 */
final class FactInserter implements Consumer<Object> {
    private static final int FLUSH_EVERY = 50_000;
    private static final int REPORT_EVERY = 1 << 10;
    private final AssessmentRun run;
    private final KieSession session;
    private final EntryPoint entryPoint;
    private long inserted;
    private long reported;

    FactInserter(AssessmentRun run, KieSession session) {
        this.run = run;
        this.session = session;
        this.entryPoint = session.getEntryPoint("DEFAULT");
    }

    @Override
    public void accept(Object fact) {
        entryPoint.insert(fact);
        inserted++;
        if ((inserted & (REPORT_EVERY - 1)) == 0) {
            flush();
        }
        if (inserted % FLUSH_EVERY == 0) {
            if (run.stopping()) {
                throw AssessmentRun.Cancelled.INSTANCE;
            }
            session.fireAllRules(0);
        }
    }

    /** Counts what has not been counted yet. */
    void flush() {
        run.factsInserted(inserted - reported);
        reported = inserted;
    }
}
