package org.dispersal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A forecast as of a date launched from the dashboard with each filter, and its "Assimilation"
 * panel read back: the filter named in words, one row per resampling step (a month each for the
 * monthly filter, one over all months for one step) with the figures, the effective sample size as
 * a share of the replications, its bar and the distinct particles, the rows agreeing with the run's
 * manifest, and the warning shown exactly when a step's share is below the manifest's warning
 * share; with the monthly filter, whether the parameters were moved (Liu-West, on by default, off
 * when the form's box is unticked) and the parameter vectors each step kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class AsOfFilterDashboardTest {

  private static final String ANALYST = "asha";
  private static final String ANALYST_PASSWORD = "analyst-secret-3";
  private static final Path VALIDATION =
      Path.of("..", "data", "observations", "validation-2017.csv").toAbsolutePath().normalize();

  @RegisterExtension
  static final AnalystService SERVICE = new AnalystService(ANALYST, ANALYST_PASSWORD);

  @Test
  void theMonthlyFilterShowsAStepPerMonthWithItsEffectiveSampleSize() throws Exception {
    try (Browser b = signedIn()) {
      launchAsOf(b, null, true);
      WebElement panel = b.await(visibilityOfElementLocated(By.id("assimilation-steps")));
      assertThat(panel.findElement(By.tagName("h2")).getText()).isEqualTo("Assimilation");
      assertThat(b.css("#assimilation-filter").getText())
          .startsWith("Filter: Month by month (particle filter).");
      List<WebElement> rows = b.all("#assimilation-steps-table tbody tr");
      assertThat(rows).hasSizeGreaterThan(1);
      List<String> months = rows.stream().map(r -> cells(r).get(0)).toList();
      assertThat(months).allMatch(m -> m.matches("[A-Z][a-z]+ 20\\d\\d"));
      assertThat(rows).allMatch(r -> !r.findElements(By.tagName("meter")).isEmpty());
      // The Liu-West move is on by default: said in words, and a parameter vector per particle.
      assertThat(b.css("#assimilation-move").getText())
          .startsWith("Parameters: Moved at each step (Liu-West with discount 0.98)");
      assertThat(headers(b)).endsWith("Parameter vectors kept");
      assertThat(rows).allMatch(r -> cells(r).get(5).equals("40"));
      checkAgainstManifest(b, rows);
      // The form's default stock rule, read back from the manifest.
      assertThat(b.css("#stocks-rule").getText())
          .isEqualTo("Initial stocks: each country’s latest published figure (the default rule).");
      b.screenshotOf("#assimilation-steps", "dashboard-assimilation.png");
      assertThat(b.severeLogEntries()).isEmpty();
    }
  }

  @Test
  void theOneStepFilterShowsOneStepOverAllMonths() throws Exception {
    try (Browser b = signedIn()) {
      launchAsOf(b, "one-step", true);
      b.await(visibilityOfElementLocated(By.id("assimilation-steps")));
      assertThat(b.css("#assimilation-filter").getText())
          .startsWith("Filter: One step over all figures.");
      List<WebElement> rows = b.all("#assimilation-steps-table tbody tr");
      assertThat(rows).hasSize(1);
      assertThat(cells(rows.get(0)).get(0)).startsWith("All months");
      // One step moves no parameters: no line about the move.
      assertThat(b.all("#assimilation-move")).isEmpty();
      checkAgainstManifest(b, rows);
      // The whole results page, to look at where the panel sits (not used by the docs).
      b.screenshotDownTo(
          Path.of(System.getProperty("dispersal.e2e.out", "target/e2e"), "as-of-results.png"),
          "#assimilation-steps");
      assertThat(b.severeLogEntries()).isEmpty();
    }
  }

  @Test
  void unTickingTheMoveKeepsEachParticlesParameters() throws Exception {
    try (Browser b = signedIn()) {
      launchAsOf(b, null, false);
      b.await(visibilityOfElementLocated(By.id("assimilation-steps")));
      assertThat(b.css("#assimilation-move").getText()).startsWith("Parameters: Not moved:");
      List<WebElement> rows = b.all("#assimilation-steps-table tbody tr");
      assertThat(rows).hasSizeGreaterThan(1);
      checkAgainstManifest(b, rows);
      assertThat(b.severeLogEntries()).isEmpty();
    }
  }

  private static List<String> headers(Browser b) {
    return b.all("#assimilation-steps-table thead th").stream().map(WebElement::getText).toList();
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
      // The parameter vectors kept, when the manifest gives them (the monthly filter).
      Object vectors = step.get("parameter_vectors");
      if (a.get("parameter_move") != null) {
        assertThat(c.get(5)).isEqualTo(String.valueOf(vectors));
      }
      boolean low = s < share;
      anyLow |= low;
      assertThat(c.get(3).endsWith("low")).as("row %d flagged", i).isEqualTo(low);
    }
    assertThat(b.all("#assimilation-warning")).hasSize(anyLow ? 1 : 0);
    // The move as the manifest says it: on with its discount, off, or absent for one step.
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> move = (java.util.Map<String, Object>) a.get("parameter_move");
    if (move == null) {
      assertThat(b.all("#assimilation-move")).isEmpty();
    } else if ("off".equals(move.get("method"))) {
      assertThat(b.css("#assimilation-move").getText()).contains("Not moved");
    } else {
      assertThat(b.css("#assimilation-move").getText())
          .contains("Liu-West with discount " + move.get("discount"));
    }
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.cssSelector("th, td")).stream()
        .map(e -> e.getText().replace('\n', ' ').trim())
        .toList();
  }

  private Browser signedIn() throws IOException {
    Browser b = Browser.start();
    b.open(SERVICE.url());
    b.await(visibilityOfElementLocated(By.name("username"))).sendKeys(ANALYST);
    b.css("input[name=password]").sendKeys(ANALYST_PASSWORD);
    b.css("#sign-in").click();
    b.await(visibilityOfElementLocated(By.id("launcher")));
    return b;
  }

  /**
   * A forecast of isis-2017 as of 31 August 2017 on validation-2017.csv, 40 replications over 3
   * months, with the filter chosen (null: the form's default, which must be monthly) and the
   * Liu-West move ticked (the form's default) or not.
   */
  private static void launchAsOf(Browser b, String filter, boolean move) throws IOException {
    new Select(b.css("select[name=scenario]")).selectByVisibleText("isis-2017");
    b.css("#kind-forecast").click();
    Select choice = new Select(b.css("#forecast-filter"));
    assertThat(choice.getFirstSelectedOption().getDomAttribute("value")).isEqualTo("monthly");
    if (filter != null) {
      choice.selectByValue(filter);
    }
    Select stocks = new Select(b.css("#forecast-stocks"));
    assertThat(stocks.getFirstSelectedOption().getDomAttribute("value")).isEqualTo("latest");
    WebElement moveBox = b.css("#forecast-move");
    assertThat(moveBox.isSelected()).isTrue();
    assertThat(moveBox.isEnabled()).isEqualTo(!"one-step".equals(filter));
    if (!move) {
      moveBox.click();
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
    if (filter == null && move) {
      // The form as filled with its defaults: the launcher's picture in docs/DASHBOARD.md.
      b.driver().executeScript("document.activeElement.blur()");
      b.pictureDownTo("#start-run", "dashboard-launcher.png");
    }
    b.css("#start-run").click();
    b.await(urlMatches("#/runs/\\d+"));
    new WebDriverWait(b.driver(), Duration.ofMinutes(3))
        .until(textToBePresentInElementLocated(By.id("progress-text"), "Finished"));
  }
}
