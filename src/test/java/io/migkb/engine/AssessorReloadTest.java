package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Embedders get the same keep-last-good reload as migkb watch. */
class AssessorReloadTest {
    private static final String HEADER = "package io.migkb.rules;\nimport io.migkb.model.*;\n\n";

    @Test
    void reloadKeepsTheLastGoodRulesWhenTheNewOnesDoNotCompile() throws RuleBuildException {
        CompiledRules good = TestRules.catalogue();
        Assessor assessor = new Assessor(good);
        RuleFiles broken = RuleFiles.of("broken", Map.of("x.drl",
                (HEADER + "rule \"X\"\nwhen\n    User( clinet == null )\nthen\nend\n").getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> assessor.reload(broken))
                .isInstanceOf(RuleBuildException.class)
                .satisfies(e -> assertThat(((RuleBuildException) e).problems()).singleElement().asString()
                        .startsWith("x.drl:6:11: User has no field 'clinet'"));
        assertThat(assessor.rules()).isSameAs(good);

        RuleFiles fixed = RuleFiles.of("fixed", Map.of("x.drl", (HEADER
                + "rule \"X\" @id(\"X\") @severity(\"INFO\") @reference(\"Changes to Meetings in Lync Server 2013\")\n"
                + "when\n    User( client == null )\nthen\nend\n").getBytes(StandardCharsets.UTF_8)));
        CompiledRules rebuilt = assessor.reload(fixed);
        assertThat(assessor.rules()).isSameAs(rebuilt);
        assertThat(rebuilt.rules()).extracting(RuleInfo::id).containsExactly("X");
    }
}
