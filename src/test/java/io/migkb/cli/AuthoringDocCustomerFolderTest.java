package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.engine.TestRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consultant who adds a rule as docs/authoring.md says puts it, and its scenario, in a folder of their own given
 * after the catalogue, so the catalogue the project's tests pin stays as shipped, and the rule still runs.
 */
class AuthoringDocCustomerFolderTest {
    private static final Path DOC = Path.of("docs/authoring.md");
    private static final Pattern EXAMPLE_RULE = Pattern.compile("a new file `([\\w-]+)/(\\w+\\.drl)`.*?```\\n(.*?)```",
            Pattern.DOTALL);
    private static final Pattern SCENARIO = Pattern.compile("```yaml\\n(name: .*?)```", Pattern.DOTALL);
    private static final String HEADER = "package io.migkb.rules;\nimport io.migkb.model.*;\n"
            + "import io.migkb.api.rules.Findings;\n";

    @TempDir
    Path dir;

    @Test
    void theDocsExampleRuleInItsOwnFolderPassesItsScenarioBesideTheUntouchedCatalogue() throws IOException {
        String doc = Files.readString(DOC);
        Matcher rule = EXAMPLE_RULE.matcher(doc);
        assertThat(rule.find()).as("authoring.md's example names the new file it goes in").isTrue();
        assertThat(rule.group(1)).as("the example's folder is the consultant's own, not the catalogue's")
                .isNotEqualTo("rules");
        assertThat(doc).contains("--rules rules --rules " + rule.group(1));
        Matcher scenario = SCENARIO.matcher(doc);
        assertThat(scenario.find()).isTrue();

        Path own = Files.createDirectories(dir.resolve(rule.group(1)).resolve("tests"));
        Files.writeString(own.getParent().resolve(rule.group(2)), HEADER + rule.group(3));
        Files.writeString(own.resolve("example.yaml"), scenario.group(1));
        CliRun test = CliRun.of("test", "--rules", "rules", "--rules", own.getParent().toString());
        assertThat(test.exitCode()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("1 passed, 0 failed");

        CliRun rules = CliRun.of("rules", "--rules", "rules", "--rules", own.getParent().toString());
        assertThat(rules.out()).contains((TestRules.catalogue().rules().size() + 1) + " rules from rules + ")
                .contains("adds CLIENT-ATTENDANT-REPLACE");
    }
}
