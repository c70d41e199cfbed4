package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rules that compile but break the catalogue's conventions are flagged, located, and still compile. */
class RuleCheckerWarningsTest {
    private static final String HEADER = "package io.migkb.rules;\nimport io.migkb.model.*;\n\n";
    private static RuleChecker.Report report;

    @BeforeAll
    static void buildOnce() {
        Map<String, byte[]> files = Map.of(
                "a.drl", (HEADER + """
                        rule "FIRST"
                            @id("SAME-ID") @severity("BLOCKER") @reference("Changes to Meetings in Lync Server 2013")
                        when
                            User( )
                        then
                        end

                        rule "NO-METADATA"
                        when
                            Meeting( )
                        then
                        end
                        """).getBytes(StandardCharsets.UTF_8),
                "b.drl", (HEADER + """
                        rule "SECOND"
                            @id("SAME-ID") @severity("CRITICAL") @reference("Changes to Meetings in Lync Server 2013")
                        when
                            Pool( )
                        then
                        end
                        """).getBytes(StandardCharsets.UTF_8));
        report = RuleChecker.check(RuleFiles.of("warnings", files));
    }

    @Test
    void checkFlagsDuplicateRuleIdsAsWarning() {
        assertThat(report.ok()).isTrue();
        assertThat(formatted()).contains(
                "b.drl:4:1: warning: rule id SAME-ID is used again; first at a.drl:4");
    }

    @Test
    void checkFlagsMissingMetadataAndUnknownSeverity() {
        assertThat(formatted()).contains(
                "a.drl:11:1: warning: rule \"NO-METADATA\" has no @id metadata",
                "a.drl:11:1: warning: rule \"NO-METADATA\" has no @severity metadata",
                "a.drl:11:1: warning: rule \"NO-METADATA\" has no @reference metadata",
                "b.drl:4:1: warning: rule \"SECOND\" has severity \"CRITICAL\"; use BLOCKER, WARNING, ADVICE or INFO");
        assertThat(report.rules()).hasSize(3);
        assertThat(report.fileCount()).isEqualTo(2);
    }

    private static List<String> formatted() {
        return report.warnings().stream().map(RuleProblem::format).toList();
    }
}
