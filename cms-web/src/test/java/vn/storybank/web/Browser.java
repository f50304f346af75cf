package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium,
 * for the editor app's journeys. Every step a journey names is saved as a PNG under {@code
 * target/ui-screenshots/<journey>/}, and {@link #assertAccessible} runs axe-core on the screen.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM =
      Path.of(System.getProperty("storybank.chromium", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("storybank.chromedriver", "/usr/bin/chromedriver"));
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

  final WebDriver driver;
  private final URI base;
  private final Path shots;
  private int step;

  /**
   * Opens a browser for one journey. {@code language} is the browser's preferred language (the app
   * follows it until the person chooses another).
   */
  Browser(URI base, String journey, String language) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      fail(
          "The editor app's browser tests need Debian's Chromium and its driver at "
              + CHROMIUM
              + " and "
              + DRIVER
              + ". Install them with: apt-get install chromium chromium-driver"
              + " (or set -Dstorybank.chromium and -Dstorybank.chromedriver).");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1366,900",
        "--lang=" + language);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
    this.base = base;
    this.shots = Path.of("target", "ui-screenshots", journey);
    try {
      Files.createDirectories(shots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens an address of the app, e.g. {@code "#/stories"}, or {@code ""} for the start. */
  Browser open(String appPath) {
    driver.get(base.resolve("/" + appPath).toString());
    return this;
  }

  /** The first element matching the CSS selector, once it is visible. */
  WebElement find(String css) {
    return new WebDriverWait(driver, WAIT)
        .withMessage(() -> "no visible " + css + " on " + driver.getCurrentUrl())
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Waits until an element matching {@code css} shows {@code text} (a part of its text). */
  WebElement waitText(String css, String text) {
    return new WebDriverWait(driver, WAIT)
        // A screen that re-renders replaces the element being read: look again.
        .ignoring(StaleElementReferenceException.class)
        .withMessage(
            () ->
                "no "
                    + css
                    + " showing \""
                    + text
                    + "\"; the page shows: "
                    + driver.findElement(By.tagName("body")).getText())
        .until(
            d ->
                d.findElements(By.cssSelector(css)).stream()
                    .filter(e -> e.isDisplayed() && e.getText().contains(text))
                    .findFirst()
                    .orElse(null));
  }

  /** Clicks the visible button or link whose text contains {@code text}. */
  void click(String text) {
    clickOn("button, a, [role=button], [role=tab]", text);
  }

  /**
   * Clicks the first visible element matching {@code css} that shows {@code text}, finding it again
   * if the screen re-renders it between finding and clicking (a search answer replacing an earlier
   * one, say).
   */
  void clickOn(String css, String text) {
    new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> "no " + css + " showing \"" + text + "\" to click")
        .until(
            d -> {
              WebElement target =
                  d.findElements(By.cssSelector(css)).stream()
                      .filter(e -> e.isDisplayed() && e.getText().contains(text))
                      .findFirst()
                      .orElse(null);
              if (target == null) {
                return false;
              }
              target.click();
              return true;
            });
  }

  /** Types into the field with this CSS selector, replacing what it held. */
  void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Saves what the browser shows as the journey's next numbered step. */
  void screenshot(String name) {
    step++;
    byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    try {
      Files.write(shots.resolve(String.format("%02d-%s.png", step, name)), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Signs in through the sign-in screen and waits for the app's frame. */
  void signIn(String username, String password) {
    open("#/signin");
    type("#username", username);
    type("#password", password);
    find("form.signin button[type=submit]").click();
    find("header.top nav");
  }

  void signOut() {
    find("header.top .top-end button.link").click();
    find("form.signin");
  }

  /**
   * Runs axe-core (WCAG 2.1 A and AA rules) on the screen shown: no serious or critical violation.
   */
  void assertAccessible(String screen) {
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(driver);
    List<Rule> blocking =
        results.getViolations().stream()
            .filter(v -> BLOCKING_IMPACTS.contains(v.getImpact()))
            .toList();
    assertEquals(
        "",
        blocking.stream()
            .map(
                v ->
                    v.getId()
                        + " ("
                        + v.getImpact()
                        + "): "
                        + v.getHelp()
                        + " at "
                        + v.getNodes().stream()
                            .map(n -> String.valueOf(n.getTarget()))
                            .collect(Collectors.joining(", ")))
            .collect(Collectors.joining("\n")),
        "accessibility violations on " + screen);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
