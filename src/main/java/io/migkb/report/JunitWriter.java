package io.migkb.report;

import io.migkb.model.Coverage;
import io.migkb.model.Finding;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI dashboards: one {@code testsuite} per rule, one {@code testcase} per rule and subject. A
 * subject's findings at or above {@link Report#failOn} make its test case a {@code failure} carrying the message and
 * the remedy; below it the test case passes with the message in {@code system-out}. Without a threshold nothing
 * fails. Rules that ran and found nothing appear as empty suites. Each suite's properties carry the rule's severity
 * and section, and the run's threshold and coverage.
 */
public final class JunitWriter implements ReportWriter {
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    @Override
    public String format() {
        return "junit";
    }

    @Override
    public String extension() {
        return "xml";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        Map<String, Map<String, List<Finding>>> byRule = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            byRule.computeIfAbsent(f.getRule(), r -> new LinkedHashMap<>())
                    .computeIfAbsent(f.getSubject(), s -> new ArrayList<>(1)).add(f);
        }
        Map<String, RuleDescription> rules = new LinkedHashMap<>();
        for (RuleDescription d : RuleCatalog.of(report)) {
            rules.put(d.id(), d);
        }
        int tests = 0;
        int failures = 0;
        for (Map<String, List<Finding>> subjects : byRule.values()) {
            tests += subjects.size();
            failures += (int) subjects.values().stream().filter(list -> fails(report, list)).count();
        }
        try {
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            XMLStreamWriter xml = XML.createXMLStreamWriter(buffered, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", Text.xml("migkb " + TableWriter.headline(report)));
            xml.writeAttribute("tests", Integer.toString(tests));
            xml.writeAttribute("failures", Integer.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            for (Map.Entry<String, Map<String, List<Finding>>> rule : byRule.entrySet()) {
                writeSuite(xml, report, rules.get(rule.getKey()), rule.getValue());
            }
            for (RuleDescription d : rules.values()) {
                if (!byRule.containsKey(d.id())) {
                    writeSuite(xml, report, d, Map.of());
                }
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
            buffered.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    private static void writeSuite(XMLStreamWriter xml, Report report, RuleDescription rule,
                                   Map<String, List<Finding>> subjects) throws XMLStreamException {
        long failures = subjects.values().stream().filter(list -> fails(report, list)).count();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", Text.xml(rule.id()));
        xml.writeAttribute("tests", Integer.toString(subjects.size()));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "severity", rule.severity() == null ? "" : rule.severity().name());
        property(xml, "section", rule.reference());
        if (report.failOn() != null) {
            property(xml, "fail-on", report.failOn().name());
        }
        if (report.coverage() != null) {
            coverageProperties(xml, report.coverage());
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        for (Map.Entry<String, List<Finding>> subject : subjects.entrySet()) {
            writeCase(xml, report, rule, subject.getKey(), subject.getValue());
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void writeCase(XMLStreamWriter xml, Report report, RuleDescription rule, String subject,
                                  List<Finding> findings) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", Text.xml(subject));
        xml.writeAttribute("classname", Text.xml(rule.id()));
        xml.writeAttribute("time", "0");
        StringBuilder body = new StringBuilder();
        for (Finding f : findings) {
            body.append(f.getSeverity()).append(' ').append(f.getRule()).append(' ').append(f.getSubject()).append(": ")
                    .append(f.getMessage()).append("\nRemedy: ").append(f.getRemedy()).append('\n');
            if (f.isDeferred()) {
                body.append("Deferred: ").append(f.getDeferred()).append('\n');
            }
        }
        body.append("Section: ").append(findings.get(0).getReference()).append('\n');
        if (fails(report, findings)) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("failure");
            xml.writeAttribute("message", Text.xml(messages(findings)));
            xml.writeAttribute("type", findings.get(0).getSeverity().name());
            xml.writeCharacters(Text.xml(body.toString()));
            xml.writeEndElement();
        } else {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(Text.xml(body.toString()));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    /**
     * The coverage as properties: JUnit XML has properties on a testsuite only, so every suite carries them, as it
     * carries fail-on.
     */
    private static void coverageProperties(XMLStreamWriter xml, Coverage coverage) throws XMLStreamException {
        property(xml, "coverage", coverage.describe());
        property(xml, "coverage.usersWithClient", Integer.toString(coverage.usersWithClient()));
        property(xml, "coverage.users", Integer.toString(coverage.users()));
        property(xml, "coverage.poolsWithVersion", Integer.toString(coverage.poolsWithVersion()));
        property(xml, "coverage.pools", Integer.toString(coverage.pools()));
        property(xml, "coverage.meetingsWithParticipants", Integer.toString(coverage.meetingsWithParticipants()));
        property(xml, "coverage.meetings", Integer.toString(coverage.meetings()));
        property(xml, "coverage.notAssessed", Integer.toString(coverage.notAssessed().size()));
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", Text.xml(value == null ? "" : value));
    }

    private static boolean fails(Report report, List<Finding> findings) {
        return findings.stream().anyMatch(report::fails);
    }

    private static String messages(List<Finding> findings) {
        if (findings.size() == 1) {
            return findings.get(0).getMessage();
        }
        StringBuilder s = new StringBuilder(findings.size() + " findings: ");
        for (int i = 0; i < findings.size(); i++) {
            s.append(i == 0 ? "" : "; ").append(findings.get(i).getMessage());
        }
        return s.toString();
    }
}
