package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dispersal.cli.Commands.run;
import static org.dispersal.cli.Commands.with;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same command gives the same files with and without {@code --spark}: forecast (summary.csv),
 * sensitivity (sensitivity.csv) and calibration (posterior.csv), run through the command line as a
 * user runs them.
 */
@Tag("spark")
class SparkCommandsTest {

  @TempDir Path tmp;

  @Test
  void forecastOnSparkWritesTheLocalSummary() throws Exception {
    String[] forecast = {"forecast", "--runs", "17", "--months", "9", "--seed", "7"};
    Commands.Result local =
        run(with(forecast, "--single", "--threads", "2", "--out", tmp.resolve("local").toString()));
    assertThat(local.code()).as(local.err()).isZero();
    Commands.Result spark =
        run(with(forecast, "--spark", "local[2]", "--out", tmp.resolve("spark").toString()));
    assertThat(spark.code()).as(spark.err()).isZero();
    assertThat(spark.out()).contains("Forecast isis-2017: 17 replications");
    assertThat(Files.readString(tmp.resolve("spark/summary.csv")))
        .isEqualTo(Files.readString(tmp.resolve("local/summary.csv")));
  }

  /**
   * A forecast as of a date with both filters: the passes run on executors, the weights and the
   * resampling on the driver, and summary.csv and assimilation.csv are the local run's.
   */
  @Test
  void forecastAsOfADateOnSparkWritesTheLocalFiles() throws Exception {
    for (String filter : new String[] {"monthly", "one-step"}) {
      String[] forecast = {
        "forecast",
        "--as-of",
        "2017-08-31",
        "--observations",
        Path.of("..", "data", "observations", "validation-2017.csv").toString(),
        "--filter",
        filter,
        "--runs",
        "23",
        "--months",
        "4",
        "--seed",
        "7",
        "--no-store"
      };
      Path local = tmp.resolve(filter + "-local");
      Path spark = tmp.resolve(filter + "-spark");
      Commands.Result l = run(with(forecast, "--threads", "2", "--out", local.toString()));
      assertThat(l.code()).as(l.err()).isZero();
      Commands.Result r = run(with(forecast, "--spark", "local[2]", "--out", spark.toString()));
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("Conditioned on");
      assertThat(Files.readString(spark.resolve("summary.csv")))
          .isEqualTo(Files.readString(local.resolve("summary.csv")));
      assertThat(Files.readString(spark.resolve("assimilation.csv")))
          .isEqualTo(Files.readString(local.resolve("assimilation.csv")));
    }
  }

  /**
   * {@code forecast --posterior FILE} on Spark, alone and as of a date (monthly filter with its
   * default Liu-West move of the parameters): the sample travels to the executors, and summary.csv
   * (and assimilation.csv) are the local run's.
   */
  @Test
  void forecastFromAPosteriorOnSparkWritesTheLocalFiles() throws Exception {
    Path sample = tmp.resolve("posterior.csv");
    Files.writeString(
        sample,
        "weight,kill_rate_base,kill_rate_collapse,share_returned_by_start\n"
            + "0.5,0.0025,0.015,0.12\n"
            + "0.3,0.0040,0.030,0.20\n"
            + "0.2,0.0055,0.022,0.27\n");
    String[] plain = {
      "forecast",
      "--posterior",
      sample.toString(),
      "--runs",
      "17",
      "--months",
      "9",
      "--seed",
      "7",
      "--no-store"
    };
    String[] asOf = {
      "forecast",
      "--posterior",
      sample.toString(),
      "--as-of",
      "2017-08-31",
      "--observations",
      Path.of("..", "data", "observations", "validation-2017.csv").toString(),
      "--runs",
      "23",
      "--months",
      "4",
      "--seed",
      "7",
      "--no-store"
    };
    String[][] commands = {plain, asOf};
    for (int k = 0; k < commands.length; k++) {
      Path local = tmp.resolve(k + "-local");
      Path spark = tmp.resolve(k + "-spark");
      Commands.Result l = run(with(commands[k], "--threads", "2", "--out", local.toString()));
      assertThat(l.code()).as(l.err()).isZero();
      Commands.Result r = run(with(commands[k], "--spark", "local[2]", "--out", spark.toString()));
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(Files.readString(spark.resolve("summary.csv")))
          .isEqualTo(Files.readString(local.resolve("summary.csv")));
      if (k == 1) {
        assertThat(Files.readString(spark.resolve("manifest.json"))).contains("\"posterior\"");
        assertThat(Files.readString(spark.resolve("assimilation.csv")))
            .isEqualTo(Files.readString(local.resolve("assimilation.csv")));
        assertThat(Files.readString(spark.resolve("manifest.json")))
            .contains("\"method\" : \"liu-west\"");
      }
    }
    // The posterior forecast differs from the priors' (the sample is used on the executors).
    Path prior = tmp.resolve("prior-spark");
    Commands.Result p =
        run(
            "forecast",
            "--single",
            "--runs",
            "17",
            "--months",
            "9",
            "--seed",
            "7",
            "--no-store",
            "--spark",
            "local[2]",
            "--out",
            prior.toString());
    assertThat(p.code()).as(p.err()).isZero();
    assertThat(Files.readString(prior.resolve("summary.csv")))
        .isNotEqualTo(Files.readString(tmp.resolve("0-spark/summary.csv")));
  }

