package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.migkb.engine.TestRules;
import io.migkb.inventory.InventoryReaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migkb watch with real files rewritten in a temporary folder, as an editor saves them. */
class WatchCommandTest {
    private static final Duration BOUND = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String MEETINGS = "changes-to-meetings.drl";
    private static final int RULES = TestRules.catalogue().rules().size();
    private static final int FILES = TestRules.catalogue().fileCount();

    @TempDir
    Path dir;

    @Test
    void watchKeepsLastGoodFindingsWhileARuleIsBroken() {
        assertTimeoutPreemptively(BOUND, () -> {
            Path rules = RulesCopy.of(dir.resolve("rules"));
            Path inventory = Files.copy(Path.of("examples/contoso.json"), dir.resolve("contoso.json"));
            StringWriter screen = new StringWriter();
            Running running = Running.start(rules, inventory, screen);
            try {
                await(screen::toString, "watching for changes");
                assertThat(screen.toString()).contains("rules: " + RULES + " rules from " + FILES + " files")
                        .contains("INFO CLIENT-NEW-FEATURES user:ivy@contoso.com")
                        // as assess marks it: alice stays on OCS 2007 R2, her meeting keeps working there
                        .contains("BLOCKER URL-LEGACY-MEET meeting:m-001 (deferred): ");

                // save a broken rule: its error shows, the findings stay the last good ones
                Path drl = rules.resolve(MEETINGS);
                String good = Files.readString(drl);
                int mark = screen.toString().length();
                Files.writeString(drl, good.replace("lost(client, ServerVersion.LYNC_2013) contains MeetingFeature.NEW_",
                        "lost(clinet, ServerVersion.LYNC_2013) contains MeetingFeature.NEW_"));
                String broken = await(() -> screen.toString().substring(mark), "the last good findings stay");
                assertThat(broken).contains("changed: " + MEETINGS)
                        .contains("the rules do not compile (1 error); the last good rules (" + RULES + " rules) stay:")
                        .contains(MEETINGS + ":" + RulesCopy.lineOf(drl, "clinet") + ":" + RulesCopy.columnOf(drl, "clinet")
                                + ": User has no field 'clinet'")
                        .doesNotContain("\n+ ").doesNotContain("\n- ");

                // fix it (and make CLIENT-NEW-FEATURES a warning): the findings change, and only then
                int mark2 = screen.toString().length();
                Files.writeString(drl, good.replace("@severity(\"INFO\")", "@severity(\"WARNING\")"));
                String fixed = await(() -> screen.toString().substring(mark2), "findings: ");
                assertThat(fixed).contains("rules reloaded: " + RULES + " rules from " + FILES + " files")
                        .contains("+ WARNING CLIENT-NEW-FEATURES user:ivy@contoso.com: ")
                        .contains("- INFO CLIENT-NEW-FEATURES user:ivy@contoso.com: ");

                // a broken inventory keeps the last good inventory; a good edit shows what went
                int mark3 = screen.toString().length();
                String json = Files.readString(inventory);
                Files.writeString(inventory, json.replace("\"client\": \"LYNC_2010\"", "\"client\": \"LYNC_2011\""));
                String badInventory = await(() -> screen.toString().substring(mark3), "the last good findings stay");
                assertThat(badInventory).contains("the last good inventory stays").contains("LYNC_2011");
                int mark4 = screen.toString().length();
                Files.writeString(inventory, json.replace("\"OC/4.0.7577.4419 (Microsoft Lync 2010)\"", "\"LYNC_2013\""));
                String goodInventory = await(() -> screen.toString().substring(mark4), "findings: ");
                assertThat(goodInventory).contains("inventory reloaded")
                        .contains("- WARNING CLIENT-NEW-FEATURES user:ivy@contoso.com: ");
            } finally {
                running.stopAndCheck();
            }
        });
    }

