package org.kmcr.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.kmcr.systemtests.stack.Keycloak;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * Debian's Chromium, headless, driven through chromedriver: one browser (one set of cookies) per signed-in user.
 * Every page checked with {@link #checkPage} is saved as a screenshot under target/portal-screenshots and run
 * through axe-core, which must find no serious or critical accessibility violation.
 */
final class Browser implements AutoCloseable {

    static final String INSTALL = "apt-get install -y chromium chromium-driver";
    static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AXE = resource("/axe/axe.min.js");
    private static int shots;

    private final WebDriver driver;
    private final WebDriverWait wait;

    private Browser(WebDriver driver) {
        this.driver = driver;
        // a page being replaced (a form sent to the same page) leaves its elements stale: look again
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** A new browser; fails, saying how to install Chromium, when it is not on this machine. */
    static Browser start() {
        Path chromium = Path.of(System.getProperty("kmcr.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("kmcr.chromedriver", "/usr/bin/chromedriver"));
        assertTrue(Files.isExecutable(chromium) && Files.isExecutable(chromedriver),
                "The portal's browser tests need Chromium and chromedriver (" + chromium + ", " + chromedriver
                        + "): install them with `" + INSTALL + "` (Debian, as root)");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=1280,1024");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    /** Opens a portal page (a path such as "/find"). */
    Browser open(String path) {
        driver.get(ServiceSpec.PORTAL.url() + path);
        return this;
    }

    /** Signs in through Keycloak's own login form, as a person does, and waits to be back in the portal. */
    Browser signIn(String username) {
        open("/start");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(Keycloak.DEMO_PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(ServiceSpec.PORTAL.url()));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
        return this;
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    Browser click(String css) {
        find(css).click();
        return this;
    }

    /** Waits until the page's main heading says this (after a form was sent or a link followed). */
    Browser awaitHeading(String words) {
        try {
            wait.until(d -> d.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().contains(words)));
        } catch (org.openqa.selenium.TimeoutException notThere) {
            throw new AssertionError("no heading '" + words + "' at " + driver.getCurrentUrl() + "; the page says: "
                    + driver.findElement(By.tagName("body")).getText(), notThere);
        }
        return this;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String cookieHeader() {
        return String.join("; ", driver.manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).toList());
    }

    /** Saves the page as a screenshot and fails on any serious or critical axe-core violation. */
    Browser checkPage(String name) {
        saveScreenshot(name);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(AXE);
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations))).catch(e => done('failed: ' + e));");
        List<String> problems = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(String.valueOf(result))) {
                String impact = violation.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    problems.add(impact + " " + violation.path("id").asText() + ": " + violation.path("help").asText()
                            + " at " + violation.path("nodes").findValuesAsText("html"));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("axe-core did not run on " + name + ": " + result, e);
        }
        assertTrue(problems.isEmpty(), name + " (" + url() + ") has accessibility violations:\n"
                + String.join("\n", problems));
        return this;
    }

    private void saveScreenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shots, name)), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Browser.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
