package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a hindcast's forecast starts: at its date by default ({@code --start-at-date}), so a
 * forecast from 2019 reaches figures of 2021, or at the scenario's start ({@code
 * --start-at-scenario}), whose horizon ends 36 months after February 2017.
 */
class HindcastStartTest {

  @TempDir Path tmp;

  /** A figure 12 months after a mid-2019 forecast date: 52 months after isis-2017's start. */
  private Path lateFigure() throws Exception {
    Path f = tmp.resolve("late.csv");
    Files.writeString(
        f,
        "date,published,scope,scope_id,demographic,measure,low,high,source_id\n"
            + "2020-06,2020-06,country,FRA,all,returned,300,300,TEST_LATE\n",
        StandardCharsets.UTF_8);
    return f;
  }

  private CliTest.Result hindcast(Path out, String... more) throws Exception {
    List<String> args =
        new java.util.ArrayList<>(CliTest.smallHindcast("2019-06-30", CliTest.KNOWN, lateFigure()));
    args.addAll(List.of("--out", out.toString()));
    return CliTest.run(args, more);
  }

  private static String lateRow(Path out) throws Exception {
    return Files.readAllLines(out.resolve("hindcast.csv"), StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains("TEST_LATE"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void byDefaultTheForecastStartsAtItsDateAndScoresAFigureTwoYearsLater() throws Exception {
    Path out = tmp.resolve("date");
    CliTest.Result r = hindcast(out);
    assertThat(r.code()).as(r.err()).isZero();
    // Month 40 of the run that starts in February 2017 is month 12 after June 2019.
    assertThat(lateRow(out)).contains(",scored,40,");
    assertThat(Files.readString(out.resolve("manifest.json"), StandardCharsets.UTF_8))
        .contains("\"startAt\" : \"date: month 0 is the month of the forecast date");
    // Asking for the default by name changes nothing.
    Path named = tmp.resolve("named");
    assertThat(hindcast(named, "--start-at-date").code()).isZero();
    assertThat(Files.readString(named.resolve("hindcast.csv")))
        .isEqualTo(Files.readString(out.resolve("hindcast.csv")));
  }

  @Test
  void fromTheScenarioStartTheSameFigureIsPastTheHorizon() throws Exception {
    Path out = tmp.resolve("scenario");
    CliTest.Result r = hindcast(out, "--start-at-scenario");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(lateRow(out))
        .contains(",not_scored,")
        .contains("after the forecast horizon (36 months from 2017-02)");
    assertThat(Files.readString(out.resolve("manifest.json"), StandardCharsets.UTF_8))
        .contains("\"startAt\" : \"scenario: month 0 is the start of the scenario");
  }

  @Test
  void bothStartsAreOneLineAndExitTwo() throws Exception {
    CliTest.Result r = hindcast(tmp.resolve("both"), "--start-at-date", "--start-at-scenario");
    assertThat(r.code()).isEqualTo(UserErrors.USER);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("--start-at-date and --start-at-scenario both set");
  }
}
