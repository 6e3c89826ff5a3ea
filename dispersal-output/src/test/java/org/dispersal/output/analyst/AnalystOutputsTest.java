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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyst pages escape every text they did not write, and the CSV files quote theirs. */
class AnalystOutputsTest {

  @TempDir Path tmp;

  @Test
  void comparisonEscapesVariantNamesAndQuotesThemInCsv() throws Exception {
    int h = VariantComparison.HEADLINES.size();
    Interval[][] levels = new Interval[2][h];
    Interval[][] diffs = new Interval[2][h];
    for (int k = 0; k < h; k++) {
      levels[0][k] = new Interval(10, 5, 10, 15, 4);
      levels[1][k] = new Interval(12, 6, 12, 18, 4);
      diffs[0][k] = new Interval(0, 0, 0, 0, 4);
      diffs[1][k] = new Interval(2, 1, 2, 3, 4);
    }
    String evil = "<script>alert(1)</script>,x";
    VariantComparison.Comparison c =
        new VariantComparison.Comparison(List.of("base", evil), 36, 4, levels, diffs);
    Path html = tmp.resolve("compare.html");
    ComparisonOutputs.writeHtml(c, List.of("the base", "<b>bold</b>"), YearMonth.of(2017, 2), html);
    String page = Files.readString(html);
    assertThat(page)
        .doesNotContain("<script>")
        .doesNotContain("<b>bold</b>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;,x")
        .contains("&lt;b&gt;bold&lt;/b&gt;")
        .doesNotContain("http");
    Path csv = tmp.resolve("compare.csv");
    ComparisonOutputs.writeCsv(c, csv);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(1 + 2 * h);
    assertThat(lines.get(1 + h))
        .startsWith("\"<script>alert(1)</script>,x\",base,36,4,disengaged,12,6,12,18,2,1,2,3");
    assertThat(ComparisonOutputs.clear(diffs[1][0])).isTrue();
    assertThat(ComparisonOutputs.clear(new Interval(1, -1, 1, 3, 4))).isFalse();
  }

  @Test
  void theDifferenceChartLeavesRoomForTheLongestStateLabel() {
    // "Remaining insurgent in the core theatre" was cut to "naining insurgent..." at 230 px
    double left = ComparisonOutputs.labelColumn();
    for (var st : VariantComparison.HEADLINES) {
      assertThat(10 + 7.5 * st.label().length()).as(st.label()).isLessThanOrEqualTo(left - 10);
    }
    assertThat(left).isGreaterThan(230);
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
  }
}
