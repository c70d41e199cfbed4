package io.migkb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.engine.Assessment;
import io.migkb.engine.TestRules;
import io.migkb.model.Finding;
import io.migkb.model.Severity;
import java.util.List;

/**
 * The findings of one assessment of an {@link Inv} inventory, with the look-ups rule tests need: the findings of
 * one rule, their subjects, the users they concern, and the one finding a rule must give for a subject.
 */
final class Findings {
    // The article's section headings, which rules give as their reference.
    static final String CHANGES_TO_MEETINGS = "Changes to Meetings in Lync Server 2013";
    static final String CONFERENCING_NEEDS = "Migrating Users Based on Their Conferencing Needs";
    static final String FROM_LYNC_2010 = "Migrating Meetings from Lync Server 2010";
    static final String FROM_OCS_2007_R2 = "Migrating Meetings from Office Communications Server 2007 R2";
    static final String LYNC_2010_EXPERIENCE = "User Experience during Lync Server 2010 Migration";
    static final String JOINING_2010_MEETINGS = "Joining Lync Server 2010 Meetings with a Lync 2013 Client";
    static final String BEFORE_LYNC_2013_INSTALLED = "After User Account is Migrated, Before Lync 2013 Is Installed";
    static final String AFTER_LYNC_2013_INSTALLED = "After User Account is Migrated, After Lync 2013 Is Installed";
    static final String FEDERATED = "Meetings with Federated Organizations that Use Previous Clients";
    /** Not the article's: what a customer's exports did not say (rules/inventory-data-gaps.drl). */
    static final String INVENTORY_DATA = "Inventory data (not a section of the article)";

    private final List<Finding> all;

    private Findings(List<Finding> all) {
        this.all = all;
    }

    /** Assesses the inventory with the catalogue in rules/ (compiled once per JVM). */
    static Findings assess(Inv inventory) {
        Assessment assessment = TestRules.assessor().assess(inventory.build());
        return new Findings(assessment.findings());
    }

    List<Finding> all() {
        return all;
    }

    /** Every finding of {@code rule}, in report order. */
    List<Finding> of(String rule) {
        return all.stream().filter(f -> f.getRule().equals(rule)).toList();
    }

    /** The subjects of {@code rule}'s findings, one entry per finding (duplicates kept). */
    List<String> subjects(String rule) {
        return of(rule).stream().map(Finding::getSubject).toList();
    }

    /** The users {@code rule}'s findings concern, one entry per finding (duplicates kept). */
    List<String> concerns(String rule) {
        return of(rule).stream().map(Finding::getConcerns).toList();
    }

    /** The findings of {@code rule} on {@code subject}. */
    List<Finding> on(String rule, String subject) {
        return of(rule).stream().filter(f -> f.getSubject().equals(subject)).toList();
    }

    /** Asserts that {@code rule} gives exactly one finding, on {@code subject}, and returns it. */
    Finding single(String rule, String subject) {
        assertThat(subjects(rule)).as("subjects of %s in %s", rule, all).containsExactly(subject);
        return of(rule).get(0);
    }

    /**
     * Asserts what every finding must carry: the rule's severity, the article section it encodes as reference,
     * and a message naming the user concerned.
     */
    static void assertFinding(Finding f, Severity severity, String reference, String userNamed) {
        assertThat(f.getSeverity()).as("severity of %s", f).isEqualTo(severity);
        assertThat(f.getReference()).as("reference of %s", f).isEqualTo(reference);
        assertThat(f.getMessage()).as("message of %s", f).contains(userNamed);
        assertThat(f.getRemedy()).as("remedy of %s", f).isNotBlank();
    }
}
