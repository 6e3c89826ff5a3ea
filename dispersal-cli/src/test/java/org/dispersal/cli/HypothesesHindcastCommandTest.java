package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dispersal hindcast --hypotheses}: stacking on rolling origins, end to end, tiny. */
class HypothesesHindcastCommandTest {

  @TempDir Path tmp;

  private static final Path LATER = Path.of("..", "data", "observations", "validation-2017.csv");

  /** A tiny {@code hindcast --hypotheses} of quarterly origins with more options. */
  private static CliTest.Result hypotheses(Path dir, String origins, String... more) {
    return CliTest.run(
        List.of(
            "hindcast",
            "--origins",
            origins,
            "--every",
            "3",
            "--hypotheses",
            "--observations",
            CliTest.KNOWN.toString(),
            LATER.toString(),
            "--runs",
            "20",
            "--simulations",
            "0",
            "--no-store",
            "--out",
            dir.toString()),
        more);
  }

  @Test
  void weightsEachDateOnEarlierFiguresAndScoresTheMixture() throws Exception {
    Path dir = tmp.resolve("s");
    CliTest.Result r = hypotheses(dir, "2016-09..2017-03", "--stacking-as-of", "2017-02-13");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Stacking weights").contains("Mixture against the best single");
    List<String> stacking = Files.readAllLines(dir.resolve("stacking.csv"));
    assertThat(stacking.get(0)).isEqualTo("as_of,hypothesis,weight,basis,figures,prior");
    int hypotheses =
        ScenarioSource.reader(List.of())
            .readWithHypotheses("isis-2017")
            .hypotheses()
            .hypotheses()
            .size();
    assertThat(hypotheses).isEqualTo(9);
    // three forecast dates and the extra date, one row per hypothesis each
    assertThat(stacking).hasSize(1 + 4 * hypotheses);
    // the first date has no earlier date: the prior weights
    assertThat(stacking.get(1)).startsWith("2016-09-30,baseline,").contains(",prior,0,");
    assertThat(stacking).anyMatch(l -> l.startsWith("2016-12-31,") && l.contains(",stacked,"));
    for (String date : List.of("2016-09-30", "2016-12-31", "2017-03-31", "2017-02-13")) {
      double sum =
          stacking.stream()
              .filter(l -> l.startsWith(date + ","))
              .mapToDouble(l -> Double.parseDouble(l.split(",")[2]))
              .sum();
      assertThat(sum).as(date).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
    }
    assertThat(Files.readAllLines(dir.resolve("hypotheses.csv")))
        .anyMatch(l -> l.startsWith("pooled,mixture,"));
    assertThat(Files.readString(dir.resolve("hindcast.html")))
        .contains("Competing hypotheses, weighted by stacking");
    assertThat(Files.readString(dir.resolve("scorecard.json"))).contains("\"stacking\"");
    assertThat(Files.readString(dir.resolve("stacking-as-of-2017-02-13.json")))
        .contains("\"as_of\"")
        .contains("\"2017-02-13\"");
    assertThat(Files.readAllLines(dir.resolve("hindcast.csv")).get(0)).endsWith(",as_of,log_score");
  }

  @Test
  void startAtDateStartsEveryHypothesisAtItsForecastDate() throws Exception {
    Path dir = tmp.resolve("d");
    CliTest.Result r = hypotheses(dir, "2016-09..2016-12", "--start-at-date");
    assertThat(r.code()).as(r.err()).isZero();
    // month 0 is the forecast date's month (September 2016), not the scenario's start (February
    // 2017): every scored figure's month counts from September 2016
    List<String> rows =
        Files.readAllLines(
            dir.resolve("as-of-2016-09-30")
                .resolve("hypothesis-stay_and_fight")
                .resolve("hindcast.csv"));
    List<String[]> scored =
        rows.stream()
            .skip(1)
            .map(l -> l.split(",", -1))
            .filter(f -> f[9].equals("scored"))
            .toList();
    assertThat(scored).isNotEmpty();
    for (String[] f : scored) {
      YearMonth figure = YearMonth.parse(f[0].substring(0, 7));
      long months = ChronoUnit.MONTHS.between(YearMonth.of(2016, 9), figure);
      assertThat(Integer.parseInt(f[10])).as(String.join(",", f)).isEqualTo((int) months);
    }
  }

  @Test
  void needsOriginsAndTheReportingModel() {
    CliTest.Result r =
        CliTest.run(
            "hindcast", "--hypotheses", "--observations", CliTest.KNOWN.toString(), "--no-store");
    assertThat(r.code()).isEqualTo(UserErrors.USER);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(r.err()).contains("--origins");
    CliTest.Result s =
        CliTest.run(
            "hindcast",
            "--origins",
            "2016-09..2016-12",
            "--hypotheses",
            "--no-reporting-model",
            "--observations",
            CliTest.KNOWN.toString(),
            "--no-store");
    assertThat(s.code()).isEqualTo(UserErrors.USER);
    assertThat(s.err()).contains("--no-reporting-model");
    CliTest.Result t =
        CliTest.run(
            "hindcast",
            "--stacking-as-of",
            "2017-02-13",
            "--observations",
            CliTest.KNOWN.toString(),
            "--no-store");
    assertThat(t.code()).isEqualTo(UserErrors.USER);
    assertThat(t.err()).contains("--hypotheses");
  }
}
