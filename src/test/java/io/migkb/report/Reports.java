package io.migkb.report;

import io.migkb.model.Coverage;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import io.migkb.model.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small reports built in code for the writer tests, and a way to write one to a string. */
final class Reports {
    static final String OCS_SECTION = "Migrating Meetings from Office Communications Server 2007 R2";
    static final String FED_SECTION = "Meetings with Federated Organizations that Use Previous Clients";
    static final String CLIENT_SECTION = "After User Account is Migrated, Before Lync 2013 Is Installed";
    static final String PLAN_SECTION = "Migrating Users Based on Their Conferencing Needs";
    static final String CHANGES_SECTION = "Changes to Meetings in Lync Server 2013";
    static final String HOSTILE_ID = "<script>alert('pwned')</script>";

    private Reports() {
    }

    static Finding finding(String rule, Severity severity, String subject, String message, String remedy,
                           String reference, String concerns) {
        return new Finding(rule, severity, subject, message, remedy, reference, concerns);
    }

    /** A handful of findings of every severity, over four sections, with the locations a reader would know. */
    static Report contosoLike() {
        List<Finding> findings = List.of(
                finding("CLIENT-NEW-FEATURES", Severity.INFO, "user:frank@contoso.com",
                        "frank@contoso.com uses the Lync 2010 client", "Install the Lync 2013 client", CHANGES_SECTION,
                        "frank@contoso.com"),
                finding("URL-LEGACY-MEET", Severity.BLOCKER, "meeting:m-001",
                        "Meeting m-001 of alice@contoso.com has a meet: URL, which Lync Server 2013 does not support",
                        "alice@contoso.com opens the invitation with Lync 2013 installed (this updates the URL to https://) and resends it",
                        OCS_SECTION, "alice@contoso.com"),
                finding("FED-LOCKED-OC2007", Severity.BLOCKER, "meeting:m-001",
                        "Federated Communicator 2007 user carol@fabrikam.com cannot join locked meeting m-001",
                        "Reschedule meeting m-001 in Lync Server 2013 so carol@fabrikam.com joins by the https:// URL with Lync Web App",
                        FED_SECTION, "carol@fabrikam.com"),
                finding("FED-LOCKED-OC2007", Severity.BLOCKER, "meeting:m-004",
                        "Federated Communicator 2007 user henry@fabrikam.com cannot join locked meeting m-004",
                        "Reschedule meeting m-004 in Lync Server 2013 so henry@fabrikam.com joins by the https:// URL with Lync Web App",
                        FED_SECTION, "henry@fabrikam.com"),
                finding("FED-LOCKED-OC2007", Severity.BLOCKER, "meeting:m-004",
                        "Federated Communicator 2007 user carol@fabrikam.com cannot join locked meeting m-004",
                        "Reschedule meeting m-004 in Lync Server 2013 so carol@fabrikam.com joins by the https:// URL with Lync Web App",
                        FED_SECTION, "carol@fabrikam.com"),
                finding("FED-PARTNER-SUMMARY", Severity.WARNING, "partner:fabrikam.com",
                        "fabrikam.com: 2 Communicator 2007 user(s) cannot join 2 locked meeting(s)",
                        "Reschedule the locked meetings in Lync Server 2013 and ask fabrikam.com to have its users join by the https:// URL with Lync Web App",
                        FED_SECTION, null),
                finding("CLIENT-IM-ONLY", Severity.WARNING, "user:dave@contoso.com",
                        "dave@contoso.com uses Communicator 2007 R2: presence and IM only on Lync Server 2013, no conferencing",
                        "Install Lync 2013; meanwhile join meetings with Lync Web App 2013", CLIENT_SECTION,
                        "dave@contoso.com"),
                finding("PLAN-EARLY-ORGANIZER", Severity.ADVICE, "user:alice@contoso.com",
                        "alice@contoso.com organizes 25 meetings a month", "Move alice@contoso.com in an early wave",
                        PLAN_SECTION, "alice@contoso.com"));
        Map<String, SourceLocation> locations = Map.of(
                "meeting:m-001", new SourceLocation("examples/contoso.json", 41, 7),
                "meeting:m-004", new SourceLocation("examples/contoso.json", 51, 7),
                "user:dave@contoso.com", new SourceLocation("examples/contoso.json", 21, 5));
        return new Report("contoso.com", "examples/contoso.json", "rules/", findings)
                .withRuleDescriptions(List.of(
                        new RuleDescription("URL-LEGACY-MEET", Severity.BLOCKER, OCS_SECTION),
                        new RuleDescription("URL-LEGACY-CONF", Severity.BLOCKER, OCS_SECTION,
                                "A conf: meeting is not migrated: its organizer resends it from Lync 2013"),
                        new RuleDescription("FED-LOCKED-OC2007", Severity.BLOCKER, FED_SECTION),
                        new RuleDescription("FED-PARTNER-SUMMARY", Severity.WARNING, FED_SECTION),
                        new RuleDescription("CLIENT-IM-ONLY", Severity.WARNING, CLIENT_SECTION),
                        new RuleDescription("PLAN-EARLY-ORGANIZER", Severity.ADVICE, PLAN_SECTION),
                        new RuleDescription("CLIENT-NEW-FEATURES", Severity.INFO, CHANGES_SECTION)))
                .withLocations(subject -> Optional.ofNullable(locations.get(subject)));
    }

    /** A report whose inventory tries to inject markup and formulas through a meeting id and a message. */
    static Report hostile() {
        List<Finding> findings = List.of(
                finding("URL-LEGACY-CONF", Severity.BLOCKER, "meeting:" + HOSTILE_ID,
                        "Meeting " + HOSTILE_ID + " of \"eve\" <eve@contoso.com> has a conf: URL, & that | is bad",
                        "=HYPERLINK(\"http://evil.example/\",\"click\")", OCS_SECTION, "eve@contoso.com"),
                finding("CLIENT-IM-ONLY", Severity.WARNING, "user:mallory\u0007@contoso.com",
                        "-2+3 control \u0001 character and a line\nbreak", "@SUM(A1:A2)", CLIENT_SECTION,
                        "mallory\u0007@contoso.com"));
        return new Report("contoso.com", "examples/contoso.json", "rules/", findings);
    }

    /** 7 of 10 users with client data, every pool with a version, 2 users not assessed (one disabled, one pool-less). */
    static final Coverage COVERAGE = new Coverage(7, 10, 4, 4, 2, 2, List.of(
            new Coverage.NotAssessedUser("gina@contoso.com", Coverage.Reason.DISABLED, "Enabled is False",
                    new SourceLocation("exports/users.csv", 12, 0)),
            new Coverage.NotAssessedUser("hank@contoso.com", Coverage.Reason.NO_POOL, "no RegistrarPool", null)));
    static final String COVERAGE_LINE = "users with client data 7 of 10; pools with a server version 4 of 4; "
            + "meetings with participants 2 of 2; not assessed 2 users (1 disabled, 1 without a Registrar pool)";

    /** {@link #contosoLike()} with {@link #COVERAGE}, as the assess command builds it from an inventory. */
    static Report covered() {
        return contosoLike().withCoverage(COVERAGE);
    }

    static Report empty() {
        return new Report("contoso.com", "examples/empty.json", "rules/", List.of());
    }

    static byte[] bytes(ReportWriter writer, Report report) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.write(report, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(ReportWriter writer, Report report) {
        return new String(bytes(writer, report), StandardCharsets.UTF_8);
    }
}
