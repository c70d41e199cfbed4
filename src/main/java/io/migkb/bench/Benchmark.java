package io.migkb.bench;

import io.migkb.engine.Assessment;
import io.migkb.engine.Assessor;
import io.migkb.engine.CompiledRules;
import io.migkb.engine.GuardRails;
import io.migkb.engine.RuleBuild;
import io.migkb.engine.RuleFiles;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import io.migkb.report.JsonWriter;
import io.migkb.report.Report;
import io.migkb.report.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Arrays;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times one assessment end to end twice, with the Drools catalogue and with its plain-Java twin, on the same
 * input with the same reader and the same report writer, and prints each phase, the peak heap, the findings per
 * rule, whether the two agree, and last the ratio of the two end-to-end times.
 *
 * <p>Both paths are warmed up ({@link #run(Reader, int)}), and the real input is read once, untimed, before either
 * is timed. The Drools path then runs first.
 */
public final class Benchmark {
    /** Reads the benchmark's input into an inventory: the same reader {@code assess} uses. */
    @FunctionalInterface
    public interface Reader {
        Inventory read() throws Exception;
    }

    /**
     * The figures of one path. {@code buildNanos} is how long compiling the rules took, on its own thread beside
     * the read; {@code buildWaitNanos} is how long the path then still waited for it, the part end to end counts.
     */
    public record PathResult(long readNanos, long buildNanos, long buildWaitNanos, long insertNanos, long fireNanos,
                             long collectNanos, long assessNanos, long writeNanos, long peakHeapBytes,
                             long peakLiveBytes, long cpuNanos, long gcMillis, long reportBytes,
                             Map<String, Integer> perRule, long digest, int findings, long firings,
                             long firingBudget) {
        public long totalNanos() {
            return readNanos + buildWaitNanos + insertNanos + fireNanos + collectNanos + assessNanos + writeNanos;
        }
    }

    /**
     * Both paths' figures; {@code rulesPrebuilt}: the Drools path assessed with the rules its warm-up used;
     * {@code twinEncodesTheRules}: the rules are the bundled catalogue, byte for byte, which the plain twin encodes, so
     * that the two paths' findings may be compared at all.
     */
    public record Result(PathResult drools, PathResult plain, boolean rulesPrebuilt, boolean twinEncodesTheRules) {
        public boolean identical() {
            return drools.digest == plain.digest && drools.findings == plain.findings
                    && drools.perRule.equals(plain.perRule);
        }

        public double ratio() {
            return (double) drools.totalNanos() / Math.max(1, plain.totalNanos());
        }
    }

    private final Reader reader;
    private final RuleFiles ruleFiles;
    private final GuardRails guardRails;
    private final int partitions;
    private final int threads;
    private final ReportWriter writer = new JsonWriter();
    /** The rules built before the warm-up, which it and the timed run use; null: built beside each read. */
    private CompiledRules prebuilt;
    private long prebuiltNanos;

    /**
     * A benchmark whose Drools path assesses in {@code partitions} sessions by organizer, up to {@code threads} at
     * once; the plain twin then runs on {@code threads} threads too, so that the ratio compares like with like.
     */
    public Benchmark(Reader reader, RuleFiles ruleFiles, GuardRails guardRails, int partitions, int threads) {
        this.reader = reader;
        this.ruleFiles = ruleFiles;
        this.guardRails = guardRails;
        this.partitions = partitions;
        this.threads = threads;
    }

    /**
     * Runs both paths {@code rounds} times, untimed, on {@code warmUp} (the input itself, or one of up to 100,000
     * users), so that neither is timed while the JIT is still compiling it; then times them on the real input. Drools'
     * code is far larger than the twin's and takes more: assessing 100k users again and again in one JVM took 3.3–7.5 s
     * the first time, 1.5–2.8 s the second, about 1.0 s from the fourth on, while the twin's was steady after one
     * (docs/performance.md).
     *
     * <p>With warm-up rounds the rules are built once, before them, and the timed Drools path assesses with the
     * rules the warm-up used, as the twin runs the code its warm-up used: a KieBase brings classes of its own
     * (consequences, jitted constraints) that the JIT compiles afresh for each new one, about 0.5 s at 100k users,
     * which a long-running integrator pays once and {@code assess} once per run. Without warm-up rounds the rules
     * are built beside the timed read, exactly as {@code assess} does.
     */
    public Result run(Reader warmUp, int rounds) throws Exception {
        if (rounds > 0) {
            long start = System.nanoTime();
            prebuilt = RuleBuild.start(ruleFiles).await();
            prebuiltNanos = System.nanoTime() - start;
        }
        Benchmark small = new Benchmark(warmUp, ruleFiles, guardRails, partitions, threads);
        small.prebuilt = prebuilt;
        for (int i = 0; i < rounds; i++) {
            small.runDrools();
            small.runPlain();
        }
        // One untimed read of the real input: the reader is then compiled for its size and the heap has grown to
        // hold it, for both paths alike. Without it the first path timed paid for both (its read took up to 1.6x
        // the second's, on the same reader).
        reader.read();
        settle();
        return run();
    }

    public Result run() throws Exception {
        PathResult drools = runDrools();
        settle();
        PathResult plain = runPlain();
        return new Result(drools, plain, prebuilt != null, isTheBundledCatalogue(ruleFiles));
    }

    private PathResult runDrools() throws Exception {
        try (HeapSampler heap = new HeapSampler()) {
            long t0 = System.nanoTime();
            // As assess does: the rules compile on their own thread while the inventory is read (unless built before).
            RuleBuild build = prebuilt == null ? RuleBuild.start(ruleFiles) : null;
            Inventory inventory = reader.read();
            long t1 = System.nanoTime();
            CompiledRules rules = build == null ? prebuilt : build.await();
            long t2 = System.nanoTime();
            Assessment assessment = new Assessor(rules, guardRails, partitions, threads).assess(inventory);
            long t3 = System.nanoTime();
            long budget = guardRails.budget(Assessor.inputFacts(inventory));
            // Insert and fire are wall-clock time (overlapping sessions counted once), so collect is what is left.
            long collect = (t3 - t2) - assessment.insertTime().toNanos() - assessment.fireTime().toNanos();
            String source = "bench";
            inventory = null; // the report needs only the findings
            List<Finding> findings = assessment.findings();
            long[] written = write(findings, source);
            long t4 = System.nanoTime();
            return new PathResult(t1 - t0, build == null ? prebuiltNanos : build.nanos(), t2 - t1,
                    assessment.insertTime().toNanos(), assessment.fireTime().toNanos(),
                    collect, 0, t4 - t3, heap.peak(), heap.peakLive(), heap.cpuNanos(), heap.gcMillis(), written[0], perRule(findings), digest(findings), findings.size(),
                    assessment.firings(), budget);
        }
    }

    private PathResult runPlain() throws Exception {
        try (HeapSampler heap = new HeapSampler()) {
            long t0 = System.nanoTime();
            Inventory inventory = reader.read();
            long t1 = System.nanoTime();
            List<Finding> findings = new PlainAssessor(threads).assess(inventory);
            long t2 = System.nanoTime();
            inventory = null;
            long[] written = write(findings, "bench");
            long t3 = System.nanoTime();
            return new PathResult(t1 - t0, 0, 0, 0, 0, 0, t2 - t1, t3 - t2, heap.peak(), heap.peakLive(), heap.cpuNanos(),
                    heap.gcMillis(), written[0], perRule(findings),
                    digest(findings), findings.size(), 0, 0);
        }
    }

    /** Writes the JSON report to a stream that only counts bytes: the writer's work without the disk's. */
    private long[] write(List<Finding> findings, String source) throws IOException {
        CountingStream out = new CountingStream();
        writer.write(new Report(null, source, ruleFiles.origin(), findings), out);
        return new long[] {out.count};
    }

    static Map<String, Integer> perRule(List<Finding> findings) {
        Map<String, Integer> counts = new TreeMap<>();
        findings.forEach(f -> counts.merge(f.getRule(), 1, Integer::sum));
        return counts;
    }

    /** A 64-bit digest of every field of every finding, in report order. */
    static long digest(List<Finding> findings) {
        long h = 0xcbf29ce484222325L;
        for (Finding f : findings) {
            h = mix(h, f.getRule());
            h = mix(h, f.getSeverity().name());
            h = mix(h, f.getSubject());
            h = mix(h, f.getMessage());
            h = mix(h, f.getRemedy());
            h = mix(h, f.getReference());
            h = mix(h, f.getConcerns() == null ? "\0" : f.getConcerns());
        }
        return h;
    }

    /**
     * True when {@code files} are the catalogue the jar bundles, file for file and byte for byte: a customer's folder
     * laid over it, or a catalogue edited in place, is not what the plain twin encodes.
     */
    static boolean isTheBundledCatalogue(RuleFiles files) {
        if (!files.changes().isEmpty()) {
            return false;
        }
        RuleFiles bundled;
        try {
            bundled = RuleFiles.bundled();
        } catch (RuntimeException e) {
            return false; // no catalogue to compare with: nothing says the twin encodes these rules
        }
        if (!bundled.files().keySet().equals(files.files().keySet())) {
            return false;
        }
        return bundled.files().entrySet().stream()
                .allMatch(e -> Arrays.equals(e.getValue(), files.files().get(e.getKey())));
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return (h ^ 0xff) * 0x9E3779B97F4A7C15L;
    }

    private static void settle() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    /** Prints the result: phases, peak heap, findings per rule, agreement, and last the ratio. */
    public static void print(Result r, PrintWriter out) {
        PathResult d = r.drools();
        PathResult p = r.plain();
        String row = "%-22s %12s %12s%n";
        out.printf(row, "phase", "drools", "plain java");
        out.printf(row, "read", ms(d.readNanos), ms(p.readNanos));
        out.printf(row, "build rules", ms(d.buildNanos) + "*", "-");
        out.printf(row, "wait for rules", ms(d.buildWaitNanos), "-");
        out.printf(row, "insert", ms(d.insertNanos), "-");
        out.printf(row, "fire", ms(d.fireNanos), "-");
        out.printf(row, "collect findings", ms(d.collectNanos), "-");
        out.printf(row, "assess (hash joins)", "-", ms(p.assessNanos));
        out.printf(row, "write (json)", ms(d.writeNanos), ms(p.writeNanos));
        out.printf(row, "end to end", ms(d.totalNanos()), ms(p.totalNanos()));
        out.printf(row, "cpu time (process)", ms(d.cpuNanos), ms(p.cpuNanos));
        out.printf(row, "gc time", ms(d.gcMillis * 1_000_000), ms(p.gcMillis * 1_000_000));
        out.printf(row, "peak heap used", mb(d.peakHeapBytes), mb(p.peakHeapBytes));
        out.printf(row, "peak live heap", mb(d.peakLiveBytes), mb(p.peakLiveBytes));
        out.printf(row, "rule firings", String.format("%,d", d.firings), "-");
        out.printf(row, "firing budget", String.format("%,d", d.firingBudget), "-");
        out.printf(row, "report size", mb(d.reportBytes), mb(p.reportBytes));
        out.println(r.rulesPrebuilt()
                ? "* once, before the warm-up, whose rules (warm, as a long-running integrator's) the timed run uses"
                : "* on its own thread, beside the read, as assess does; end to end counts only the wait after the read");
        out.println();
        out.printf(row, "findings per rule", "drools", "plain java");
        TreeSet<String> rules = new TreeSet<>(d.perRule.keySet());
        rules.addAll(p.perRule.keySet());
        for (String rule : rules) {
            out.printf(row, rule, String.format("%,d", d.perRule.getOrDefault(rule, 0)),
                    String.format("%,d", p.perRule.getOrDefault(rule, 0)));
        }
        out.printf(row, "all", String.format("%,d", d.findings), String.format("%,d", p.findings));
        out.println();
        if (r.twinEncodesTheRules()) {
            out.println("findings identical: " + (r.identical() ? "yes" : "no")
                    + " (every field of every finding, in report order)");
        } else {
            out.println("findings identical: not compared (the rules differ from the bundled catalogue, which the"
                    + " plain twin encodes)");
        }
        out.printf("ratio drools/plain: %.2f%n", r.ratio());
        out.flush();
    }

    static String ms(long nanos) {
        return String.format("%,d ms", nanos / 1_000_000);
    }

    static String mb(long bytes) {
        return String.format("%,d MB", bytes / (1024 * 1024));
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** Samples used heap every few milliseconds on a daemon thread; the peak is what {@link #peak()} gives. */
    static final class HeapSampler implements AutoCloseable {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong peakLive = new AtomicLong();
        private final long cpuStart = processCpuNanos();
        private final long gcStart = gcMillisNow();
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final NotificationListener afterGc = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                long live = 0;
                for (MemoryUsage u : info.getMemoryUsageAfterGc().values()) {
                    live += u.getUsed();
                }
                long l = live;
                peakLive.accumulateAndGet(l, Math::max);
            }
        };
        private final Thread thread;
        private volatile boolean running = true;

        HeapSampler() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(afterGc, null, null);
                    emitters.add(emitter);
                }
            }
            sample();
            thread = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "migkb-heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            long used = memory.getHeapMemoryUsage().getUsed();
            peak.accumulateAndGet(used, Math::max);
        }

        long peak() {
            sample();
            return peak.get();
        }

        /** The most heap found live after any collection during the run: what the run needed, garbage aside. */
        long peakLive() {
            // No collection during the run: everything used may have been live.
            return peakLive.get() > 0 ? peakLive.get() : peak();
        }

        long cpuNanos() {
            return processCpuNanos() - cpuStart;
        }

        long gcMillis() {
            return gcMillisNow() - gcStart;
        }

        private static long processCpuNanos() {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getProcessCpuTime();
            }
            return 0;
        }

        private static long gcMillisNow() {
            long total = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                total += Math.max(0, gc.getCollectionTime());
            }
            return total;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(afterGc);
                } catch (ListenerNotFoundException e) {
                    // already gone
                }
            }
        }
    }
}
