package io.migkb.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.model.Finding;
import io.migkb.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading scenario files: every mistake named with its file and line, inline inventories at their own lines. */
class ScenarioFileTest {
    private static final String INVENTORY = """
              pools:
                - { fqdn: pool13.contoso.com, version: LYNC_2013 }
              users:
                - { sip: bob@contoso.com, pool: pool13.contoso.com, client: LYNC_2013 }
            """;

    @TempDir
    Path rules;

    @Test
    void readsAnInlineInventoryAndItsExpectations() throws IOException {
        Path file = write("inline.yaml", "name: inline\ninventory:\n" + INVENTORY + """
                expect:
                  - { rule: CLIENT-NEW-FEATURES, subject: "user:bob@contoso.com" }
                  - CLIENT-IM-ONLY user:*@contoso.com
                forbid:
                  - { rule: URL-LEGACY-CONF }
                """);
        ScenarioFile.Loaded loaded = ScenarioFile.read(rules, file);

        assertThat(loaded.problems()).isEmpty();
        Scenario s = loaded.scenario().orElseThrow();
        assertThat(s.file()).isEqualTo("tests/inline.yaml");
        assertThat(s.name()).isEqualTo("inline");
        assertThat(s.inventorySource()).isEqualTo("inline");
        assertThat(s.inventory().getUsers()).extracting(u -> u.getSip()).containsExactly("bob@contoso.com");
        assertThat(s.expect()).containsExactly(
                new Expectation("CLIENT-NEW-FEATURES", "user:bob@contoso.com", "tests/inline.yaml", 8),
                new Expectation("CLIENT-IM-ONLY", "user:*@contoso.com", "tests/inline.yaml", 9));
        assertThat(s.forbid()).containsExactly(new Expectation("URL-LEGACY-CONF", null, "tests/inline.yaml", 11));
    }

