package io.migkb.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migkb.model.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An embedder lays a customer's rules folder over the catalogue as the command line's second --rules does. */
class CustomerRulesApiTest {
    @TempDir
    Path dir;

    @Test
    void aCustomerFolderDisablesACatalogueRuleAndLoadedRulesSaySo() throws Exception {
        Path acme = Files.createDirectories(dir.resolve("acme-rules"));
        Files.writeString(acme.resolve("disabled-rules.txt"), "URL-LEGACY-MEET\n");
        MigrationAssessor assessor = Migkb.fromRulesFolder(Path.of("rules")).customerRules(acme).build();

        assertThat(assessor.rules().ruleIds()).doesNotContain("URL-LEGACY-MEET").contains("URL-LEGACY-CONF");
        assertThat(assessor.rules().origin()).isEqualTo("rules + " + acme + " (disables URL-LEGACY-MEET)");
        assertThat(assessor.assess(Path.of("examples/contoso.json")).findings()).extracting(Finding::getRule)
                .contains("URL-LEGACY-CONF").doesNotContain("URL-LEGACY-MEET");
        // a reload reads the customer's folder again, with the catalogue
        Files.writeString(acme.resolve("disabled-rules.txt"), "URL-LEGACY-CONF\n");
        assertThat(assessor.reload().ruleIds()).contains("URL-LEGACY-MEET").doesNotContain("URL-LEGACY-CONF");
    }

    @Test
    void aDisabledIdThatNamesNoRuleIsARulesExceptionAtItsLine() throws Exception {
        Path acme = Files.createDirectories(dir.resolve("acme-rules"));
        Files.writeString(acme.resolve("disabled-rules.txt"), "# Acme\nNO-SUCH-RULE\n");
        assertThatThrownBy(() -> Migkb.bundledCatalogue().customerRules(acme).build())
                .isInstanceOf(RulesException.class)
                .satisfies(e -> assertThat(((RulesException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(acme + "/disabled-rules.txt");
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.message()).contains("NO-SUCH-RULE");
                }));
    }
}
