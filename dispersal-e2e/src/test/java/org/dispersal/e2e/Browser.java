package org.dispersal.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through the system chromedriver, with the paths given
 * explicitly so that Selenium Manager never downloads a driver or a browser.
 *
 * <p>The tests skip when {@code /usr/bin/chromedriver} is absent, unless the environment variable
 * {@code DISPERSAL_REQUIRE_BROWSER} is set (CI sets it): then a missing browser fails the build.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Skips the calling test when no browser is installed and none is required; fails with a one-line
   * explanation when one is required but missing.
   */
  static void assumeAvailable() {
    boolean present = Files.isExecutable(CHROMEDRIVER);
    boolean required = System.getenv("DISPERSAL_REQUIRE_BROWSER") != null;
    if (!present && required) {
      throw new IllegalStateException(
          "DISPERSAL_REQUIRE_BROWSER is set but "
              + CHROMEDRIVER
              + " is missing; run .ci/chromium.sh");
    }
    assumeTrue(present, "no " + CHROMEDRIVER + ": browser tests skipped (run .ci/chromium.sh)");
  }

  /** Starts a fresh headless browser with its own profile, 1280x900 pixels. */
  static Browser start() throws IOException {
    Path profile = Files.createTempDirectory("dispersal-chromium");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            profile.resolve("downloads").toString(),
            "download.prompt_for_download",
            false));
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 900));
    return new Browser(driver, profile);
  }

  /**
   * Milliseconds from the start of the page load to the moment the results page marked its charts
   * drawn ({@code performance.mark('dispersal:results-drawn')}), waiting up to five seconds for the
   * mark; null when it never came.
   */
  Long resultsDrawnMillis() {
    return markMillis("dispersal:results-drawn", Duration.ofSeconds(5));
  }

  /**
   * Milliseconds from the start of the page load to the first performance mark of this name (the
   * results page marks {@code dispersal:first-chart} and {@code dispersal:results-drawn}), waiting
   * up to {@code wait} for it; null when it never came.
   */
  Long markMillis(String name, Duration wait) {
    try {
      return new WebDriverWait(driver, wait, Duration.ofMillis(100))
          .until(
              d ->
                  (Number)
                      driver.executeScript(
                          "const m = performance.getEntriesByName(arguments[0], 'mark');"
                              + "return m.length ? Math.round(m[0].startTime) : null;",
                          name))
          .longValue();
    } catch (TimeoutException e) {
      return null;
    }
  }

  /** The folder downloads go to. */
  Path downloads() {
    return profile.resolve("downloads");
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Opens a URL. */
  void open(String url) {
    driver.get(url);
  }

  /** Waits up to 30 seconds for a condition and returns its value. */
  <T> T await(ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  /** The first element matching a CSS selector. */
  WebElement css(String selector) {
    return driver.findElement(By.cssSelector(selector));
  }

  /** All elements matching a CSS selector. */
  List<WebElement> all(String selector) {
    return driver.findElements(By.cssSelector(selector));
  }

  /**
   * Browser console entries at level SEVERE since the last call: uncaught script errors, failed
   * requests and Content-Security-Policy violations. The one expected failure is left out: the
   * dashboard asks {@code GET /api/session} whether it is signed in, and the answer before signing
   * in is 401, which Chromium logs as a failed request.
   */
  List<String> severeLogEntries() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::toString)
        .filter(line -> !(line.contains("/api/session - ") && line.contains("status of 401")))
        .toList();
  }

  /**
   * Saves a screenshot of the top of the page down to the bottom of an element (plus a margin), by
   * resizing the window for the shot, then restores the window.
   */
  void screenshotDownTo(Path file, String selector) throws IOException {
    Dimension before = driver.manage().window().getSize();
    driver.executeScript("window.scrollTo(0, 0)");
    Number bottom =
        (Number)
            driver.executeScript(
                "return document.querySelector(arguments[0]).getBoundingClientRect().bottom + 8;",
                selector);
    Number chrome =
        (Number) driver.executeScript("return window.outerHeight - window.innerHeight;");
    driver
        .manage()
        .window()
        .setSize(
            new Dimension(
                before.getWidth(), (int) Math.ceil(bottom.doubleValue()) + chrome.intValue()));
    // The charts resize in the window's resize listener; two animation frames later they are drawn.
    driver.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
    screenshot(file);
    driver.manage().window().setSize(before);
  }

  /**
   * Saves a picture of one element, scrolled into view, as {@code name} in target/e2e (or the
   * folder {@code -Ddispersal.e2e.out} names), and copies it into the docs' pictures when {@code
   * -Ddispersal.docs.img} names their folder.
   */
  void screenshotOf(String selector, String name) throws IOException {
    WebElement element = css(selector);
    driver.executeScript("arguments[0].scrollIntoView()", element);
    Path file = Path.of(System.getProperty("dispersal.e2e.out", "target/e2e"), name);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.copy(
        element.getScreenshotAs(OutputType.FILE).toPath(),
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    copyToDocs(file);
  }

  /**
   * Saves a picture of the page down to an element ({@link #screenshotDownTo}) as {@code name} in
   * target/e2e (or {@code -Ddispersal.e2e.out}), copied into the docs' pictures as {@link
   * #screenshotOf} does.
   */
  void pictureDownTo(String selector, String name) throws IOException {
    Path file = Path.of(System.getProperty("dispersal.e2e.out", "target/e2e"), name);
    screenshotDownTo(file, selector);
    copyToDocs(file);
  }

  /** Copies a picture into the folder {@code -Ddispersal.docs.img} names, when it is set. */
  private static void copyToDocs(Path file) throws IOException {
    String docs = System.getProperty("dispersal.docs.img", "");
    if (!docs.isBlank()) {
      Files.copy(
          file,
          Path.of(docs, file.getFileName().toString()),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Saves a screenshot of the window as PNG. */
  void screenshot(Path file) throws IOException {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
