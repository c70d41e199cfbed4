package io.migkb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Predicate<String> jars = switch (backend) {
            case "slf4j-simple" -> n -> n.startsWith("slf4j-simple");
            case "log4j2" -> n -> n.startsWith("log4j-core") || n.startsWith("log4j-slf4j2-impl");
            default -> n -> false;
        };
        List<Path> extra;
        try (Stream<Path> files = Files.list(BACKENDS)) {
            extra = files.filter(p -> jars.test(p.getFileName().toString())).toList();
        }
        Predicate<String> keep = entry -> (!entry.contains("logback") || backend.equals("logback"))
                && !(entry.contains("log4j-to-slf4j") && backend.equals("log4j2"));

        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        Object findings = null;
        Throwable failure = null;
        try (URLClassLoader app = ApplicationLoader.of(keep, extra)) {
            PrintStream capture = new PrintStream(logged, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            findings = ApplicationLoader.assessTheExample(app).size();
        } catch (Throwable t) {
            failure = t;
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = logged.toString(StandardCharsets.UTF_8);
        assertThat(failure).as("%s; logged:%n%s", backend, text).isNull();
        // the same findings as the bundled catalogue gives on the example in this JVM
        assertThat(findings).isEqualTo(io.migkb.engine.TestRules.assessor()
                .assess(io.migkb.inventory.InventoryReaders.read(java.nio.file.Path.of("examples/contoso.json")))
                .findings().size());
        assertThat(text.lines().filter(l -> l.matches(".*\\b(WARN|WARNING|ERROR)\\b.*|.*StatusLogger.*|^SLF4J.*")))
                .as("what %s logged", backend).isEmpty();
    }
}
