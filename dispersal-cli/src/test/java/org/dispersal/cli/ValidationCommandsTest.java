package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end tests of calibrate, hindcast, sensitivity and forecast --posterior, with tiny budgets.
 */
class ValidationCommandsTest {

  @TempDir Path tmp;

  private static final Path LATER = Path.of("..", "data", "observations", "validation-2017.csv");

  @Test
  void hindcastScoresLaterFiguresAndListsTheRest() throws Exception {
    Path dir = tmp.resolve("h");
    CliTest.Result r =
        CliTest.run(
            "hindcast",
            "--as-of",
            "2017-02-13",
            "--observations",
            CliTest.KNOWN.toString(),
            LATER.toString(),
            "--runs",
            "40",
            "--simulations",
            "600",
            "--particles",
            "100",
            "--out",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("observations scored").contains("coverage 50%");
    List<String> lines = Files.readAllLines(dir.resolve("hindcast.csv"));
    assertThat(lines.get(0))
        .startsWith("date,published,scope,scope_id,demographic,measure,low,high,source_id,")
        .contains(
            "p05,p25,p50,p75,p95,in50,in90,crps,interval_score,log_ratio,crps_persistence,"
                + "crps_trend");
    long rows = Files.readAllLines(CliTest.KNOWN).size() + Files.readAllLines(LATER).size() - 2;
    assertThat(lines).hasSize((int) rows + 1);
    assertThat(lines).anyMatch(l -> l.contains(",AZE,") && l.contains("no origin"));
    assertThat(lines).anyMatch(l -> l.contains(",scored,") && l.contains(",TSC2017,"));
    // the information set is frozen: only figures published by the as-of date calibrate, and only
    // figures dated after it are scored
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",", -1);
      String published = f[1];
      String date = f[0];
      String status =
          l.contains(",calibration,") ? "calibration" : l.contains(",scored,") ? "scored" : "";
      if (status.equals("calibration")) {
        assertThat(published.compareTo("2017-02-13")).as(l).isLessThanOrEqualTo(0);
      }
      if (status.equals("scored")) {
        assertThat(date.compareTo("2017-02-13")).as(l).isGreaterThan(0);
      }
    }
    assertThat(Files.readString(dir.resolve("hindcast.html")))
        .contains("<svg")
        .contains("returned");
    assertThat(dir.resolve("posterior.csv")).exists();
    assertThat(lines.get(0)).endsWith(",note,pit,as_of,log_score");
    assertThat(r.out()).contains("Verdict: Scored against").contains("against a target of 80%–95%");
    assertThat(Files.readString(dir.resolve("scorecard.json")))
        .contains("\"command\" : \"dispersal hindcast --as-of 2017-02-13")
        .contains("\"forecast_dates\" : [ \"2017-02-13\" ]");

