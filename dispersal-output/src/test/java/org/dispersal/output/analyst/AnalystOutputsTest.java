package org.dispersal.output.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.dispersal.analyst.Interval;
import org.dispersal.analyst.NaturalFrequencies;
import org.dispersal.analyst.Screening;
import org.dispersal.analyst.ScreeningTest;
import org.dispersal.analyst.VariantComparison;
import org.dispersal.output.page.SvgTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyst pages escape every text they did not write, and the CSV files quote theirs. */
class AnalystOutputsTest {

  @TempDir Path tmp;

  /** A comparison of a base and one variant at +6 and +36 months, the variant 2 above the base. */
  private static VariantComparison.Comparison comparison(String variant) {
    int h = VariantComparison.HEADLINES.size();
    Interval[][][] levels = new Interval[2][2][h];
    Interval[][][] diffs = new Interval[2][2][h];
    for (int m = 0; m < 2; m++) {
      for (int k = 0; k < h; k++) {
        levels[m][0][k] = new Interval(10, 5, 10, 15, 4);
        levels[m][1][k] = new Interval(12, 6, 12, 18, 4);
        diffs[m][0][k] = new Interval(0, 0, 0, 0, 4);
        diffs[m][1][k] = new Interval(2, 1, 2, 3, 4);
      }
    }
    return new VariantComparison.Comparison(
        List.of("base", variant), List.of(6, 36), 4, levels, diffs);
  }

  @Test
  void comparisonEscapesVariantNamesAndQuotesThemInCsv() throws Exception {
    int h = VariantComparison.HEADLINES.size();
    String evil = "<script>alert(1)</script>,x";
    VariantComparison.Comparison c = comparison(evil);
    Path html = tmp.resolve("compare.html");
    ComparisonOutputs.writeHtml(c, List.of("the base", "<b>bold</b>"), YearMonth.of(2017, 2), html);
    String page = Files.readString(html);
    assertThat(page)
        .doesNotContain("<script>")
        .doesNotContain("<b>bold</b>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;,x")
        .contains("&lt;b&gt;bold&lt;/b&gt;")
        .contains("+6 (2017-08)", "+36 (2020-02)")
        .doesNotContain("http");
    Path csv = tmp.resolve("compare.csv");
    ComparisonOutputs.writeCsv(c, csv);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(1 + 2 * 2 * h);
    assertThat(lines.get(1 + h))
        .startsWith("\"<script>alert(1)</script>,x\",base,6,4,disengaged,12,6,12,18,2,1,2,3");
    assertThat(lines.get(1 + 3 * h))
        .startsWith("\"<script>alert(1)</script>,x\",base,36,4,disengaged,12,6,12,18,2,1,2,3");
    assertThat(ComparisonOutputs.clear(c.difference(0, 1, 0))).isTrue();
    assertThat(ComparisonOutputs.clear(new Interval(1, -1, 1, 3, 4))).isFalse();
  }

  @Test
  void aStateOfOnePersonDoesNotStretchTheAxisOfTheDifferenceChart() throws Exception {
    int h = VariantComparison.HEADLINES.size();
    Interval[][][] levels = new Interval[1][2][h];
    Interval[][][] diffs = new Interval[1][2][h];
    for (int k = 0; k < h; k++) {
      double base = k == 0 ? 1 : 1000;
      levels[0][0][k] = new Interval(base, base, base, base, 4);
      levels[0][1][k] = new Interval(base, base, base, base, 4);
      diffs[0][0][k] = new Interval(0, 0, 0, 0, 4);
      // One person more or less is -200% to +300% of a base of one; ten people are 1% of 1,000.
      diffs[0][1][k] = k == 0 ? new Interval(0.5, -2, 0, 3, 4) : new Interval(5, -10, 5, 10, 4);
    }
    var c = new VariantComparison.Comparison(List.of("base", "v"), List.of(6), 4, levels, diffs);
    Path html = tmp.resolve("compare.html");
    ComparisonOutputs.writeHtml(c, List.of(), YearMonth.of(2017, 2), html);
    String chart = Files.readString(html);
    chart = chart.substring(chart.indexOf("<svg"), chart.indexOf("</svg>"));
    assertThat(chart).contains(">+1.0%</text>").doesNotContain(">+300%</text>");
    // The clipped bar ends in an arrow at each end of the axis.
    assertThat(chart.split("<path d=\"M", -1)).hasSize(3);
  }

  @Test
  void noTextOfTheDifferenceChartLeavesItsDrawing() throws Exception {
    // Issue #16, finding 8: "Remaining insurgent in the core theatre" was cut to "naining
    // insurgent..." when the label column was a fixed 230 px.
    Path html = tmp.resolve("compare.html");
    ComparisonOutputs.writeHtml(
        comparison("a variant with a rather long name"), List.of(), YearMonth.of(2017, 2), html);
    SvgTexts.assertAllInside(Files.readString(html));
  }

  @Test
  void aLongAxisLabelIsWrappedInsideTheChart() {
    String label =
        "Remaining insurgents in the core theatre who were counted by the analyst, per 1,000"
            + " returnees screened, with their 90% interval across the replications";
    String svg =
        new Chart("t", "x", label)
            .add(
                new Chart.Series(
                    "a series with a long legend entry",
                    "#000",
                    new double[] {0, 100},
                    new double[] {0, 123456},
                    null,
                    null))
            .mark(new Chart.Mark(100, 123456, "#000", "a marked point near the right edge"))
            .size(600, 300)
            .svg();
    SvgTexts.assertAllInside(svg);
    assertThat(svg).contains("Remaining insurgents").contains("replications");
  }

  @Test
  void screeningPageEscapesTheCountryNameAndStatesTheNaturalFrequencies() throws Exception {
    ScreeningTest t = new ScreeningTest(0.8, 0.9);
    Screening.Report r =
        Screening.summarise("FRA", 24, 12, t, List.of(new Screening.Counts(1000, 20, 300, 30)));
    Path html = tmp.resolve("s.html");
    ScreeningOutputs.writeHtml(r, "isis-2017", "<i>France</i>", YearMonth.of(2017, 2), html);
    String page = Files.readString(html);
    assertThat(page).contains("&lt;i&gt;France&lt;/i&gt;").doesNotContain("<i>France");
    NaturalFrequencies f = r.natural();
    assertThat(f).isEqualTo(new NaturalFrequencies(1000, 40, 10, 95, 855));
    assertThat(ScreeningOutputs.naturalSentence(f))
        .isEqualTo(
            "Of 1,000 returnees, 50 are committed; the tool flags 40 of them and misses 10. Of the"
                + " 950 others, it wrongly flags 95. Of the 135 flagged, 40 are committed.");
    assertThat(page).contains(ScreeningOutputs.naturalSentence(f));
    // Issue #16, finding 8: the vertical axis label was cut at the chart's top and bottom.
    SvgTexts.assertAllInside(page);
  }
}
