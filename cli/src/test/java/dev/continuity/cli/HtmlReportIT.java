package dev.continuity.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Opens the HTML report in headless Chromium (Debian's chromium and chromium-driver, installed by
 * .ci/run): it loads without console errors, requests nothing from the network, shows its key
 * sections, and markup from the inventory is shown, never run. Without a browser each test is
 * reported as skipped, with a message that says what to install (and a warning in the build log),
 * never as "Tests run: 0"; in CI (CI=true) a missing browser fails the tests.
 */
class HtmlReportIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String MISSING = "HtmlReportIT skipped: the HTML report was not opened in a browser because "
            + CHROMIUM + " or " + CHROMEDRIVER + " is missing; install them with"
            + " 'apt-get install chromium chromium-driver' (.ci/run does)";
    static boolean present;
    static ChromeDriver driver;
    static Path reports;

    @BeforeAll
    static void start() throws Exception {
        present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true needs chromium and chromium-driver: " + MISSING);
            }
            System.err.println("[WARNING] " + MISSING);
            return;
        }
        reports = Files.createTempDirectory("continuity-html");
        Path samples = Path.of("../samples").toAbsolutePath().normalize();
        for (String[] c : List.of(new String[]{"northwind", samples.resolve("northwind/continuity").toString()},
                new String[]{"markup", samples.resolve("src/test/resources/markup").toString()})) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    CliIT.JAR.toString(), "check", c[1], "--as-of", "2026-11-22", "-f", "html", "-o", reports.resolve(c[0]).toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).isEqualTo(1);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--window-size=1300,2000",
                "--user-data-dir=" + Files.createTempDirectory("continuity-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
    }

    /** Each test is reported as skipped, with its reason, when there is no browser. */
    @org.junit.jupiter.api.BeforeEach
    void needsABrowser() {
        Assumptions.assumeTrue(present, MISSING);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
    }

    private static void open(String name) {
        driver.get(reports.resolve(name).resolve("continuity-report.html").toUri().toString());
    }

    @Test
    void theAuditReportLoadsOfflineWithItsSections() throws Exception {
        open("northwind");
        assertThat(driver.getTitle()).isEqualTo("Continuity report: Northwind Logistics GmbH (2026-11-22)");
        for (String id : List.of("summary", "checked", "findings", "controls", "waivers", "services", "graph")) {
            assertThat(driver.findElement(By.id(id)).isDisplayed()).as(id).isTrue();
        }
        assertThat(driver.findElement(By.cssSelector("#summary .verdict")).getText()).isEqualTo("FAILED");
        assertThat(driver.findElements(By.cssSelector("#findings tbody tr"))).hasSize(25);
        assertThat(driver.findElements(By.cssSelector("#chart-severity rect"))).hasSize(4);
        List<WebElement> waivers = driver.findElements(By.cssSelector("#waivers tbody tr"));
        assertThat(waivers).hasSize(2);
        assertThat(waivers.get(1).getText()).contains("waive-bcp-review", "hannah-berg", "2026-10-31", "expired");
        assertThat(driver.findElements(By.cssSelector("#graph svg g.node"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(driver.findElement(By.id("controls")).getText()).contains("ISO 22301:2019 8.4.3", "NIST SP 800-53 Rev. 5 CP-8(3)");
        assertThat(driver.findElement(By.id("checked")).getText()).contains("What was checked", "fails on: low", "inventory sha256",
                "Rules that passed", "IRP-002");
        Files.write(Path.of("target/html-report.png"), driver.getScreenshotAs(OutputType.BYTES));
        assertNoConsoleErrorsAndNoNetwork();
    }

    /** The report fits a phone (390 px) and a desktop (1400 px): the page never scrolls sideways; wide tables scroll inside. */
    @Test
    void theReportFitsAPhoneAndADesktop() {
        for (int width : new int[]{390, 1400}) {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
            open("northwind");
            long viewport = ((Number) driver.executeScript("return document.documentElement.clientWidth")).longValue();
            long page = ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
            assertThat(page).as("page width at " + width + " px (viewport " + viewport + ")").isLessThanOrEqualTo(viewport);
        }
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1300, 2000));
        // the legend of the control codes, and arrows on the graph's edges
        assertThat(driver.findElement(By.cssSelector("#controls dl.sources")).getText()).contains("NIST SP 800-53 Rev. 5");
        assertThat(driver.findElements(By.cssSelector("#graph marker#arrow"))).hasSize(1);
    }

    /** axe-core (tools/, installed by .ci/run) finds no colour-contrast violation, at 1400 px and at 390 px. */
    @Test
    void axeFindsNoContrastViolation() throws Exception {
        Path axe = Path.of("../tools/node_modules/axe-core/axe.min.js");
        if (!Files.isRegularFile(axe)) {
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException("CI=true needs axe-core: npm ci --prefix tools");
            Assumptions.abort("axe-core is not installed: run 'npm ci --prefix tools --ignore-scripts' (.ci/run does)");
        }
        String source = Files.readString(axe);
        for (int width : new int[]{1400, 390}) {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
            open("northwind");
            driver.executeScript(source);
            Object violations = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast']}})"
                    + ".then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')).join('; ')))"
                    + ".catch(e => done('axe failed: ' + e));");
            assertThat(String.valueOf(violations)).as("contrast at " + width + " px").isEmpty();
        }
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1300, 2000));
    }

    @Test
    void markupFromTheInventoryIsShownNeverRun() {
        open("markup");
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.getCurrentUrl()).startsWith("file:");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Continuity report: ACME <b>Bold</b> & Sons \"quoted\" 'single'");
        assertThat(driver.findElement(By.id("waivers")).getText())
                .contains("Accepted <script>document.location='https://evil.example/'</script> until the move ]]> done");
        assertThat(driver.findElements(By.tagName("script"))).isEmpty();
        assertThat(driver.findElements(By.tagName("img"))).isEmpty();
        assertNoConsoleErrorsAndNoNetwork();
    }

    private static void assertNoConsoleErrorsAndNoNetwork() {
        List<LogEntry> console = driver.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(console.stream().filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList()).isEmpty();
        Pattern url = Pattern.compile("\"Network\\.requestWillBeSent\".*?\"url\":\"([^\"]+)\"");
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            Matcher m = url.matcher(e.getMessage());
            // the browser's own chrome:// pages are not the report's; the report loads nothing from a network
            if (m.find()) assertThat(m.group(1)).as("no network request").doesNotMatch("(?i)(https?|wss?|ftp):.*");
        }
    }
}