    CliTest.Result f =
        CliTest.run(
            "forecast",
            "--posterior",
            dir.resolve("posterior.csv").toString(),
            "--runs",
            "8",
            "--months",
            "3",
            "--out",
            tmp.resolve("f").toString());
    assertThat(f.code()).as(f.err()).isZero();
    assertThat(tmp.resolve("f").resolve("summary.csv")).exists();
  }

  /**
   * On the priors (no calibration): with calibration the flag also changes how the known death
   * tolls are compared, and since those tolls put floors under the initial dead (DeathTolls) that
   * moves the posterior of {@code stock_revision}, hence every forecast; here only the mappings
   * differ.
   */
  @Test
  void noDefinitionsComparesEveryFigureWithTheCountOfItsMeasure() throws Exception {
    String[] common = {
      "hindcast",
      "--as-of",
      "2017-02-13",
      "--observations",
      CliTest.KNOWN.toString(),
      LATER.toString(),
      "--runs",
      "30",
      "--simulations",
      "0",
      "--particles",
      "80",
      "--no-store",
      "--quiet"
    };
    Path on = tmp.resolve("on");
    Path off = tmp.resolve("off");
    CliTest.Result a = CliTest.run(concat(common, "--out", on.toString()));
    CliTest.Result b = CliTest.run(concat(common, "--no-definitions", "--out", off.toString()));
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(Files.readString(on.resolve("manifest.json"))).contains("\"definitions\" : \"on:");
    assertThat(Files.readString(off.resolve("manifest.json"))).contains("\"definitions\" : \"off:");
    // Norway's residual "in theatre" (a source rule) is read differently; the figures of
    // travellers, whose only definition is a count, are not
    assertThat(scoredRow(on, ",NOR,all,in_theatre,"))
        .isNotEqualTo(scoredRow(off, ",NOR,all,in_theatre,"));
    assertThat(scoredRow(on, ",SWE,all,travelled,"))
        .isEqualTo(scoredRow(off, ",SWE,all,travelled,"));
  }

  /**
   * {@code calibrate --no-definitions} compares every figure with the count of its measure: the
   * manifest says which, the posterior moves when figures are read under a definition other than a
   * count (7 of the 15 known figures by 13 February 2017), and on figures whose only definition is
   * a count (travellers) the flag changes no byte of posterior.csv.
   */
  @Test
  void calibrateNoDefinitionsComparesEveryFigureWithTheCountOfItsMeasure() throws Exception {
    String[] common =
        concat(
            CliTest.calibration(600, 100, 10).toArray(new String[0]),
            "--seed",
            "11",
            "--threads",
            "2",
            "--no-store",
            "--quiet");
    Path on = tmp.resolve("on");
    Path off = tmp.resolve("off");
    CliTest.Result a = CliTest.run(concat(common, "--out", on.toString()));
    CliTest.Result b = CliTest.run(concat(common, "--no-definitions", "--out", off.toString()));
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(Files.readString(on.resolve("manifest.json")))
        .contains("\"definitions\" : \"on: each figure compared under its definition")
        .contains("7 of 15 figures not a plain count");
    assertThat(Files.readString(off.resolve("manifest.json")))
        .contains("\"definitions\" : \"off: every figure compared with the count of its measure\"");
    assertThat(Files.readString(off.resolve("posterior.csv")))
        .isNotEqualTo(Files.readString(on.resolve("posterior.csv")));

    // A country's travellers and returnees are counts whatever the source: on those figures the
    // flag has nothing to switch off.
    List<String> known = Files.readAllLines(CliTest.KNOWN);
    List<String> countries =
        known.stream()
            .filter(
                l ->
                    l.equals(known.get(0))
                        || l.contains(",country,")
                            && (l.contains(",travelled,") || l.contains(",returned,")))
            .toList();
    assertThat(countries).hasSizeGreaterThan(10);
    Path counts = tmp.resolve("counts.csv");
    Files.write(counts, countries);
    String[] plain = common.clone();
    plain[2] = counts.toString();
    Path plainOn = tmp.resolve("plain-on");
    Path plainOff = tmp.resolve("plain-off");
    CliTest.Result c = CliTest.run(concat(plain, "--out", plainOn.toString()));
    CliTest.Result d = CliTest.run(concat(plain, "--no-definitions", "--out", plainOff.toString()));
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(d.code()).as(d.err()).isZero();
    assertThat(Files.readString(plainOn.resolve("manifest.json")))
        .containsPattern("; 0 of [1-9][0-9]* figures not a plain count");
    assertThat(Files.readAllBytes(plainOff.resolve("posterior.csv")))
        .isEqualTo(Files.readAllBytes(plainOn.resolve("posterior.csv")));
  }

  private static String scoredRow(Path dir, String key) throws Exception {
    return Files.readAllLines(dir.resolve("hindcast.csv")).stream()
        .filter(l -> l.contains(key) && l.contains(",scored,"))
        // the forecast's quantiles to the persistence CRPS (columns p05 to crps_persistence)
        .map(l -> String.join(",", java.util.Arrays.asList(l.split(",", -1)).subList(11, 22)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no scored row " + key + " in " + dir));
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void rollingOriginsRecalibrateEachDateOnTheEarlierOnesOnly() throws Exception {
    Path dir = tmp.resolve("rolling");
    CliTest.Result r =
        CliTest.run(
            "hindcast",
            "--origins",
            "2016-06..2017-06",
            "--every",
            "6",
            "--observations",
            CliTest.KNOWN.toString(),
            LATER.toString(),
            "--runs",
            "20",
            "--simulations",
            "0",
            "--out",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "Recalibrated on earlier forecast dates (earlier forecasts learnt from: 2016-06-30 0;")
        .contains("Verdict, recalibrated: ");
    List<String> lines = Files.readAllLines(dir.resolve("hindcast.csv"));
    assertThat(lines.get(0)).contains(",note,pit,as_of,log_score,recalibrated_p05,");
    List<String> header = List.of(lines.get(0).split(","));
    int asOf = header.indexOf("as_of");
    int from = header.indexOf("recalibrated_from");
    int p50 = header.indexOf("recalibrated_p50");
    for (String l : lines.subList(1, lines.size())) {
      if (!l.contains(",scored,")) {
        continue;
      }
      String[] f = l.split(",", -1);
      // every scored row of these files is free of quoted commas
      assertThat(f[p50]).as(l).isNotEmpty();
      if (f[asOf].equals("2016-06-30")) {
        assertThat(f[from]).as(l).isEqualTo("0");
      }
      if (f[asOf].equals("2017-06-30")) {
        assertThat(Integer.parseInt(f[from])).as(l).isPositive();
      }
    }
    assertThat(Files.readString(dir.resolve("hindcast.html")))
        .contains("Recalibrated on earlier forecast dates");
    assertThat(Files.readString(dir.resolve("scorecard.json"))).contains("\"recalibrated\"");
  }

  @Test
  void hindcastRefusesAFigureNoMappingCanInterpretWithOneLine() throws Exception {
    String header = "date,published,scope,scope_id,demographic,measure,low,high,source_id\n";
    String[][] cases = {
      {"2017-10,2017-10-24,country,FRA,all,still_in_syria,1,1,X", "field measure:"},
      {"2017-10,2017-10-24,country,FRA,boys,returned,1,1,X", "field demographic:"},
      {"2017-10,2017-10-24,continent,,all,returned,1,1,X", "field scope:"},
    };
    for (String[] c : cases) {
      Path bad = tmp.resolve("unmapped.csv");
      Files.writeString(bad, header + c[0] + "\n");
      CliTest.Result r =
          CliTest.run(
              "hindcast", "--as-of", "2017-02-13", "--observations", bad.toString(), "--runs", "5");
      assertThat(r.code()).as(c[0]).isEqualTo(UserErrors.USER);
      assertThat(r.err().strip()).as(c[0]).startsWith("dispersal: unmapped.csv:2: " + c[1]);
      assertThat(r.err().strip().lines()).as(c[0]).hasSize(1);
    }
  }

  @Test
  void hindcastRefusesAnUnknownDefinitionWithOneLine() throws Exception {
    String header =
        "date,published,scope,scope_id,demographic,measure,low,high,source_id,definition\n";
    String[][] cases = {
      {"2017-10,2017-10-24,country,FRA,all,in_theatre,1,1,X,residue", "field definition:"},
      {"2017-10,2017-10-24,country,FRA,all,killed,1,1,X,residual", "field definition:"},
    };
    for (String[] c : cases) {
      Path bad = tmp.resolve("defs.csv");
      Files.writeString(
          bad, header + "2017-10,2017-10-24,country,FRA,all,returned,1,1,X,\n" + c[0]);
      CliTest.Result r =
          CliTest.run(
              "hindcast", "--as-of", "2017-02-13", "--observations", bad.toString(), "--runs", "5");
      assertThat(r.code()).as(c[0]).isEqualTo(UserErrors.USER);
      assertThat(r.err().strip()).as(c[0]).startsWith("dispersal: defs.csv:3: " + c[1]);
      assertThat(r.err().strip().lines()).as(c[0]).hasSize(1);
    }
  }

  @Test
  void calibrateWritesAPosteriorAndAReport() throws Exception {
    Path dir = tmp.resolve("c");
    CliTest.Result r = CliTest.run(CliTest.calibration(500, 100, 20), "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Calibrated isis-2017 on 15 figures");
    assertThat(dir.resolve("posterior.csv")).exists();
    assertThat(dir.resolve("calibration.html")).exists();
    // the figures are compared as published, through the reporting model
    assertThat(Files.readString(dir.resolve("manifest.json")))
        .containsPattern("\"likelihood\" ?: ?\"published figures: ");
  }

  @Test
  void sensitivityWritesIndicesAndATornado() throws Exception {
    Path dir = tmp.resolve("s");
    CliTest.Result r =
        CliTest.run(
            "sensitivity",
            "--output",
            "returned:region=Western Europe:month=2",
            "--trajectories",
            "2",
            "--base-samples",
            "8",
            "--replications",
            "1",
            "--top",
            "2",
            "--bootstrap",
            "20",
            "--out",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(dir.resolve("sensitivity.csv"));
    assertThat(lines.get(0)).startsWith("output,parameter,rank,morris_mu_star");
    assertThat(lines.stream().skip(1).filter(l -> l.split(",", -1)[9].length() > 0)).hasSize(2);
    assertThat(lines.size()).isGreaterThan(40);
    assertThat(Files.readString(dir.resolve("sensitivity.html"))).contains("<svg");
  }

  @Test
  void badInputIsOneLineWithTheLine() throws Exception {
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(
        bad,
        "date,published,scope,scope_id,demographic,measure,low,high,source_id\n"
            + "2017-10,2017-10-24,country,France,all,returned,1,1,X\n");
    CliTest.Result r = CliTest.run("calibrate", "--observations", bad.toString());
    assertThat(r.code()).isEqualTo(UserErrors.USER);
    assertThat(r.err().strip())
        .isEqualTo("dispersal: bad.csv:2: field scope_id: 'France' is not an ISO alpha-3 code");
    CliTest.Result s = CliTest.run("sensitivity", "--output", "returned:planet:month=2");
    assertThat(s.code()).isEqualTo(UserErrors.USER);
  }
}
