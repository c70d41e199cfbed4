package io.migkb.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.engine.TestRules;
import io.migkb.inventory.InventoryReaders;
import io.migkb.model.ConferenceDirectory;
import io.migkb.model.Inventory;
import io.migkb.model.ServerVersion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A Get-CsConferenceDirectory export read, and its directories on earlier pools moved by the last wave's script. */
class ConferenceDirectoryMovesTest {
    private static final Path EXPORTS = Path.of("rules/tests/exports-with-conference-directories");

    @Test
    void theExportIsReadWithEachDirectorysPoolAndVersion() throws Exception {
        Inventory inventory = InventoryReaders.read(EXPORTS);

        assertThat(inventory.getConferenceDirectories()).extracting(ConferenceDirectory::getIdentity,
                ConferenceDirectory::getPool, ConferenceDirectory::getServerVersion).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", "ocs.litwareinc.com", ServerVersion.OCS_2007_R2),
                org.assertj.core.groups.Tuple.tuple("2", "pool10.litwareinc.com", ServerVersion.LYNC_2010),
                org.assertj.core.groups.Tuple.tuple("3", "pool13.litwareinc.com", ServerVersion.LYNC_2013));
    }

    @Test
    void theLastWaveWithMovesMovesTheDirectoriesOfEarlierPoolsAfterItsUsersAndNeverWithForce() throws Exception {
        Inventory inventory = InventoryReaders.read(EXPORTS);
        MigrationPlan plan = Planner.plan(inventory, TestRules.assessor().assess(inventory).findings(), "exports");
        Wave last = plan.scriptedWaves().get(plan.scriptedWaves().size() - 1);

        assertThat(last.directories()).extracting(Wave.DirectoryMove::identity).containsExactly("1", "2");
        assertThat(plan.scriptedWaves().subList(0, plan.scriptedWaves().size() - 1))
                .allSatisfy(w -> assertThat(w.directories()).isEmpty());
        assertThat(last.tasks()).anySatisfy(t -> assertThat(t).contains("conference directories 1 (ocs.litwareinc.com),"
                + " 2 (pool10.litwareinc.com)").contains("CONF-DIRECTORY-LEGACY-POOL"));
        String script = PowerShellScript.render(plan, last);
        assertThat(script).contains("if (-not (Get-Command Move-CsConferenceDirectory -ErrorAction SilentlyContinue))")
                .contains("\r\nMove-CsConferenceDirectory -Identity '1' -TargetPool 'pool13.litwareinc.com'\r\n")
                .contains("\r\nMove-CsConferenceDirectory -Identity '2' -TargetPool 'pool13.litwareinc.com'\r\n")
                .doesNotContain("-Identity '3'");
        assertThat(script.indexOf("Move-CsConferenceDirectory -Identity '1'"))
                .isGreaterThan(script.lastIndexOf("\r\nMove-CsUser ")).isGreaterThan(script.lastIndexOf("\r\nMove-CsLegacyUser "));
        assertThat(script.lines().filter(l -> !l.startsWith("#"))).noneMatch(l -> l.contains("-Force"));
    }
}
