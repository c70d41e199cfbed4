package io.migkb.inventory;

import io.migkb.model.Inventory;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Times a reader alone, the one {@code assess} picks for the path (a JSON file, a folder of exports;
 * docs/performance.md, "Reading"): reads {@code file} {@code runs} times, after two untimed reads of
 * {@code warmUpFile} when given, and prints each read's wall, thread and process CPU and GC time, then the live
 * heap the last inventory holds (used heap after collections, with it and without it). Not a test: run it with the
 * test classpath, e.g.
 * {@code java -Xmx4g -XX:+UseParallelGC -cp target/test-classes:target/migkb-0.1.0-SNAPSHOT-cli.jar
 * io.migkb.inventory.ReadTiming users.json 8 small.json}.
 */
public final class ReadTiming {
    private ReadTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        if (args.length > 2) {
            for (int i = 0; i < 2; i++) {
                InventoryReaders.read(Path.of(args[2]));
            }
        }
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Inventory inventory = null;
        for (int i = 0; i < runs; i++) {
            inventory = null;
            System.gc();
            long gc0 = gcMillis();
            long cpu0 = os.getProcessCpuTime();
            long thread0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            inventory = InventoryReaders.read(file);
            long t1 = System.nanoTime();
            System.out.printf("read %d: %,d ms wall, %,d ms thread CPU, %,d ms process CPU, GC %,d ms%n", i,
                    (t1 - t0) / 1_000_000, (threads.getCurrentThreadCpuTime() - thread0) / 1_000_000,
                    (os.getProcessCpuTime() - cpu0) / 1_000_000, gcMillis() - gc0);
        }
        long with = liveHeap();
        inventory.locationOf("meeting:" + inventory.getMeetings().get(0).getId());
        long withIndex = liveHeap();
        int users = inventory.getUsers().size();
        int meetings = inventory.getMeetings().size();
        inventory = null;
        long without = liveHeap();
        System.out.printf("%,d users, %,d meetings: the inventory holds %,d MB live (%,d MB once locationOf has"
                + " indexed it)%n", users, meetings, (with - without) >> 20, (withIndex - without) >> 20);
    }

    private static long liveHeap() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }

    private static long gcMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += gc.getCollectionTime();
        }
        return total;
    }
}
