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
 * Rule authors emit findings through io.migkb.api.rules.RuleSupport, which the bundled catalogue uses; rules
 * written against the older io.migkb.engine.RuleSupport still run.
 */
class RuleSupportTest {
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
                RuleSupport.report(kcontext, "user:" + $u.getSip(), $u.getSip(), $u.getSip() + " uses OC 2007 R2",
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
                if (text.contains("RuleSupport.")) {
                    assertThat(text).as(drl.toString()).contains("import io.migkb.api.rules.RuleSupport;");
                }
            }
        }
    }

    @Test
    void aRuleReportsThroughTheStableClassAndAnOlderRuleThroughTheDeprecatedOne() throws Exception {
        List<Finding> stable = findings("io.migkb.api.rules.RuleSupport");
        List<Finding> older = findings("io.migkb.engine.RuleSupport");
        assertThat(stable).isNotEmpty().allSatisfy(f -> {
            assertThat(f.getRule()).isEqualTo("LEGACY-CLIENT");
            assertThat(f.getSeverity()).isEqualTo(Severity.ADVICE);
            assertThat(f.getReference()).isEqualTo("Client support");
        });
        assertThat(older).isEqualTo(stable);
    }

    @Test
    void itsSignaturesShowOnlyTheJdkTheModelAndTheConsequencesRuleContext() {
        JavaClass support = new ClassFileImporter().importClasses(RuleSupport.class).get(RuleSupport.class);
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

    private List<Finding> findings(String supportClass) throws Exception {
        Path rules = Files.createDirectories(temp.resolve(supportClass));
        Files.writeString(rules.resolve("legacy.drl"), RULE.formatted(supportClass));
        AssessmentResult result = Migkb.fromRulesFolder(rules).build().assess(Path.of("examples/contoso.json"));
        CatalogueRule rule = result.rule("LEGACY-CLIENT").orElseThrow();
        assertThat(rule.file()).isEqualTo("legacy.drl");
        return result.findings();
    }
}
