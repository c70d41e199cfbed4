package io.migkb.engine;

import io.migkb.inventory.JsonInventoryReader;
import io.migkb.model.Inventory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Times the Drools assessment alone, without reading or writing (docs/performance.md): reads {@code file} once,
 * compiles {@code rules}, then assesses it {@code runs} times and prints each run's insert, fire, the rest and GC.
 * {@code -Dthreads=T} runs the partitions on T threads. With {@code -Dfresh=true} each run gets newly compiled rules, as each
 * {@code assess} does. For trying engine and KieBase settings (e.g. {@code -Ddrools.kieBaseMutability=DISABLED}). Not a test: run it with
 * the test classpath, e.g. {@code java -Xmx4g -cp target/test-classes:target/migkb-0.1.0-SNAPSHOT-cli.jar
 * io.migkb.engine.AssessTiming users.json rules 5 [partitions [warm-up.json rounds]]}.
 */
public final class AssessTiming {
    private AssessTiming() {
    }

    public static void main(String[] args) throws Exception {
        Inventory inventory = new JsonInventoryReader().read(Path.of(args[0]));
        RuleFiles files = RuleFiles.fromFolder(Path.of(args[1]));
        CompiledRules rules = RuleCompiler.compile(files);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int partitions = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        int threads = Integer.getInteger("threads", 1);
        Assessor assessor = new Assessor(rules, GuardRails.DEFAULT, partitions, threads);
        if (args.length > 5) {
            Inventory small = new JsonInventoryReader().read(Path.of(args[4]));
            for (int i = 0; i < Integer.parseInt(args[5]); i++) {
                assessor.assess(small);
            }
        }
        boolean fresh = Boolean.getBoolean("fresh");
        for (int i = 0; i < runs; i++) {
            if (fresh) {
                assessor = new Assessor(RuleCompiler.compile(files), GuardRails.DEFAULT, partitions, threads);
            }
            System.gc();
            long gc0 = gcMillis();
            long t0 = System.nanoTime();
            Assessment a = assessor.assess(inventory);
            long total = System.nanoTime() - t0;
            long insert = a.insertTime().toMillis();
            long fire = a.fireTime().toMillis();
            System.out.printf("run %d: insert %,d ms, fire %,d ms, rest %,d ms, total %,d ms, GC %,d ms, %,d findings%n",
                    i, insert, fire, total / 1_000_000 - insert - fire, total / 1_000_000, gcMillis() - gc0,
                    a.findings().size());
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
