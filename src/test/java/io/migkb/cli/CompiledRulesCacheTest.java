package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled-rules cache only ever changes speed: edited rule folders, good and broken, give the same output and
 * exit code with the cache off, cold (empty) and warm (filled by the cold run). Each run is a JVM of its own, as a
 * consultant's runs are: what one JVM compiled must not decide what the next one reads back.
 */
class CompiledRulesCacheTest {
    private static final String OCS = "migrating-meetings-from-ocs-2007-r2.drl";

    @TempDir
    Path dir;

    @Test
    void editedRulesGiveTheSameOutputWithTheCacheOffColdAndWarm() throws Exception {
        Path good = RulesCopy.of(dir.resolve("good"));
        Path enumAsText = RulesCopy.of(dir.resolve("enum-as-text"));
        RulesCopy.edit(enumAsText.resolve(OCS), "Meeting( scheme == UrlScheme.CONF )", "Meeting( scheme == \"CONF\" )");
        Path numberAsText = RulesCopy.of(dir.resolve("number-as-text"));
        RulesCopy.edit(numberAsText.resolve(OCS), "Meeting( scheme == UrlScheme.CONF )",
                "Meeting( scheme == UrlScheme.CONF, participants.size() > \"three\" )");

        for (Path rules : List.of(good, enumAsText, numberAsText)) {
            Path cache = dir.resolve("cache-" + rules.getFileName());
            Run off = assess(rules, "off");
            Run cold = assess(rules, cache.toString());
            Run warm = assess(rules, cache.toString());
            assertThat(cold).as("cold cache, " + rules.getFileName()).isEqualTo(off);
            assertThat(warm).as("warm cache, " + rules.getFileName()).isEqualTo(off);
            if (rules == good) {
                assertThat(off.exitCode()).as(off.err()).isZero();
                assertThat(off.out()).contains("URL-LEGACY-CONF");
                try (Stream<Path> entries = Files.list(cache)) {
                    assertThat(entries.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("rules-"));
                }
            } else {
                int line = RulesCopy.lineOf(rules.resolve(OCS), rules == enumAsText ? "\"CONF\"" : "\"three\"");
                assertThat(off.exitCode()).isEqualTo(2);
                assertThat(off.out()).isEmpty();
                assertThat(off.err()).contains(OCS + ":" + line + ":").doesNotContain("internal error");
            }
        }
        int literal = RulesCopy.columnOf(enumAsText.resolve(OCS), "\"CONF\"");
        assertThat(assess(enumAsText, "off").err()).contains(OCS + ":" + RulesCopy.lineOf(enumAsText.resolve(OCS),
                "\"CONF\"") + ":" + literal + ": rule \"URL-LEGACY-CONF\": scheme is a UrlScheme, not text: compare it"
                + " with a constant, e.g. UrlScheme.CONF; constants: CONF, MEET, HTTPS");
        assertThat(assess(numberAsText, "off").err()).contains("participants.size() is a number (int), not text");
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** {@code migkb assess examples/contoso.json --rules RULES --format json --quiet} in a JVM of its own. */
    private Run assess(Path rules, String cache) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "assess", "examples/contoso.json", "--rules", rules.toString(),
                "--format", "json", "--quiet"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put(CacheSetting.ENV, cache);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        int code = pb.start().waitFor();
        return new Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
