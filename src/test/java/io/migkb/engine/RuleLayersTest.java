package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migkb.inventory.InventoryReaders;
import io.migkb.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules folders laid over each other: a later folder adds, replaces by @id, and disables by its list. */
class RuleLayersTest {
    private static final String HEADER = "package io.migkb.rules;\nimport io.migkb.model.*;\n"
            + "import io.migkb.api.rules.Findings;\n\n";

    @TempDir
    Path dir;

    private static String rule(String id, String severity, String message) {
        return "rule \"" + id + "\"\n    @id(\"" + id + "\")\n    @severity(\"" + severity + "\")\n"
                + "    @reference(\"Changes to Meetings in Lync Server 2013\")\nwhen\n    $u : User()\nthen\n"
                + "    Findings.report(kcontext, \"user:\" + $u.getSip(), $u.getSip(), \"" + message + "\", \"act\");\nend\n\n";
    }

    private Path folder(String name, Map<String, String> files) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(folder.resolve(f.getKey()), f.getValue());
        }
        return folder;
    }

    private Path base() throws IOException {
        return folder("base", Map.of("catalogue.drl", HEADER + rule("BASE-A", "BLOCKER", "base a")
                + rule("BASE-B", "WARNING", "base b") + rule("BASE-C", "INFO", "base c")));
    }

    private static RuleFiles merge(Path... folders) throws IOException, RuleBuildException {
        List<RuleFiles> layers = new java.util.ArrayList<>();
        for (Path f : folders) {
            layers.add(RuleFiles.fromFolder(f));
        }
        return RuleLayers.merge(layers);
    }

    private List<Finding> assess(RuleFiles files) throws Exception {
        Path inventory = Files.writeString(dir.resolve("inventory.json"), "{\"pools\": [{\"fqdn\": \"pool13.contoso.com\","
                + " \"version\": \"LYNC_2013\"}], \"users\": [{\"sip\": \"ann@contoso.com\", \"pool\":"
                + " \"pool13.contoso.com\", \"client\": \"LYNC_2013\"}]}");
        return new Assessor(RuleCompiler.compile(files, RuleCache.disabled())).assess(InventoryReaders.read(inventory))
                .findings();
    }

    @Test
    void aLaterFolderReplacesARuleByIdAddsANewIdAndDisablesListedIds() throws Exception {
        Path customer = folder("acme", Map.of(
                "acme.drl", HEADER + rule("BASE-A", "ADVICE", "acme a") + rule("ACME-NEW", "INFO", "acme new"),
                RuleFiles.DISABLE_LIST, "# not for this customer\nBASE-C   # ticket 12\n"));
        RuleFiles merged = merge(base(), customer);

        List<Finding> findings = assess(merged);
        assertThat(findings).extracting(f -> f.getRule() + " " + f.getSeverity() + " " + f.getMessage())
                .containsExactlyInAnyOrder("BASE-A ADVICE acme a", "BASE-B WARNING base b", "ACME-NEW INFO acme new");
        assertThat(merged.changes()).containsExactly(
                new RuleChange(RuleChange.Kind.REPLACES, "BASE-A", customer + "/acme.drl", 5),
                new RuleChange(RuleChange.Kind.ADDS, "ACME-NEW", customer + "/acme.drl", 15),
                new RuleChange(RuleChange.Kind.DISABLES, "BASE-C", customer + "/" + RuleFiles.DISABLE_LIST, 2));
        assertThat(merged.origin()).isEqualTo(dir.resolve("base") + " + " + customer);
    }

    @Test
    void theRulesLeftInAFileKeepTheirLinesWhenAnotherIsTakenOut() throws Exception {
        Path customer = folder("acme", Map.of(RuleFiles.DISABLE_LIST, "BASE-A\n"));
        CompiledRules rules = RuleCompiler.compile(merge(base(), customer), RuleCache.disabled());
        String text = Files.readString(dir.resolve("base/catalogue.drl"));
        int lineOfB = text.substring(0, text.indexOf("rule \"BASE-B\"")).split("\n", -1).length;
        assertThat(rules.rule("BASE-B")).get().extracting(RuleInfo::line).isEqualTo(lineOfB);
        assertThat(rules.rule("BASE-A")).isEmpty();
        assertThat(rules.description()).endsWith("(disables BASE-A)");
    }

    @Test
    void aDisabledIdThatNamesNoEarlierRuleIsAnErrorAtItsLine() throws Exception {
        Path customer = folder("acme", Map.of(RuleFiles.DISABLE_LIST, "BASE-B\n\n  BASE-Z\n"));
        assertThatThrownBy(() -> merge(base(), customer)).isInstanceOf(RuleBuildException.class)
                .satisfies(e -> assertThat(((RuleBuildException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(customer + "/" + RuleFiles.DISABLE_LIST);
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.column()).isEqualTo(3);
                    assertThat(p.message()).contains("BASE-Z");
                }));
    }

    @Test
    void aDisableListInTheFirstFolderIsAnError() throws Exception {
        Path base = base();
        Files.writeString(base.resolve(RuleFiles.DISABLE_LIST), "BASE-A\n");
        assertThatThrownBy(() -> merge(base)).isInstanceOf(RuleBuildException.class)
                .hasMessageContaining(RuleFiles.DISABLE_LIST).hasMessageContaining("--rules YOUR-FOLDER");
    }

    @Test
    void twoRulesOfOneIdInOneLaterFolderStayAnErrorAtTheSecond() throws Exception {
        Path customer = folder("acme", Map.of("acme.drl", HEADER + rule("ACME-X", "INFO", "one")
                + rule("ACME-Y", "INFO", "two").replace("@id(\"ACME-Y\")", "@id(\"ACME-X\")")));
        assertThatThrownBy(() -> RuleCompiler.compile(merge(base(), customer), RuleCache.disabled()))
                .isInstanceOf(RuleBuildException.class)
                .satisfies(e -> assertThat(((RuleBuildException) e).problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo(customer + "/acme.drl");
                    assertThat(p.message()).contains("rule id ACME-X is used again");
                }));
    }

    @Test
    void aFileOfTheSameNameInALaterFolderIsReadBesideTheEarlierOne() throws Exception {
        Path customer = folder("acme", Map.of("catalogue.drl", HEADER + rule("ACME-NEW", "INFO", "acme new")));
        List<Finding> findings = assess(merge(base(), customer));
        assertThat(findings).extracting(Finding::getRule)
                .containsExactlyInAnyOrder("BASE-A", "BASE-B", "BASE-C", "ACME-NEW");
    }

    @Test
    void oneFolderIsReadAsBefore() throws Exception {
        RuleFiles alone = RuleFiles.fromFolder(base());
        assertThat(RuleLayers.merge(List.of(alone))).isSameAs(alone);
        assertThat(new String(alone.files().get("catalogue.drl"), StandardCharsets.UTF_8)).contains("BASE-C");
    }
}
