package io.migkb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An embedder's program on each logging stack an application commonly has, each in a class loader of its own (one
 * JVM): migkb and its dependencies as an embedder receives them, plus the back end. The rules compile (the decision
 * table through POI, which logs through the Log4j API) and assess, and nothing is logged at WARN or above, nor by
 * SLF4J or Log4j about their own set-up. Log4j 2 as the back end needs log4j-to-slf4j excluded, as
 * docs/embedding.md says.
 */
class LoggingBackendsTest {
    private static final Path BACKENDS = Path.of("target/logging-backends");

    @ParameterizedTest
    @ValueSource(strings = {"logback", "slf4j-simple", "log4j2"})
    void theCatalogueCompilesAndAssessesQuietlyOn(String backend) throws Exception {
        List<URL> path = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            boolean logback = entry.contains("logback");
            boolean drop = entry.endsWith("test-classes")
                    || (logback && !backend.equals("logback"))
                    || (entry.contains("log4j-to-slf4j") && backend.equals("log4j2"));
            if (!drop) {
                path.add(Path.of(entry).toUri().toURL());
            }
        }
        Predicate<String> jars = switch (backend) {
            case "slf4j-simple" -> n -> n.startsWith("slf4j-simple");
            case "log4j2" -> n -> n.startsWith("log4j-core") || n.startsWith("log4j-slf4j2-impl");
            default -> n -> false;
        };
        try (Stream<Path> files = Files.list(BACKENDS)) {
            for (Path jar : files.filter(p -> jars.test(p.getFileName().toString())).toList()) {
                path.add(jar.toUri().toURL());
            }
        }

        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        Object[] findings = new Object[1];
        Throwable[] failure = new Throwable[1];
        try (URLClassLoader app = new URLClassLoader(path.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            PrintStream capture = new PrintStream(logged, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            Thread run = new Thread(() -> {
                try {
                    Class<?> migkb = app.loadClass("io.migkb.api.Migkb");
                    Object builder = migkb.getMethod("bundledCatalogue").invoke(null);
                    Object assessor = builder.getClass().getMethod("build").invoke(builder);
                    Object result = assessor.getClass().getMethod("assess", Path.class)
                            .invoke(assessor, Path.of("examples/contoso.json"));
                    findings[0] = ((List<?>) result.getClass().getMethod("findings").invoke(result)).size();
                } catch (Throwable t) {
                    failure[0] = t;
                }
            }, backend);
            run.setContextClassLoader(app);
            run.start();
            run.join();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = logged.toString(StandardCharsets.UTF_8);
        assertThat(failure[0]).as("%s; logged:%n%s", backend, text).isNull();
        assertThat(findings[0]).isEqualTo(34);
        assertThat(text.lines().filter(l -> l.matches(".*\\b(WARN|WARNING|ERROR)\\b.*|.*StatusLogger.*|^SLF4J.*")))
                .as("what %s logged", backend).isEmpty();
    }
}
