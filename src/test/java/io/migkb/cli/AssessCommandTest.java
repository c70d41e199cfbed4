package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assess command as a user runs it: exit codes, outputs, and no half-written report. */
class AssessCommandTest {
    private static final String RULES = "rules";
    private static final String CONTOSO = "examples/contoso.json";

    @TempDir
    Path dir;

    @Test
    void exampleAssessesCleanlyWithoutFailOn() {
        CliRun run = CliRun.of("assess", CONTOSO, "--rules", RULES);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("contoso.com").contains("FED-LOCKED-OC2007").contains("meeting:m-004")
                .contains("remedy:");
    }

    @Test
    void failOnBlockerExitsOneWhenABlockerIsFound() {
        assertThat(CliRun.of("assess", CONTOSO, "--rules", RULES, "--fail-on", "BLOCKER").exitCode()).isEqualTo(1);
    }

    @Test
    void failOnBlockerExitsZeroWhenOnlyLesserFindingsExist() throws IOException {
        Path inventory = write("info-only.json", """
                {"pools": [{"fqdn": "pool10.contoso.com", "version": "LYNC_2010"},
                           {"fqdn": "pool13.contoso.com", "version": "LYNC_2013"}],
                 "users": [{"sip": "frank@contoso.com", "pool": "pool13.contoso.com", "client": "LYNC_2010"}]}
                """);
        CliRun blocker = CliRun.of("assess", inventory.toString(), "--rules", RULES, "--fail-on", "BLOCKER");
        assertThat(blocker.exitCode()).as(blocker.err()).isZero();
        assertThat(blocker.out()).contains("CLIENT-NEW-FEATURES");
        assertThat(CliRun.of("assess", inventory.toString(), "--rules", RULES, "--fail-on", "info").exitCode()).isEqualTo(1);
    }

