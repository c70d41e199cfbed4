package io.migkb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.migkb.engine.Assessor;
import io.migkb.engine.TestRules;
import io.migkb.inventory.InventoryReaders;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import io.migkb.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The HTML report of a real assessment of examples/contoso.json, opened in a real headless Chromium (Debian's
 * {@code chromium} and {@code chromium-driver}; nothing is downloaded at run time). Screenshots land in
 * target/browser/. Without Chromium the test is skipped, except under CI (the CI variable set), where it fails:
 * .ci/run installs both packages.
 */
class HtmlReportInBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path OUT = Path.of("target", "browser");

    private static ChromeDriver browser;
    private static Report report;
    private static Path page;

    @BeforeAll
    static void openBrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String why = CHROMIUM + " or " + CHROMEDRIVER + " is missing (Debian packages chromium and chromium-driver)";
            if (System.getenv("CI") != null) {
                fail("CI must run the browser test, but " + why + "; .ci/run installs them");
            }
            assumeTrue(false, why);
        }
        report = contosoReport();
        Files.createDirectories(OUT);
        page = OUT.resolve("contoso.html").toAbsolutePath();
        ReportFiles.writeAtomically(page, new HtmlWriter(), report);

        Path profile = Files.createTempDirectory("migkb-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + profile);
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void load() {
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(page.toUri().toString());
    }

    @Test
    void theChartsAndEveryRuleThatFiredAreOnThePage() throws Exception {
        screenshot("contoso.png");

        WebElement severityChart = browser.findElement(By.cssSelector("#chart-severity svg"));
        assertThat(severityChart.isDisplayed()).isTrue();
        assertThat(severityChart.getRect().getWidth()).isGreaterThan(200);
        assertThat(severityChart.getRect().getHeight()).isGreaterThan(80);
        List<WebElement> bars = severityChart.findElements(By.cssSelector("rect.bar"));
        assertThat(bars).extracting(b -> b.getAttribute("data-sev")).containsExactly("BLOCKER", "WARNING", "ADVICE", "INFO");
        Rectangle blockerBar = bars.get(0).getRect();
        assertThat(blockerBar.getWidth()).as("the BLOCKER bar is drawn").isGreaterThan(20);
        WebElement sectionChart = browser.findElement(By.cssSelector("#chart-sections svg"));
        assertThat(sectionChart.isDisplayed()).isTrue();
        Set<String> sections = report.findings().stream().map(Finding::getReference).collect(Collectors.toSet());
        assertThat(sectionChart.findElements(By.cssSelector("text.label"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrderElementsOf(sections);

        Set<String> fired = report.findings().stream().map(Finding::getRule).collect(Collectors.toSet());
        assertThat(fired).hasSizeGreaterThan(10);
        Set<String> shown = browser.findElements(By.cssSelector("tr.finding code.rule")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).collect(Collectors.toSet());
        assertThat(shown).containsExactlyInAnyOrderElementsOf(fired);

        WebElement coverage = browser.findElement(By.id("coverage"));
        assertThat(coverage.isDisplayed()).isTrue();
        assertThat(coverage.getText()).contains("Users with client data " + report.coverage().usersWithClient() + " of "
                + report.coverage().users());
        assertThat(browser.findElement(By.id("verdict")).getText()).startsWith(report.summary().get(Severity.BLOCKER) + " blockers");
        assertThat(browser.findElement(By.id("shown")).getText())
                .as("the inline script ran").isEqualTo("Showing all " + report.findings().size() + " findings");
        Object resources = ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').length");
        assertThat(resources).as("resources the page fetched").isEqualTo(0L);
    }

    @Test
    void untickingWarningHidesEveryWarningRow() throws Exception {
        long warnings = count(Severity.WARNING);
        assertThat(warnings).isPositive();
        assertThat(visibleRows("WARNING")).hasSize((int) warnings);

        browser.findElement(By.cssSelector("#filters input[value=WARNING]")).click();

        assertThat(visibleRows("WARNING")).isEmpty();
        assertThat(visibleRows("BLOCKER")).hasSize((int) count(Severity.BLOCKER));
        assertThat(visibleRows("INFO")).hasSize((int) count(Severity.INFO));
        assertThat(browser.findElement(By.id("shown")).getText())
                .isEqualTo("Showing " + (report.findings().size() - warnings) + " of " + report.findings().size() + " findings");
        screenshot("contoso-without-warnings.png");
    }

    @Test
    void searchingForAMeetingNarrowsTheReportToThatMeeting() throws Exception {
        long findingsOfM004 = report.findings().stream().filter(f -> f.getSubject().equals("meeting:m-004")).count();
        assertThat(findingsOfM004).isGreaterThan(1);

        browser.findElement(By.id("search")).sendKeys("m-004");

        List<WebElement> rows = visibleRows(null);
        assertThat(rows).hasSize((int) findingsOfM004);
        assertThat(rows).extracting(r -> r.findElement(By.cssSelector(".subject")).getText()).containsOnly("meeting:m-004");
        long groupsShown = browser.findElements(By.cssSelector("section.group")).stream().filter(WebElement::isDisplayed).count();
        assertThat(groupsShown).isEqualTo(report.findings().stream().filter(f -> f.getSubject().equals("meeting:m-004"))
                .map(Finding::getReference).distinct().count());
        screenshot("contoso-search-m-004.png");
    }

    @Test
    void searchingForAUserShowsTheFindingsThatConcernThem() {
        String user = "carol@fabrikam.com";
        long expected = report.findings().stream().filter(f -> user.equals(f.getConcerns())
                || f.getMessage().contains(user) || f.getRemedy().contains(user)).count();

        browser.findElement(By.id("search")).sendKeys(user.toUpperCase());

        List<WebElement> rows = visibleRows(null);
        assertThat(rows).hasSize((int) expected).isNotEmpty();
        assertThat(rows).allSatisfy(r -> assertThat(r.getText()).contains(user));
    }

    private static Report contosoReport() throws Exception {
        Inventory inventory = InventoryReaders.read(Path.of("examples", "contoso.json"));
        List<RuleDescription> rules = TestRules.catalogue().rules().stream()
                .filter(r -> r.id() != null)
                .map(r -> new RuleDescription(r.id(), r.severity(), r.reference()))
                .toList();
        List<Finding> findings = new Assessor(TestRules.catalogue()).assess(inventory).findings();
        return new Report(inventory.getOrganization(), "examples/contoso.json", "rules/", findings)
                .withRuleDescriptions(rules)
                .withLocations(inventory::locationOf)
                .withCoverage(inventory.getCoverage());
    }

    private static long count(Severity severity) {
        return report.findings().stream().filter(f -> f.getSeverity() == severity).count();
    }

    private static List<WebElement> visibleRows(String severity) {
        String css = severity == null ? "tr.finding" : "tr.finding[data-sev=" + severity + "]";
        return browser.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).toList();
    }

    /** The whole page, not only the window: the window is stretched to the page's height first. */
    private static void screenshot(String name) throws Exception {
        Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                "return Math.ceil(document.documentElement.getBoundingClientRect().height)");
        browser.manage().window().setSize(new Dimension(1366, Math.min(16000, Objects.requireNonNull(height).intValue() + 140)));
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(OUT.resolve(name), png);
        browser.manage().window().setSize(new Dimension(1366, 900));
    }
}
