package io.migkb.report;

import io.migkb.model.Finding;
import io.migkb.model.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings grouped by the article section they cite, the sections with blockers first. Holds references to the
 * report's findings only: no text is built.
 */
final class Sections {
    /** Sections with the most serious findings first, then the most of them, then by name. */
    private static final Comparator<Section> BLOCKERS_FIRST = Comparator
            .comparing(Section::worst)
            .thenComparing(s -> -s.count(s.worst()))
            .thenComparing(s -> -s.findings().size())
            .thenComparing(Section::reference);

    private Sections() {
    }

    /**
     * One section of the article.
     *
     * @param reference the section heading ("" for findings that cite none)
     * @param findings  its findings, in report order
     * @param counts    its findings per severity, every severity present
     */
    record Section(String reference, List<Finding> findings, Map<Severity, Integer> counts) {
        Severity worst() {
            return findings.get(0).getSeverity();
        }

        int count(Severity severity) {
            return counts.get(severity);
        }

        String title() {
            return reference.isBlank() ? "(no article section)" : reference;
        }
    }

    static List<Section> of(List<Finding> findings) {
        Map<String, List<Finding>> bySection = new LinkedHashMap<>();
        for (Finding f : findings) {
            bySection.computeIfAbsent(f.getReference(), r -> new ArrayList<>()).add(f);
        }
        List<Section> sections = new ArrayList<>(bySection.size());
        for (Map.Entry<String, List<Finding>> e : bySection.entrySet()) {
            List<Finding> list = e.getValue();
            list.sort(Finding.REPORT_ORDER);
            Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
            for (Severity s : Severity.values()) {
                counts.put(s, 0);
            }
            list.forEach(f -> counts.merge(f.getSeverity(), 1, Integer::sum));
            sections.add(new Section(e.getKey(), Collections.unmodifiableList(list), counts));
        }
        sections.sort(BLOCKERS_FIRST);
        return sections;
    }
}
