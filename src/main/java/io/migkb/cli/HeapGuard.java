package io.migkb.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * Refuses, before reading, an inventory too large for the heap the JVM was given, and turns a late
 * OutOfMemoryError into the same advice: how much heap it needs and how to give it. Never a stack trace.
 *
 * <p>The estimate is {@value #SHARED_PER_INPUT_BYTE} bytes of heap per byte of inventory for the model and the
 * findings, plus {@value #SESSION_PER_INPUT_BYTE} for the Drools session, divided among {@code --partitions} and
 * times the sessions held at once ({@code --threads}, at most the partitions), plus {@value #BASE_MB} MB for the
 * rule compiler, measured on generated inventories (docs/performance.md).
 */
final class HeapGuard {
    /**
     * Peak live heap per byte of JSON inventory of what outlives the sessions, the inventory and the findings: the
     * plain twin, which holds just these, peaked at 1.9 GB for 1M users (760 MB of JSON), 2.55 a byte.
     */
    static final double SHARED_PER_INPUT_BYTE = 2.7;
    /**
     * What one session adds: the whole assessment peaked at 5.5 bytes a byte at 100k users (74 MB, 410 MB live)
     * and 5.65 at 1M (4.3 GB live), in one session.
     */
    static final double SESSION_PER_INPUT_BYTE = 3.8;
    /** The collector needs room beyond the live data, or it spends the run in full collections. */
    static final double HEADROOM = 1.5;
    static final long BASE_MB = 256;
    /** The fastest measured at 1M users on 2 cores: 16 took 28.6 s, 64 24.6-27.8 s, 128 24.5 s end to end. */
    static final int FAST_PARTITIONS = 64;

    private HeapGuard() {
    }

    /**
     * The heap an inventory of {@code inputBytes} needs, in bytes, assessed in {@code partitions} sessions of which
     * {@code threads} (at most all of them) are held at once.
     */
    static long needed(long inputBytes, int partitions, int threads) {
        int p = Math.max(1, partitions);
        int atOnce = Math.max(1, Math.min(threads, p));
        double perByte = SHARED_PER_INPUT_BYTE + SESSION_PER_INPUT_BYTE * atOnce / p;
        return (long) (inputBytes * perByte) + BASE_MB * 1024 * 1024;
    }

    /**
     * The fewest partitions (up to 64) with which {@code inputBytes} fit {@code maxHeap}, each run with the threads
     * {@code threadsFor} gives for it, or 0 when none do.
     */
    static int partitionsThatFit(long inputBytes, long maxHeap, IntUnaryOperator threadsFor) {
        for (int p = 2; p <= 64; p *= 2) {
            if (needed(inputBytes, p, threadsFor.applyAsInt(p)) <= maxHeap) {
                return p;
            }
        }
        return 0;
    }

    /**
     * Throws when the JVM's maximum heap is clearly too small for the inventory at {@code path}, assessed in
     * {@code partitions} on {@code threads}; {@code threadsFor} says how many threads other partitions would take.
     */
    static void check(Path path, int partitions, int threads, IntUnaryOperator threadsFor) throws UserError {
        long size = InputFiles.size(path);
        long need = needed(size, partitions, threads);
        long max = Runtime.getRuntime().maxMemory();
        if (max != Long.MAX_VALUE && need > max) {
            int fit = partitionsThatFit(size, max, threadsFor);
            String alternative;
            if (fit > partitions) {
                // More partitions than the fewest that fit are faster too, up to about 64 (docs/performance.md).
                int suggested = Math.max(fit, FAST_PARTITIONS);
                alternative = ", or assess it in parts with --partitions " + suggested + " ("
                        + (suggested > fit ? fit + " or more fit, and more are faster up to about " + FAST_PARTITIONS
                                + "; " : "") + "docs/scale.md)";
            } else if (threads > 1 && needed(size, partitions, 1) <= max) {
                alternative = ", or hold one session at a time with --threads 1";
            } else {
                alternative = " (or split the inventory by pool, see docs/scale.md)";
            }
            throw new UserError(String.format(Locale.ROOT,
                    "%s is %s; assessing it%s needs about %s of heap, and this JVM may use %s: run with JAVA_OPTS=-Xmx%s"
                            + "%s; nothing was assessed",
                    path, human(size), describe(partitions, threads), human(need),
                    human(max), suggestedXmx((long) (need * HEADROOM)), alternative));
        }
    }

    /** " in 8 partitions on 2 threads", " in 8 partitions", or nothing for one session. */
    private static String describe(int partitions, int threads) {
        if (partitions <= 1) {
            return "";
        }
        return " in " + partitions + " partitions" + (threads > 1 ? " on " + threads + " threads" : "");
    }

    /** What to say when the heap ran out all the same. */
    static UserError outOfMemory(Path path, int partitions, int threads) {
        long size = InputFiles.size(path);
        long need = Math.max(needed(size, partitions, threads), Runtime.getRuntime().maxMemory() * 3 / 2);
        return new UserError(String.format(Locale.ROOT,
                "ran out of heap assessing %s (%s)%s with %s: it needs about %s; run with JAVA_OPTS=-Xmx%s"
                        + " (%ssplit the inventory by pool, see docs/scale.md); no report written",
                path, human(size), describe(partitions, threads), human(Runtime.getRuntime().maxMemory()), human(need),
                suggestedXmx((long) (need * HEADROOM)),
                threads > 1 ? "or hold one session at a time with --threads 1, or " : "or "));
    }

    static String suggestedXmx(long bytes) {
        long gb = (bytes + (1L << 30) - 1) >> 30;
        return Math.max(1, gb) + "g";
    }

    static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%d MB", bytes >> 20);
        }
        // an example inventory of a few KB is not "1 MB"
        return String.format(Locale.ROOT, "%d KB", Math.max(1, (bytes + 1023) >> 10));
    }
}
