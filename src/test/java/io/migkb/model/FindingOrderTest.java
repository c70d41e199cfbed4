package io.migkb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Report order: severity, rule, subject, message; the same, stably, whether sorted on one thread or several. */
class FindingOrderTest {
    private static final String[] RULES = {"URL-LEGACY-CONF", "URL-LEGACY-MEET", "CLIENT-IM-ONLY", "FED-LOCKED-OC2007"};

    /** Findings in random order, their rule ids sometimes the shared string and sometimes an equal copy of it. */
    private static List<Finding> shuffled(int count, long seed) {
        Random random = new Random(seed);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String rule = RULES[random.nextInt(RULES.length)];
            findings.add(new Finding(random.nextBoolean() ? rule : new String(rule),
                    Severity.values()[random.nextInt(Severity.values().length)], "meeting:m-" + random.nextInt(count / 3),
                    "message " + random.nextInt(5), "remedy", "reference", null));
        }
        Collections.shuffle(findings, random);
        return findings;
    }

    /** The order spelled out field by field, independent of the written-out comparison. */
    private static final Comparator<Finding> SPELLED_OUT = Comparator.comparing(Finding::getSeverity)
            .thenComparing(Finding::getRule).thenComparing(Finding::getSubject).thenComparing(Finding::getMessage);

    @Test
    void sortingOnOneTwoOrThreeThreadsGivesTheSameReportOrderStably() {
        List<Finding> sequential = shuffled(200_000, 11);
        List<Finding> two = new ArrayList<>(sequential);
        List<Finding> three = new ArrayList<>(sequential);
        FindingSort.inReportOrder(sequential, 1);
        FindingSort.inReportOrder(two, 2);
        FindingSort.inReportOrder(three, 3);
        assertThat(sequential).isSortedAccordingTo(SPELLED_OUT);
        // Stable on any number of threads: equal findings keep their order, so the very same objects line up.
        for (List<Finding> threaded : List.of(two, three)) {
            for (int i = 0; i < sequential.size(); i++) {
                assertThat(threaded.get(i)).isSameAs(sequential.get(i));
            }
        }
    }

    @Test
    void equalRuleIdsThatAreDifferentStringsStillSortTogether() {
        List<Finding> findings = shuffled(1_000, 3);
        FindingSort.inReportOrder(findings, 1);
        assertThat(findings).isSortedAccordingTo(SPELLED_OUT);
    }
}
