package io.migkb.cli;

import io.migkb.engine.AssessmentListener;
import java.io.Console;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;

/**
 * Feedback on long work, on standard error: a progress bar while reading, compiling, assessing and writing (only
 * on a terminal: never with {@code --quiet}, in CI, or when stderr is redirected), and a one-line timing summary
 * ({@code migkb: read 0.4 s, rules 1.2 s, assess 0.3 s, write 0.1 s}) unless {@code --quiet}.
 *
 * <p>The library never prints: it reports through callbacks ({@link #assessing()}, {@link #update}), and the bar is
 * drawn from a daemon thread a few times a second. A command calls {@link #phase} as it goes and {@link #finish} at
 * the end; when a command fails instead, the error handler {@link #abandon()}s the bar before it prints.
 */
final class Progress {
    private static final long REPAINT_MS = 150;
    private static final int BAR = 24;
    private static final Map<String, String> LABELS = Map.of("read", "reading", "rules", "compiling rules",
            "assess", "assessing", "plan", "planning", "write", "writing");
    private static final AtomicReference<Progress> ACTIVE = new AtomicReference<>();
    private static final ScheduledExecutorService PAINTER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "migkb-progress");
        t.setDaemon(true);
        return t;
    });

    private final PrintWriter err;
    private final boolean bar;
    private final Map<String, Long> timings = new LinkedHashMap<>();
    private String phase;
    private long phaseStart;
    private volatile long done;
    private volatile long total = -1;
    private volatile String unit = "";
    private int spin;
    private int painted;
    private boolean hidden;
    private ScheduledFuture<?> painter;

    Progress(PrintWriter err, boolean bar) {
        this.err = err;
        this.bar = bar;
    }

    /**
     * A progress for a command: the bar only where {@link #shouldShowBar} says so. While the bar shows, the command's
     * standard error is replaced by one that erases the bar before anything else is printed, so that warnings and
     * summaries stand on their own lines (the bar is drawn again below them).
     */
    static Progress start(boolean quiet, CommandLine cli) {
        Progress p = start(quiet, cli.getErr());
        if (p.bar) {
            cli.setErr(p.erasingWriter());
        }
        return p;
    }

    /** A progress writing on {@code err}: the bar only where {@link #shouldShowBar} says so. */
    static Progress start(boolean quiet, PrintWriter err) {
        Progress p = new Progress(err, shouldShowBar(quiet, onTerminal(), System.getenv()));
        Progress previous = ACTIVE.getAndSet(p);
        if (previous != null) {
            previous.stopBar();
        }
        if (p.bar) {
            p.painter = PAINTER.scheduleAtFixedRate(p::paint, REPAINT_MS, REPAINT_MS, TimeUnit.MILLISECONDS);
        }
        return p;
    }

    /** The bar is for people at a terminal: not with --quiet, not in CI (CI set), not on a dumb terminal. */
    static boolean shouldShowBar(boolean quiet, boolean terminal, Map<String, String> env) {
        String ci = env.get("CI");
        return !quiet && terminal && (ci == null || ci.isBlank() || ci.equalsIgnoreCase("false"))
                && !"dumb".equals(env.get("TERM"));
    }

    /** True when the JVM talks to a terminal (on Java 22 and later, System.console() exists even when redirected). */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    boolean showsBar() {
        return bar;
    }

    /** Ends the current phase (its time is kept) and starts {@code name}: read, rules, assess, plan or write. */
    synchronized void phase(String name) {
        phase(name, true);
    }

    /**
     * As {@link #phase(String)}; with {@code drawBar} false the bar is hidden during the phase (a report written to
     * standard output, which the bar would garble on the same terminal).
     */
    synchronized void phase(String name, boolean drawBar) {
        endPhase();
        hidden = !drawBar;
        if (hidden) {
            erase();
        }
        phase = name;
        phaseStart = System.nanoTime();
        done = 0;
        total = -1;
        unit = "";
    }

    /** {@code done} of {@code total} (total -1 when unknown) {@code unit}s of the current phase are done. */
    void update(long done, long total, String unit) {
        this.done = done;
        this.total = total;
        this.unit = unit;
    }

    /** Callbacks for {@link io.migkb.engine.Assessor#assess(io.migkb.model.Inventory, AssessmentListener)}. */
    AssessmentListener assessing() {
        return new AssessmentListener() {
            @Override
            public void factsInserted(long inserted, long all) {
                update(inserted, all, "facts");
            }

            @Override
            public void rulesFired(long firings) {
                update(firings, -1, "firings");
            }
        };
    }

    /** Ends the last phase, erases the bar and, unless quiet, prints the timing summary. */
    void finish(boolean quiet) {
        synchronized (this) {
            endPhase();
            phase = null;
        }
        stopBar();
        ACTIVE.compareAndSet(this, null);
        if (!quiet && !timings.isEmpty()) {
            err.println("migkb: " + timings());
            err.flush();
        }
    }

    /** Erases the bar of the command that is failing, if any, so that its error is printed on a clean line. */
    static void abandon() {
        Progress p = ACTIVE.getAndSet(null);
        if (p != null) {
            p.stopBar();
        }
    }

    /** "read 0.4 s, rules 1.2 s, assess 0.3 s, write 0.1 s" */
    synchronized String timings() {
        List<String> parts = new ArrayList<>();
        timings.forEach((name, nanos) -> parts.add(name + " " + String.format(Locale.ROOT, "%.1f s", nanos / 1e9)));
        return String.join(", ", parts);
    }

    private void endPhase() {
        if (phase != null) {
            timings.merge(phase, System.nanoTime() - phaseStart, Long::sum);
        }
    }

    private void stopBar() {
        if (!bar) {
            return;
        }
        ScheduledFuture<?> p = painter;
        if (p != null) {
            p.cancel(false);
        }
        synchronized (this) {
            erase();
            phase = null;
        }
    }

    /** A writer onto the same stderr that erases the bar before it writes. */
    PrintWriter erasingWriter() {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
                synchronized (Progress.this) {
                    erase();
                    err.write(chars, off, len);
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                err.flush();
            }
        }, true);
    }

    private void erase() {
        if (painted > 0) {
            err.print("\r" + " ".repeat(painted) + "\r");
            err.flush();
            painted = 0;
        }
    }

    /** Draws the bar once; the painter thread calls this a few times a second. */
    synchronized void paint() {
        if (phase == null || hidden) {
            return;
        }
        String line = line(LABELS.getOrDefault(phase, phase), done, total, unit,
                (System.nanoTime() - phaseStart) / 1e9, spin++);
        err.print("\r" + line + (line.length() < painted ? " ".repeat(painted - line.length()) : ""));
        err.flush();
        painted = line.length();
    }

    /** One line of the bar, at most 79 characters: {@code migkb: reading    [#########...............]  37%  1.2 s}. */
    static String line(String label, long done, long total, String unit, double seconds, int tick) {
        StringBuilder s = new StringBuilder(80).append("migkb: ").append(String.format(Locale.ROOT, "%-16s", label))
                .append('[');
        if (total > 0) {
            int filled = (int) Math.min(BAR, done * BAR / total);
            s.append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%", Math.min(100, done * 100 / total)));
        } else {
            int at = tick % (2 * (BAR - 3));
            int pos = at < BAR - 3 ? at : 2 * (BAR - 3) - at;
            s.append(" ".repeat(pos)).append("<=>").append(" ".repeat(BAR - 3 - pos)).append(']');
            if (done > 0) {
                s.append(' ').append(String.format(Locale.ROOT, "%,d", done)).append(unit.isEmpty() ? "" : " " + unit);
            }
        }
        s.append(String.format(Locale.ROOT, "  %.1f s", seconds));
        return s.length() > 79 ? s.substring(0, 79) : s.toString();
    }
}
