package io.migkb.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.model.ServerVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The wave scripts, read against Microsoft's cmdlet reference for Lync Server 2013. */
class PowerShellScriptTest {
    private static final String TARGET = "pool13.contoso.com";

    /** Each cmdlet's parameters per its Lync Server 2013 syntax (Move-CsLegacyUser has no conference-data option). */
    private static final Map<String, Set<String>> REFERENCE = Map.of(
            "Move-CsLegacyUser", Set.of("Identity", "Target", "Confirm", "Credential", "DomainController",
                    "ExcludeArchivingPolicy", "ExcludeConferencingPolicy", "ExcludeDialPlan", "ExcludeExternalAccessPolicy",
                    "ExcludePresencePolicy", "ExcludeVoicePolicy", "Force", "HostedMigrationOverrideUrl",
                    "IgnoreBackendStoreException", "PassThru", "ProxyPool", "WhatIf"),
            "Move-CsUser", Set.of("Identity", "Target", "Confirm", "Credential", "DomainController", "Force",
                    "HostedMigrationOverrideUrl", "IgnoreBackendStoreException", "MoveConferenceData", "PassThru",
                    "ProxyPool", "WhatIf"));
    private static final Pattern PARAMETER = Pattern.compile("\\s-([A-Za-z]+)");

    private static UserMove ocs(String sip) {
        return new UserMove(sip, "ocs.contoso.com", ServerVersion.OCS_2007_R2, MoveCommand.MOVE_CS_LEGACY_USER, false,
                List.of());
    }

    private static UserMove lync2010(String sip, boolean moveConferenceData) {
        return new UserMove(sip, "pool10.contoso.com", ServerVersion.LYNC_2010, MoveCommand.MOVE_CS_USER,
                moveConferenceData, List.of());
    }

    private static String script(UserMove... users) {
        Wave wave = new Wave(1, Wave.Kind.POOL, "test wave", "For the test.", List.of(users), List.of());
        MigrationPlan plan = new MigrationPlan("contoso.com", "inv.json", TARGET, false, false, List.of(wave), List.of(),
                List.of(), List.of());
        return PowerShellScript.render(plan, wave);
    }

    private static List<String> commandLines(String script) {
        return Arrays.stream(script.split("\r\n")).filter(l -> l.startsWith("Move-")).toList();
    }

    @Test
    void anOcs2007R2UserIsMovedWithMoveCsLegacyUserAndACommentSaysMeetingsMustBeRescheduled() {
        String script = script(ocs("dave@contoso.com"));

        assertThat(commandLines(script))
                .containsExactly("Move-CsLegacyUser -Identity 'sip:dave@contoso.com' -Target 'pool13.contoso.com'");
        assertThat(script).contains("# dave@contoso.com: Office Communications Server 2007 R2, pool ocs.contoso.com")
                .contains("Move-CsLegacyUser has no conference-data option").contains("must be rescheduled in Lync 2013");
    }

    @Test
    void aLync2010UserIsMovedWithMoveCsUserAndMoveConferenceDataWhenThePlanSaysSo() {
        assertThat(commandLines(script(lync2010("erin@contoso.com", true)))).containsExactly(
                "Move-CsUser -Identity 'sip:erin@contoso.com' -Target 'pool13.contoso.com' -MoveConferenceData");
    }

    @Test
    void withoutMoveConferenceDataTheSwitchIsLeftOutAndACommentSaysContentWillNotMove() {
        String script = script(lync2010("erin@contoso.com", false));

        assertThat(commandLines(script))
                .containsExactly("Move-CsUser -Identity 'sip:erin@contoso.com' -Target 'pool13.contoso.com'");
        assertThat(script).contains("No -MoveConferenceData (plan.moveConferenceData is false): meeting content");
        assertThat(script.replace("\r\n#", "\n#")).contains("will not move");
    }

