package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end tests of the command line on the built-in scenario, and of how it reports errors. */
class CliTest {

  @TempDir Path tmp;

  /** The result of one command: exit code, standard output, standard error. */
  record Result(int code, String out, String err) {}

  /** The figures published by 13 February 2017, the validation commands' usual observations. */
  static final Path KNOWN = Path.of("..", "data", "observations", "known-2017-02.csv");

  /** The arguments of a small calibration on {@link #KNOWN} as of 13 February 2017. */
  static List<String> calibration(int simulations, int particles, int checkRuns) {
    return List.of(
        "calibrate",
        "--observations",
        KNOWN.toString(),
        "--as-of",
        "2017-02-13",
        "--simulations",
        Integer.toString(simulations),
        "--particles",
        Integer.toString(particles),
        "--check-runs",
        Integer.toString(checkRuns));
  }

  /**
   * The arguments of a small hindcast as of {@code asOf} on {@code observations}, not stored and
   * quiet: 20 replications, no calibration simulations, 50 particles.
   */
  static List<String> smallHindcast(String asOf, Path... observations) {
    List<String> args = new ArrayList<>(List.of("hindcast", "--as-of", asOf, "--observations"));
    for (Path o : observations) {
      args.add(o.toString());
    }
    args.addAll(
        List.of(
            "--runs", "20", "--simulations", "0", "--particles", "50", "--no-store", "--quiet"));
    return args;
  }

  /**
   * The arguments of a comparison of {@code variants}, the first the base, in {@code runs} runs.
   */
  static List<String> comparison(int runs, String... variants) {
    List<String> args = new ArrayList<>(List.of("compare"));
    for (String variant : variants) {
      args.addAll(List.of("--variant", variant));
    }
    args.addAll(List.of("--runs", Integer.toString(runs)));
    return args;
  }

  /** Runs {@code args} followed by {@code more}. */
  static Result run(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return run(all.toArray(new String[0]));
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void forecastWritesTheThreeFilesWithSensibleNumbers() throws Exception {
    Path dir = tmp.resolve("f");
    Result r = run("forecast", "--runs", "24", "--threads", "2", "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Forecast isis-2017: 24 replications").contains("Disengaged");
    List<String> lines = Files.readAllLines(dir.resolve("summary.csv"));
    assertThat(lines.get(0))
        .isEqualTo(
            "month,date,scope,scope_id,demographic,state,destination,mean,p05,p25,p50,p75,p95");
    // World total at the start: everyone who travelled, about 40,000.
    double total = 0;
    for (String line : lines) {
      String[] f = line.split(",", -1);
      // returned_total and returned_after_start add up other rows: leave them out of a sum.
      boolean composite = f[5].equals("returned_total") || f[5].equals("returned_after_start");
      if (f[0].equals("0")
          && f[2].equals("world")
          && f[4].equals("all")
          && f[6].isEmpty()
          && !composite) {
        total += Double.parseDouble(f[7]);
      }
    }
    assertThat(total).isBetween(36_000.0, 46_000.0);
    assertThat(lines).anyMatch(l -> l.startsWith("36,2020-02,country,FRA,all,dispatched,,"));
    assertThat(lines)
        .anyMatch(l -> l.contains(",region,Western Europe,all,disengaged,cooperating,"));
    assertThat(lines).anyMatch(l -> l.contains(",region,Western Europe,women,disengaged,,"));
    JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
    for (String key :
        List.of(
            "scenario",
            "data_version",
            "parameters",
            "seed",
            "runs",
            "engine",
            "code_version",
            "started",
            "finished")) {
      assertThat(manifest.has(key)).as(key).isTrue();
    }
    assertThat(manifest.get("scenario").get("sha256").asText()).hasSize(64);
    assertThat(manifest.get("runs").asInt()).isEqualTo(24);
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("isis-2017").contains("<svg");
  }

  @Test
  void sameSeedSameSummaryWhateverTheThreads() throws Exception {
    String one = hashOf("--threads", "1");
    String two = hashOf("--threads", "2");
    String eight = hashOf("--threads", "8");
    assertThat(two).isEqualTo(one);
    assertThat(eight).isEqualTo(one);
  }

  private String hashOf(String... extra) throws Exception {
    Path dir = Files.createTempDirectory(tmp, "h");
    String[] base = {
      "forecast", "--runs", "12", "--months", "12", "--seed", "5", "--out", dir.toString()
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    assertThat(run(args).code()).isZero();
    byte[] bytes = Files.readAllBytes(dir.resolve("summary.csv"));
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void userErrorsAreOneLineWithoutStackTraces() throws Exception {
    Result bad = run("forecast", "--runs", "0", "--out", tmp.resolve("x").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().strip())
        .isEqualTo("dispersal: --runs must be between 1 and 10000000, not 0");

    Result unknown = run("forecast", "--scenario", "no-such-scenario", "--out", tmp.toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(unknown.err().strip().lines()).hasSize(1);

    Result set = run("forecast", "--set", "no_such_parameter=1", "--out", tmp.toString());
    assertThat(set.code()).isEqualTo(2);
    assertThat(set.err()).contains("no_such_parameter").doesNotContain("\tat ");

    Path broken = tmp.resolve("broken.yaml");
    Files.writeString(broken, "name: x\nstart: 2017-13\nmonths: -3\n", StandardCharsets.UTF_8);
    Result v = run("validate", broken.toString());
    assertThat(v.code()).isEqualTo(2);
    assertThat(v.err())
        .contains("broken.yaml:2:")
        .contains("broken.yaml:3:")
        .doesNotContain("\tat ");
  }

  @Test
  void validateAcceptsTheBuiltInAndExplainListsSources() throws Exception {
    Path copy = tmp.resolve("isis.yaml");
    try (var in =
        getClass().getClassLoader().getResourceAsStream("org/dispersal/scenarios/isis-2017.yaml")) {
      Files.write(copy, in.readAllBytes());
    }
    Result v = run("validate", copy.toString());
    assertThat(v.code()).as(v.err()).isZero();
    assertThat(v.out()).contains("valid");
    Result e = run("explain");
    assertThat(e.code()).isZero();
    assertThat(e.out())
        .contains("dispatch_share")
        .contains("HEGGHAMMER2013")
        .contains("assumption:");
    Result s = run("scenarios");
    assertThat(s.out()).contains("isis-2017");
  }
}
