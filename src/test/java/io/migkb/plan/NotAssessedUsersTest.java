package io.migkb.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.model.Coverage;
import io.migkb.model.Coverage.NotAssessedUser;
import io.migkb.model.Coverage.Reason;
import io.migkb.model.Inventory;
import io.migkb.model.SourceLocation;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Users the inputs hold but migkb does not assess are listed in every plan format and named in no script. */
class NotAssessedUsersTest {
    private static final List<NotAssessedUser> LEFT_OUT = List.of(
            new NotAssessedUser("oscar@contoso.com", Reason.DISABLED, "disabled in users.csv (line 8, Enabled is False)",
                    new SourceLocation("exports/users.csv", 8, 0)),
            new NotAssessedUser("paula@contoso.com", Reason.NO_POOL, "not assigned, RegistrarPool is empty",
                    new SourceLocation("exports/users.csv", 9, 0)),
            new NotAssessedUser("=quinn@contoso.com", Reason.OUT_OF_SCOPE_POOL, "homed on sfb.contoso.com, a, \"SfB\" pool",
                    null));

    private static MigrationPlan plan(List<NotAssessedUser> notAssessed) throws PlanException {
        Inventory inventory = Contoso.inventory();
        return Planner.plan(inventory.withCoverage(Coverage.of(inventory, notAssessed)), Contoso.findings(),
                Contoso.SOURCE);
    }

    private static String file(MigrationPlan plan, String name) {
        return PlanFormat.files(plan, EnumSet.allOf(PlanFormat.class)).stream().filter(f -> f.name().equals(name))
                .findFirst().orElseThrow().text();
    }

    @Test
    void thePlanCarriesTheUsersLeftOutAndCountsThemByReason() throws Exception {
        MigrationPlan plan = plan(LEFT_OUT);

        assertThat(plan.notAssessed()).isEqualTo(LEFT_OUT);
        assertThat(plan.notAssessedSummary()).isEqualTo("3 users not assessed (1 disabled, 1 without a Registrar pool,"
                + " 1 homed on a pool outside the migration)");
        assertThat(plan.waves()).flatExtracting(Wave::users).extracting(UserMove::sip)
                .doesNotContain("oscar@contoso.com", "paula@contoso.com", "=quinn@contoso.com");
    }

    @Test
    void csvListsEachUserLeftOutWithReasonDetailAndLocation() throws Exception {
        String csv = file(plan(LEFT_OUT), "plan-not-assessed.csv");

        assertThat(csv.split("\r\n")).containsExactly("sip,reason,detail,location",
                "oscar@contoso.com,DISABLED,\"disabled in users.csv (line 8, Enabled is False)\",exports/users.csv:8",
                "paula@contoso.com,NO_POOL,\"not assigned, RegistrarPool is empty\",exports/users.csv:9",
                "'=quinn@contoso.com,OUT_OF_SCOPE_POOL,\"homed on sfb.contoso.com, a, \"\"SfB\"\" pool\",");
    }

    @Test
    void csvOfAPlanWithEveryoneAssessedHasItsHeaderOnly() throws Exception {
        assertThat(file(plan(List.of()), "plan-not-assessed.csv")).isEqualTo("sip,reason,detail,location\r\n");
    }

    @Test
    void markdownHasANotAssessedSectionWithOneRowPerUser() throws Exception {
        String md = file(plan(LEFT_OUT), "plan.md");

        assertThat(md).contains("In no wave either: 3 users not assessed (1 disabled, 1 without a Registrar pool, 1 homed"
                        + " on a pool outside the migration), listed under *Not assessed* below.")
                .contains("\n## Not assessed\n\n3 users not assessed (")
                .contains("| oscar@contoso.com | `DISABLED` disabled | disabled in users.csv (line 8, Enabled is False)"
                        + " | exports/users.csv:8 |")
                .contains("| paula@contoso.com | `NO_POOL` without a Registrar pool |")
                .contains("| =quinn@contoso.com | `OUT_OF_SCOPE_POOL` homed on a pool outside the migration |");
        assertThat(file(plan(List.of()), "plan.md")).endsWith("\n## Not assessed\n\nNone: every user in the inputs was"
                + " assessed.\n").doesNotContain("In no wave either");
    }

    @Test
    void htmlHasANotAssessedSectionWithOneRowPerUser() throws Exception {
        String html = file(plan(LEFT_OUT), "plan.html");

        assertThat(html).contains("<a href=\"#not-assessed\">")
                .contains("<h2 id=\"not-assessed\">Not assessed</h2>")
                .contains("<tr><td>oscar@contoso.com</td><td><code>DISABLED</code>")
                .contains("<tr><td>paula@contoso.com</td><td><code>NO_POOL</code>")
                .contains("homed on sfb.contoso.com, a, &quot;SfB&quot; pool");
        assertThat(file(plan(List.of()), "plan.html")).contains("<h2 id=\"not-assessed\">Not assessed</h2>\n"
                + "<p class=\"none\">None: every user in the inputs was assessed.</p>");
    }

    @Test
    void noScriptNamesAUserLeftOutButEachSaysHowManyAndWhereTheListIs() throws Exception {
        MigrationPlan plan = plan(LEFT_OUT);

        assertThat(plan.scriptedWaves()).isNotEmpty();
        for (Wave w : plan.scriptedWaves()) {
            assertThat(PowerShellScript.render(plan, w)).as(w.scriptName())
                    .doesNotContain("oscar@").doesNotContain("paula@").doesNotContain("quinn@")
                    .contains("# In no script: 3 users not assessed (1 disabled, 1 without a Registrar pool, 1 homed on a")
                    .contains("plan-not-assessed.csv");
        }
        MigrationPlan none = plan(List.of());
        assertThat(PowerShellScript.render(none, none.scriptedWaves().get(0))).doesNotContain("not assessed");
    }
}
