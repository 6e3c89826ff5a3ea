package org.dispersal.output.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.output.page.InlineHashes;
import org.dispersal.output.page.StyleSheet;
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
    return new Hindcast.Result(
        ValidationFixtures.mali(),
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
        null,
        List.of(),
        0,
        LocalDate.of(2018, 1, 1),
        null);
  }

  private static final Hindcast.Settings SETTINGS =
      new Hindcast.Settings(LocalDate.of(2018, 1, 1), 50, 7, 1, 100, 0);

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
    assertThat(ValidationFixtures.count(html, "<svg")).isEqualTo(2);
    assertThat(ValidationFixtures.count(html, "<tr>")).isEqualTo(1 + 14 + 1 + 3);
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
