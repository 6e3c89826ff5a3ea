package org.dispersal.output.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dispersal.ensemble.CompositeState;
import org.dispersal.model.Scenario;
import org.dispersal.output.forecast.ForecastRun;
import org.dispersal.output.page.Html;
import org.dispersal.output.page.InlineHashes;
import org.dispersal.output.page.SvgTexts;
import org.dispersal.output.validation.PublishedScorecard;
import org.dispersal.scoring.Scorecard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  private static ForecastRun tiny;
  private static String html;

  @BeforeAll
  static void writeTinyReport(@TempDir Path dir) throws IOException {
    tiny = ReportFixtures.forecast(ReportFixtures.tiny(30), 20);
    Path file = dir.resolve("report.html");
    HtmlReport.write(tiny, file);
    html = Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void headlineTableHasEveryPathwayRowAndTheMonthsWithinTheHorizon() {
    String table = between(html, "<table class=\"headline\">", "</table>");
    assertThat(table)
        .contains(
            "Disengaged returnees",
            "Remaining insurgents",
            "Joined another group",
            "Relocated to a third theatre",
            "Dispatched operatives at large",
            "Operatives arrested",
            "Plots ended in an attack",
            "Killed",
            "Detained in the region",
            "In theatre",
            "Returned, not yet assessed",
            "Prosecuted at home")
        .contains("+6 months", "+12 months", "+24 months", "+30 months")
        .doesNotContain("+36 months");
    for (int pathway = 1; pathway <= 5; pathway++) {
      assertThat(table).contains("\">" + pathway + "</span>");
    }
  }

  @Test
  void headlineSeparatesThoseHomeBeforeTheStartFromThoseWhoCameHomeAfterIt() {
    String table = between(html, "<table class=\"headline\">", "</table>");
    assertThat(table)
        .contains(
            "Back home, however their case ended",
            "of whom home before the start",
            "of whom came home after the start");
    String summary = between(html, "<p class=\"summary\">", "</p>");
    assertThat(summary)
        .contains("people back home", "already home before the start", "came home after it");
  }

  /** Issue #16, finding 2: tables by region and by demographic, intervals in the cells. */
  @Test
  void breakdownsByRegionAndDemographicAtTheHeadlineMonthsWithIntervals() {
    String regions = between(html, "<table id=\"by-region\"", "</table>");
    assertThat(regions)
        .contains("Maghreb", "Western Europe", "Came home after the start", "Disengaged")
        .contains("+6 months", "+12 months", "+24 months", "+30 months");
    assertThat(count(regions, "<span class=\"ci\">")).isEqualTo(4 * 2 * 10);
    String groups = between(html, "<table id=\"by-demographic\"", "</table>");
    assertThat(groups).contains(">Men<", ">Women<", ">Minors<");
    assertThat(count(groups, "<span class=\"ci\">")).isEqualTo(4 * 3 * 10);
    // The cells are the summary's statistics: Western Europe's disengaged at +12 months.
    ReportData data = new ReportData(tiny);
    var s = data.summary().statistic(12, 2, 0, org.dispersal.model.State.DISENGAGED);
    assertThat(regions)
        .contains(
            "<span class=\"median\">"
                + Fmt.count(s.p50())
                + "</span><span class=\"ci\">"
                + Fmt.interval(s)
                + "</span>");
  }

  @Test
  void originsTableShowsIntervalsInTheCellsAndEachOriginOpensItsTrajectories() {
    String table = between(html, "<table id=\"origins\"", "</table>");
    // Five pathways, killed, detained, in camps and the children born since the start.
    assertThat(count(table, "<span class=\"ci\">")).isEqualTo(3 * 9);
    assertThat(table).doesNotContain("title=\"90% interval");
    assertThat(table).contains("<button type=\"button\" class=\"origin-link\" data-origin=\"FRA\"");
    assertThat(html).contains("<section id=\"origin-trajectory\"");
    String script = between(html, "<script>", "</script>");
    assertThat(script).contains("var DISPERSAL_ORIGINS = {").contains("origin-link");
  }

  @Test
  void theTrajectoryDataIsEachOriginsStatisticsMonthByMonth() throws Exception {
    ReportData data = new ReportData(tiny);
    var json = OriginTrajectories.data(data);
    assertThat(json.get("months").asInt()).isEqualTo(30);
    assertThat(json.get("start").asText()).isEqualTo("2017-02");
    assertThat(json.get("origins").size()).isEqualTo(3);
    int fra =
        data.scopesOfKind("country").stream()
            .filter(i -> data.summary().scopes().get(i).id().equals("FRA"))
            .findFirst()
            .orElseThrow();
    var france = json.get("origins").get("FRA");
    assertThat(france.get("name").asText()).isEqualTo("France");
    var killed = france.get("series").get("killed");
    assertThat(killed.size()).isEqualTo(5);
    for (int m = 0; m <= 30; m++) {
      var st = data.summary().statistic(m, fra, 0, org.dispersal.model.State.KILLED);
      assertThat(killed.get(0).get(m).asInt()).isEqualTo(st.p05());
      assertThat(killed.get(1).get(m).asInt()).isEqualTo(st.p25());
      assertThat(killed.get(2).get(m).asInt()).isEqualTo(st.p50());
      assertThat(killed.get(3).get(m).asInt()).isEqualTo(st.p75());
      assertThat(killed.get(4).get(m).asInt()).isEqualTo(st.p95());
    }
    var after = france.get("series").get("returned_after_start");
    assertThat(after.get(2).get(0).asInt())
        .as("no one came home after the start at month 0")
        .isZero();
    // A series that is zero in every replication is left out.
    for (var it = france.get("series").fieldNames(); it.hasNext(); ) {
      var q = france.get("series").get(it.next());
      int max = 0;
      for (var v : q.get(4)) {
        max = Math.max(max, v.asInt());
      }
      assertThat(max).isPositive();
    }
    // Text from the scenario cannot close the script.
    assertThat(OriginTrajectories.script(data)).doesNotContainIgnoringCase("</script");
  }

  @Test
  void listsEveryParameterByName() {
    String table = between(html, "<table class=\"data params\">", "</table>").replace("<wbr>", "");
    for (String name : tiny.scenario().parameters().keySet()) {
      assertThat(table).contains("<code>" + name + "</code>");
    }
    assertThat(table).contains("class=\"assumption\"").contains("chosen for the test");
    assertThat(table).contains("ICCT2016").contains("triangular 0.005 to 0.11, mode 0.02");
  }

  @Test
  void drawsOneFanChartPerStateAndTheFlowDiagram() {
    // One per state, and one of the children born in the territory since the start.
    assertThat(count(html, "<svg class=\"chart fan\"")).isEqualTo(Palette.ORDER.size() + 1);
    assertThat(html).contains(CompositeState.BORN_IN_TERRITORY.label()).contains("In camps");
    assertThat(count(html, "<svg class=\"chart flow\"")).isEqualTo(1);
    String flow = between(html, "<svg class=\"chart flow\"", "</svg>");
    assertThat(flow).contains("Maghreb", "Western Europe", "Libya", "Killed");
    assertThat(flow).contains("class=\"band\"");
    // Issue #16, finding 8: no label of any chart leaves its drawing.
    SvgTexts.assertAllInside(html);
  }

  @Test
  void referencesNothingOutsideTheFile() {
    Matcher m =
        Pattern.compile("(?i)<[^>]*\\s(src|href)\\s*=\\s*[\"']?([^\"'\\s>]*)").matcher(html);
    int links = 0;
    while (m.find()) {
      assertThat(m.group(2)).as(m.group()).startsWith("#");
      links++;
    }
    assertThat(links).as("the table of contents links within the page").isPositive();
    assertThat(html).doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://");
    assertThat(html).doesNotContain("<link").doesNotContain("@import").doesNotContain("url(");
  }

  @Test
  void escapesTextFromTheScenario() {
    assertThat(html).doesNotContain(ReportFixtures.HOSTILE);
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(count(html, "<script>")).isEqualTo(1);
    assertThat(html).doesNotContain("<img").contains("Sahel &lt;img src=x onerror=alert(2)&gt;");
  }

  @Test
  void saysHowGoodTheForecastIsOrThatNoHindcastScoredIt() {
    String box = between(html, "<div class=\"summary\" id=\"track-record\">", "</div>");
    assertThat(box)
        .contains("<strong>How good is this forecast?</strong>")
        .contains("No hindcast has scored ")
        .contains("docs/VALIDATION.md");
    assertThat(html.indexOf("id=\"track-record\"")).isLessThan(html.indexOf("id=\"headline\""));
    String isis = TrackRecordBox.html("isis-2017");
    PublishedScorecard card = PublishedScorecard.shipped("isis-2017").orElseThrow();
    assertThat(isis)
        .contains("90% intervals held " + Scorecard.pct(card.coverage90()))
        .contains("It meets " + card.met().size() + " of the")
        .contains(Html.esc(Scorecard.widthInWords(card.coverage90())))
        .contains("the figures the sources would publish")
        .contains("docs/REPORTING.md");
  }

  @Test
  void citesTheSourcesWithWhatTheyStandFor() {
    String sources = html.substring(html.indexOf("<h3>Sources cited</h3>"));
    assertThat(sources).contains("ICSR2015", "ICCT2016", "MALET_HAYES2018");
    assertThat(sources).doesNotContain("not in the shipped tables");
  }

  @Test
  void aShortHorizonReportsTheHorizonItself() {
    String report = HtmlReport.render(ReportFixtures.forecast(ReportFixtures.tiny(3), 5));
    String table = between(report, "<table class=\"headline\">", "</table>");
    assertThat(table).contains("+3 months").doesNotContain("+6 months");
    assertThat(count(report, "<svg class=\"chart fan\"")).isEqualTo(Palette.ORDER.size() + 1);
  }

  @Test
  void originsTableHasEveryOriginLargestFirstAndFlagsRemainders() {
    String table = between(html, "<table id=\"origins\"", "</table>");
    assertThat(table).contains("Tunisia", "France", "Rest of the Maghreb", "unallocated");
    assertThat(table.indexOf("Tunisia")).isLessThan(table.indexOf("France"));
    assertThat(table.indexOf("France")).isLessThan(table.indexOf("Rest of the Maghreb"));
    assertThat(html).contains("<input id=\"origin-filter\"");
  }

  @Test
  void numbersDoNotDependOnTheMachineLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      String german = HtmlReport.render(tiny);
      Locale.setDefault(Locale.US);
      assertThat(german).isEqualTo(HtmlReport.render(tiny));
      assertThat(german).containsPattern("\\d,\\d{3}");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void aRealisticReportStaysSmall(@TempDir Path dir) throws IOException {
    Scenario scenario = ReportFixtures.realistic();
    Path file = dir.resolve("report.html");
    HtmlReport.write(ReportFixtures.forecast(scenario, 50), file);
    assertThat(Files.size(file)).isLessThan(2_000_000L);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).contains("Western Europe &amp; Nordics", "+36 months");
    assertThat(text).contains("Rest of the former Soviet Union");
  }

  @Test
  void theSidecarAllowsEveryInlinePartOfTheReportAndNothingElse(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("report.html");
    InlineHashes returned =
        HtmlReport.write(ReportFixtures.forecast(ReportFixtures.tiny(3), 5), file);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    InlineHashes sidecar =
        InlineHashes.parse(
            Files.readString(dir.resolve("report.html.csp"), StandardCharsets.UTF_8));
    assertThat(sidecar).isEqualTo(returned);
    // An independent reading of the file: every style attribute, decoded as a browser would.
    Set<String> attributes = new LinkedHashSet<>();
    Matcher m = Pattern.compile("\\sstyle=\"([^\"]*)\"").matcher(text);
    while (m.find()) {
      attributes.add(sha256(m.group(1).replace("&quot;", "\"").replace("&amp;", "&")));
    }
    assertThat(attributes).isNotEmpty();
    assertThat(sidecar.attributes()).containsExactlyInAnyOrderElementsOf(attributes);
    String script = between(text, "<script>", "</script>").substring("<script>".length());
    assertThat(sidecar.scripts()).containsExactly(sha256(script));
    String sheet = between(text, "<style>", "</style>").substring("<style>".length());
    assertThat(sidecar.sheets()).containsExactly(sha256(sheet));
  }

  private static String sha256(String text) {
    try {
      return "'sha256-"
          + Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-256")
                      .digest(text.getBytes(StandardCharsets.UTF_8)))
          + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from);
    assertThat(start).as("found " + from).isNotNegative();
    int end = text.indexOf(to, start);
    return text.substring(start, end);
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
