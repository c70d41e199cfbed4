package io.migkb.waiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migkb.model.Finding;
import io.migkb.model.Severity;
import io.migkb.model.SourceLocation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaiverTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private static final Finding BRANCH_IM = finding("CLIENT-IM-ONLY", Severity.WARNING, "user:ann@branch.contoso.com");
    private static final Finding HQ_IM = finding("CLIENT-IM-ONLY", Severity.WARNING, "user:dave@contoso.com");
    private static final Finding LEGACY = finding("URL-LEGACY-CONF", Severity.BLOCKER, "meeting:m-002");
    private static final List<Finding> FINDINGS = List.of(LEGACY, BRANCH_IM, HQ_IM);

    static Finding finding(String rule, Severity severity, String subject) {
        return new Finding(rule, severity, subject, rule + " about " + subject, "remedy", "section", null);
    }

    static Waiver waiver(String rule, String subject, LocalDate expires) {
        return new Waiver(rule, subject, "accepted", "it-ops@contoso.com", expires, new SourceLocation("w.yaml", 1, 3));
    }

    @Test
    void aSubjectGlobWaivesTheMatchingFindingsOfItsRuleOnly() {
        WaiverSet set = new WaiverSet("w.yaml", List.of(waiver("CLIENT-IM-ONLY", "user:*@branch.contoso.com", TODAY)));

        WaiverOutcome outcome = set.apply(FINDINGS, TODAY);

        assertThat(outcome.isWaived(BRANCH_IM)).isTrue();
        assertThat(outcome.isWaived(HQ_IM)).isFalse();
        assertThat(outcome.isWaived(LEGACY)).isFalse();
        assertThat(outcome.waivedCount()).isEqualTo(1);
        assertThat(outcome.inForce(FINDINGS)).containsExactly(LEGACY, HQ_IM);
        assertThat(outcome.expired()).isEmpty();
        assertThat(outcome.unmatched()).isEmpty();
    }

    @Test
    void globsMatchWholeTextIgnoringCaseAndTreatOnlyStarAsSpecial() {
        assertThat(waiver("CLIENT-IM-ONLY", "user:*@BRANCH.contoso.com", TODAY).matches(BRANCH_IM)).isTrue();
        assertThat(waiver("CLIENT-IM-ONLY", "user:ann", TODAY).matches(BRANCH_IM)).as("whole subject").isFalse();
        assertThat(waiver("*", "user:ann@branch.contoso.com", TODAY).matches(BRANCH_IM)).as("every rule").isTrue();
        assertThat(waiver("CLIENT-*", "*", TODAY).matches(HQ_IM)).isTrue();
        assertThat(waiver("CLIENT-IM-ONLY", "user:ann@branch.contoso.co?", TODAY).matches(BRANCH_IM))
                .as("? is literal").isFalse();
        assertThat(waiver("CLIENT-IM-ONLY", "user:ann@branch(contoso).com", TODAY)
                .matches(finding("CLIENT-IM-ONLY", Severity.WARNING, "user:ann@branch(contoso).com")))
                .as("regex characters are literal").isTrue();
    }

    @Test
    void aWaiverHoldsThroughItsExpiryDayAndNotAfter() {
        WaiverSet set = new WaiverSet("w.yaml", List.of(waiver("URL-LEGACY-CONF", "meeting:m-002", TODAY)));

        assertThat(set.apply(FINDINGS, TODAY).isWaived(LEGACY)).isTrue();
        WaiverOutcome dayAfter = set.apply(FINDINGS, TODAY.plusDays(1));
        assertThat(dayAfter.isWaived(LEGACY)).isFalse();
        assertThat(dayAfter.expired()).singleElement().satisfies(l -> assertThat(l.findings()).isEqualTo(1));
        assertThat(dayAfter.unmatched()).as("an expired waiver is reported as expired, not unmatched").isEmpty();
        assertThat(dayAfter.notices()).singleElement().asString()
                .contains("w.yaml:1:3", "URL-LEGACY-CONF meeting:m-002", "expired on 2026-06-15", "1 finding it matches count again");
    }

    @Test
    void twoEqualExpiredWaiversAreEachReportedWithTheirOwnCount() {
        // Built in code, equal in every field: each is its own waiver, not one entry of a map.
        Waiver first = waiver("URL-LEGACY-CONF", "meeting:m-002", TODAY);
        Waiver second = waiver("URL-LEGACY-CONF", "meeting:m-002", TODAY);
        WaiverOutcome dayAfter = new WaiverSet("w.yaml", List.of(first, second)).apply(FINDINGS, TODAY.plusDays(1));
        assertThat(dayAfter.expired()).hasSize(2).allSatisfy(l -> assertThat(l.findings()).isEqualTo(1));
    }

    @Test
    void theClockDecidesToday() {
        WaiverSet set = new WaiverSet("w.yaml", List.of(waiver("URL-LEGACY-CONF", "meeting:m-002", TODAY)));
        Clock later = Clock.fixed(Instant.parse("2026-06-16T00:30:00Z"), ZoneOffset.UTC);

        assertThat(set.apply(FINDINGS, later).expired()).hasSize(1);
    }

    @Test
    void aWaiverThatMatchesNothingIsReported() {
        Waiver typo = waiver("CLIENT-IM-ONLY", "user:*@brnach.contoso.com", TODAY);
        WaiverOutcome outcome = new WaiverSet("w.yaml", List.of(typo)).apply(FINDINGS, TODAY);

        assertThat(outcome.unmatched()).containsExactly(typo);
        assertThat(outcome.notices()).singleElement().asString().contains("matches no finding");
    }

    @Test
    void theFirstMatchingWaiverWinsAndALaterOneIsStillCountedAsMatched() {
        Waiver first = waiver("*", "user:ann@branch.contoso.com", TODAY);
        Waiver second = waiver("CLIENT-IM-ONLY", "user:*", TODAY);
        WaiverOutcome outcome = new WaiverSet("w.yaml", List.of(first, second)).apply(FINDINGS, TODAY);

        assertThat(outcome.waiverOf(BRANCH_IM)).contains(first);
        assertThat(outcome.waiverOf(HQ_IM)).contains(second);
        assertThat(outcome.unmatched()).isEmpty();
    }

    @Test
    void noWaiversFileWaivesNothingAndIsNotGiven() {
        WaiverOutcome outcome = WaiverSet.NONE.apply(FINDINGS, TODAY);
        assertThat(outcome.given()).isFalse();
        assertThat(outcome.waivedCount()).isZero();
        assertThat(outcome.inForce(FINDINGS)).isEqualTo(FINDINGS);
    }

    @Test
    void readsDesignsExample() throws Exception {
        WaiverSet set = WaiverReader.read("waivers.yaml", """
                - rule: CLIENT-IM-ONLY
                  subject: "user:*@branch.contoso.com"
                  reason: branch office keeps Communicator 2007 R2 until the hardware refresh
                  owner: it-ops@contoso.com
                  expires: 2027-03-31
                """);

        assertThat(set.waivers()).singleElement().satisfies(w -> {
            assertThat(w.rule()).isEqualTo("CLIENT-IM-ONLY");
            assertThat(w.subject()).isEqualTo("user:*@branch.contoso.com");
            assertThat(w.reason()).startsWith("branch office");
            assertThat(w.owner()).isEqualTo("it-ops@contoso.com");
            assertThat(w.expires()).isEqualTo(LocalDate.of(2027, 3, 31));
            assertThat(w.location()).isEqualTo(new SourceLocation("waivers.yaml", 1, 3));
        });
    }

    @Test
    void anEmptyFileHasNoWaivers() throws Exception {
        assertThat(WaiverReader.read("w.yaml", "").waivers()).isEmpty();
        assertThat(WaiverReader.read("w.yaml", "[]").waivers()).isEmpty();
    }

    @Test
    void reportsEveryProblemWithFileLineAndField() {
        String yaml = """
                - rule: CLIENT-IM-ONLY
                  subject: "user:*@branch.contoso.com"
                  reason: hardware refresh
                  owner: it-ops@contoso.com
                  expires: 2027-02-30
                - rule: URL-LEGACY-CONF
                  subject: "meeting:m-002"
                  reason:
                  expiry: 2027-01-01
                """;

        assertThatThrownBy(() -> WaiverReader.read("w.yaml", yaml))
                .isInstanceOfSatisfying(WaiverFileException.class, e -> assertThat(e.problems())
                        .extracting(WaiverProblem::format)
                        .containsExactly(
                                "w.yaml:5:12: [0].expires: \"2027-02-30\" is not a date: write yyyy-mm-dd, e.g. 2027-03-31",
                                "w.yaml:9:3: [1].expiry: unknown field (a waiver has rule, subject, reason, owner, expires)",
                                "w.yaml:8:10: [1].reason: must not be empty",
                                "w.yaml:6:3: [1].owner: missing: every waiver needs rule, subject, reason, owner, expires",
                                "w.yaml:6:3: [1].expires: missing: every waiver needs rule, subject, reason, owner, expires"));
    }

    @Test
    void aFileThatIsNotAListOrNotYamlIsOneProblem() {
        assertThatThrownBy(() -> WaiverReader.read("w.yaml", "rule: CLIENT-IM-ONLY\n"))
                .isInstanceOfSatisfying(WaiverFileException.class, e -> assertThat(e.problems()).singleElement()
                        .extracting(WaiverProblem::format).asString().startsWith("w.yaml:1:1: a waivers file is a list"));
        assertThatThrownBy(() -> WaiverReader.read("w.yaml", "- rule: \"unclosed\n"))
                .isInstanceOfSatisfying(WaiverFileException.class, e -> assertThat(e.problems()).singleElement()
                        .extracting(WaiverProblem::format).asString().isEqualTo("w.yaml:1:9: not valid YAML: while scanning a quoted scalar: found unexpected end of stream"));
    }
}
