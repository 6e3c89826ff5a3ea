package org.dispersal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBeMoreThan;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The views of a forecast's results that issue #17 added or changed, in a real browser: the flow
 * diagram (every node named, no two labels overlapping at the default size, each state in the
 * colour the API serves from the report's palette), the destinations section, and the comparison of
 * comparable runs. Screenshots of each are left in {@code target/e2e/}; with {@code
 * -Ddispersal.docs.img=../docs/img} they are also copied there for docs/DASHBOARD.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class ResultsViewsTest {

  private TestServer server;
  private long forecast;
  private long variant;
  private long shorter;
  private long fewer;
  private final Map<String, String> colourOfLabel = new HashMap<>();

  @BeforeAll
  void startService() throws Exception {
    Browser.assumeAvailable();
    server = TestServer.start();
    TestServer.Client admin = server.signIn("admin", TestServer.ADMIN_PASSWORD);
    // The scenario alone, as its variant runs: the mixture would split its replications
    // differently and not pair.
    forecast = admin.runAndWait(admin.scenarioId("isis-2017"), 12, 12, true);
    variant = admin.runAndWait(admin.scenarioId("isis-2017-border-sealed"), 12, 12, true);
    shorter = admin.runAndWait(admin.scenarioId("isis-2017"), 4, 6);
    fewer = admin.runAndWait(admin.scenarioId("isis-2017-border-sealed"), 8, 12);
    for (JsonNode s : admin.send("GET", "api/states", null)) {
      colourOfLabel.put(s.get("label").asText(), s.get("colour").asText());
    }
  }

  @AfterAll
  void stopService() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theFlowDiagramNamesEveryNodeWithoutOverlapsInTheReportsColours() throws Exception {
    try (Browser b = Browser.start()) {
      signIn(b);
      b.open(server.url() + "#/runs/" + forecast);
      b.await(presenceOfElementLocated(By.cssSelector("#flow svg")));
      b.await(numberOfElementsToBeMoreThan(By.cssSelector("#flow-list li"), 8));

      List<WebElement> nodes = b.all("#flow-list li");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> labels =
          (List<Map<String, Object>>)
              b.driver()
                  .executeScript(
                      "const svg = document.querySelector('#flow svg').getBoundingClientRect();"
                          + "return [...document.querySelectorAll('#flow svg text')]"
                          + ".filter(t => t.textContent.trim() !== '')"
                          + ".map(t => { const r = t.getBoundingClientRect();"
                          + " return {text: t.textContent, left: r.left - svg.left,"
                          + " top: r.top - svg.top, right: r.right - svg.left,"
                          + " bottom: r.bottom - svg.top, width: svg.width, height: svg.height}; });");
      // Every node, regions and states (the pathways) alike, has its name drawn.
      for (WebElement node : nodes) {
        String name = node.getAttribute("data-name");
        assertThat(labels)
            .as("a label for " + name)
            .anySatisfy(l -> assertThat(name).startsWith(shown(l)));
      }
      assertThat(labels).hasSize(nodes.size());
      // Inside the chart, and no two labels overlap.
      for (Map<String, Object> l : labels) {
        assertThat(num(l, "left")).as(l.toString()).isGreaterThanOrEqualTo(-0.5);
        assertThat(num(l, "top")).as(l.toString()).isGreaterThanOrEqualTo(-0.5);
        assertThat(num(l, "right")).as(l.toString()).isLessThanOrEqualTo(num(l, "width") + 0.5);
        assertThat(num(l, "bottom")).as(l.toString()).isLessThanOrEqualTo(num(l, "height") + 0.5);
      }
      for (int i = 0; i < labels.size(); i++) {
        for (int j = i + 1; j < labels.size(); j++) {
          Map<String, Object> x = labels.get(i);
          Map<String, Object> y = labels.get(j);
          boolean apart =
              num(x, "right") <= num(y, "left") + 0.5
                  || num(y, "right") <= num(x, "left") + 0.5
                  || num(x, "bottom") <= num(y, "top") + 0.5
                  || num(y, "bottom") <= num(x, "top") + 0.5;
          assertThat(apart).as("labels overlap: " + x + " and " + y).isTrue();
        }
      }

      // Each state is drawn in the colour of GET /api/states (the report's palette).
      @SuppressWarnings("unchecked")
      List<String> fills =
          (List<String>)
              b.driver()
                  .executeScript(
                      "return [...document.querySelectorAll('#flow svg path')]"
                          + ".map(p => getComputedStyle(p).fill);");
      int states = 0;
      for (WebElement node : nodes) {
        if (!"state".equals(node.getAttribute("data-kind"))) {
          continue;
        }
        states++;
        String expected = colourOfLabel.get(node.getAttribute("data-name"));
        assertThat(expected).as("a colour for " + node.getAttribute("data-name")).isNotNull();
        assertThat(node.getAttribute("data-colour")).isEqualTo(expected);
        assertThat(fills).as("a node filled with " + expected).contains(rgb(expected));
      }
      assertThat(states).isGreaterThan(5);
      assertThat(b.severeLogEntries()).isEmpty();
      b.screenshotOf("#flow", "dashboard-flow.png");
    }
  }

  @Test
  void theDestinationsShowWhereRelocatorsAndOperativesGo() throws Exception {
    try (Browser b = Browser.start()) {
      signIn(b);
      b.open(server.url() + "#/runs/" + forecast + "?month=12");
      b.await(presenceOfElementLocated(By.cssSelector("#flow svg")));
      // Drawn only when it comes near the screen.
      assertThat(b.all("#destination-table")).isEmpty();
      b.driver().executeScript("document.getElementById('destinations').scrollIntoView()");
      b.await(numberOfElementsToBeMoreThan(By.cssSelector("#destination-table tbody tr"), 3));
      b.await(presenceOfElementLocated(By.cssSelector("#destination-map canvas")));
      b.await(presenceOfElementLocated(By.cssSelector("#destination-fans canvas")));
      String theatres = b.css("#destination-table").getText();
      assertThat(theatres).contains("Libya").contains("Sahel (Mali, Niger, Burkina Faso)");
      assertThat(b.css("#destination-table tbody tr td").getText()).isEqualTo("1");
      assertThat(b.css("#destination-map-title").getText())
          .startsWith("Relocated to a third theatre: destinations at month 12");
      b.screenshotOf("#destinations", "dashboard-destinations.png");

      new Select(b.css("#destination-state")).selectByValue("dispatched");
      b.await(textToBePresentInElementLocated(By.id("destination-map-title"), "Dispatched"));
      b.await(numberOfElementsToBeMoreThan(By.cssSelector("#destination-table tbody tr"), 3));
      assertThat(b.css("#destination-table").getText()).contains("France");
      assertThat(b.severeLogEntries()).isEmpty();
    }
  }

  @Test
  void comparableRunsAreComparedWithPairedIntervalsOnlyWhenTheyPair() throws Exception {
    try (Browser b = Browser.start()) {
      signIn(b);
      b.open(server.url() + "#/compare");
      new Select(b.await(visibilityOfElementLocated(By.name("a"))))
          .selectByValue(String.valueOf(forecast));
      // Run B offers only the runs with the same start and horizon: not the 6-month run.
      b.await(
          presenceOfElementLocated(
              By.cssSelector("select[name=b] option[value='" + variant + "']")));
      assertThat(b.all("select[name=b] option[value='" + shorter + "']")).isEmpty();
      assertThat(b.css("select[name=b] option[value='" + variant + "']").getText())
          .contains("same seed");
      new Select(b.css("select[name=b]")).selectByValue(String.valueOf(variant));
      WebElement month = b.css("input[name=month]");
      month.clear();
      month.sendKeys("12");
      b.css("#compare-button").click();
      b.await(numberOfElementsToBeMoreThan(By.cssSelector("#comparison-table tbody tr"), 12));
      b.await(presenceOfElementLocated(By.cssSelector("#comparison canvas")));
      // Same seed and replications: the server pairs them, and the page says so and shows both.
      assertThat(b.css("#compare-pairing").getText())
          .startsWith("Paired comparison: both runs used seed 11 and 12 replications");
      assertThat(b.css("#comparison-table thead").getText())
          .contains("Difference B − A: median (paired 90% interval)")
          .contains("Paired interval");
      assertThat(b.css("#comparison-table tbody").getText())
          .containsPattern("[+−]?[0-9,]+ \\([+−]?[0-9,]+ to [+−]?[0-9,]+\\)")
          .containsAnyOf("higher in B", "lower in B", "could be either way");
      assertThat(b.css("#compare-paired-title").getText())
          .isEqualTo("The paired difference B − A, with its 90% interval (world)");
      b.await(presenceOfElementLocated(By.cssSelector("#compare-paired-chart canvas")));
      assertThat(b.severeLogEntries()).isEmpty();
      // Tall enough for both charts (the table below them is left out of the picture).
      b.driver().manage().window().setSize(new Dimension(1280, 1500));
      b.screenshotOf("#compare-charts", "dashboard-compare.png");

      // Other replication counts: no pairing, the two intervals side by side, and why in words.
      b.open(server.url() + "#/compare?a=" + forecast + "&b=" + fewer + "&month=12");
      b.await(textToBePresentInElementLocated(By.id("compare-pairing"), "12 and 8 replications"));
      b.await(numberOfElementsToBeMoreThan(By.cssSelector("#comparison-table tbody tr"), 12));
      assertThat(b.css("#compare-pairing").getText())
          .contains("same seed")
          .contains("but none is given: the runs have 12 and 8 replications");
      assertThat(b.css("#comparison-table thead").getText())
          .contains("Difference of medians (B − A), not an interval");
      assertThat(b.css("#comparison-table tbody").getText()).containsAnyOf("overlap", "apart");
      assertThat(b.all("#compare-paired-chart")).isEmpty();
      assertThat(b.severeLogEntries()).isEmpty();

      // Runs of different horizons are refused in words.
      b.open(server.url() + "#/compare?a=" + forecast + "&b=" + shorter + "&month=3");
      assertThat(b.await(visibilityOfElementLocated(By.id("compare-refused"))).getText())
          .contains("are not comparable: they run for 12 and 6");
      assertThat(b.severeLogEntries())
          .allSatisfy(line -> assertThat(line).contains("/api/compare?").contains("status of 422"));
    }
  }

  /**
   * The as-of display follows the manifest contract of issue #14 ({@code assimilation}: as_of,
   * effective_sample_size, used, set_aside). Until the server writes it, the test adds the
   * dashboard's own fixture of that contract (dispersal-web/test/fixtures, with an effective sample
   * size that fits this run's 12 replications) to the run's answer in the browser, before the
   * page's scripts start, and checks what the page shows from it.
   */
  @Test
  void anAsOfForecastSaysWhatItWasConditionedOn() throws Exception {
    String fixture =
        Files.readString(Path.of("../dispersal-web/test/fixtures/assimilation-manifest.json"));
    try (Browser b = Browser.start()) {
      b.driver()
          .executeCdpCommand(
              "Page.addScriptToEvaluateOnNewDocument",
              Map.of(
                  "source",
                  "(() => { const extra = "
                      + fixture
                      + "; extra.assimilation.effective_sample_size = 7.4;"
                      + " const real = window.fetch.bind(window);"
                      + " window.fetch = async (input, init) => {"
                      + "  const response = await real(input, init);"
                      + "  if (!/api\\/runs\\/"
                      + forecast
                      + "$/.test(String(input))) return response;"
                      + "  const run = await response.json();"
                      + "  run.manifest = { ...run.manifest, assimilation: extra.assimilation };"
                      + "  return new Response(JSON.stringify(run),"
                      + "   { status: 200, headers: { 'Content-Type': 'application/json' } }); }; })();"));
      signIn(b);
      b.open(server.url() + "#/runs/" + forecast);
      WebElement box = b.await(visibilityOfElementLocated(By.id("assimilation")));
      assertThat(b.css("#assimilation-title").getText())
          .isEqualTo("Conditioned on 3 figures published by 31 March 2017");
      assertThat(box.getText())
          .contains("Effective sample size after conditioning: 7.4 of 12 replications");
      box.findElement(By.tagName("summary")).click();
      assertThat(b.all("#assimilation-used tbody tr")).hasSize(3);
      assertThat(b.all("#assimilation-set-aside tbody tr")).hasSize(2);
      assertThat(b.css("#assimilation-set-aside").getText())
          .contains("published after the forecast date");
      assertThat(b.severeLogEntries()).isEmpty();
      b.screenshotOf("#assimilation", "dashboard-as-of.png");
    }
  }

  /** A label's text without the ellipsis of a label cut to its margin. */
  private static String shown(Map<String, Object> label) {
    String text = String.valueOf(label.get("text"));
    return text.endsWith("…") ? text.substring(0, text.length() - 1) : text;
  }

  private static double num(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }

  /** "#009e73" as the browser's computed style writes it: "rgb(0, 158, 115)". */
  private static String rgb(String hex) {
    int v = Integer.parseInt(hex.substring(1), 16);
    return "rgb(" + (v >> 16 & 255) + ", " + (v >> 8 & 255) + ", " + (v & 255) + ")";
  }

  private void signIn(Browser b) {
    b.open(server.url());
    b.await(presenceOfElementLocated(By.name("username"))).sendKeys("admin");
    b.css("input[name=password]").sendKeys(TestServer.ADMIN_PASSWORD);
    b.css("#sign-in").click();
    b.await(presenceOfElementLocated(By.id("sign-out")));
  }
}
