package app.rapport.standalone.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its own chromedriver: nothing is downloaded (Selenium
 * Manager is never asked, since both paths are given). Each page visited is checked by axe-core,
 * from its WebJar, for serious and critical violations, and kept as a screenshot under
 * {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** Skips the calling test, with one line saying how to install the browser, where it is missing. */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            System.out.println("Browser tests skipped: install Chromium with "
                    + "`apt-get install -y chromium chromium-driver` (.ci/run does).");
        }
        Assumptions.assumeTrue(installed, "no /usr/bin/chromium and /usr/bin/chromedriver: "
                + "apt-get install -y chromium chromium-driver");
    }

    static Browser open(int port) throws IOException {
        Path profile = Files.createTempDirectory("rapport-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // as TRAPS.md lists: without these Chromium reaches for the network and is refused
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, "http://127.0.0.1:" + port, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a page, checks it with axe-core and keeps its screenshot as {@code name}.png. */
    void visit(String path, String name) {
        driver.get(base + path);
        checked(name);
    }

    /** Checks the page now shown (after a click or a form sent) and keeps its screenshot. */
    void checked(String name) {
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
        assertThat(seriousViolations()).as("axe-core: serious and critical violations on %s", name).isEmpty();
        screenshot(name);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException unwritable) {
            throw new IllegalStateException(unwritable);
        }
    }

    /**
     * How far the page is wider than a phone's screen (0: it fits; tables scroll in their own box),
     * with a screenshot at that width.
     */
    long overflowAt(int width, String name) {
        driver.manage().window().setSize(new Dimension(width, 800));
        try {
            screenshot(name + "-" + width + "px");
            return (Long) driver.executeScript(
                    "return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    /** Waits for the browser to arrive at a URL ending so, after a click that navigates. */
    void waitFor(String urlEnding) {
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().endsWith(urlEnding));
    }

    /** Waits for the browser to leave a URL ending so. */
    void waitForNot(String urlEnding) {
        new WebDriverWait(driver, WAIT).until(d -> !d.getCurrentUrl().endsWith(urlEnding));
    }

    WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(d -> d.findElement(by));
    }

    /** Types into a field by its label's control, replacing what was there. */
    void type(By field, String text) {
        WebElement input = find(field);
        input.clear();
        input.sendKeys(text);
    }

    /** Sets a date, time or date-and-time input, whose typing Chromium takes in the format of its locale. */
    void set(By field, String value) {
        driver.executeScript("arguments[0].value = arguments[1];", find(field), value);
    }

    String text(By by) {
        return find(by).getText();
    }

    /** How many rules the page's stylesheets hold: 0 when a stylesheet failed to load. */
    long loadedStylesheetRules() {
        return (Long) driver.executeScript("""
                let rules = 0;
                for (const sheet of document.styleSheets) { rules += sheet.cssRules.length; }
                return rules;""");
    }

    String zone() {
        return (String) driver.executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone;");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> seriousViolations() {
        driver.executeScript(axeSource());
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                       .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                   nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))
                   .catch(e => done([{id: 'axe-failed', help: String(e)}]));
                """);
        return (List<Map<String, Object>>) result;
    }

    private static String axe;

    private static synchronized String axeSource() {
        if (axe == null) {
            try (InputStream pom = Browser.class.getResourceAsStream(
                    "/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
                Properties webjar = new Properties();
                webjar.load(pom);
                try (InputStream script = Browser.class.getResourceAsStream(
                        "/META-INF/resources/webjars/axe-core/" + webjar.getProperty("version") + "/axe.min.js")) {
                    axe = new String(script.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException | NullPointerException missing) {
                throw new IllegalStateException("axe-core's WebJar is not on the test class path", missing);
            }
        }
        return axe;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
