package io.migkb.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.migkb.engine.TestRules;
import io.migkb.model.Client;
import io.migkb.model.Finding;
import io.migkb.model.ServerVersion;
import io.migkb.model.Severity;
import io.migkb.model.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What a tool does with migkb, through io.migkb.api alone: read, assess, waive, report, plan; rules that fail. */
class WholeJobTest {
    private static final Path CONTOSO = Path.of("examples/contoso.json");
    private static MigrationAssessor assessor;

    @TempDir
    Path temp;

    @BeforeAll
    static void build() throws RulesException {
        assessor = Migkb.bundledCatalogue().build();
    }

    @Test
    void aResultGivesTheOrganizationEachFindingsLocationAndEachRulesSeverityAndSection() throws Exception {
        AssessmentResult result = assessor.assess(CONTOSO);
        assertThat(result.organization()).isEqualTo("contoso.com");
        assertThat(result.source()).isEqualTo(CONTOSO.toString());
        assertThat(result.inventory().getUsers()).hasSize(9);
        Finding first = result.findings().get(0);
        SourceLocation at = result.locationOf(first).orElseThrow();
        assertThat(at.file()).isEqualTo(CONTOSO.toString());
        assertThat(at.line()).isPositive();
        assertThat(result.rules()).hasSize(TestRules.catalogue().rules().size());
        for (Finding f : result.findings()) {
            CatalogueRule rule = result.rule(f.getRule()).orElseThrow();
            assertThat(rule.severity()).isEqualTo(f.getSeverity());
            assertThat(rule.section()).isEqualTo(f.getReference());
            assertThat(rule.file()).endsWith(".drl");
            assertThat(rule.line()).isPositive();
        }
        assertThat(assessor.rules().rules()).isEqualTo(result.rules());
        // Export folders and CSV folders keep their locations too.
        AssessmentResult fromCsv = assessor.assess(Path.of("examples/contoso-csv"));
        assertThat(fromCsv.locationOf(fromCsv.findings().get(0)).orElseThrow().file()).contains("contoso-csv");
    }

    @Test
    void findingsThatWaitForAHeldBackOrganizerAreMarkedDeferredAsTheCommandLineAndThePlanMarkThem() throws Exception {
        AssessmentResult result = assessor.assess(CONTOSO);
        // alice needs Live Meeting's large meetings and has no service: the plan keeps her on OCS 2007 R2
        assertThat(result.findings()).filteredOn(f -> f.getDeferred() != null).isNotEmpty()
                .allSatisfy(f -> assertThat(f.getDeferred()).contains("alice@contoso.com"));
        assertThat(result.findings()).filteredOn(f -> f.getRule().equals("PLAN-LIVE-MEETING-NEEDS"))
                .allSatisfy(f -> assertThat(f.getDeferred()).isNull());
    }

    @Test
    void exportFoldersAreAssessedAsOfADayAsTheCommandLinesAsOfDoes() throws Exception {
        Path exports = Path.of("examples/litware-exports");
        int today = assessor.assess(exports).inventory().getMeetings().size();
        AssessmentResult then = assessor.assess(exports, null, LocalDate.of(2013, 1, 1));
        // on 1 January 2013 the 2013 kick-off and the autumn series had not ended yet, nor had Ben's conference expired
        assertThat(then.inventory().getMeetings()).hasSize(today + 3);
        assertThat(then.inventory().getCoverage().meetingsExpired()).isZero();
    }

