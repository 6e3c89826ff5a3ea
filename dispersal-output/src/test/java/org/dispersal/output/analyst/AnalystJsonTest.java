package org.dispersal.output.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.analyst.Interval;
import org.dispersal.analyst.ThreatOutlook;
import org.dispersal.analyst.ThreatOutlook.Measure;
import org.dispersal.engine.CompiledModel;
import org.dispersal.hypotheses.Diagnosticity;
import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.hypotheses.Indicator;
import org.dispersal.hypotheses.Updater;
import org.dispersal.hypotheses.WatchList;
import org.dispersal.input.data.OriginBuilder;
import org.dispersal.input.data.SharedData;
import org.dispersal.input.events.EventFile;
import org.dispersal.input.scenario.HypothesisScenario;
import org.dispersal.input.scenario.ScenarioReader;
import org.dispersal.model.Origin;
import org.dispersal.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * threat.json and update.json: their shape and order, and the figures they carry checked against
 * the CSV writers and the computations they come from.
 */
class AnalystJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static ScenarioReader reader() {
    SharedData data = SharedData.shipped();
    return ScenarioReader.withDefaults()
        .withSharedOrigins(asOf -> OriginBuilder.withDefaults().build(data, asOf));
  }

  @Test
  void threatJsonHoldsEveryDestinationInRankingOrderWithTheFiguresOfThreatCsv() throws Exception {
    Scenario s = reader().readBuiltIn("isis-2017").withMonths(6);
    CompiledModel model = new CompiledModel(s);
    ThreatOutlook.Outlook o = ThreatOutlook.run(model, 6, 11L, 2);
    Map<String, String> names = new LinkedHashMap<>();
    for (Origin origin : s.origins()) {
      names.put(origin.id(), origin.name());
    }
    Path json = tmp.resolve("threat.json");
    Path csv = tmp.resolve("threat.csv");
    ThreatOutputs.writeJson(o, s.name(), names, s.start(), 11L, json);
    ThreatOutputs.writeCsv(o, names, s.start(), csv);
    JsonNode doc = JSON.readTree(json.toFile());

    assertThat(fieldNames(doc))
        .containsExactly(
            "scenario",
            "start",
            "months",
            "replications",
            "seed",
            "measures",
            "dispatchedShare",
            "ceiling",
            "destinations");
    assertThat(doc.get("scenario").asText()).isEqualTo("isis-2017");
    assertThat(doc.get("start").asText()).isEqualTo("2017-02");
    assertThat(doc.get("months").asInt()).isEqualTo(6);
    assertThat(doc.get("replications").asInt()).isEqualTo(6);
    assertThat(doc.get("seed").asLong()).isEqualTo(11L);
    assertThat(doc.get("measures").findValuesAsText("id"))
        .containsExactly("at_large", "plots", "attacks", "cumulative_plots", "cumulative_attacks");
    assertThat(doc.get("ceiling").get("share").asDouble()).isEqualTo(1.0 / 9);
    assertThat(doc.get("dispatchedShare").get("mean").asDouble())
        .isEqualTo(o.dispatchedShare().mean());

    JsonNode destinations = doc.get("destinations");
    assertThat(destinations).hasSize(o.destinations().size());
    for (int r = 0; r < destinations.size(); r++) {
      JsonNode d = destinations.get(r);
      assertThat(d.get("rank").asInt()).isEqualTo(r + 1);
      assertThat(d.get("id").asText()).isEqualTo(o.destinations().get(o.ranking()[r]));
      for (Measure m : Measure.values()) {
        for (String stat : List.of("mean", "p05", "p50", "p95")) {
          assertThat(d.get("series").get(m.id()).get(stat)).hasSize(7);
        }
      }
      if (r > 0) {
        assertThat(d.get("series").get("cumulative_plots").get("mean").get(6).asDouble())
            .isLessThanOrEqualTo(
                destinations
                    .get(r - 1)
                    .get("series")
                    .get("cumulative_plots")
                    .get("mean")
                    .get(6)
                    .asDouble());
      }
    }

    // The row of threat.csv for the top destination's cumulative plots at month 6 carries the
    // same figures as the JSON arrays' last elements.
    JsonNode top = destinations.get(0);
    String row =
        Files.readAllLines(csv).stream()
            .filter(l -> l.startsWith("1," + top.get("id").asText() + ","))
            .filter(l -> l.contains(",6,2017-08,cumulative_plots,"))
            .findFirst()
            .orElseThrow();
    String[] f = row.split(",");
    JsonNode cum = top.get("series").get("cumulative_plots");
    assertThat(Numbers.csv(cum.get("mean").get(6).asDouble())).isEqualTo(f[f.length - 4]);
    assertThat(Numbers.csv(cum.get("p05").get(6).asDouble())).isEqualTo(f[f.length - 3]);
    assertThat(Numbers.csv(cum.get("p95").get(6).asDouble())).isEqualTo(f[f.length - 1]);
    assertThat(cum.get("mean").get(6).asDouble())
        .isEqualTo(o.at(o.ranking()[0], Measure.CUMULATIVE_PLOTS, 6).mean());
  }

  @Test
  void undefinedFiguresBecomeNull() throws Exception {
    Interval[][][] cells = new Interval[1][Measure.values().length][2];
    for (Interval[] byMeasure : cells[0]) {
      byMeasure[0] = new Interval(1, 0, 1, 2, 3);
      byMeasure[1] = Interval.UNDEFINED;
    }
    ThreatOutlook.Outlook o =
        new ThreatOutlook.Outlook(List.of("FRA"), 1, 3, cells, new int[] {0}, Interval.UNDEFINED);
    JsonNode doc =
        JSON.readTree(ThreatOutputs.json(o, "x", Map.of(), YearMonth.of(2017, 2), 1L).toString());
    assertThat(doc.get("dispatchedShare").get("mean").isNull()).isTrue();
    JsonNode mean = doc.get("destinations").get(0).get("series").get("plots").get("mean");
    assertThat(mean.get(0).asDouble()).isEqualTo(1.0);
    assertThat(mean.get(1).isNull()).isTrue();
    assertThat(doc.get("destinations").get(0).get("name").asText()).isEqualTo("FRA");
  }

  @Test
  void updateJsonCarriesTheUpdatersWeightsAndTrailInHypothesisOrder() throws Exception {
    HypothesisScenario read = reader().readWithHypotheses("isis-2017");
    HypothesisSet set = read.hypotheses();
    Path events = tmp.resolve("events.csv");
    Files.writeString(
        events,
        "event_id,date,country,location,type,subtype,actor,fatalities,reliability\n"
            + "A1,2017-05-22,GBR,Manchester,attack,bombing,Islamic State,22,1\n"
            + "A2,2017-05-23,GBR,manchester,attack,bombing,Islamic State,22,0.6\n"
            + "A3,2017-11-02,LBY,Sirte,attack,bombing,Islamic State,1,0.8\n");
    EventFile file = EventFile.Format.OURS.read(events, 0.8);
    LocalDate asOf = LocalDate.of(2017, 9, 30);
    Updater.Result result = Updater.run(set, file.events(), asOf, 1);
    List<Diagnosticity> diagnosticity = new ArrayList<>();
    for (Indicator i : set.indicators()) {
      diagnosticity.add(Diagnosticity.of(i, result.prior(), Diagnosticity.FLAT_FACTOR));
    }
    List<Indicator> pending = new ArrayList<>();
    result.statuses().stream()
        .filter(st -> st.outcome() == Updater.Outcome.PENDING)
        .forEach(st -> pending.add(st.indicator()));
    List<WatchList.Watch> watch = WatchList.rank(pending, result.posterior(), 0.8);
    UpdateOutputs.Report report =
        new UpdateOutputs.Report(
            result, diagnosticity, watch, 0.8, List.of("events.csv (ours, 3 rows)"), file.notes());
    Path json = tmp.resolve("update.json");
    UpdateOutputs.writeJson(report, "isis-2017", json);
    JsonNode doc = JSON.readTree(json.toFile());

    assertThat(fieldNames(doc))
        .containsExactly(
            "scenario",
            "asOf",
            "reliability",
            "hypotheses",
            "leader",
            "trail",
            "indicators",
            "watch",
            "events",
            "sources",
            "notes");
    assertThat(doc.get("asOf").asText()).isEqualTo("2017-09-30");
    JsonNode hs = doc.get("hypotheses");
    assertThat(hs).hasSize(set.hypotheses().size());
    double[] posterior = new double[hs.size()];
    for (int i = 0; i < hs.size(); i++) {
      assertThat(hs.get(i).get("id").asText()).isEqualTo(set.hypotheses().get(i).id());
      assertThat(hs.get(i).get("prior").asDouble()).isEqualTo(result.prior()[i]);
      posterior[i] = hs.get(i).get("posterior").asDouble();
    }
    assertThat(posterior).containsExactly(result.posterior());
    assertThat(result.trail()).isNotEmpty();
    JsonNode step = doc.get("trail").get(0);
    assertThat(step.get("step").asInt()).isEqualTo(1);
    assertThat(step.get("indicator").asText()).isEqualTo(result.trail().get(0).indicator().id());
    assertThat(step.get("after")).hasSize(hs.size());
    JsonNode lastAfter = doc.get("trail").get(doc.get("trail").size() - 1).get("after");
    for (int i = 0; i < hs.size(); i++) {
      assertThat(lastAfter.get(i).asDouble()).isEqualTo(posterior[i]);
    }
    assertThat(doc.get("indicators")).hasSize(set.indicators().size());
    assertThat(doc.get("indicators").findValuesAsText("status"))
        .allMatch(
            st ->
                List.of("observed", "not_observed", "not_observed_unused", "pending", "no_figures")
                    .contains(st));
    assertThat(doc.get("watch")).hasSize(pending.size());
    assertThat(doc.get("events").findValuesAsText("use"))
        .containsExactly(Updater.COUNTED, Updater.DUPLICATE, Updater.AFTER_AS_OF);
    assertThat(doc.get("events").get(0).get("origin").asText()).isEqualTo("events.csv:2");
  }

  @Test
  void hypothesesAtThePriorHaveNoEvidenceAndWatchEveryIndicator() throws Exception {
    HypothesisSet set = reader().readWithHypotheses("isis-2017").hypotheses();
    JsonNode doc = JSON.readTree(HypothesesJson.atPrior("isis-2017", set).toString());
    assertThat(doc.get("asOf").isNull()).isTrue();
    double[] prior = set.priorWeights();
    for (int i = 0; i < prior.length; i++) {
      JsonNode h = doc.get("hypotheses").get(i);
      assertThat(h.get("prior").asDouble()).isEqualTo(prior[i]);
      assertThat(h.get("posterior").asDouble()).isEqualTo(prior[i]);
    }
    for (String empty : List.of("trail", "events", "sources", "notes")) {
      assertThat(doc.get(empty)).as(empty).isEmpty();
    }
    for (JsonNode ind : doc.get("indicators")) {
      assertThat(ind.get("status").isNull()).isTrue();
      assertThat(ind.get("found").isNull()).isTrue();
      assertThat(ind.get("likelihoods")).hasSize(prior.length);
    }
    List<WatchList.Watch> watch = WatchList.rank(set.indicators(), prior, 0.8);
    assertThat(doc.get("watch").findValuesAsText("indicator"))
        .containsExactlyElementsOf(watch.stream().map(w -> w.indicator().id()).toList());
    assertThat(doc.get("watch").get(0).get("expectedShift").asDouble())
        .isEqualTo(watch.get(0).expectedShift());
  }

  private static List<String> fieldNames(JsonNode doc) {
    List<String> names = new ArrayList<>();
    doc.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