    @Test
    void readsAnInventoryPathRelativeToTheScenarioFile() throws IOException {
        Files.createDirectories(rules.resolve("tests/data"));
        Files.writeString(rules.resolve("tests/data/small.yaml"), INVENTORY.stripIndent());
        Path file = write("by-path.yaml", """
                name: by path
                inventory: data/small.yaml
                expect:
                  - { rule: CLIENT-NEW-FEATURES, subject: "user:bob@contoso.com" }
                """);
        ScenarioFile.Loaded loaded = ScenarioFile.read(rules, file);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.scenario().orElseThrow().inventory().getPools()).hasSize(1);
    }

    @Test
    void inlineInventoryErrorsCarryTheScenarioFilesLine() throws IOException {
        Path file = write("bad-inventory.yaml", """
                name: bad inventory
                inventory:
                  pools:
                    - { fqdn: pool13.contoso.com, version: LYNC_2013 }
                  users:
                    - { sip: bob@contoso.com, pool: pool13.contoso.com, client: LYNC_2011 }
                expect:
                  - { rule: CLIENT-NEW-FEATURES, subject: "user:bob@contoso.com" }
                """);
        ScenarioFile.Loaded loaded = ScenarioFile.read(rules, file);
        assertThat(loaded.scenario()).isEmpty();
        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("tests/bad-inventory.yaml");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("users[0].client").contains("LYNC_2011");
        });
    }

    @Test
    void missingNameUnknownKeyAndEntryWithoutRuleAreErrorsWithTheirLines() throws IOException {
        Path file = write("sloppy.yaml", "inventory:\n" + INVENTORY + """
                expects:
                  - { rule: CLIENT-NEW-FEATURES }
                forbid:
                  - { subjet: "user:bob@contoso.com" }
                """);
        ScenarioFile.Loaded loaded = ScenarioFile.read(rules, file);
        assertThat(loaded.scenario()).isEmpty();
        assertThat(loaded.problems()).extracting(ScenarioProblem::format).containsExactly(
                "tests/sloppy.yaml:6:1: unknown key 'expects' (did you mean 'expect'?); a scenario has name, inventory,"
                        + " expect, forbid, description",
                "tests/sloppy.yaml:9:5: forbid: unknown key 'subjet' (did you mean 'subject'?) in an entry; an entry has"
                        + " rule and subject, and may have concerns, message, remedy and deferred",
                "tests/sloppy.yaml:9:5: forbid: the entry has no rule id; write { rule: ID, subject: SUBJECT }",
                "tests/sloppy.yaml:1:1: the scenario has no name: add  name: what it shows");
    }

    @Test
    void malformedYamlIsAnErrorAtItsLine() throws IOException {
        Path file = write("malformed.yaml", "name: x\ninventory: [unclosed\nexpect: []\n");
        ScenarioFile.Loaded loaded = ScenarioFile.read(rules, file);
        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isPositive();
            assertThat(p.message()).startsWith("not valid YAML");
        });
    }

    @Test
    void missingInventoryFileIsNamedWithWhereItWasLookedFor() throws IOException {
        Path file = write("nowhere.yaml", "name: x\ninventory: ../nowhere.json\nexpect: [CLIENT-IM-ONLY]\n");
        assertThat(ScenarioFile.read(rules, file).problems()).singleElement().asString()
                .startsWith("tests/nowhere.yaml:2: inventory: no such file or folder ../nowhere.json");
    }

    @Test
    void findsOnlyYamlFilesDirectlyInTests() throws IOException {
        write("b.yaml", "x: 1");
        write("a.yml", "x: 1");
        write("notes.txt", "x");
        write(".hidden.yaml", "x: 1");
        Files.createDirectories(rules.resolve("tests/data"));
        Files.writeString(rules.resolve("tests/data/inventory.yaml"), "pools: []");
        assertThat(ScenarioFile.find(rules)).extracting(p -> p.getFileName().toString()).containsExactly("a.yml", "b.yaml");
    }

    @Test
    void subjectGlobsMatchLikeShellPatterns() {
        Expectation anyMeeting = new Expectation("URL-LEGACY-CONF", "meeting:*", "f", 1);
        assertThat(anyMeeting.matches(finding("URL-LEGACY-CONF", "meeting:m-1"))).isTrue();
        assertThat(anyMeeting.matches(finding("URL-LEGACY-CONF", "user:m-1"))).isFalse();
        assertThat(anyMeeting.matches(finding("URL-LEGACY-MEET", "meeting:m-1"))).isFalse();
        Expectation exact = new Expectation("X", "meeting:m-1", "f", 1);
        assertThat(exact.matches(finding("X", "meeting:m-10"))).isFalse();
        assertThat(new Expectation("X", "user:*@branch.*", "f", 1).matches(finding("X", "user:a@branch.contoso.com"))).isTrue();
    }

    @Test
    void entriesMayPinTheConcernedUserAndWhatTheMessageAndRemedySay() throws IOException {
        Path file = write("texts.yaml", "name: texts\ninventory:\n" + INVENTORY + """
                expect:
                  - { rule: X, subject: "meeting:m-1", concerns: bob@contoso.com, remedy: "after the move" }
                forbid:
                  - { rule: X, message: "" }
                """);
        ScenarioFile.Loaded loaded = ScenarioFile.read(rules, file);
        assertThat(loaded.problems()).extracting(ScenarioProblem::message)
                .containsExactly("forbid: message must be non-empty text the finding's message contains");

        Expectation e = new Expectation("X", "meeting:m-1", "bob@contoso.com", "cannot", "after the move", null, "f", 1);
        Finding said = new Finding("X", Severity.INFO, "meeting:m-1", "bob cannot join", "do it after the move", "ref",
                "bob@contoso.com");
        assertThat(e.matches(said)).isTrue();
        assertThat(e.matches(new Finding("X", Severity.INFO, "meeting:m-1", "bob cannot join", "do it now", "ref",
                "bob@contoso.com"))).isFalse();
        assertThat(e.matches(new Finding("X", Severity.INFO, "meeting:m-1", "bob cannot join", "do it after the move",
                "ref", "carol@contoso.com"))).isFalse();
        assertThat(e.describe()).isEqualTo("X on meeting:m-1 (concerning bob@contoso.com, message containing"
                + " \"cannot\", remedy containing \"after the move\")");
    }

    private static Finding finding(String rule, String subject) {
        return new Finding(rule, Severity.INFO, subject, "m", "r", "ref", null);
    }

    private Path write(String name, String text) throws IOException {
        Path file = rules.resolve("tests").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