    @Test
    void theHeaderSaysWhatMadeItAndHowToPreviewAndKeepsConfirmationOn() {
        String script = script(ocs("dave@contoso.com"), lync2010("erin@contoso.com", false));

        assertThat(script).startsWith("# migkb migration plan for contoso.com: wave 1 of 1, test wave\r\n")
                .contains("Review before running: migkb writes this script and never runs it.")
                .contains(".\\wave-1.ps1 -WhatIf")
                .contains("\r\n[CmdletBinding(SupportsShouldProcess = $true)]\r\nparam()\r\n$ErrorActionPreference = 'Stop'\r\n")
                .contains("if (-not (Get-Command Move-CsLegacyUser -ErrorAction SilentlyContinue)) {")
                .contains("if (-not (Get-Command Move-CsUser -ErrorAction SilentlyContinue)) {")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(commandLines(script)).noneMatch(l -> l.contains("-Confirm") || l.contains("-Force")
                || l.contains("-WhatIf"));
        assertThat(script.replace("\r\n", "")).as("CRLF only").doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void theCommentOnForceGivesEachCmdletsOwnMeaning() {
        String legacyOnly = script(ocs("dave@contoso.com")).replace("\r\n#   ", " ");
        assertThat(legacyOnly).contains("Move-CsLegacyUser -Force suppresses the non-fatal error messages")
                .doesNotContain("Move-CsUser -Force").doesNotContain("discards the user's scheduled conferences");
        String both = script(ocs("dave@contoso.com"), lync2010("erin@contoso.com", false)).replace("\r\n#   ", " ");
        assertThat(both).contains("Move-CsUser -Force moves the account without its contacts and meetings, which cannot"
                + " be recovered.").contains("Move-CsLegacyUser -Force suppresses");
    }

    @Test
    void quotesDollarsAndBackticksInAddressesStayLiteral() {
        assertThat(PowerShellScript.literal("o'brien@contoso.com")).isEqualTo("'o''brien@contoso.com'");
        assertThat(PowerShellScript.literal("o\u2019brien@contoso.com")).isEqualTo("'o\u2019\u2019brien@contoso.com'");
        assertThat(PowerShellScript.literal("$env:x`t\"@contoso.com")).isEqualTo("'$env:x`t\"@contoso.com'");
        assertThat(commandLines(script(ocs("sip:o'brien@contoso.com")))).containsExactly(
                "Move-CsLegacyUser -Identity 'sip:o''brien@contoso.com' -Target 'pool13.contoso.com'");
    }

    @Test
    void commentTextCannotBreakOutOfItsComment() {
        UserMove sneaky = new UserMove("eve@contoso.com", "pool10.contoso.com", ServerVersion.LYNC_2010,
                MoveCommand.MOVE_CS_USER, false, List.of("note\r\nRemove-CsUser -Identity x\u2028Stop-Computer"));
        String script = script(sneaky);

        assertThat(script.split("\r\n")).noneMatch(l -> l.startsWith("Remove-") || l.startsWith("Stop-"));
        assertThat(script).contains("#   note Remove-CsUser -Identity x Stop-Computer");
    }

    @Test
    void theHeldBackWaveHasCommentsOnly() throws Exception {
        Wave held = Contoso.plan().waves().get(4);
        String script = PowerShellScript.render(Contoso.plan(), held);

        assertThat(script.split("\r\n")).allMatch(l -> l.isEmpty() || l.startsWith("#"));
        assertThat(script).contains("alice@contoso.com", "Not moved: no command.", "PLAN-LIVE-MEETING-NEEDS");
    }

    @Test
    void everyCommandOfEveryContosoScriptMatchesTheCmdletReference() throws Exception {
        List<String> commands = new ArrayList<>();
        for (MigrationPlan plan : List.of(Contoso.plan(), Contoso.plan(true, false), Contoso.plan(false, true))) {
            for (Wave w : plan.scriptedWaves()) {
                commands.addAll(commandLines(PowerShellScript.render(plan, w)));
            }
        }

        assertThat(commands).hasSizeGreaterThanOrEqualTo(15).allSatisfy(command -> {
            String cmdlet = command.substring(0, command.indexOf(' '));
            assertThat(REFERENCE).containsKey(cmdlet);
            Matcher m = PARAMETER.matcher(command.replaceAll("'[^']*'", "''"));
            List<String> parameters = new ArrayList<>();
            while (m.find()) {
                parameters.add(m.group(1));
            }
            assertThat(parameters).as(command).startsWith("Identity", "Target").doesNotHaveDuplicates();
            assertThat(REFERENCE.get(cmdlet)).as(command).containsAll(parameters);
            assertThat(parameters).as(command).doesNotContain("Force", "Confirm");
            assertThat(command).matches(cmdlet + " -Identity 'sip:[^']+' -Target 'pool13\\.contoso\\.com'( -MoveConferenceData)?");
        });
        assertThat(commands).filteredOn(c -> c.startsWith("Move-CsLegacyUser")).isNotEmpty()
                .noneMatch(c -> c.contains("MoveConferenceData"));
        assertThat(commands).anyMatch(c -> c.endsWith(" -MoveConferenceData"));
    }

    @Test
    void scriptsAreUtf8WithAByteOrderMarkForWindowsPowerShell() throws Exception {
        PlanFile script = PlanFormat.files(Contoso.plan(), List.of()).get(0);

        assertThat(script.name()).isEqualTo("wave-1.ps1");
        assertThat(script.content()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(script.text()).startsWith("# migkb migration plan");
    }
}
