package io.migkb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an application server does on redeploy: migkb and its dependencies in a class loader of their own (as a web
 * application's WEB-INF/lib), used, then dropped. Nothing of migkb may keep that loader alive: no thread of ours
 * (the guard rails' watchdog ends once idle), no static reference from outside it.
 */
class UndeployTest {

    @Test
    void anAssessmentInAThrowawayClassLoaderLeavesNoThreadAndTheLoaderIsCollected() throws Exception {
        WeakReference<ClassLoader> loader = assessInAThrowawayLoader();

        // The watchdog ends once no watch is queued; wait for that (a deadline, not a measured time).
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!migkbThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(migkbThreads()).as("threads of migkb still alive").isEmpty();

        for (int i = 0; i < 50 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        assertThat(loader.get()).as("the application's class loader, once the application is gone").isNull();
    }

    /** Runs the bundled catalogue on the example in a new loader, on a thread that then ends (a request's). */
    private static WeakReference<ClassLoader> assessInAThrowawayLoader() throws Exception {
        URLClassLoader app = new URLClassLoader(mainClassPath(), ClassLoader.getPlatformClassLoader());
        List<Object> findings = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        Thread request = new Thread(() -> {
            try {
                Class<?> migkb = app.loadClass("io.migkb.api.Migkb");
                Object builder = migkb.getMethod("bundledCatalogue").invoke(null);
                Object assessor = builder.getClass().getMethod("build").invoke(builder);
                Object result = assessor.getClass().getMethod("assess", Path.class)
                        .invoke(assessor, Path.of("examples/contoso.json"));
                findings.addAll((List<?>) result.getClass().getMethod("findings").invoke(result));
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "request");
        request.setContextClassLoader(app);
        request.start();
        request.join();
        assertThat(failure[0]).isNull();
        assertThat(findings).isNotEmpty();
        assertThat(findings.get(0).getClass().getClassLoader()).isSameAs(app);
        findings.clear();
        app.close();
        return new WeakReference<>(app);
    }

    /** target/classes and the dependency jars, without the tests. */
    private static URL[] mainClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith("test-classes") || entry.contains("logback")) { // no logging: no DEBUG flood
                continue;
            }
            urls.add(Path.of(entry).toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }

    private static List<String> migkbThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("migkb-")).toList();
    }
}
