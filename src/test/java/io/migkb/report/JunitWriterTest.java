package io.migkb.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.model.Severity;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitWriterTest {
    private final JunitWriter writer = new JunitWriter();

    @Test
    void junitMarksBlockersAsFailuresWhenFailOnIsBlocker() throws Exception {
        Document xml = parse(Reports.contosoLike().withFailOn(Severity.BLOCKER));

        Element meet = testcase(xml, "URL-LEGACY-MEET", "meeting:m-001");
        Element failure = child(meet, "failure");
        assertThat(failure).isNotNull();
        assertThat(failure.getAttribute("type")).isEqualTo("BLOCKER");
        assertThat(failure.getAttribute("message")).startsWith("Meeting m-001 of alice@contoso.com has a meet: URL");
        assertThat(failure.getTextContent()).contains("Remedy: alice@contoso.com opens the invitation with Lync 2013",
                "Section: " + Reports.OCS_SECTION);
        assertThat(child(testcase(xml, "CLIENT-IM-ONLY", "user:dave@contoso.com"), "failure")).isNull();
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("3");
    }

    @Test
    void junitPassesFindingsBelowTheThresholdWithTheirMessageInSystemOut() throws Exception {
        Document xml = parse(Reports.contosoLike().withFailOn(Severity.WARNING));

        assertThat(child(testcase(xml, "CLIENT-IM-ONLY", "user:dave@contoso.com"), "failure")).isNotNull();
        Element advice = testcase(xml, "PLAN-EARLY-ORGANIZER", "user:alice@contoso.com");
        assertThat(child(advice, "failure")).isNull();
        assertThat(child(advice, "system-out").getTextContent())
                .contains("alice@contoso.com organizes 25 meetings a month", "Remedy: Move alice@contoso.com in an early wave");
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("5");
    }

    @Test
    void junitWithoutAThresholdFailsNothing() throws Exception {
        Document xml = parse(Reports.contosoLike());

        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
        assertThat(xml.getElementsByTagName("system-out").getLength()).isEqualTo(7);
    }

    @Test
    void junitHasASuitePerRuleAndOneTestCasePerRuleAndSubject() throws Exception {
        Document xml = parse(Reports.contosoLike().withFailOn(Severity.BLOCKER));

        Element fed = suite(xml, "FED-LOCKED-OC2007");
        assertThat(fed.getAttribute("tests")).isEqualTo("2");
        assertThat(fed.getAttribute("failures")).isEqualTo("2");
        assertThat(names(fed.getElementsByTagName("testcase"))).containsExactly("meeting:m-001", "meeting:m-004");
        Element both = testcase(xml, "FED-LOCKED-OC2007", "meeting:m-004");
        assertThat(child(both, "failure").getAttribute("message"))
                .startsWith("2 findings:").contains("carol@fabrikam.com", "henry@fabrikam.com");
        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("7");
    }

    @Test
    void junitListsRulesThatRanAndFoundNothingAsEmptySuites() throws Exception {
        Document xml = parse(Reports.contosoLike());

        Element conf = suite(xml, "URL-LEGACY-CONF");
        assertThat(conf.getAttribute("tests")).isEqualTo("0");
        assertThat(conf.getElementsByTagName("testcase").getLength()).isZero();
    }

    @Test
    void junitIsWellFormedWhateverTheInventoryHolds() throws Exception {
        Document xml = parse(Reports.hostile().withFailOn(Severity.INFO));

        assertThat(names(xml.getElementsByTagName("testcase")))
                .containsExactly("meeting:" + Reports.HOSTILE_ID, "user:mallory\uFFFD@contoso.com");
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(2);
    }

    @Test
    void junitSuitesCarryTheCoverageAsPropertiesWhenTheReportHasOne() throws Exception {
        Document xml = parse(Reports.covered().withFailOn(Severity.BLOCKER));

        NodeList suites = xml.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(7);
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            assertThat(property(suite, "coverage.usersWithClient")).isEqualTo("7");
            assertThat(property(suite, "coverage.users")).isEqualTo("10");
            assertThat(property(suite, "coverage.poolsWithVersion")).isEqualTo("4");
            assertThat(property(suite, "coverage.pools")).isEqualTo("4");
            assertThat(property(suite, "coverage.meetingsWithParticipants")).isEqualTo("2");
            assertThat(property(suite, "coverage.meetings")).isEqualTo("2");
            assertThat(property(suite, "coverage.notAssessed")).isEqualTo("2");
            assertThat(property(suite, "coverage")).isEqualTo(Reports.COVERAGE_LINE);
            assertThat(property(suite, "fail-on")).isEqualTo("BLOCKER");
        }
        assertThat(Reports.text(writer, Reports.contosoLike())).doesNotContain("coverage");
    }

    private static String property(Element suite, String name) {
        NodeList properties = suite.getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            if (p.getAttribute("name").equals(name)) {
                assertThat(p.getParentNode().getNodeName()).isEqualTo("properties");
                return p.getAttribute("value");
            }
        }
        throw new AssertionError("no property " + name + " in suite " + suite.getAttribute("name"));
    }

    private Document parse(Report report) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Reports.bytes(writer, report)));
    }

    private static Element suite(Document xml, String rule) {
        NodeList suites = xml.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            Element s = (Element) suites.item(i);
            if (s.getAttribute("name").equals(rule)) {
                return s;
            }
        }
        throw new AssertionError("no testsuite " + rule);
    }

    private static Element testcase(Document xml, String rule, String subject) {
        NodeList cases = suite(xml, rule).getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("name").equals(subject)) {
                assertThat(c.getAttribute("classname")).isEqualTo(rule);
                return c;
            }
        }
        throw new AssertionError("no testcase " + rule + " " + subject);
    }

    private static Element child(Element parent, String name) {
        NodeList list = parent.getElementsByTagName(name);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static List<String> names(NodeList nodes) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            names.add(((Element) nodes.item(i)).getAttribute("name"));
        }
        return names;
    }
}