  @Test
  void sensitivityOnSparkWritesTheLocalIndices() throws Exception {
    String[] design = {
      "sensitivity",
      "--output",
      "returned:region=Western Europe:month=6",
      "--trajectories",
      "2",
      "--top",
      "2",
      "--base-samples",
      "8",
      "--replications",
      "2",
      "--bootstrap",
      "20"
    };
    Commands.Result local =
        run(with(design, "--threads", "2", "--out", tmp.resolve("local").toString()));
    assertThat(local.code()).as(local.err()).isZero();
    Commands.Result spark =
        run(with(design, "--spark", "local[2]", "--out", tmp.resolve("spark").toString()));
    assertThat(spark.code()).as(spark.err()).isZero();
    String csv = Files.readString(tmp.resolve("spark/sensitivity.csv"));
    assertThat(csv.lines().count()).isGreaterThan(3);
    assertThat(csv).isEqualTo(Files.readString(tmp.resolve("local/sensitivity.csv")));
  }

  @Test
  void calibrationOnSparkWritesTheLocalPosterior() throws Exception {
    String[] calibrate = {
      "calibrate",
      "--observations",
      Path.of("..", "data", "observations", "known-2017-02.csv").toString(),
      "--as-of",
      "2017-02-13",
      "--particles",
      "100",
      "--simulations",
      "1500",
      "--check-runs",
      "10",
      "--seed",
      "11",
      "--threads",
      "2"
    };
    Commands.Result local = run(with(calibrate, "--out", tmp.resolve("local").toString()));
    assertThat(local.code()).as(local.err()).isZero();
    Commands.Result spark =
        run(with(calibrate, "--spark", "local[2]", "--out", tmp.resolve("spark").toString()));
    assertThat(spark.code()).as(spark.err()).isZero();
    assertThat(spark.out()).contains("1500 simulations");
    String posterior = Files.readString(tmp.resolve("spark/posterior.csv"));
    assertThat(posterior.lines().count()).isGreaterThan(100);
    assertThat(posterior).isEqualTo(Files.readString(tmp.resolve("local/posterior.csv")));
    // Issue #13: both compared each figure under its definition, and say so.
    assertThat(Files.readString(tmp.resolve("spark/manifest.json")))
        .contains("7 of 15 figures not a plain count");
    assertThat(Files.readString(tmp.resolve("local/manifest.json")))
        .contains("7 of 15 figures not a plain count");
  }

  /**
   * {@code calibrate --no-definitions --spark}: the executors compare each figure's count too, so
   * the posterior is the local one, and both manifests say the definitions were off.
   */
  @Test
  void calibrationWithoutDefinitionsOnSparkWritesTheLocalPosterior() throws Exception {
    String[] calibrate = {
      "calibrate",
      "--observations",
      Path.of("..", "data", "observations", "known-2017-02.csv").toString(),
      "--as-of",
      "2017-02-13",
      "--particles",
      "60",
      "--simulations",
      "400",
      "--check-runs",
      "4",
      "--seed",
      "11",
      "--threads",
      "2",
      "--no-definitions"
    };
    Commands.Result local = run(with(calibrate, "--out", tmp.resolve("local").toString()));
    assertThat(local.code()).as(local.err()).isZero();
    Commands.Result spark =
        run(with(calibrate, "--spark", "local[2]", "--out", tmp.resolve("spark").toString()));
    assertThat(spark.code()).as(spark.err()).isZero();
    String posterior = Files.readString(tmp.resolve("spark/posterior.csv"));
    assertThat(posterior.lines().count()).isGreaterThan(60);
    assertThat(posterior).isEqualTo(Files.readString(tmp.resolve("local/posterior.csv")));
    for (String where : new String[] {"spark", "local"}) {
      assertThat(Files.readString(tmp.resolve(where + "/manifest.json")))
          .contains(
              "\"definitions\" : \"off: every figure compared with the count of its measure\"");
    }
  }

  @Test
  void aBadMasterIsOneLineNamingTheOption() {
    Commands.Result r =
        run("forecast", "--runs", "2", "--spark", "nowhere://x", "--out", tmp.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .contains("--spark nowhere://x: Could not parse Master URL")
        .doesNotContain("\tat ");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }
}
