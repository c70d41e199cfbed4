package io.migkb.api;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An embedding application as an application server loads it: migkb and its dependencies in a class loader of
 * their own, over the platform loader, used from a thread of its own (a request's) whose context loader is it.
 */
final class ApplicationLoader {
    private ApplicationLoader() {
    }

    /** target/classes and the dependency jars of this test run that {@code keep} keeps (never the tests), then {@code extra}. */
    static URLClassLoader of(Predicate<String> keep, List<Path> extra) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith("test-classes") && keep.test(entry)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        for (Path jar : extra) {
            urls.add(jar.toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /**
     * Builds the bundled catalogue in {@code app} and assesses examples/contoso.json, on a thread of its own; the
     * findings (objects of {@code app}'s classes).
     */
    static List<Object> assessTheExample(ClassLoader app) throws Throwable {
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
        if (failure[0] != null) {
            throw failure[0];
        }
        return findings;
    }
}
