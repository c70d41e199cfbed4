package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/rules.md and rules/ cannot drift apart: same ids, same severities. */
class RuleCatalogueDocumentationTest {
    private static final Pattern ROW = Pattern.compile("^\\| ([A-Z0-9-]+) \\| (BLOCKER|WARNING|ADVICE|INFO) \\|", Pattern.MULTILINE);

    @Test
    void docsListEveryRuleWithItsSeverityAndNothingElse() throws IOException {
        String doc = Files.readString(Path.of("docs/rules.md"));
        Map<String, String> documented = new TreeMap<>();
        Matcher m = ROW.matcher(doc);
        while (m.find()) {
            documented.put(m.group(1), m.group(2));
        }
        Map<String, String> actual = new TreeMap<>();
        TestRules.catalogue().rules().forEach(r -> actual.put(r.id(), r.severity().name()));
        assertThat(documented).isEqualTo(actual);
    }

    @Test
    void everyRuleCarriesIdSeverityAndReferenceAndNoWarnings() {
        assertThat(TestRules.catalogue().warnings()).isEmpty();
        assertThat(TestRules.catalogue().rules()).allSatisfy(r -> {
            assertThat(r.id()).isEqualTo(r.name());
            assertThat(r.severity()).isNotNull();
            assertThat(r.reference()).isNotBlank();
            assertThat(r.line()).isPositive();
        });
    }

    @Test
    void catalogueHasDesignsIdsWithDesignsSeverities() {
        // docs/rules.md's table: the ids and severities are a contract.
        Map<String, Severity> design = Map.ofEntries(
                Map.entry("URL-LEGACY-CONF", Severity.BLOCKER),
                Map.entry("URL-LEGACY-MEET", Severity.BLOCKER),
                Map.entry("CLIENT-NO-CONFERENCING", Severity.BLOCKER),
                Map.entry("CLIENT-IM-ONLY", Severity.WARNING),
                Map.entry("CLIENT-NEW-FEATURES", Severity.INFO),
                Map.entry("PLAN-EARLY-ORGANIZER", Severity.ADVICE),
                Map.entry("PLAN-LIVE-MEETING-NEEDS", Severity.WARNING),
                Map.entry("MOVE-MEETINGS-CARRY", Severity.INFO),
                Map.entry("MOVE-CONTENT-LOST", Severity.WARNING),
                Map.entry("COEX-2010-MEETING", Severity.INFO),
                Map.entry("COEX-NO-MEETING-IM", Severity.WARNING),
                Map.entry("ADDIN-KEEP-CONFERENCING", Severity.WARNING),
                Map.entry("FED-LOCKED-OC2007", Severity.BLOCKER),
                Map.entry("FED-PARTNER-SUMMARY", Severity.WARNING));
        design.forEach((id, severity) -> assertThat(TestRules.catalogue().rule(id))
                .as(id).hasValueSatisfying(r -> assertThat(r.severity()).isEqualTo(severity)));
    }
}
