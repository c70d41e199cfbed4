package io.migkb.engine;

import io.migkb.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the partition sessions of one assessment on a fixed pool of daemon threads ({@code migkb-partition-N}), made
 * for the assessment and ended before it returns, so no thread outlives it whatever happens. The assessing thread
 * waits, reporting progress to the listener meanwhile; when a session fails, the others are stopped, every session
 * is disposed, and the first failure is thrown.
 */
final class PartitionThreads {
    /** How often the assessing thread tells the listener how far the sessions have got. */
    private static final long REPORT_EVERY_MILLIS = 100;

    private PartitionThreads() {
    }

    /** Each partition's findings, in partition order. */
    static List<List<Finding>> assess(AssessmentRun run, OrganizerPartitions parts, int threads) {
        int count = parts.count();
        List<List<Finding>> made = new ArrayList<>(count);
        List<Future<?>> sessions = new ArrayList<>(count);
        ExecutorService pool = pool(Math.min(threads, count));
        boolean interrupted = false;
        try {
            for (int k = 0; k < count; k++) {
                int partition = k;
                List<Finding> findings = new ArrayList<>();
                made.add(findings);
                sessions.add(pool.submit(() -> {
                    try {
                        run.session(facts -> parts.forEachFact(partition, facts), List.of(), findings);
                    } catch (Throwable t) {
                        run.failed(t);
                    }
                }));
            }
            long allIn = parts.factCount();
            for (Future<?> session : sessions) {
                while (true) {
                    try {
                        session.get(REPORT_EVERY_MILLIS, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        run.reportProgress(allIn);
                    } catch (InterruptedException e) {
                        // Stop the sessions, and still wait for them: each must be disposed before we return.
                        interrupted = true;
                        run.failed(new CancellationException("the assessment was interrupted"));
                    } catch (ExecutionException e) {
                        run.failed(e.getCause()); // not expected: a session catches what it throws
                        break;
                    }
                }
            }
        } finally {
            pool.shutdown();
            interrupted |= awaitTermination(pool);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        RuntimeException failure = run.failure();
        if (failure != null) {
            throw failure;
        }
        return made;
    }

    private static ExecutorService pool(int threads) {
        AtomicInteger number = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "migkb-partition-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Waits for the pool's threads to finish (its sessions have ended by then); true when interrupted meanwhile. */
    private static boolean awaitTermination(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    return interrupted;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }
}
