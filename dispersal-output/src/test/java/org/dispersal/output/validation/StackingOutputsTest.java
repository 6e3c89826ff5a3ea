package org.dispersal.output.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.hindcast.HypothesisHindcast;
import org.dispersal.output.text.Json;
import org.dispersal.scoring.ForecastScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackingOutputsTest {

  @TempDir Path tmp;

  private static HypothesisHindcast.Result result() {
    LocalDate d1 = LocalDate.of(2018, 1, 1);
    var record = ValidationFixtures.figure("FRA", ObservedMeasure.RETURNED, 100, 100, "SRC");
    double[] sample = {80, 90, 100, 110, 120, 130};
    Hindcast.Row row =
        new Hindcast.Row(
            record,
            "scored",
            3,
            ForecastScore.of(sample, record.range()),
            10,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            sample,
            "",
            new double[] {80, 100, 120},
            -4.5);
    Hindcast.Result a = ValidationFixtures.result(List.of(row), d1);
    return new HypothesisHindcast.Result(
        List.of("a", "b"),
        new double[] {0.25, 0.75},
        List.of(List.of(a), List.of(a)),
        List.of(
            new HypothesisHindcast.Weights(
                d1, new double[] {0.25, 0.75}, HypothesisHindcast.Basis.PRIOR, 0, 0)),
        List.of(a));
  }

  @Test
  void writesTheWeightsAndScoresAndShipsTheWeightsAsOfADate() throws Exception {
    HypothesisHindcast.Result r = result();
    HypothesisHindcast.Weights later =
        new HypothesisHindcast.Weights(
            LocalDate.of(2018, 3, 1),
            new double[] {0.6, 0.4},
            HypothesisHindcast.Basis.STACKED,
            12,
            40);
    Path csv = tmp.resolve("stacking.csv");
    StackingOutputs.writeWeights(r, List.of(later), csv);
    assertThat(Files.readAllLines(csv))
        .containsExactly(
            StackingOutputs.STACKING_HEADER,
            "2018-01-01,a,0.250000,prior,0,0.250000",
            "2018-01-01,b,0.750000,prior,0,0.750000",
            "2018-03-01,a,0.600000,stacked,12,0.250000",
            "2018-03-01,b,0.400000,stacked,12,0.750000");
    Path scores = tmp.resolve("hypotheses.csv");
    StackingOutputs.writeScores(r, scores);
    List<String> lines = Files.readAllLines(scores);
    assertThat(lines.get(0)).isEqualTo(StackingOutputs.SCORES_HEADER);
    assertThat(lines).anyMatch(l -> l.startsWith("pooled,mixture,"));
    Path json = tmp.resolve("w.json");
    ShippedStacking.write("isis-2017", r, later, "dispersal hindcast --hypotheses", json);
    ShippedStacking back = ShippedStacking.read(Json.MAPPER.readTree(json.toFile()));
    assertThat(back.ids()).containsExactly("a", "b");
    assertThat(back.weightArray()[0]).isCloseTo(0.6, within(1e-9));
    assertThat(back.basis()).isEqualTo("stacked");
    assertThat(back.describe()).contains("a 0.600, b 0.400").contains("12 figure scorings");
    assertThat(StackingOutputs.html(r)).contains("Competing hypotheses, weighted by stacking");
  }
}
