package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dispersal.hypotheses.Allocation;
import org.dispersal.hypotheses.Icd203;
import org.dispersal.output.validation.ShippedStacking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end tests of {@code dispersal update} on the built-in scenario with a fixture events file.
 * They check structure and exact arithmetic of the update, never forecast figures.
 */
class UpdateCommandTest {

  @TempDir Path tmp;

  private static String fixture() {
    try {
      return Path.of(UpdateCommandTest.class.getResource("events-2017.csv").toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void updatesTheBuiltInHypothesesWithAnAuditTrail() throws Exception {
    Path dir = tmp.resolve("u");
    CliTest.Result r =
        CliTest.run(
            "update", "--events", fixture(), "--as-of", "2017-09-30", "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "Update of 9 hypotheses as of 2017-09-30: 11 reports read, 2 duplicates left out,"
                + " 2 evidence items")
        .contains("Not diagnostic: europe_mass_casualty_attack")
        .contains("Watch 1: ");
    // Hand computation. The starting weights are the shipped stacking weights (baseline, stay,
    // mass return, merger, relocation, heavy losses, early repatriation, lasting pressure;
    // docs/ANALYST.md). Step 1, 2017-05-22: the Manchester attack (r = 1) with P = 0.6, 0.6, 0.65,
    // 0.6, 0.6, 0.6, 0.6, 0.6. Step 2, 2017-07-09: five distinct Libyan incidents (T03 duplicates
    // T02); the five most reliable of them include T05 at 0.7, so r = 0.7, with P = 0.4, 0.3, 0.3,
    // 0.35, 0.85, 0.35, 0.4, 0.35.
    double[] w = startingWeights();
    w = step(w, new double[] {0.6, 0.6, 0.65, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6}, 1.0);
    w = step(w, new double[] {0.4, 0.3, 0.3, 0.35, 0.85, 0.35, 0.4, 0.35, 0.4}, 0.7);
    List<String> weights = Files.readAllLines(dir.resolve("weights.csv"));
    assertThat(weights.get(0))
        .isEqualTo("hypothesis,name,prior,prior_words,posterior,posterior_words,runs");
    String[] relocation = weights.get(5).split(",");
    assertThat(relocation[0]).isEqualTo("relocation");
    assertThat(Double.parseDouble(relocation[4]))
        .isCloseTo(w[4], org.assertj.core.data.Offset.offset(1e-6));
    assertThat(relocation[5]).isEqualTo(Icd203.of(w[4]).words());
    List<String> trail = Files.readAllLines(dir.resolve("update.csv"));
    assertThat(trail).hasSize(1 + 2 * 9);
    assertThat(trail.get(10))
        .startsWith("2,2017-07-09,libya_resurgence,observed,T01 T02 T04 T05 T06,0.7,baseline,0.4,");
    List<String> events = Files.readAllLines(dir.resolve("events.csv"));
    assertThat(events)
        .anyMatch(l -> l.startsWith("T03,") && l.contains(",duplicate,\"of T02: same type, place"));
    assertThat(events).anyMatch(l -> l.startsWith("T09,") && l.contains(",duplicate,of T08"));
    assertThat(events).anyMatch(l -> l.startsWith("T11,") && l.contains(",after as-of,"));
    List<String> indicators = Files.readAllLines(dir.resolve("indicators.csv"));
    assertThat(indicators)
        .anyMatch(l -> l.startsWith("europe_mass_casualty_attack,") && l.contains(",yes,"))
        .anyMatch(
            l ->
                l.startsWith("returnee_arrests_europe,")
                    && l.contains("the event files do not cover it, so it moves no weight"));
    assertThat(r.out())
        .contains("coverage inferred from its rows")
        .contains("returnee_arrests_europe: not observed, moves no weight");
    assertThat(r.out()).contains("indicators.csv, update.json");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("update.json").toFile());
    assertThat(json.get("asOf").asText()).isEqualTo("2017-09-30");
    assertThat(json.get("hypotheses").get(4).get("id").asText()).isEqualTo("relocation");
    assertThat(json.get("hypotheses").get(4).get("posterior").asDouble())
        .isCloseTo(w[4], org.assertj.core.data.Offset.offset(1e-12));
    assertThat(json.get("hypotheses").get(4).get("words").asText())
        .isEqualTo(Icd203.of(w[4]).words());
    assertThat(json.get("trail")).hasSize(2);
    assertThat(json.get("trail").get(1).get("basis").toString())
        .isEqualTo("[\"T01\",\"T02\",\"T04\",\"T05\",\"T06\"]");
    assertThat(json.get("events").findValuesAsText("use"))
        .hasSize(11)
        .containsOnlyOnce(org.dispersal.hypotheses.Updater.AFTER_AS_OF);
    String html = Files.readString(dir.resolve("update.html"));
    assertThat(html)
        .contains("Audit trail")
        .contains("Indicators to watch next")
        .contains("not diagnostic")
        .contains("<svg")
        .doesNotContain("http");
  }

  @Test
  void mixtureForecastAllocatesRunsByUpdatedWeight() throws Exception {
    Path dir = tmp.resolve("m");
    CliTest.Result r =
        CliTest.run(
            "update",
            "--events",
            fixture(),
            "--as-of",
            "2017-09-30",
            "--forecast",
            "--runs",
            "20",
            "--threads",
            "2",
            "--out",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    // The updated weights (as in the test above) split 20 runs by the largest remainder.
    double[] w = startingWeights();
    w = step(w, new double[] {0.6, 0.6, 0.65, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6}, 1.0);
    w = step(w, new double[] {0.4, 0.3, 0.3, 0.35, 0.85, 0.35, 0.4, 0.35, 0.4}, 0.7);
    int[] runs = Allocation.largestRemainder(w, 20);
    List<String> weights = Files.readAllLines(dir.resolve("weights.csv"));
    assertThat(weights.subList(1, 10).stream().map(l -> l.substring(l.lastIndexOf(',') + 1)))
        .containsExactly(
            java.util.Arrays.stream(runs).mapToObj(Integer::toString).toArray(String[]::new));
    assertThat(Files.readAllLines(dir.resolve("summary.csv")).get(0))
        .isEqualTo(org.dispersal.output.forecast.SummaryCsv.HEADER);
    List<String> mixture = Files.readAllLines(dir.resolve("mixture.csv"));
    assertThat(mixture.get(0))
        .isEqualTo("hypothesis,weight,runs,month,date,state,mean,p05,p50,p95");
    assertThat(mixture).anyMatch(l -> l.startsWith("mixture,1,20,36,2020-02,"));
    // hypotheses with no replications have no rows; heavy_losses carries the stacking weight
    assertThat(mixture)
        .anyMatch(l -> l.startsWith("heavy_losses,") && l.contains("," + runs[5] + ",36,2020-02,"));
    assertThat(runs[5]).isPositive();
    assertThat(Files.readString(dir.resolve("report.html"))).contains("mixture of hypotheses");
    assertThat(Files.readString(dir.resolve("update.html"))).contains("Mixture forecast");
  }

  @Test
  void figureIndicatorsNeedObservations() throws Exception {
    Path dir = tmp.resolve("f");
    Path figures = tmp.resolve("figures.csv");
    // A world count of 12,000 returnees published 2018-01-15: the world_returns_surge indicator
    // (min 10,000; P = 0.2, 0.1, 0.7, 0.15, 0.15) is observed at reliability 0.8.
    Files.writeString(
        figures,
        "date,published,scope,scope_id,demographic,measure,low,high,source_id\n"
            + "2017-12,2018-01-15,world,,all,returned,12000,12000,TEST\n");
    CliTest.Result r =
        CliTest.run(
            "update",
            "--events",
            fixture(),
            "--observations",
            figures.toString(),
            "--as-of",
            "2018-01-31",
            "--out",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("2018-01-15 world_returns_surge observed (r = 0.8)");
    assertThat(Files.readAllLines(dir.resolve("update.csv")))
        .anyMatch(
            l -> l.contains(",world_returns_surge,observed,figures.csv:2,0.8,mass_return,0.7,"));
    CliTest.Result without =
        CliTest.run(
            "update",
            "--events",
            fixture(),
            "--as-of",
            "2018-01-31",
            "--out",
            tmp.resolve("g").toString());
    assertThat(without.code()).as(without.err()).isZero();
    assertThat(Files.readAllLines(tmp.resolve("g").resolve("indicators.csv")))
        .anyMatch(l -> l.startsWith("world_returns_surge,") && l.contains("no observations file"));
  }

  @Test
  void badInputGivesOneLine() {
    CliTest.Result format =
        CliTest.run("update", "--events", fixture(), "--format", "csv", "--out", tmp.toString());
    assertThat(format.code()).isEqualTo(UserErrors.USER);
    assertThat(format.err().strip())
        .isEqualTo("dispersal: --format must be ours, gtd or acled, not csv");
    CliTest.Result gtd =
        CliTest.run("update", "--events", fixture(), "--format", "gtd", "--out", tmp.toString());
    assertThat(gtd.code()).isEqualTo(UserErrors.USER);
    assertThat(gtd.err().strip())
        .isEqualTo(
            "dispersal: events-2017.csv:1: eventid: missing column (needed: eventid, iyear,"
                + " imonth, iday, country_txt, attacktype1_txt)");
    CliTest.Result none =
        CliTest.run(
            "update",
            "--scenario",
            "reference-7node",
            "--events",
            fixture(),
            "--out",
            tmp.toString());
    assertThat(none.code()).isEqualTo(UserErrors.USER);
  }

  /** The update's starting weights: the shipped stacking weights, zeros raised as the set does. */
  private static double[] startingWeights() {
    double[] w = ShippedStacking.shipped("isis-2017").orElseThrow().weightArray();
    double total = java.util.Arrays.stream(w).sum();
    double[] out = new double[w.length];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      out[i] = Math.max(w[i], 1e-6 * total);
      sum += out[i];
    }
    for (int i = 0; i < w.length; i++) {
      out[i] /= sum;
    }
    return out;
  }

  private static double[] step(double[] w, double[] p, double r) {
    double e = 0;
    for (int i = 0; i < w.length; i++) {
      e += w[i] * p[i];
    }
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = w[i] * (r * p[i] / e + 1 - r);
    }
    return out;
  }
}
