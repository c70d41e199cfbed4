package io.migkb.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Whether the heap is nearly full of live data: the old generation, as the last collection left it, above
 * {@value #FULL_PERCENT}% of its maximum. Garbage not yet collected does not count, so a busy but healthy
 * assessment is not stopped; a rule that keeps inserting is, before an OutOfMemoryError leaves no rule to name.
 */
final class HeapWatch {
    static final int FULL_PERCENT = 95;
    private static final MemoryPoolMXBean OLD = oldGeneration();

    private HeapWatch() {
    }

    private static MemoryPoolMXBean oldGeneration() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName().toLowerCase(java.util.Locale.ROOT);
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
                    && (name.contains("old") || name.contains("tenured"))) {
                return pool;
            }
        }
        return null;
    }

    static boolean nearlyFull() {
        MemoryUsage after = OLD == null ? null : OLD.getCollectionUsage();
        return after != null && after.getMax() > 0 && after.getUsed() * 100 > after.getMax() * FULL_PERCENT;
    }

    /** The most heap this JVM may use, in MB. */
    static long maxMegabytes() {
        return Runtime.getRuntime().maxMemory() / (1 << 20);
    }

    static String describe() {
        MemoryUsage after = OLD == null ? null : OLD.getCollectionUsage();
        return after == null ? "no heap figures" : after.getUsed() / (1 << 20) + " of " + after.getMax() / (1 << 20)
                + " MB of the old generation live after a collection";
    }
}
