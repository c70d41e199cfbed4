package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rule's metadata decides where its findings are filed and how severe they are: a missing @id, a severity migkb
 * does not know and an id or name used twice are errors, located, with the allowed values; a missing @reference is
 * a warning. A UTF-8 byte-order mark is no error.
 */
class RuleMetadataTest {
    private static final String HEADER = "package io.migkb.rules;\nimport io.migkb.model.*;\n\n";
    private static final String REFERENCE = "@reference(\"Changes to Meetings in Lync Server 2013\")";

    @Test
    void aMissingIdOrSeverityOrAnUnknownSeverityIsAnErrorNamingTheAllowedValues() {
        RuleChecker.Report report = check(Map.of("a.drl", HEADER + """
                rule "NO-METADATA"
                when
                    Meeting( )
                then
                end

                rule "TYPO"
                    @id("TYPO") @severity("BLOKER") %s
                when
                    Pool( )
                then
                end
                """.formatted(REFERENCE)));
        assertThat(report.ok()).isFalse();
        assertThat(formatted(report.errors())).containsExactly(
                "a.drl:4:1: rule \"NO-METADATA\" has no @id: add @id(\"NO-METADATA\") (capitals and dashes, unique),"
                        + " which reports and waivers name it by",
                "a.drl:4:1: rule \"NO-METADATA\" has no @severity: add @severity(...) with one of BLOCKER, WARNING,"
                        + " ADVICE, INFO",
                "a.drl:10:1: rule \"TYPO\" has @severity(\"BLOKER\"), which is not a severity: use one of BLOCKER,"
                        + " WARNING, ADVICE, INFO");
    }

    @Test
    void anIdUsedTwiceIsAnErrorAtTheSecondRule() {
        RuleChecker.Report report = check(Map.of(
                "a.drl", HEADER + rule("FIRST", "SAME-ID", "User( )"),
                "b.drl", HEADER + rule("SECOND", "SAME-ID", "Pool( )")));
        assertThat(formatted(report.errors())).containsExactly("b.drl:4:1: rule id SAME-ID is used again; first at"
                + " a.drl:4 (rule \"FIRST\"): the findings of two rules would be filed under one id; give this rule an"
                + " @id of its own");
    }

    @Test
    void aRuleNameUsedAgainInAnotherPackageIsAnErrorAtTheSecondRule() {
        RuleChecker.Report report = check(Map.of(
                "a.drl", HEADER + rule("SAME-NAME", "ID-A", "User( )"),
                "b.drl", HEADER.replace("io.migkb.rules", "com.customer.rules") + rule("SAME-NAME", "ID-B", "Pool( )")));
        assertThat(formatted(report.errors())).containsExactly("b.drl:4:1: rule name \"SAME-NAME\" is used again (in"
                + " another package); first at a.drl:4: give this rule a name and @id of its own");
    }

    @Test
    void aFileWithoutAPackageLineIsAnErrorExplained() {
        RuleChecker.Report report = check(Map.of("a.drl", "import io.migkb.model.*;\n\n" + rule("R", "R", "User( )")));
        assertThat(formatted(report.errors())).containsExactly("a.drl:1:1: no package line: start the file with"
                + " 'package io.migkb.rules;' (and the imports) as the other rule files do");
    }

    @Test
    void aByteOrderMarkIsAcceptedAndAMissingReferenceIsOnlyAWarning() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] text = (HEADER + rule("R", "R", "User( )").replace(REFERENCE, "")).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        files.put("a.drl", withBom);
        RuleChecker.Report report = RuleChecker.check(RuleFiles.of("bom", files));
        assertThat(report.ok()).as(report.errors().toString()).isTrue();
        assertThat(report.rules()).hasSize(1);
        assertThat(formatted(report.warnings())).containsExactly("a.drl:4:1: warning: rule \"R\" has no @reference metadata");
    }

    private static String rule(String name, String id, String pattern) {
        return """
                rule "%s"
                    @id("%s") @severity("BLOCKER") %s
                when
                    %s
                then
                end
                """.formatted(name, id, REFERENCE, pattern);
    }

    private static RuleChecker.Report check(Map<String, String> texts) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        texts.forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return RuleChecker.check(RuleFiles.of("metadata", files));
    }

    private static List<String> formatted(List<RuleProblem> problems) {
        return problems.stream().map(RuleProblem::format).toList();
    }
}