    @Test
    void everyReportFormatIsWrittenToAStreamAndWholeToAFileNamedForIt() throws Exception {
        AssessmentResult result = assessor.assess(CONTOSO);
        assertThat(AssessmentResult.reportFormats())
                .containsExactly("table", "json", "csv", "markdown", "html", "junit", "sarif");
        for (String format : AssessmentResult.reportFormats()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            result.write(format, out);
            assertThat(out.size()).as(format).isPositive();
        }
        Path json = temp.resolve("out/findings.json");
        result.write(null, json); // format from the name
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        result.write("json", streamed);
        assertThat(Files.readAllBytes(json)).isEqualTo(streamed.toByteArray());
        Path sarif = temp.resolve("out/findings.sarif");
        result.write(null, sarif);
        assertThat(Files.readString(sarif)).contains("\"$schema\"").contains("CLIENT-IM-ONLY");
        try (Stream<Path> files = Files.list(temp.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("findings.json",
                    "findings.sarif");
        }
        assertThatThrownBy(() -> result.write("pdf", new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table, json, csv");
    }

    @Test
    void aReportThatCannotBeMovedIntoPlaceLeavesWhatWasThereAndNoTemporaryFile() throws Exception {
        AssessmentResult result = assessor.assess(CONTOSO);
        // A folder with a file in it where the report should go: the move fails once the report is written.
        Path blocked = temp.resolve("findings.html");
        Files.createDirectories(blocked);
        Files.writeString(blocked.resolve("kept.txt"), "kept");
        assertThatThrownBy(() -> result.write("html", blocked)).isInstanceOf(IOException.class);
        assertThat(Files.readString(blocked.resolve("kept.txt"))).isEqualTo("kept");
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("findings.html");
        }
    }

    @Test
    void waiversAreAppliedMarkedInReportsAndLeftOutOfTheSummary() throws Exception {
        AssessmentResult result = assessor.assess(CONTOSO);
        Path waivers = temp.resolve("waivers.yaml");
        Files.writeString(waivers, """
                - rule: CLIENT-IM-ONLY
                  subject: "user:*"
                  reason: branch offices keep Communicator 2007 R2 until the hardware refresh
                  owner: it-ops@contoso.com
                  expires: 2027-03-31
                - rule: NO-SUCH-RULE
                  subject: "*"
                  reason: a waiver that matches nothing
                  owner: it-ops@contoso.com
                  expires: 2027-03-31
                """);
        AssessmentResult waived = result.withWaivers(waivers, LocalDate.of(2026, 12, 1));
        List<Finding> imOnly = result.findings().stream().filter(f -> f.getRule().equals("CLIENT-IM-ONLY")).toList();
        assertThat(imOnly).isNotEmpty().allMatch(waived::isWaived);
        assertThat(result.isWaived(imOnly.get(0))).isFalse();
        assertThat(waived.findings()).isEqualTo(result.findings());
        assertThat(waived.summary().get(Severity.WARNING))
                .isEqualTo(result.summary().get(Severity.WARNING) - imOnly.size());
        assertThat(waived.waiverNotices()).singleElement().asString().contains("matches no finding");
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        waived.write("json", json);
        assertThat(json.toString(StandardCharsets.UTF_8)).contains("waived");

        Files.writeString(waivers, "- rule: CLIENT-IM-ONLY\n  subject: \"user:*\"\n  expires: 2027-02-30\n");
        assertThatThrownBy(() -> result.withWaivers(waivers))
                .isInstanceOfSatisfying(InvalidWaiversException.class, e -> assertThat(e.problems())
                        .isNotEmpty().allSatisfy(p -> {
                            assertThat(p.file()).isEqualTo(waivers.toString());
                            assertThat(p.line()).isPositive();
                        }));
        assertThatThrownBy(() -> result.withWaivers(temp.resolve("missing.yaml")))
                .isInstanceOf(InvalidWaiversException.class).hasMessageContaining("no such file");
    }

    @Test
    void thePlanIsWrittenWithItsWaveScriptsAndAnInventoryWithNoTargetIsRefused() throws Exception {
        AssessmentResult result = assessor.assess(CONTOSO);
        List<Path> written = result.writePlan(temp.resolve("plan"));
        assertThat(written).extracting(p -> p.getFileName().toString())
                .contains("plan.md", "plan.html", "plan-waves.csv", "wave-1.ps1");
        assertThat(written).allMatch(Files::isRegularFile);
        assertThat(result.writePlan(temp.resolve("md-only"), "markdown"))
                .extracting(p -> p.getFileName().toString()).contains("plan.md").doesNotContain("plan.html");
        assertThatThrownBy(() -> result.writePlan(temp.resolve("x"), "pdf"))
                .isInstanceOf(IllegalArgumentException.class);

        AssessmentResult noTarget = assessor.assess(new InventoryBuilder()
                .pool("ocs.contoso.com", ServerVersion.OCS_2007_R2)
                .user("alice@contoso.com", "ocs.contoso.com", Client.COMMUNICATOR_2007_R2)
                .build());
        assertThatThrownBy(() -> noTarget.writePlan(temp.resolve("none")))
                .isInstanceOfSatisfying(InvalidInventoryException.class, e -> assertThat(e.errors()).singleElement()
                        .extracting(Problem::message).asString().contains("Lync Server 2013 pool"));
        assertThat(temp.resolve("none")).doesNotExist();
    }

    @Test
    void aConsequenceThatThrowsComesOutAsARuleFailureNamingTheRuleItsLineAndTheFact() throws Exception {
        Path rules = temp.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("broken.drl"), """
                package io.migkb.rules;

                import io.migkb.model.User;

                rule "BOOM"
                    @id("BOOM")
                    @severity("INFO")
                    @reference("Client support")
                when
                    $u : User()
                then
                    throw new IllegalStateException("no client for " + $u.getSip());
                end
                """);
        MigrationAssessor broken = Migkb.fromRulesFolder(rules).build();
        assertThatThrownBy(() -> broken.assess(CONTOSO))
                .isInstanceOfSatisfying(RuleFailedException.class, e -> {
                    assertThat(e.ruleId()).isEqualTo("BOOM");
                    assertThat(e.ruleName()).isEqualTo("BOOM");
                    assertThat(e.file()).isEqualTo("broken.drl");
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.facts()).singleElement().asString().contains("@contoso.com");
                    assertThat(e.getMessage()).startsWith("rule \"BOOM\" (broken.drl:5) failed on ")
                            .contains("IllegalStateException: no client for ");
                    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
                });
    }

