package org.dispersal.output.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.output.page.InlineHashes;
import org.dispersal.output.page.StyleSheet;
import org.dispersal.output.page.SvgTexts;
import org.dispersal.scoring.ForecastScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HindcastReportTest {

  @TempDir Path tmp;

  private static Hindcast.Result result() {
    ObservationRecord returned =
        ValidationFixtures.figure("FRA", ObservedMeasure.RETURNED, 250, 300, "icsr");
    ObservationRecord killed =
        ValidationFixtures.figure("TUN", ObservedMeasure.KILLED, 900, null, "soufan");
    ObservationRecord skipped =
        ValidationFixtures.figure("BEL", ObservedMeasure.KILLED, 10, 20, "egmont");
    double[] a = {200, 240, 260, 280, 320};
    double[] b = {700, 800, 950, 1000, 1200};
    return ValidationFixtures.result(
        List.of(
            new Hindcast.Row(
                returned,
                "scored",
                16,
                ForecastScore.of(a, returned.range()),
                12.5,
                9.0,
                270,
                Double.NaN,
                a,
                ""),
            new Hindcast.Row(
                killed,
                "scored",
                16,
                ForecastScore.of(b, killed.range()),
                40,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                b,
                "open range"),
            ValidationFixtures.notScored(skipped, ValidationFixtures.HOSTILE)),
        LocalDate.of(2018, 1, 1));
  }

  private static final Hindcast.Settings SETTINGS =
      new Hindcast.Settings(LocalDate.of(2018, 1, 1), 50, 7, 1, 100, 0);

  /** Long region names and country lists stay whole inside the interval chart (#16). */
  @Test
  void noColumnLabelLeavesTheChart() throws Exception {
    double[] a = {200, 240, 260, 280, 320};
    List<Hindcast.Row> rows = new ArrayList<>();
    for (String where :
        List.of("Former Soviet Union and the Caucasus", "AUT+BEL+BGR+HRV+CYP+CZE+DNK", "FRA")) {
      ObservationRecord r =
          ValidationFixtures.figure(where, ObservedMeasure.RETURNED, 250, 300, "tsc");
      rows.add(
          new Hindcast.Row(
              r,
              "scored",
              8,
              ForecastScore.of(a, r.range()),
              10,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              a,
              ""));
    }
    Path f = tmp.resolve("long.html");
    HindcastReport.write(
        ValidationFixtures.result(rows, LocalDate.of(2017, 2, 13)), SETTINGS, "cmd", f);
    String html = Files.readString(f);
    assertThat(html)
        .contains("Former Soviet Union and the Caucasus 2018-06")
        .contains("7 countries");
    SvgTexts.assertAllInside(html);
  }

  @Test
  void writesTheScoresAChartPerMeasureAndEveryRowInTheSharedPage() throws Exception {
    Path f = tmp.resolve("hindcast.html");
    HindcastReport.write(result(), SETTINGS, "dispersal hindcast --as-of 2018-01-01", f);
    String html = Files.readString(f);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<style>" + StyleSheet.CSS + "</style>")
        .contains("<h1>Hindcast of ")
        .contains("from 2018-01-01</h1>")
        .contains("information set frozen at <b>2018-01-01</b>; 50 replications, seed 7")
        .contains("the forecast uses the priors")
        .contains("<h2>returned</h2>")
        .contains("<h2>killed</h2>")
        .contains("returned FRA 2018-06", "killed TUN 2018-06", "killed BEL 2018-06")
        .contains("<td colspan=\"8\">not_scored</td>");
    // The PIT histogram and reliability diagram, then a chart per measure.
    assertThat(ValidationFixtures.count(html, "<svg")).isEqualTo(2 + 2);
    // Scorecard: coverage (header, figures, 4 levels), skill (header, 10 rows), by date (header,
    // the date, pooled), by what is counted (header; killed, returned; the returned figure had a
    // trend, so counted before, the killed one not); then the overall table, the header of every
    // row and each row.
    assertThat(ValidationFixtures.count(html, "<tr>")).isEqualTo(6 + 11 + 3 + 5 + 1 + 14 + 1 + 3);
    String kinds = html.substring(html.indexOf("<h2>By what is counted</h2>"));
    assertThat(kinds.indexOf("<td>killed</td>"))
        .isPositive()
        .isLessThan(kinds.indexOf("<td>returned</td>"));
    assertThat(kinds.indexOf("<td>counted before</td>"))
        .isGreaterThan(kinds.indexOf("<td>returned</td>"))
        .isLessThan(kinds.indexOf("<td>not counted before</td>"));
  }

  @Test
  void opensWithTheVerdictAndExplainsEveryScore() throws Exception {
    Path f = tmp.resolve("hindcast.html");
    HindcastReport.write(result(), SETTINGS, "dispersal hindcast", f);
    String html = Files.readString(f);
    assertThat(html.indexOf("<h2 id=\"verdict\">Verdict</h2>"))
        .isPositive()
        .isLessThan(html.indexOf("How to read these scores"))
        .isLessThan(html.indexOf("<h2>Overall</h2>"));
    // Two figures from two sources, both covered by their 90% and 50% intervals.
    assertThat(html)
        .contains("Scored against 2 figures from 2 sources")
        .contains("The 90% intervals held 100% of the 2 figures")
        .contains("<b>Coverage</b>", "<b>PIT</b>", "<b>CRPS</b>", "<b>Skill</b>")
        .contains("Reliability diagram", "PIT histogram")
        .contains("<th>13–24 months</th>");
  }

  @Test
  void severalForecastDatesArePooledAndEachIsNamed() throws Exception {
    Path f = tmp.resolve("hindcast.html");
    Hindcast.Result feb = result();
    Hindcast.Result may = ValidationFixtures.result(feb.rows(), LocalDate.of(2018, 4, 1));
    HindcastReport.write(List.of(feb, may), SETTINGS, "dispersal hindcast", f);
    String html = Files.readString(f);
    assertThat(html)
        .contains("Hindcast of mali-2013 from 2 forecast dates, 2018-01-01 to 2018-04-01")
        .contains("<td>2018-01-01</td>", "<td>2018-04-01</td>", "<td>pooled</td>")
        .contains("Scored against 4 figures from 2 sources")
        .contains("FRA 2018-06 from 2018-04-01", "<td>16 from 2018-04-01</td>")
        // The same figures at both dates, scored alike: the later date is not better.
        .contains("<h2>Does assimilation pay?</h2>")
        .contains("lower in 0 of 1 pairs of dates (missed)")
        .contains("<th>below the date before</th>");
    // One forecast date has nothing to compare.
    Path one = tmp.resolve("one.html");
    HindcastReport.write(feb, SETTINGS, "dispersal hindcast", one);
    assertThat(Files.readString(one)).doesNotContain("Does assimilation pay");
  }

  @Test
  void escapesTextAndHasNoInlineCodeBeyondTheStyleSheet() throws Exception {
    Path f = tmp.resolve("hindcast.html");
    InlineHashes hashes = HindcastReport.write(result(), SETTINGS, "run <this> & 'that'", f);
    String html = Files.readString(f);
    assertThat(html)
        .doesNotContain("<script>")
        .doesNotContain("style=\"")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;")
        .contains("<code>run &lt;this&gt; &amp; &#39;that&#39;</code>");
    assertThat(hashes.scripts()).isEmpty();
    assertThat(hashes.attributes()).isEmpty();
    assertThat(hashes.sheets()).containsExactly(InlineHashes.of(StyleSheet.CSS));
    assertThat(ValidationFixtures.sidecar(f)).isEqualTo(hashes);
  }
}
