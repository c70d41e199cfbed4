package io.migkb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an application server does on redeploy: migkb and its dependencies in a class loader of their own (as a web
 * application's WEB-INF/lib), used, then dropped. Nothing of migkb may keep that loader alive: no thread of ours
 * (the guard rails' watchdog ends once idle, and so do the workers Drools compiles constraints on), no static
 * reference from outside it.
 */
class UndeployTest {

    @Test
    void anAssessmentInAThrowawayClassLoaderLeavesNoThreadAndTheLoaderIsCollected() throws Throwable {
        WeakReference<ClassLoader> loader = assessInAThrowawayLoader();

        // The watchdog ends once no watch is queued, and Drools' workers (constraint jitting) once idle; wait for
        // that (a deadline, not a measured time).
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!migkbThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(migkbThreads()).as("threads of migkb or Drools still alive").isEmpty();

        for (int i = 0; i < 50 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        assertThat(loader.get()).as("the application's class loader, once the application is gone").isNull();
    }

    /** Runs the bundled catalogue on the example in a new loader (no logging: no DEBUG flood), then drops it. */
    private static WeakReference<ClassLoader> assessInAThrowawayLoader() throws Throwable {
        URLClassLoader app = ApplicationLoader.of(entry -> !entry.contains("logback"), List.of());
        List<Object> findings = ApplicationLoader.assessTheExample(app);
        assertThat(findings).isNotEmpty();
        assertThat(findings.get(0).getClass().getClassLoader()).isSameAs(app);
        findings.clear();
        app.close();
        return new WeakReference<>(app);
    }

    private static List<String> migkbThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("migkb-") || n.startsWith("drools-worker-")).toList();
    }
}