    @Test
    void jsonReportHasExactlyTheDesignsShape() throws IOException {
        CliRun run = CliRun.of("assess", CONTOSO, "--rules", RULES, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(fieldNames(json)).containsExactly("findings", "summary", "coverage");
        assertThat(fieldNames(json.get("summary"))).containsExactly("BLOCKER", "WARNING", "ADVICE", "INFO");
        // the design's fields, and "deferred" on a finding that applies once a held-back user moves
        assertThat(json.get("findings")).isNotEmpty().allSatisfy(f -> assertThat(fieldNames(f))
                .isIn(List.of("rule", "severity", "subject", "message", "remedy", "reference"),
                        List.of("rule", "severity", "subject", "message", "remedy", "reference", "deferred")));
        int total = 0;
        for (JsonNode count : json.get("summary")) {
            total += count.asInt();
        }
        assertThat(total).isEqualTo(json.get("findings").size());
    }

    @Test
    void asOfSetsTheDayBeforeWhichScheduledMeetingsArePast() throws IOException {
        String exports = "examples/litware-exports";
        JsonNode today = new ObjectMapper().readTree(CliRun.of("assess", exports, "--rules", RULES, "--format", "json")
                .out()).get("coverage");
        CliRun then = CliRun.of("assess", exports, "--rules", RULES, "--format", "json", "--as-of", "2013-01-01");
        assertThat(then.exitCode()).as(then.err()).isZero();
        JsonNode coverage = new ObjectMapper().readTree(then.out()).get("coverage");
        // on 1 January 2013 the 2013 kick-off and the autumn series had not ended yet, nor had Ben's conference expired
        assertThat(coverage.get("meetingsExpired").asInt()).isZero();
        assertThat(coverage.get("meetings").asInt()).isEqualTo(today.get("meetings").asInt() + 3);

        CliRun bad = CliRun.of("assess", exports, "--rules", RULES, "--as-of", "2014-13-01");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--as-of").contains("2014-13-01");
    }

    @Test
    void everyReportSaysHowMuchOfTheInventoryItCovered() throws IOException {
        JsonNode inventory = new ObjectMapper().readTree(Path.of(CONTOSO).toFile());
        CliRun run = CliRun.of("assess", CONTOSO, "--rules", RULES, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode coverage = new ObjectMapper().readTree(run.out()).get("coverage");

        assertThat(coverage.get("users").asInt()).isEqualTo(inventory.get("users").size());
        assertThat(coverage.get("pools").asInt()).isEqualTo(inventory.get("pools").size());
        assertThat(coverage.get("meetings").asInt()).isEqualTo(inventory.get("meetings").size());
        assertThat(coverage.get("notAssessed")).isEmpty();
        assertThat(CliRun.of("assess", CONTOSO, "--rules", RULES).out().lines().skip(1).findFirst())
                .hasValueSatisfying(line -> assertThat(line).startsWith("coverage: users with client data "));
    }

    @Test
    void yamlAndJsonOfTheSameInventoryGiveTheSameReport() {
        CliRun json = CliRun.of("assess", CONTOSO, "--rules", RULES, "--format", "json");
        CliRun yaml = CliRun.of("assess", "examples/contoso.yaml", "--rules", RULES, "--format", "json");
        assertThat(yaml.exitCode()).as(yaml.err()).isZero();
        assertThat(yaml.out()).isEqualTo(json.out());
    }

    @Test
    void partitionsGiveTheSameReportAndZeroIsAClearError() {
        CliRun one = CliRun.of("assess", CONTOSO, "--rules", RULES, "--format", "json");
        CliRun three = CliRun.of("assess", CONTOSO, "--rules", RULES, "--format", "json", "--partitions", "3");
        assertThat(three.exitCode()).as(three.err()).isZero();
        assertThat(three.out()).isEqualTo(one.out());
        CliRun zero = CliRun.of("assess", CONTOSO, "--rules", RULES, "--partitions", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--partitions must be between 1 and");
    }

    @Test
    void partitionsOnThreadsGiveTheSameReportAndThreadsAreChecked() {
        CliRun one = CliRun.of("assess", CONTOSO, "--rules", RULES, "--format", "json");
        CliRun threaded = CliRun.of("assess", CONTOSO, "--rules", RULES, "--format", "json", "--partitions", "4",
                "--threads", "2");
        assertThat(threaded.exitCode()).as(threaded.err()).isZero();
        assertThat(threaded.out()).isEqualTo(one.out());
        for (String bad : new String[] {"0", "65"}) {
            CliRun run = CliRun.of("assess", CONTOSO, "--rules", RULES, "--partitions", "4", "--threads", bad);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--threads must be between 1 and 64, not " + bad);
        }
        CliRun alone = CliRun.of("assess", CONTOSO, "--rules", RULES, "--threads", "2");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("--threads 2 needs --partitions");
        assertThat(CliRun.of("assess", CONTOSO, "--rules", RULES, "--threads", "1", "--quiet").exitCode()).isZero();
        assertThat(CliRun.of("assess", "--help").out()).contains("--threads");
    }

    @Test
    void outWritesTheReportFileAndFormatFollowsItsExtension() throws IOException {
        Path out = dir.resolve("report.json");
        CliRun run = CliRun.of("assess", CONTOSO, "--rules", RULES, "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(out.toFile()).get("findings")).isNotEmpty();
        assertThat(leftovers()).containsExactly("report.json");
    }

    @Test
    void badInventoryExitsTwoNamesLineAndFieldAndWritesNoReport() throws IOException {
        Path inventory = write("bad.json", """
                {"pools": [{"fqdn": "pool13.contoso.com", "version": "LYNC_2013"}],
                 "users": [{"sip": "bob@contoso.com", "pool": "pool13.contoso.com", "client": "LYNC_2013"}],
                 "meetings": [{"id": "m-1", "organizer": "nobody@contoso.com",
                               "url": "https://meet.contoso.com/x"}]}
                """);
        Path out = dir.resolve("report.json");
        CliRun run = CliRun.of("assess", inventory.toString(), "--rules", RULES, "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad.json:3:").contains("meetings[0].organizer").contains("nobody@contoso.com");
        assertThat(out).doesNotExist();
        assertThat(leftovers()).containsExactly("bad.json");
    }

    @Test
    void brokenRulesExitTwoWithFileAndLineAndWriteNoReport() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("broken.drl"), """
                package io.migkb.rules;
                import io.migkb.model.*;

                rule "BROKEN" @id("BROKEN") @severity("INFO")
                when
                    $u : User( client == )
                then
                end
                """);
        Path out = dir.resolve("report.json");
        CliRun run = CliRun.of("assess", CONTOSO, "--rules", rules.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("broken.drl:6");
        assertThat(out).doesNotExist();
    }

    @Test
    void withBothBrokenTheInventoryErrorsComeFirstAndTheRulesErrorsToo() throws IOException {
        // The rules compile on a thread of their own during the read; every input's errors are shown in one run.
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("broken.drl"), "package io.migkb.rules;\nrule \"BROKEN\" @id(\"BROKEN\") @severity(\"INFO\")\nwhen\n  User( client == )\nthen\nend\n");
        Path inventory = write("bad.json", "{\"users\": [{\"sip\": 42}]}\n");
        CliRun run = CliRun.of("assess", inventory.toString(), "--rules", rules.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad.json:1:").contains("broken.drl:4");
        assertThat(run.err().indexOf("bad.json:1:")).isLessThan(run.err().indexOf("broken.drl"));
    }

    @Test
    void outNamingTheInventoryItselfIsRefusedAndTheInventoryStays() throws IOException {
        Path inventory = dir.resolve("contoso.json");
        Files.copy(Path.of(CONTOSO), inventory);
        byte[] before = Files.readAllBytes(inventory);
        CliRun run = CliRun.of("assess", inventory.toString(), "--rules", RULES, "--out", inventory.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("would overwrite the inventory");
        assertThat(Files.readAllBytes(inventory)).isEqualTo(before);
    }

    @Test
    void missingInventoryFileIsAClearErrorNotATrace() {
        CliRun run = CliRun.of("assess", "no-such-inventory.json", "--rules", RULES);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no-such-inventory.json").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void findingsAboutTheHeldBackOrganizerAreMarkedDeferredNotDropped() throws IOException {
        CliRun run = CliRun.of("assess", CONTOSO, "--rules", RULES, "--format", "json");
        JsonNode findings = new ObjectMapper().readTree(run.out()).get("findings");

        // alice stays on OCS 2007 R2 (PLAN-LIVE-MEETING-NEEDS, no Live Meeting service): her meeting m-001 keeps working
        assertThat(findings).filteredOn(f -> f.get("subject").asText().equals("meeting:m-001"))
                .isNotEmpty().allSatisfy(f -> assertThat(f.get("deferred").asText())
                        .startsWith("applies once the organizer alice@contoso.com moves to Lync Server 2013"));
        assertThat(findings).filteredOn(f -> f.get("rule").asText().equals("URL-LEGACY-MEET")
                && f.get("subject").asText().equals("meeting:m-001")).singleElement()
                .satisfies(f -> assertThat(f.get("severity").asText()).isEqualTo("BLOCKER"));
        assertThat(findings).filteredOn(f -> f.get("rule").asText().equals("PLAN-LIVE-MEETING-NEEDS"))
                .singleElement().satisfies(f -> assertThat(f.has("deferred")).isFalse());
        assertThat(findings).filteredOn(f -> f.get("subject").asText().equals("meeting:m-002"))
                .isNotEmpty().noneMatch(f -> f.has("deferred"));
    }

    @Test
    void unknownFormatAndUnknownOptionAreUsageErrors() {
        CliRun format = CliRun.of("assess", CONTOSO, "--rules", RULES, "--format", "pdf");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("pdf").contains("json");
        CliRun option = CliRun.of("assess", CONTOSO, "--colour");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("--colour").contains("--help");
    }

    @Test
    void helpDescribesEveryOption() {
        CliRun run = CliRun.of("assess", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--rules", "--format", "--out", "--fail-on", "--input-format", "Exit codes");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !Files.isDirectory(dir.resolve(n))).sorted().toList();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
