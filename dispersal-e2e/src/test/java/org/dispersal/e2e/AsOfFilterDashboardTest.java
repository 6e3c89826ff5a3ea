package org.dispersal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A forecast as of a date launched from the dashboard with each filter, and its "Assimilation"
 * panel read back: the filter named in words, one row per resampling step (a month each for the
 * monthly filter, one over all months for one step) with the figures, the effective sample size as
 * a share of the replications, its bar and the distinct particles, the rows agreeing with the run's
 * manifest, and the warning shown exactly when a step's share is below the manifest's warning
 * share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class AsOfFilterDashboardTest {

  private static final String ANALYST = "asha";
  private static final String ANALYST_PASSWORD = "analyst-secret-3";
  private static final Path VALIDATION =
      Path.of("..", "data", "observations", "validation-2017.csv").toAbsolutePath().normalize();

  private TestServer server;

  @BeforeAll
  void startService() throws Exception {
    Browser.assumeAvailable();
    server = TestServer.start();
    TestServer.Client admin = server.signIn("admin", TestServer.ADMIN_PASSWORD);
    admin.createUser(ANALYST, ANALYST_PASSWORD, "analyst");
  }

  @AfterAll
  void stopService() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theMonthlyFilterShowsAStepPerMonthWithItsEffectiveSampleSize() throws Exception {
    try (Browser b = signedIn()) {
      launchAsOf(b, null);
      WebElement panel = b.await(visibilityOfElementLocated(By.id("assimilation-steps")));
      assertThat(panel.findElement(By.tagName("h2")).getText()).isEqualTo("Assimilation");
      assertThat(b.css("#assimilation-filter").getText())
          .startsWith("Filter: Month by month (particle filter).");
      List<WebElement> rows = b.all("#assimilation-steps-table tbody tr");
      assertThat(rows).hasSizeGreaterThan(1);
      List<String> months = rows.stream().map(r -> cells(r).get(0)).toList();
      assertThat(months).allMatch(m -> m.matches("[A-Z][a-z]+ 20\\d\\d"));
      assertThat(rows).allMatch(r -> !r.findElements(By.tagName("meter")).isEmpty());
      checkAgainstManifest(b, rows);
      screenshot(b, "#assimilation-steps", "dashboard-assimilation.png");
      assertThat(b.severeLogEntries()).isEmpty();
    }
  }

  @Test
  void theOneStepFilterShowsOneStepOverAllMonths() throws Exception {
    try (Browser b = signedIn()) {
      launchAsOf(b, "one-step");
      b.await(visibilityOfElementLocated(By.id("assimilation-steps")));
      assertThat(b.css("#assimilation-filter").getText())
          .startsWith("Filter: One step over all figures.");
      List<WebElement> rows = b.all("#assimilation-steps-table tbody tr");
      assertThat(rows).hasSize(1);
      assertThat(cells(rows.get(0)).get(0)).startsWith("All months");
      checkAgainstManifest(b, rows);
      // The whole results page, to look at where the panel sits (not used by the docs).
      b.screenshotDownTo(
          Path.of(System.getProperty("dispersal.e2e.out", "target/e2e"), "as-of-results.png"),
          "#assimilation-steps");
      assertThat(b.severeLogEntries()).isEmpty();
    }
  }

  /**
   * Each row against the run's manifest as the API gives it: figures, the ESS share to the shown
   * precision, distinct particles, and the low flag and warning exactly where a share is below the
   * warning share.
   */
  private static void checkAgainstManifest(Browser b, List<WebElement> rows) {
    String id = b.driver().getCurrentUrl().replaceAll(".*#/runs/(\\d+).*", "$1");
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> a =
        (java.util.Map<String, Object>)
            b.driver()
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/runs/' + arguments[0]).then(r => r.json())"
                        + ".then(run => done(run.manifest.assimilation));",
                    id);
    @SuppressWarnings("unchecked")
    List<java.util.Map<String, Object>> steps =
        (List<java.util.Map<String, Object>>) a.get("steps");
    assertThat(rows).hasSize(steps.size());
    double particles = ((Number) a.get("particles")).doubleValue();
    double share = ((Number) a.get("ess_warning_share")).doubleValue();
    boolean anyLow = false;
    for (int i = 0; i < rows.size(); i++) {
      List<String> c = cells(rows.get(i));
      java.util.Map<String, Object> step = steps.get(i);
      double ess = ((Number) step.get("ess")).doubleValue();
      double s = ess / particles;
      assertThat(c.get(1)).isEqualTo(String.valueOf(step.get("figures")));
      assertThat(c.get(3))
          .startsWith(String.format(java.util.Locale.ROOT, s < 0.1 ? "%.1f%%" : "%.0f%%", 100 * s));
      assertThat(c.get(4)).isEqualTo(String.valueOf(step.get("distinct")));
      boolean low = s < share;
      anyLow |= low;
      assertThat(c.get(3).endsWith("low")).as("row %d flagged", i).isEqualTo(low);
    }
    assertThat(b.all("#assimilation-warning")).hasSize(anyLow ? 1 : 0);
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.cssSelector("th, td")).stream()
        .map(e -> e.getText().replace('\n', ' ').trim())
        .toList();
  }

  private Browser signedIn() throws IOException {
    Browser b = Browser.start();
    b.open(server.url());
    b.await(visibilityOfElementLocated(By.name("username"))).sendKeys(ANALYST);
    b.css("input[name=password]").sendKeys(ANALYST_PASSWORD);
    b.css("#sign-in").click();
    b.await(visibilityOfElementLocated(By.id("launcher")));
    return b;
  }

  /**
   * A forecast of isis-2017 as of 31 August 2017 on validation-2017.csv, 40 replications over 3
   * months, with the filter chosen (null: the form's default, which must be monthly).
   */
  private static void launchAsOf(Browser b, String filter) {
    new Select(b.css("select[name=scenario]")).selectByVisibleText("isis-2017");
    b.css("#kind-forecast").click();
    Select choice = new Select(b.css("#forecast-filter"));
    assertThat(choice.getFirstSelectedOption().getDomAttribute("value")).isEqualTo("monthly");
    if (filter != null) {
      choice.selectByValue(filter);
    }
    b.driver()
        .executeScript(
            "arguments[0].value = '2017-08-31';"
                + " arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
            b.css("#forecast-asof"));
    b.css("#forecast-observations").sendKeys(VALIDATION.toString());
    b.await(
        textToBePresentInElementLocated(
            By.id("forecast-observations-status"), "validation-2017.csv"));
    WebElement replications = b.css("input[name=replications]");
    replications.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    replications.sendKeys("40");
    b.css("input[name=months]").sendKeys("3");
    b.css("input[name=seed]").sendKeys("7");
    b.css("#start-run").click();
    b.await(urlMatches("#/runs/\\d+"));
    new WebDriverWait(b.driver(), Duration.ofMinutes(3))
        .until(textToBePresentInElementLocated(By.id("progress-text"), "Finished"));
  }

  /** The element's picture in target/e2e, and in docs/img when -Ddispersal.docs.img names it. */
  private static void screenshot(Browser b, String selector, String name) throws IOException {
    WebElement element = b.css(selector);
    b.driver().executeScript("arguments[0].scrollIntoView()", element);
    Path file = Path.of(System.getProperty("dispersal.e2e.out", "target/e2e"), name);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.copy(
        element.getScreenshotAs(OutputType.FILE).toPath(),
        file,
        StandardCopyOption.REPLACE_EXISTING);
    String docs = System.getProperty("dispersal.docs.img", "");
    if (!docs.isBlank()) {
      Files.copy(file, Path.of(docs, name), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