    @Test
    void aRuleWithoutIdIsRefusedAtBuildAndAtReloadWhichKeepsTheRulesItHad() throws Exception {
        Path rules = temp.resolve("rules");
        Files.createDirectories(rules);
        Path file = rules.resolve("no-id.drl");
        Files.writeString(file, """
                package io.migkb.rules;

                import io.migkb.model.User;

                rule "NO-ID"
                    @severity("INFO")
                    @reference("Client support")
                when
                    $u : User()
                then
                end
                """);
        assertThatThrownBy(() -> Migkb.fromRulesFolder(rules).build())
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems()).singleElement()
                        .extracting(Problem::format).asString()
                        .startsWith("no-id.drl:5:1: rule \"NO-ID\" has no @id"));

        MigrationAssessor catalogue = Migkb.bundledCatalogue().build();
        assertThatThrownBy(() -> catalogue.reload(rules)).isInstanceOf(RulesException.class);
        assertThat(catalogue.rules().origin()).isEqualTo("bundled catalogue");
        assertThat(catalogue.rules().ruleIds()).hasSize(TestRules.catalogue().rules().size());
        assertThat(catalogue.assess(CONTOSO).rulesOrigin()).isEqualTo("bundled catalogue");
    }

    @Test
    void theCompiledRulesCacheIsFilledByOneBuildAndUsedByTheNext() throws Exception {
        Path cache = temp.resolve("cache");
        MigrationAssessor first = Migkb.bundledCatalogue().compiledRulesCache(cache).build();
        try (Stream<Path> entries = Files.list(cache)) {
            assertThat(entries.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("rules-"));
        }
        Logger compiler = (Logger) LoggerFactory.getLogger("io.migkb.engine.RuleCompiler");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        Level level = compiler.getLevel();
        compiler.setLevel(Level.DEBUG);
        compiler.setAdditive(false); // heard here, not printed
        compiler.addAppender(events);
        MigrationAssessor second;
        try {
            second = Migkb.bundledCatalogue().compiledRulesCache(cache).build();
        } finally {
            compiler.detachAppender(events);
            compiler.setAdditive(true);
            compiler.setLevel(level);
        }
        assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.contains("from the compiled-rules cache"));
        assertThat(second.assess(CONTOSO).findings()).isEqualTo(first.assess(CONTOSO).findings());
    }
}
