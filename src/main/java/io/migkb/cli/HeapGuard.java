package io.migkb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Refuses, before reading, an inventory too large for the heap the JVM was given, and turns a late
 * OutOfMemoryError into the same advice: how much heap it needs and how to give it. Never a stack trace.
 *
 * <p>The estimate is {@value #HEAP_PER_INPUT_BYTE} bytes of heap per byte of inventory plus
 * {@value #BASE_MB} MB for the rule compiler, measured on generated inventories (docs/performance.md): the
 * model, the Drools session and the findings together.
 */
final class HeapGuard {
    /**
     * Peak live heap of an assessment per byte of JSON inventory: measured 5.5 at 100k users (74 MB of JSON,
     * 410 MB live) and 6.3 at 1M users (760 MB, 4.8 GB live); docs/performance.md.
     */
    static final double HEAP_PER_INPUT_BYTE = 6.5;
    /** The collector needs room beyond the live data, or it spends the run in full collections. */
    static final double HEADROOM = 1.5;
    static final long BASE_MB = 256;

    private HeapGuard() {
    }

    /** The heap an inventory of {@code inputBytes} needs, in bytes. */
    static long needed(long inputBytes) {
        return (long) (inputBytes * HEAP_PER_INPUT_BYTE) + BASE_MB * 1024 * 1024;
    }

    /** Throws when the JVM's maximum heap is clearly too small for the inventory at {@code path}. */
    static void check(Path path) throws UserError {
        long size = sizeOf(path);
        long need = needed(size);
        long max = Runtime.getRuntime().maxMemory();
        if (max != Long.MAX_VALUE && need > max) {
            throw new UserError(String.format(Locale.ROOT,
                    "%s is %s; assessing it needs about %s of heap, and this JVM may use %s: run with JAVA_OPTS=-Xmx%s"
                            + " (or split the inventory by pool, see docs/scale.md); nothing was assessed",
                    path, human(size), human(need), human(max), suggestedXmx((long) (need * HEADROOM))));
        }
    }

    /** What to say when the heap ran out all the same. */
    static UserError outOfMemory(Path path) {
        long size = sizeOf(path);
        long need = Math.max(needed(size), Runtime.getRuntime().maxMemory() * 3 / 2);
        return new UserError(String.format(Locale.ROOT,
                "ran out of heap assessing %s (%s) with %s: it needs about %s; run with JAVA_OPTS=-Xmx%s"
                        + " (or split the inventory by pool, see docs/scale.md); no report written",
                path, human(size), human(Runtime.getRuntime().maxMemory()), human(need),
                suggestedXmx((long) (need * HEADROOM))));
    }

    static String suggestedXmx(long bytes) {
        long gb = (bytes + (1L << 30) - 1) >> 30;
        return Math.max(1, gb) + "g";
    }

    static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%d MB", Math.max(1, bytes >> 20));
    }

    private static long sizeOf(Path path) {
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    return files.filter(Files::isRegularFile).mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0;
                        }
                    }).sum();
                }
            }
            return Files.isRegularFile(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
