package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migkb.engine.TestRules;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RulesCommandTest {
    @Test
    void listsEveryRuleWithSeveritySectionAndFileLine() {
        CliRun run = CliRun.of("rules", "--rules", "rules");
        assertThat(run.exitCode()).as(run.err()).isZero();
        TestRules.catalogue().rules().forEach(r -> assertThat(run.out())
                .contains(r.id()).contains(r.file() + ":" + r.line()));
        assertThat(run.out()).contains("Meetings with Federated Organizations that Use Previous Clients");
    }

    @Test
    void jsonListsIdsSeveritiesAndLocations() throws IOException {
        CliRun run = CliRun.of("rules", "--rules", "rules", "--format", "json");
        JsonNode rules = new ObjectMapper().readTree(run.out()).get("rules");
        assertThat(rules).hasSize(TestRules.catalogue().rules().size());
        assertThat(rules.get(0).fieldNames()).toIterable().containsExactly("id", "severity", "section", "file", "line");
    }

    @Test
    void missingRulesFolderIsAClearError() {
        CliRun run = CliRun.of("rules", "--rules", "no-such-folder");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no-such-folder");
    }
}