    @Test
    void watchCommandReassessesWhenTheInventoryChanges() {
        assertTimeoutPreemptively(BOUND, () -> {
            Path rules = RulesCopy.of(dir.resolve("rules"));
            Path inventory = dir.resolve("small.yaml");
            String text = """
                    pools:
                      - { fqdn: ocs.contoso.com, version: OCS_2007_R2 }
                      - { fqdn: pool13.contoso.com, version: LYNC_2013 }
                    users:
                      - { sip: dave@contoso.com, pool: ocs.contoso.com, client: COMMUNICATOR_2007_R2 }
                    """;
            Files.writeString(inventory, text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            AtomicInteger exit = new AtomicInteger(-1);
            Thread thread = new Thread(() -> exit.set(Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    "watch", inventory.toString(), "--rules", rules.toString(), "--debounce", "150", "--max-changes", "1")));
            thread.setDaemon(true);
            thread.start();
            await(() -> out.toString(StandardCharsets.UTF_8), "watching for changes");
            Files.writeString(inventory, text + "  - { sip: frank@contoso.com, pool: pool13.contoso.com, client: LYNC_2010 }\n");
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).as("watch stops after --max-changes 1").isFalse();
            assertThat(exit.get()).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("WARNING CLIENT-IM-ONLY user:dave@contoso.com")
                    .contains("changed: small.yaml")
                    .contains("+ INFO CLIENT-NEW-FEATURES user:frank@contoso.com");
        });
    }

    @Test
    void watchRefusesNewRulesThatThrowAndKeepsTheLastGoodOnes() {
        assertTimeoutPreemptively(BOUND, () -> {
            Path rules = RulesCopy.of(dir.resolve("rules"));
            Path inventory = Files.copy(Path.of("examples/contoso.json"), dir.resolve("contoso.json"));
            StringWriter screen = new StringWriter();
            Running running = Running.start(rules, inventory, screen);
            try {
                await(screen::toString, "watching for changes");
                Path drl = rules.resolve(MEETINGS);
                String good = Files.readString(drl);
                int mark = screen.toString().length();
                Files.writeString(drl, good.replaceFirst("\"meeting:\" \\+ \\$m.getId\\(\\)",
                        "\"meeting:\" + \\$m.getId().substring(99)"));
                String refused = await(() -> screen.toString().substring(mark), "the last good findings stay");
                assertThat(refused).contains("a rule failed: " + MEETINGS + ":"
                                + RulesCopy.lineOf(drl, "rule \"CLIENT-NO-CONFERENCING\"")
                                + ": rule \"CLIENT-NO-CONFERENCING\" threw StringIndexOutOfBoundsException")
                        .contains("the new rules are refused; the last good rules (" + RULES + " rules) stay")
                        .doesNotContain("\n+ ").doesNotContain("\n- ");

                // the inventory changes: it is assessed with the last good rules
                int mark2 = screen.toString().length();
                String json = Files.readString(inventory);
                Files.writeString(inventory, json.replace("\"OC/4.0.7577.4419 (Microsoft Lync 2010)\"", "\"LYNC_2013\""));
                String assessed = await(() -> screen.toString().substring(mark2), "findings: ");
                assertThat(assessed).contains("inventory reloaded").doesNotContain("a rule failed");
            } finally {
                running.stopAndCheck();
            }
        });
    }

    @Test
    void watchNeedsAnInventoryThatExists() {
        CliRun run = CliRun.of("watch", dir.resolve("none.json").toString(), "--rules", "rules");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no such inventory file");
    }

    /** A watcher on its own thread, writing to a screen. */
    private record Running(Watcher watcher, Thread thread, AtomicReference<Throwable> failure) {
        static Running start(Path rules, Path inventory, StringWriter screen) throws IOException {
            Watcher watcher = new Watcher(rules, inventory, InventoryReaders::read, new PrintWriter(screen, true),
                    Duration.ofMillis(200), 0);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread thread = new Thread(() -> {
                try {
                    watcher.run();
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "watcher-under-test");
            thread.setDaemon(true);
            thread.start();
            return new Running(watcher, thread, failure);
        }

        /** Stops the watcher; it must end, and without an exception. */
        void stopAndCheck() throws InterruptedException {
            watcher.stop();
            thread.join(10_000);
            assertThat(thread.isAlive()).isFalse();
            assertThat(failure.get()).isNull();
        }
    }

    /** Waits (bounded) until the text holds {@code needle}; returns the text. */
    private static String await(Supplier<String> text, String needle) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String now = text.get();
            if (now.contains(needle)) {
                return now;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no \"" + needle + "\" within " + WAIT.toSeconds() + " s; the output so far:\n" + text.get());
    }
}
