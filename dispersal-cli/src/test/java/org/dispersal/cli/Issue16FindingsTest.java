package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eight findings of issue #16 ("the answers an analyst asks for"), each tried again as the
 * analyst tried it, through the command line. Where a finding is reproduced by a test of its own,
 * that test is named here:
 *
 * <ol>
 *   <li>"Returned" means two things: {@link ReturnedRowsTest} (summary.csv's {@code returned_total}
 *       and {@code returned_after_start}, the terminal headline), with the arithmetic in
 *       dispersal-analysis {@code CompositeStateTest};
 *   <li>thin breakdowns: {@link #finding2ReportHasTablesByRegionAndPeopleAtFourMonths} here, the
 *       page itself in dispersal-output {@code HtmlReportTest};
 *   <li>nothing to hand a policymaker: {@link BriefCommandTest} (a PDF of two to four pages, from a
 *       forecast run now or a stored one), and the service's download in dispersal-server {@code
 *       AnalystRunsContract#aFinishedForecastGivesItsBriefAsAPdfOfTwoToFourPages};
 *   <li>a gap in an event file taken as evidence, GTD and ACLED disagreeing, unknown types and
 *       countries accepted: dispersal-app {@code EventCoverageTest} and {@link UpdateCommandTest};
 *   <li>empty exports reported as success: {@link
 *       #finding5AComparisonExportsItsRowsAndAnEmptyTableExitsTwo} here, the store's side in
 *       dispersal-store {@code StoreContractTest};
 *   <li>no progress on the command line: {@link ProgressTest};
 *   <li>sensitivity outputs and pages: dispersal-app {@code SensitivityOutputSpecTest} (every state
 *       and measure) and dispersal-output {@code SensitivityOutputsTest} (μ*, S1, ST explained, S1
 *       &gt; ST flagged);
 *   <li>compare at month 36 only, a cut chart label, an error that sends the user elsewhere: {@link
 *       #finding8CompareShowsTheOffensivesAtSixMonths} here, the labels in dispersal-output {@code
 *       AnalystOutputsTest}, the screening error in {@link
 *       AnalystCommandsTest#screeningRejectsBadInputWithOneLineNamingTheFlag} and the set members
 *       in dispersal-app {@code SetMembersInErrorsTest}.
 * </ol>
 */
class Issue16FindingsTest {

  @TempDir Path tmp;

  /** Finding 2: report.html has tables by region and by men, women and minors at +6 to +36. */
  @Test
  void finding2ReportHasTablesByRegionAndPeopleAtFourMonths() throws Exception {
    Path dir = tmp.resolve("f");
    CliTest.Result r =
        CliTest.run("forecast", "--runs", "6", "--no-store", "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String html = Files.readString(dir.resolve("report.html"));
    String regions = table(html, "by-region");
    assertThat(regions)
        .contains("Western Europe", "Maghreb", "<span class=\"ci\">")
        .contains("+6 months", "+12 months", "+24 months", "+36 months");
    assertThat(table(html, "by-demographic"))
        .contains(">Men<", ">Women<", ">Minors<", "+36 months", "<span class=\"ci\">");
    // Intervals in the origins table's cells, and each origin opens its trajectories.
    assertThat(table(html, "origins"))
        .contains("<span class=\"ci\">", "class=\"origin-link\" data-origin=\"FRA\"");
  }

  private static String table(String html, String id) {
    int start = html.indexOf("<table id=\"" + id + "\"");
    assertThat(start).as("table " + id).isNotNegative();
    return html.substring(start, html.indexOf("</table>", start));
  }

  /**
   * Finding 8: at month 36 the offensive-speed variants showed nothing. By default compare now
   * probes +6, +12, +24 and +36 months, and a variant that differs from the base only in how fast
   * West Mosul and Raqqa fall moves people out of the group's territory at +6 months.
   */
  @Test
  void finding8CompareShowsTheOffensivesAtSixMonths() throws Exception {
    Path dir = tmp.resolve("c");
    CliTest.Result r =
        CliTest.run(
            CliTest.comparison(20, "isis-2017", "isis-2017-fast-offensives"),
            "--no-store",
            "--out",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("at months +6 (2017-08), +12 (2018-02), +24 (2019-02), +36");
    List<String> csv = Files.readAllLines(dir.resolve("compare.csv"));
    assertThat(csv.stream().skip(1).map(l -> l.split(",")[2]).distinct())
        .containsExactly("6", "12", "24", "36");
    String[] inTheatre =
        csv.stream()
            .filter(l -> l.startsWith("isis-2017-fast-offensives,isis-2017,6,20,in_theatre,"))
            .findFirst()
            .orElseThrow()
            .split(",");
    // difference_p95 below zero: fewer with the group at +6 months in nine replications in ten
    assertThat(Double.parseDouble(inTheatre[12])).isNegative();
  }
}
