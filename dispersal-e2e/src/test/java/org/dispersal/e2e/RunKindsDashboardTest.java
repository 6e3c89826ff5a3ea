package org.dispersal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBeMoreThan;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Every kind of run of the application layer walked in a real browser against the real service:
 * chosen in the launcher with small settings, followed to its end, its results view drawn, its
 * downloads answered, and no console error on the way (issue #17). The threat outlook and the
 * hypothesis update are walked in {@link DashboardTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class RunKindsDashboardTest {

  private static final String ANALYST = "ann";
  private static final String ANALYST_PASSWORD = "analyst-secret-2";
  private static final Path OBSERVATIONS =
      Path.of("..", "data", "observations").toAbsolutePath().normalize();

  @RegisterExtension
  static final AnalystService SERVICE = new AnalystService(ANALYST, ANALYST_PASSWORD);

  @Test
  void aHindcastShowsItsVerdictReliabilityPitFiguresAndCalibration() throws Exception {
    try (Browser b = launcher("hindcast")) {
      b.css("#observation-files")
          .sendKeys(
              OBSERVATIONS.resolve("known-2017-02.csv")
                  + "\n"
                  + OBSERVATIONS.resolve("validation-2017.csv"));
      b.await(textToBePresentInElementLocated(By.id("observation-status"), "validation-2017.csv"));
      assertThat(b.css("#observations-asof").getDomProperty("value")).isEqualTo("2017-02-13");
      replaceText(b.css("input[name=replications]"), "40");
      b.css("input[name=seed]").sendKeys("7");
      b.css("input[name=particles]").sendKeys("40");
      b.css("input[name=simulations]").sendKeys("200");
      assertThat(b.css("input[name=checkRuns]").isDisplayed()).isFalse();
      // The initial stocks: the latest figure by default, pooled chosen, each explained in a line.
      Select stocks = new Select(b.css("#hindcast-stocks"));
      assertThat(stocks.getFirstSelectedOption().getDomAttribute("value")).isEqualTo("latest");
      WebElement stocksHint =
          b.css("#" + b.css("#hindcast-stocks").getDomAttribute("aria-describedby"));
      assertThat(stocksHint.getText()).contains("latest published figure").contains("default");
      stocks.selectByValue("pooled");
      assertThat(stocksHint.getText()).startsWith("Every source’s latest figure, de-biased");
      // Where the forecast starts: at its date by default, explained in a line.
      Select start = new Select(b.css("#hindcast-start"));
      assertThat(start.getFirstSelectedOption().getDomAttribute("value")).isEqualTo("date");
      WebElement startHint =
          b.css("#" + b.css("#hindcast-start").getDomAttribute("aria-describedby"));
      assertThat(startHint.getText())
          .startsWith("Month 0 is the month of the date")
          .contains("default");
      b.screenshotDownTo(out("launch-hindcast.png"), "#start-run");
      start(b, "Hindcast");

      b.await(presenceOfElementLocated(By.cssSelector("#hindcast-reliability canvas")));
      b.await(presenceOfElementLocated(By.cssSelector("#hindcast-pit canvas")));
      assertThat(b.css("#hindcast-verdict").getText()).startsWith("Scored against ");
      assertThat(b.all("#hindcast-targets li")).hasSizeGreaterThan(3);
      assertThat(b.css("#hindcast-coverage tbody tr").getText()).startsWith("All horizons");
      // By what is counted: each measure, then the quantities counted before the date or not.
      assertThat(b.css("#hindcast-kinds").getText())
          .contains(
              "Returned", "Travelled", "Counted before the forecast date", "Not counted before");
      assertThat(b.css("#stocks-rule").getText())
          .startsWith("Initial stocks: pooled, every source’s latest figure")
          .contains("Estimated at the date: latest figure of each series");
      assertThat(b.css("#forecast-start").getText())
          .startsWith("The forecast starts at its date: month 0 is the month of the forecast date");
      // The figures: the scored ones first; the filters narrow them.
      String count = b.css("#figure-count").getText();
      assertThat(count).matches("\\d+ of \\d+ figures\\.");
      int scored = Integer.parseInt(count.split(" ")[0]);
      assertThat(scored).isPositive();
      new Select(b.css("#figure-in90")).selectByValue("out");
      int outside = Integer.parseInt(b.css("#figure-count").getText().split(" ")[0]);
      assertThat(outside).isLessThan(scored);
      assertThat(b.all("#hindcast-figures tbody tr")).hasSize(outside);
      new Select(b.css("#figure-in90")).selectByValue("");
      new Select(b.css("#figure-status")).selectByValue("");
      b.css("#figure-text").sendKeys("SE_SAPO");
      b.await(
          d ->
              d.findElements(By.cssSelector("#hindcast-figures tbody tr")).stream()
                  .allMatch(r -> r.getText().contains("SE_SAPO")));
      // The calibration the hindcast made as of its date.
      b.await(presenceOfElementLocated(By.cssSelector("#calibration-intervals canvas")));
      assertThat(b.all("#calibration-table tbody tr")).isNotEmpty();
      assertThat(b.css("#calibration-definitions").getText()).contains("definitions on");
      b.screenshotDownTo(out("kind-hindcast.png"), "#hindcast-figures-box");

      downloadsAnswer(b, "export-csv", "date,published,");
      downloadsAnswer(b, "file-scorecard-json", "{");
      reportDownloads(b);
      assertThat(b.severeLogEntries()).isEmpty();
    }
  }

  @Test
  void aCalibrationSetsEachParametersPosteriorAgainstItsPrior() throws Exception {
    try (Browser b = launcher("calibration")) {
      assertThat(b.css("input[name=replications]").isDisplayed()).isFalse();
      b.css("#observation-files").sendKeys(OBSERVATIONS.resolve("known-2017-02.csv").toString());
      b.await(textToBePresentInElementLocated(By.id("observation-status"), "known-2017-02.csv"));
      b.css("input[name=particles]").sendKeys("40");
      b.css("input[name=simulations]").sendKeys("200");
      b.css("input[name=checkRuns]").sendKeys("10");
      b.css("input[name=seed-only]").sendKeys("7");
      // A calibration has no choice of initial stocks or start (both are the hindcast's).
      assertThat(b.css("#hindcast-stocks").isDisplayed()).isFalse();
      assertThat(b.css("#hindcast-start").isDisplayed()).isFalse();
      assertThat(b.css("#definitions").isSelected()).isTrue();
      b.css("#definitions").click();
      b.screenshotDownTo(out("launch-calibration.png"), "#start-run");
      start(b, "Calibration");

      b.await(presenceOfElementLocated(By.cssSelector("#calibration-intervals canvas")));
      b.await(presenceOfElementLocated(By.cssSelector("#calibration-histogram canvas")));
      assertThat(b.css("#calibration-sentence").getText()).contains("calibrated with 40 particles");
      assertThat(b.css("#calibration-definitions").getText()).contains("definitions off");
      WebElement row = b.css("#calibration-table tbody tr");
      assertThat(row.getText()).contains("uniform(").contains("[").contains("%");
      b.screenshotDownTo(out("kind-calibration.png"), "#calibration-histogram");
      downloadsAnswer(b, "export-csv", "weight,");
      reportDownloads(b);
      assertThat(b.severeLogEntries()).isEmpty();
    }
  }

  @Test
  void aComparisonShowsPairedDifferencesAtEveryHorizon() throws Exception {
    try (Browser b = launcher("comparison")) {
      b.driver()
          .findElement(
              By.xpath(
                  "//div[@id='comparison-scenarios']//label[text()='isis-2017-border-sealed']"))
          .click();
      b.css("#comparison-overrides").sendKeys("border_closure=0.95");
      b.css("#compare-months").sendKeys("3, 6, 12");
      replaceText(b.css("input[name=replications]"), "10");
      b.css("input[name=seed]").sendKeys("7");
      start(b, "Comparison");

      b.await(presenceOfElementLocated(By.cssSelector("#comparison-diff canvas")));
      b.await(numberOfElementsToBeMoreThan(By.cssSelector("#comparison-table tbody tr"), 8));
      // Three variants: the base, the other scenario and the override, each after the base with
      // its paired difference.
      assertThat(b.all("#comparison-table thead th")).hasSize(1 + 1 + 2 + 2);
      assertThat(b.css("#comparison-table thead").getText())
          .contains("isis-2017 (base)")
          .contains("isis-2017-border-sealed")
          .contains("border_closure=0.95");
      assertThat(b.css("#comparison-table tbody tr[data-state=returned]").getText())
          .matches("(?s).*[+−0].*\\[.* to .*\\].*");
      new Select(b.css("#comparison-month")).selectByVisibleText("month 12");
      b.await(textToBePresentInElementLocated(By.cssSelector("#comparison-table caption"), "12"));
      assertThat(b.all("#comparison-diff-text li")).hasSize(2 * 3);
      b.screenshotDownTo(out("kind-comparison.png"), "#comparison-table");
      downloadsAnswer(b, "export-csv", "variant,base,month,");
      reportDownloads(b);
      assertThat(b.severeLogEntries()).isEmpty();
    }
  }

  @Test
  void aSensitivityAnalysisDrawsItsTornadoAndSobolIndices() throws Exception {
    try (Browser b = launcher("sensitivity")) {
      WebElement outputs = b.css("#sensitivity-outputs");
      assertThat(outputs.getDomProperty("value"))
          .isEqualTo("returned:region=Western Europe:month=12");
      outputs.sendKeys(Keys.END, "\nkilled:world:month=12");
      b.css("input[name=trajectories]").sendKeys("2");
      b.css("input[name=baseSamples]").sendKeys("8");
      b.css("input[name=top]").sendKeys("2");
      b.css("input[name=sensitivity-replications]").sendKeys("1");
      b.css("input[name=bootstrap]").sendKeys("20");
      b.css("input[name=seed-only]").sendKeys("7");
      start(b, "Sensitivity analysis");

      b.await(presenceOfElementLocated(By.cssSelector("#sensitivity-tornado canvas")));
      b.await(presenceOfElementLocated(By.cssSelector("#sensitivity-sobol canvas")));
      assertThat(new Select(b.css("#sensitivity-output")).getOptions()).hasSize(2);
      assertThat(b.css("#sensitivity-table tbody tr").getText()).startsWith("1 ").contains("[");
      new Select(b.css("#sensitivity-output")).selectByIndex(1);
      b.await(
          textToBePresentInElementLocated(
              By.cssSelector("#sensitivity-table caption"), "killed, world, month 12"));
      b.screenshotDownTo(out("kind-sensitivity.png"), "#sensitivity-tornado");
      downloadsAnswer(b, "export-csv", "output,parameter,rank,");
      reportDownloads(b);
      assertThat(b.severeLogEntries()).isEmpty();
    }
  }

  @Test
  void aScreeningSaysWhatATestWouldFindAndAForecastGivesItsBrief() throws Exception {
    try (Browser b = launcher("screening")) {
      assertThat(new Select(b.css("#screening-country")).getFirstSelectedOption().getText())
          .isEqualTo("France");
      replaceText(b.css("input[name=screening-month]"), "6");
      replaceText(b.css("input[name=replications]"), "10");
      b.css("input[name=seed]").sendKeys("7");
      start(b, "Screening");

      b.await(presenceOfElementLocated(By.cssSelector("#screening-chart canvas")));
      assertThat(b.css("#screening-sentence").getText())
          .startsWith("In France, at month 6, a test that finds 80% of would-be attackers");
      assertThat(b.all("#screening-table tbody tr")).hasSize(7);
      b.screenshotDownTo(out("kind-screening.png"), "#screening-table");
      downloadsAnswer(b, "export-csv", "country,month,window_months,");
      reportDownloads(b);

      // A forecast: the launcher offers the as-of date and observation files (issue #14); a
      // plain small forecast gives its brief as a PDF.
      b.css("nav a[href='#/runs']").click();
      b.await(visibilityOfElementLocated(By.id("launcher")));
      new Select(b.css("select[name=scenario]")).selectByVisibleText("isis-2017");
      b.css("#kind-forecast").click();
      assertThat(b.css("#forecast-asof").isDisplayed()).isTrue();
      b.css("#forecast-observations")
          .sendKeys(OBSERVATIONS.resolve("known-2017-02.csv").toString());
      b.await(
          textToBePresentInElementLocated(
              By.id("forecast-observations-status"), "known-2017-02.csv (56 figures)"));
      b.screenshotDownTo(out("kind-launcher.png"), "#launcher");
      b.driver().navigate().refresh();
      b.await(visibilityOfElementLocated(By.id("launcher")));
      new Select(b.css("select[name=scenario]")).selectByVisibleText("isis-2017");
      replaceText(b.css("input[name=replications]"), "5");
      b.css("input[name=months]").sendKeys("3");
      start(b, "Forecast");
      b.await(presenceOfElementLocated(By.cssSelector("#fans canvas")));
      b.css("#download-brief").click();
      assertThat(awaitDownload(b.downloads(), ".pdf")).isNotNull();
      assertThat(b.severeLogEntries()).isEmpty();
    }
  }

  /** Signs the analyst in and chooses the kind in the launcher, for isis-2017. */
  private Browser launcher(String kind) throws IOException {
    Browser b = Browser.start();
    b.open(SERVICE.url());
    b.await(visibilityOfElementLocated(By.name("username"))).sendKeys(ANALYST);
    b.css("input[name=password]").sendKeys(ANALYST_PASSWORD);
    b.css("#sign-in").click();
    WebElement launcher = b.await(visibilityOfElementLocated(By.id("launcher")));
    new Select(launcher.findElement(By.name("scenario"))).selectByVisibleText("isis-2017");
    b.css("#kind-" + kind).click();
    return b;
  }

  /** Starts the run and follows its progress to the end and its results view. */
  private static void start(Browser b, String kindLabel) {
    b.css("#start-run").click();
    b.await(urlMatches("#/runs/\\d+"));
    b.await(textToBePresentInElementLocated(By.tagName("h1"), kindLabel + " #"));
    new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Duration.ofMinutes(3))
        .until(textToBePresentInElementLocated(By.id("progress-text"), "Finished"));
  }

  /** The link answers 200 with a body that starts as given. */
  private static void downloadsAnswer(Browser b, String id, String startsWith) {
    String answer =
        (String)
            b.driver()
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById(arguments[0]).href)"
                        + ".then(r => r.text().then(t => done(r.status + ' ' + t.trim().slice(0, 40))));",
                    id);
    assertThat(answer).as(id).startsWith("200 " + startsWith);
  }

  /** The report link downloads an HTML file. */
  private static void reportDownloads(Browser b) {
    b.css("#download-report").click();
    assertThat(awaitDownload(b.downloads(), ".html")).isNotNull();
  }

  private static Path out(String name) {
    return Path.of(System.getProperty("dispersal.e2e.out", "target/e2e"), name);
  }

  private static void replaceText(WebElement input, String text) {
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
  }

  private static Path awaitDownload(Path folder, String suffix) {
    return await("a non-empty " + suffix + " file downloaded to " + folder)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> downloaded(folder, suffix), Objects::nonNull);
  }

  private static Path downloaded(Path folder, String suffix) throws IOException {
    if (!Files.isDirectory(folder)) {
      return null;
    }
    try (Stream<Path> files = Files.list(folder)) {
      Path done =
          files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
      return done != null && Files.size(done) > 0 ? done : null;
    }
  }
}
