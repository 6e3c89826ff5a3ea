package org.dispersal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBeMoreThan;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard end to end: the real service, a real browser, the paths an analyst and a viewer
 * take. Each test uses a fresh browser; the service and its store live for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class DashboardTest {

  private static final String ANALYST = "ana";
  private static final String ANALYST_PASSWORD = "analyst-secret-1";
  private static final String VIEWER = "vic";
  private static final String VIEWER_PASSWORD = "viewer-secret-1";
  private static final String MARKUP_NAME = "<img src=x onerror=alert(1)> & <b>bold</b>";

  private TestServer server;
  private long storedRun;
  private long sealedBorderRun;

  @BeforeAll
  void startService() throws Exception {
    Browser.assumeAvailable();
    server = TestServer.start();
    TestServer.Client admin = server.signIn("admin", TestServer.ADMIN_PASSWORD);
    admin.createUser(ANALYST, ANALYST_PASSWORD, "analyst");
    admin.createUser(VIEWER, VIEWER_PASSWORD, "viewer");
    admin.createScenario(MARKUP_NAME, "extends: isis-2017\nname: markup\nmonths: 3\n");
    storedRun = admin.runAndWait(admin.scenarioId("isis-2017"), 5, 3);
    sealedBorderRun = admin.runAndWait(admin.scenarioId("isis-2017-border-sealed"), 5, 3);
  }

  @AfterAll
  void stopService() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void analystFixesAScenarioRunsItSeesTheChartsAndExportsTheReport() throws Exception {
    try (Browser b = Browser.start()) {
      signIn(b, ANALYST, ANALYST_PASSWORD);

      b.css("nav a[href='#/scenarios']").click();
      b.await(elementToBeClickable(By.id("new-scenario"))).click();
      WebElement name = b.await(visibilityOfElementLocated(By.name("name")));
      name.sendKeys("isis-2017-first-year");
      WebElement yaml = b.css("textarea[name=yaml]");
      replaceText(
          yaml,
          "extends: isis-2017\nname: isis-2017-first-year\ndescription: The first twelve months from February 2017.\nmonths: 0\n");
      b.css("#save").click();

      // The problem is listed with its line and field; choosing it selects that line.
      WebElement problem = b.await(visibilityOfElementLocated(By.cssSelector(".problems button")));
      assertThat(b.severeLogEntries())
          .as("the refused save is the only failed request so far")
          .singleElement()
          .asString()
          .contains("/api/scenarios - ")
          .contains("status of 422");
      assertThat(problem.getText()).startsWith("Line 4").contains("months");
      problem.click();
      assertThat(selectedText(b, yaml)).isEqualTo("months: 0");
      b.screenshot(out("editor.png"));
      assertThat(b.driver().switchTo().activeElement()).isEqualTo(yaml);

      replaceText(
          yaml,
          "extends: isis-2017\nname: isis-2017-first-year\ndescription: The first twelve months from February 2017.\nmonths: 12\n");
      b.css("#validate").click();
      b.await(
          textToBePresentInElementLocated(
              By.cssSelector(".editor [role=status]"), "No problems found."));
      assertThat(b.all(".problems")).isEmpty();
      b.css("#save").click();
      b.await(urlMatches("#/scenarios/\\d+"));
      b.await(textToBePresentInElementLocated(By.cssSelector(".editor [role=status]"), "Saved"));

      // Run it from the launcher and follow the progress to the end.
      b.await(elementToBeClickable(By.id("run-this"))).click();
      WebElement scenario = b.await(visibilityOfElementLocated(By.name("scenario")));
      assertThat(new Select(scenario).getFirstSelectedOption().getText())
          .isEqualTo("isis-2017-first-year");
      replaceText(b.css("input[name=replications]"), "10");
      b.css("input[name=seed]").sendKeys("7");
      b.css("#start-run").click();
      b.await(urlMatches("#/runs/\\d+"));
      b.await(textToBePresentInElementLocated(By.id("progress-text"), "Finished"));
      assertThat(b.css("#progress-text").getText()).contains("100%").contains("10 of 10");

      // The charts are drawn: a fan per non-empty state, the flow diagram, the map.
      b.await(presenceOfElementLocated(By.cssSelector("#fans canvas")));
      b.await(presenceOfElementLocated(By.cssSelector("#world-map canvas")));
      b.await(presenceOfElementLocated(By.cssSelector("#flow svg")));
      // One panel per outcome that is not empty, each described in words for screen readers.
      assertThat(b.all("#fans-list li")).hasSizeGreaterThan(8);
      assertThat(b.css("#fans-list li[data-state=disengaged]").getAttribute("textContent"))
          .startsWith("Disengaged returnees: median ");
      pointAtLastMonthOfFirstFan(b);
      assertThat(b.css("#map-title").getText())
          .contains("Disengaged returnee")
          .contains("month 12");
      assertThat(b.all("#country-table tbody tr")).hasSizeGreaterThan(5);

      // A country's trajectories.
      WebElement country = b.css("#country-table tbody button");
      String countryName = country.getText();
      country.click();
      b.await(textToBePresentInElementLocated(By.id("country-title"), countryName));
      b.await(presenceOfElementLocated(By.cssSelector("#country-fans canvas")));
      assertThat(b.driver().getCurrentUrl()).contains("country=");

      // The stored run opened afresh: how long until its charts are drawn (printed, not asserted),
      // and the screenshot for the README.
      String runUrl =
          b.driver().getCurrentUrl().replaceAll("\\?.*", "")
              + "?month=12&state=disengaged&country=FRA";
      b.open("about:blank");
      b.open(runUrl);
      b.await(presenceOfElementLocated(By.cssSelector("#fans canvas")));
      b.await(presenceOfElementLocated(By.cssSelector("#world-map canvas")));
      Long drawnAt = b.resultsDrawnMillis();
      assertThat(drawnAt).as("the page marks when its results are drawn").isNotNull();
      System.out.println("stored run: page load to results drawn " + drawnAt + " ms");
      Path shot = out("results.png");
      b.screenshotDownTo(shot, "#fans");
      b.await(presenceOfElementLocated(By.cssSelector("#country-fans canvas")));
      assertThat(b.css("#country-title").getText()).startsWith("France");
      b.screenshotDownTo(out("results-full.png"), "#country");
      String copyTo = System.getProperty("dispersal.screenshot", "");
      if (!copyTo.isBlank()) {
        Files.copy(shot, Path.of(copyTo), StandardCopyOption.REPLACE_EXISTING);
      }

      // Export: the report downloads, the CSV export answers with summary rows.
      b.css("#download-report").click();
      assertThat(awaitDownload(b.downloads(), ".html")).isNotNull();
      String csv =
          (String)
              b.driver()
                  .executeAsyncScript(
                      "const done = arguments[arguments.length - 1];"
                          + "fetch(document.getElementById('export-csv').href)"
                          + ".then(r => r.text().then(t => done(r.status + ' ' + t.slice(0, 11))));");
      assertThat(csv).isEqualTo("200 month,date,");

      assertThat(b.severeLogEntries()).isEmpty();

      b.css("#sign-out").click();
      b.await(visibilityOfElementLocated(By.id("sign-in")));
      b.open(server.url() + "#/runs");
      b.await(visibilityOfElementLocated(By.id("sign-in")));
      assertThat(b.all("#sign-out")).isEmpty();
    }
  }

  @Test
  void viewerSeesResultsButNoRunEditOrAdminControls() throws Exception {
    try (Browser b = Browser.start()) {
      signIn(b, VIEWER, VIEWER_PASSWORD);
      b.await(presenceOfElementLocated(By.id("run-list")));
      assertThat(b.all("#launcher")).isEmpty();
      assertThat(b.all("nav a[href='#/admin']")).isEmpty();

      b.open(server.url() + "#/runs/" + storedRun);
      b.await(presenceOfElementLocated(By.cssSelector("#fans canvas")));
      b.await(presenceOfElementLocated(By.cssSelector("#world-map canvas")));
      assertThat(b.all("#cancel-run")).isEmpty();
      assertThat(b.all("#download-report")).hasSize(1);
      // A forecast offers its policymaker's brief as a PDF (issue #16).
      assertThat(b.css("#download-brief").getAttribute("href"))
          .endsWith("api/runs/" + storedRun + "/brief.pdf");
      // Every forecast page says how good the forecast is (issue #13).
      b.await(textToBePresentInElementLocated(By.id("track-record"), "How good is this forecast?"));

      b.css("nav a[href='#/scenarios']").click();
      b.await(presenceOfElementLocated(By.id("scenario-list")));
      assertThat(b.all("#new-scenario")).isEmpty();
      // A name made of markup is shown as text, never interpreted.
      assertThat(b.all("#scenario-list a").stream().map(WebElement::getText)).contains(MARKUP_NAME);
      assertThat(b.all("#scenario-list img, #scenario-list b")).isEmpty();

      b.driver().findElement(By.linkText("isis-2017")).click();
      b.await(visibilityOfElementLocated(By.id("validate")));
      // The scenario's hypotheses at their prior weights, with what to watch first.
      b.await(presenceOfElementLocated(By.cssSelector("#prior-weights canvas")));
      assertThat(b.css("#hypotheses").getText())
          .contains("Hypotheses and indicators")
          .contains("Before any events")
          .contains("not diagnostic");
      assertThat(b.all("#hypothesis-table tbody tr")).hasSize(9);
      assertThat(b.all("#scenario-watch li")).isNotEmpty();
      assertThat(b.all("#update-this")).isEmpty();
      b.screenshotDownTo(out("scenario-hypotheses.png"), "#scenario-watch");
      assertThat(b.all("#save")).isEmpty();
      assertThat(b.all("#run-this")).isEmpty();
      assertThat(b.css("textarea[name=yaml]").getDomAttribute("readonly")).isNotNull();

      b.open(server.url() + "#/admin");
      b.await(textToBePresentInElementLocated(By.tagName("h1"), "Page not found"));
      assertThat(b.severeLogEntries()).isEmpty();
    }
  }

  @Test
  void adminManagesUsersReadsTheAuditLogAndComparesTwoRuns() throws Exception {
    try (Browser b = Browser.start()) {
      signIn(b, "admin", TestServer.ADMIN_PASSWORD);
      b.css("nav a[href='#/admin']").click();
      WebElement users = b.await(visibilityOfElementLocated(By.id("user-list")));
      assertThat(users.getText()).contains(ANALYST).contains(VIEWER);
      assertThat(b.css("#audit-log").getText()).contains("Added a user").contains("Started a run");

      WebElement form = b.css("#new-user");
      form.findElement(By.name("username")).sendKeys("zoe");
      form.findElement(By.name("password")).sendKeys("zoe-secret-99");
      new Select(b.css("#new-user-role")).selectByValue("analyst");
      form.findElement(By.cssSelector("button[type=submit]")).click();
      b.await(textToBePresentInElementLocated(By.id("user-list"), "zoe"));
      b.screenshot(out("admin.png"));

      b.css("nav a[href='#/compare']").click();
      new Select(b.await(visibilityOfElementLocated(By.name("a"))))
          .selectByValue(String.valueOf(storedRun));
      // Run B offers the runs comparable with run A, asked for when A changes.
      b.await(
          presenceOfElementLocated(
              By.cssSelector("select[name=b] option[value='" + sealedBorderRun + "']")));
      new Select(b.css("select[name=b]")).selectByValue(String.valueOf(sealedBorderRun));
      replaceText(b.css("input[name=month]"), "3");
      b.css("#compare-button").click();
      b.await(numberOfElementsToBeMoreThan(By.cssSelector("#comparison-table tbody tr"), 12));
      b.await(presenceOfElementLocated(By.cssSelector("#comparison canvas")));
      assertThat(b.css("#comparison-table").getText())
          .contains("World")
          .contains("Disengaged returnee");
      b.screenshot(out("compare.png"));

      // A token made on the account page lets a script read the API without a password.
      b.css("#account").click();
      b.await(visibilityOfElementLocated(By.name("token-name"))).sendKeys("e2e-script");
      b.css("#token-name-submit").click();
      String token =
          b.await(visibilityOfElementLocated(By.id("token-value"))).getDomProperty("value");
      assertThat(server.getWithToken("api/runs", token)).isEqualTo(200);
      assertThat(server.getWithToken("api/runs", token + "x")).isEqualTo(401);
      assertThat(b.severeLogEntries()).isEmpty();
    }
  }

  @Test
  void analystUpdatesTheHypothesesFromAnEventFileAndRunsAThreatOutlook() throws Exception {
    Path events =
        Path.of("..", "dispersal-cli", "src", "test", "resources", "org", "dispersal", "cli")
            .resolve("events-2017.csv")
            .toAbsolutePath()
            .normalize();
    try (Browser b = Browser.start()) {
      signIn(b, ANALYST, ANALYST_PASSWORD);
      WebElement launcher = b.await(visibilityOfElementLocated(By.id("launcher")));
      new Select(launcher.findElement(By.name("scenario"))).selectByVisibleText("isis-2017");

      // Update the hypotheses: the event file read from disk into the text box, as of September.
      b.css("#kind-update").click();
      assertThat(b.css("input[name=replications]").isDisplayed()).isFalse();

      // A broken row is refused with its line and column; choosing the problem selects the line.
      WebElement text = b.css("#events-text");
      text.sendKeys(
          "event_id,date,country,location,type,actor\n"
              + "B1,2017-05-01,LBY,Sirte,attack,Islamic State\n"
              + "B2,2017-02-30,LBY,Sirte,attack,Islamic State\n");
      b.css("#start-run").click();
      WebElement problem =
          b.await(visibilityOfElementLocated(By.cssSelector("#launch-problems button")));
      assertThat(problem.getText()).startsWith("Line 3").contains("date");
      assertThat(b.severeLogEntries())
          .singleElement()
          .asString()
          .contains("/api/runs - ")
          .contains("status of 422");
      problem.click();
      assertThat(selectedText(b, text)).startsWith("B2,2017-02-30");
      b.screenshotDownTo(out("launcher-problem.png"), "#launch-problems");
      assertThat(b.driver().getCurrentUrl()).endsWith("#/runs");
      b.css("#events-file").sendKeys(events.toString());
      b.await(
          textToBePresentInElementLocated(By.cssSelector("#update-fields [role=status]"), "Read"));
      assertThat(b.css("#events-text").getDomProperty("value")).startsWith("event_id,");
      b.driver().executeScript("arguments[0].value = '2017-09-30'", b.css("input[name=asOf]"));
      b.css("#start-run").click();
      b.await(urlMatches("#/runs/\\d+"));
      b.await(textToBePresentInElementLocated(By.tagName("h1"), "Hypothesis update"));
      b.await(presenceOfElementLocated(By.cssSelector("#weights canvas")));
      assertThat(b.css("#leader").getText()).contains("2017-09-30").contains(" leads ");
      assertThat(b.all("#weights-list li")).hasSize(9);
      assertThat(b.all("#watch-list li")).isNotEmpty();
      assertThat(b.css("#watch-list li").getText()).contains("If seen").contains("If not");
      assertThat(b.css("#trail").getText()).contains("Islamic State attacks in Libya");
      assertThat(b.css("#events").getText()).contains("T11").contains("After the as-of date");
      assertThat(b.css("#indicators").getText()).contains("not diagnostic");
      b.screenshotDownTo(out("update.png"), "#indicators");

      // A small threat outlook from the same launcher.
      b.css("nav a[href='#/runs']").click();
      launcher = b.await(visibilityOfElementLocated(By.id("launcher")));
      new Select(launcher.findElement(By.name("scenario"))).selectByVisibleText("isis-2017");
      b.css("#kind-threat").click();
      replaceText(b.css("input[name=replications]"), "20");
      b.css("input[name=seed]").sendKeys("5");
      b.css("input[name=months]").sendKeys("12");
      b.css("#start-run").click();
      b.await(urlMatches("#/runs/\\d+"));
      b.await(textToBePresentInElementLocated(By.id("progress-text"), "Finished"));
      b.await(numberOfElementsToBeMoreThan(By.cssSelector("#threat-table tbody tr"), 3));
      b.await(presenceOfElementLocated(By.cssSelector("#threat-fan canvas")));
      b.await(presenceOfElementLocated(By.cssSelector("#threat-bars canvas")));
      assertThat(b.css("#threat-table tbody tr td").getText()).isEqualTo("1");
      assertThat(b.css("#threat-table tbody tr").getText()).matches("(?s).*\\[.*–.*\\].*");
      assertThat(b.css("#dispatched").getText()).contains("1 in 9");

      // Choosing a destination in the table shows it in the fan chart.
      WebElement second = b.all("#threat-table tbody tr").get(1);
      String name = second.findElement(By.tagName("button")).getText();
      second.findElement(By.tagName("button")).click();
      b.await(textToBePresentInElementLocated(By.id("threat-fan-title"), name));
      assertThat(b.driver().switchTo().activeElement()).isEqualTo(b.css("#threat-destination"));
      b.screenshotDownTo(out("threat.png"), "#threat-table-box");

      b.css("nav a[href='#/runs']").click();
      WebElement list = b.await(visibilityOfElementLocated(By.id("run-list")));
      assertThat(list.getText()).contains("Threat outlook").contains("Hypothesis update");
      assertThat(b.severeLogEntries()).isEmpty();
    }
  }

  private static Path out(String name) {
    return Path.of(System.getProperty("dispersal.e2e.out", "target/e2e"), name);
  }

  private void signIn(Browser b, String user, String password) {
    b.open(server.url());
    WebElement username = b.await(visibilityOfElementLocated(By.name("username")));
    username.sendKeys(user);
    b.css("input[name=password]").sendKeys(password);
    b.css("#sign-in").click();
    b.await(visibilityOfElementLocated(By.id("sign-out")));
  }

  private static void replaceText(WebElement input, String text) {
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
  }

  private static String selectedText(Browser b, WebElement textArea) {
    return (String)
        b.driver()
            .executeScript(
                "const t = arguments[0]; return t.value.substring(t.selectionStart, t.selectionEnd);",
                textArea);
  }

  private static Path awaitDownload(Path folder, String suffix) {
    return await("a non-empty " + suffix + " file downloaded to " + folder)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> downloaded(folder, suffix), Objects::nonNull);
  }

  /** The first non-empty file in the folder whose name ends with the suffix, or null. */
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

  /**
   * Points the mouse at the last month of the first fan panel (Disengaged returnees): the fan
   * grid's tooltip names the outcome and the month and gives the same median and 90% range as the
   * figures read to screen readers, and moving out of the plot hides it.
   */
  private static void pointAtLastMonthOfFirstFan(Browser b) {
    WebElement canvas = b.css("#fans canvas");
    int width = canvas.getSize().getWidth();
    int panels = b.all("#fans-list li").size();
    // panelLayout in charts/options.js: columns of at least 270 pixels, 10 apart, rows of 200;
    // the plot of a panel spans 56 to width - 24 pixels across and 32 to 174 down.
    int columns = Math.max(1, Math.min(panels, (width + 10) / 280));
    double cellWidth = (width - (columns - 1) * 10.0) / columns;
    int x = (int) Math.round(cellWidth - 25);
    b.driver().executeScript("arguments[0].scrollIntoView({block: 'start'})", canvas);
    // The canvas's corner in the window (pointer moves are in the window's pixels).
    @SuppressWarnings("unchecked")
    java.util.Map<String, Number> corner =
        (java.util.Map<String, Number>)
            b.driver()
                .executeScript(
                    "const r = arguments[0].getBoundingClientRect();"
                        + " return {left: Math.ceil(r.left), top: Math.ceil(r.top)};",
                    canvas);
    int left = corner.get("left").intValue();
    int top = corner.get("top").intValue();
    new Actions(b.driver()).moveToLocation(left + x, top + 100).perform();
    WebElement tip = b.await(visibilityOfElementLocated(By.cssSelector("#fans .fan-tooltip")));
    String said = b.css("#fans-list li[data-state=disengaged]").getAttribute("textContent");
    // "Disengaged returnees: median 1,234 at 2018-02, 90% of runs between 1,000 and 1,500."
    String median = said.replaceAll(".*: median (\\S+) at .*", "$1");
    String date = said.replaceAll(".* at (\\S+), 90%.*", "$1");
    String range = said.replaceAll(".*between (\\S+) and (\\S+)\\.$", "$1–$2");
    assertThat(tip.getText().split("\n"))
        .containsExactly(
            "Disengaged returnees, month 12 (" + date + ")",
            "Median: " + median,
            tip.getText().split("\n")[2],
            "90% of runs: " + range);
    assertThat(tip.getText().split("\n")[2]).matches("Half of runs: [0-9,]+–[0-9,]+");
    // Over the panel's title, outside its plot.
    new Actions(b.driver()).moveToLocation(left + x, top + 10).perform();
    b.await(d -> !tip.isDisplayed());
  }
}
