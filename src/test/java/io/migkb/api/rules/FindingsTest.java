package io.migkb.api.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.migkb.api.AssessmentResult;
import io.migkb.api.CatalogueRule;
import io.migkb.api.Migkb;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule authors emit findings through io.migkb.api.rules.Findings, which the bundled catalogue uses; rules written
 * against the older io.migkb.engine.RuleSupport still run, alone or beside files of the catalogue.
 */
class FindingsTest {
    private static final String RULE = """
            package io.migkb.rules;

            import io.migkb.model.*;
            import %s;

            rule "LEGACY-CLIENT"
                @id("LEGACY-CLIENT")
                @severity("ADVICE")
                @reference("Client support")
            when
                $u : User( client == Client.COMMUNICATOR_2007_R2 )
            then
                %s.report(kcontext, "user:" + $u.getSip(), $u.getSip(), $u.getSip() + " uses OC 2007 R2",
                    "Upgrade " + $u.getSip());
            end
            """;

    @TempDir
    Path temp;

    @Test
    void theBundledCatalogueImportsTheStableClassOnly() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path drl : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                String text = Files.readString(drl);
                assertThat(text).as(drl.toString()).doesNotContain("io.migkb.engine");
                assertThat(text).as(drl.toString()).doesNotContain("RuleSupport");
                if (text.contains("Findings.")) {
                    assertThat(text).as(drl.toString()).contains("import io.migkb.api.rules.Findings;");
                }
            }
        }
    }

    @Test
    void aRuleReportsThroughTheStableClassAndAnOlderRuleThroughTheDeprecatedOne() throws Exception {
        List<Finding> stable = findings("io.migkb.api.rules.Findings", false);
        List<Finding> older = findings("io.migkb.engine.RuleSupport", false);
        assertThat(stable).isNotEmpty().allSatisfy(f -> {
            assertThat(f.getRule()).isEqualTo("LEGACY-CLIENT");
            assertThat(f.getSeverity()).isEqualTo(Severity.ADVICE);
            assertThat(f.getReference()).isEqualTo("Client support");
        });
        assertThat(older).isEqualTo(stable);
        // An older file in a folder with the catalogue's files: Drools merges a package's imports, and they must not collide.
        assertThat(findings("io.migkb.engine.RuleSupport", true)).containsAll(stable).hasSizeGreaterThan(stable.size());
    }

    @Test
    void itsSignaturesShowOnlyTheJdkTheModelAndTheConsequencesRuleContext() {
        JavaClass support = new ClassFileImporter().importClasses(Findings.class).get(Findings.class);
        Set<String> shown = new TreeSet<>();
        for (JavaMethod m : support.getMethods()) {
            if (m.getModifiers().contains(JavaModifier.PUBLIC)) {
                m.getRawParameterTypes().forEach(t -> shown.add(t.getName()));
                shown.add(m.getRawReturnType().getName());
            }
        }
        assertThat(shown).allMatch(n -> n.startsWith("java.") || n.startsWith("io.migkb.model.")
                || n.equals("org.kie.api.runtime.rule.RuleContext") || n.equals("void"));
    }

    /** The findings of the rule above, reporting through {@code supportClass}, alone or beside the catalogue's files. */
    private List<Finding> findings(String supportClass, boolean withTheCatalogue) throws Exception {
        Path rules = Files.createDirectories(temp.resolve(supportClass + withTheCatalogue));
        if (withTheCatalogue) {
            try (Stream<Path> files = Files.list(Path.of("rules"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, rules.resolve(f.getFileName()));
                }
            }
        }
        String simpleName = supportClass.substring(supportClass.lastIndexOf('.') + 1);
        Files.writeString(rules.resolve("legacy.drl"), RULE.formatted(supportClass, simpleName));
        AssessmentResult result = Migkb.fromRulesFolder(rules).build().assess(Path.of("examples/contoso.json"));
        CatalogueRule rule = result.rule("LEGACY-CLIENT").orElseThrow();
        assertThat(rule.file()).isEqualTo("legacy.drl");
        return result.findings();
    }
}
