package org.dispersal.hindcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.observation.Publication;
import org.dispersal.observation.TestFigures;
import org.dispersal.scoring.ForecastScore;
import org.junit.jupiter.api.Test;

class HypothesisHindcastTest {

  private static final LocalDate D1 = LocalDate.of(2016, 3, 31);
  private static final LocalDate D2 = LocalDate.of(2016, 6, 30);
  private static final LocalDate D3 = LocalDate.of(2016, 9, 30);

  private static ObservationRecord figure(int line, String month, String published) {
    return TestFigures.monthly(
        line, month, published, "world", "", ObservedMeasure.RETURNED, 100, 100);
  }

  // dated after D1, published before D2: informs D2's weights
  private static final ObservationRecord EARLY = figure(2, "2016-04", "2016-05");
  // dated after D1, published after D2 but before D3: informs D3's weights only
  private static final ObservationRecord LATE = figure(3, "2016-05", "2016-08");
  // dated after D3: scored from every date, never used for weights here
  private static final ObservationRecord LAST = figure(4, "2016-12", "2017-01");

  private static Hindcast.Row row(ObservationRecord r, double[] latent, double logScore) {
    double[] sample = new double[latent.length * 2];
    for (int i = 0; i < latent.length; i++) {
      sample[2 * i] = latent[i];
      sample[2 * i + 1] = latent[i] + 1;
    }
    return new Hindcast.Row(
        r,
        "scored",
        3,
        ForecastScore.of(sample, r.range()),
        5,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        sample,
        "",
        latent,
        logScore);
  }

  private static double[] constant(double v) {
    double[] x = new double[10];
    java.util.Arrays.fill(x, v);
    return x;
  }

  /**
   * Hypothesis A forecasts 100 (log score 0), B forecasts 300 (−5), except LATE, where A gets −9.
   */
  private static List<List<Hindcast.Result>> hindcasts() {
    List<List<Hindcast.Result>> out = new ArrayList<>();
    for (int h = 0; h < 2; h++) {
      List<Hindcast.Result> dates = new ArrayList<>();
      for (LocalDate d : List.of(D1, D2, D3)) {
        List<Hindcast.Row> rows = new ArrayList<>();
        for (ObservationRecord r : List.of(EARLY, LATE, LAST)) {
          if (r.datedAfter(d)) {
            double ls = h == 0 ? (r == LATE ? -9 : 0) : -5;
            rows.add(row(r, constant(h == 0 ? 100 : 300), ls));
          }
        }
        dates.add(new Hindcast.Result(null, rows, null, List.of(), 0, d, null));
      }
      out.add(dates);
    }
    return out;
  }

  @Test
  void weightsUseOnlyFiguresPublishedByEachDate() {
    HypothesisHindcast.Result r =
        HypothesisHindcast.run(
            List.of("a", "b"), new double[] {1, 3}, hindcasts(), Publication.AS_WRITTEN);
    // D1: no earlier forecast date: the prior weights.
    assertThat(r.weights().get(0).basis()).isEqualTo(HypothesisHindcast.Basis.PRIOR);
    assertThat(r.weights().get(0).weights()).containsExactly(0.25, 0.75);
    // The weights are regularised stacking: the log score plus a(¼ ln w + ¾ ln(1 − w)), with a
    // Stacking.PRIOR_STRENGTH; each optimum is found here by a grid over w, A's weight.
    double a = Math.exp(-5);
    double b = Math.exp(-9);
    // D2: only EARLY (from D1) was public; it favours A, which the prior holds back.
    HypothesisHindcast.Weights w2 = r.weights().get(1);
    assertThat(w2.basis()).isEqualTo(HypothesisHindcast.Basis.STACKED);
    assertThat(w2.figures()).isEqualTo(1);
    double arg2 = argmax(w -> Math.log(w + (1 - w) * a));
    assertThat(arg2).isBetween(0.05, 0.95);
    assertThat(w2.weights()[0]).isCloseTo(arg2, within(2e-6));
    // D3: EARLY (scored from D1) favours A; LATE (from D1, published by D3) favours B.
    HypothesisHindcast.Weights w3 = r.weights().get(2);
    assertThat(w3.figures()).isEqualTo(2);
    double arg3 = argmax(w -> Math.log(w + (1 - w) * a) + Math.log(w * b + (1 - w) * a));
    assertThat(arg3).isBetween(0.05, 0.95).isLessThan(arg2);
    assertThat(w3.weights()[0]).isCloseTo(arg3, within(2e-6));
  }

  /** A's weight that maximises the log score plus the prior's term, by a grid of step 10⁻⁶. */
  private static double argmax(java.util.function.DoubleUnaryOperator logScore) {
    double strength = org.dispersal.hypotheses.Stacking.PRIOR_STRENGTH;
    double best = Double.NEGATIVE_INFINITY;
    double arg = 0;
    for (int i = 1; i < 1_000_000; i++) {
      double w = i / 1e6;
      double f =
          logScore.applyAsDouble(w) + strength * (0.25 * Math.log(w) + 0.75 * Math.log(1 - w));
      if (f > best) {
        best = f;
        arg = w;
      }
    }
    return arg;
  }

  @Test
  void theMixtureTakesEachHypothesisShareOfReplicationsAndAnExactLogScore() {
    List<List<Hindcast.Result>> h = hindcasts();
    Hindcast.Result mix =
        HypothesisHindcast.mixture(
            List.of(h.get(0).get(2), h.get(1).get(2)), new double[] {0.7, 0.3});
    Hindcast.Row row = mix.scored().get(0);
    assertThat(row.record()).isEqualTo(LAST);
    assertThat(row.latent()).containsExactly(100, 100, 100, 100, 100, 100, 100, 300, 300, 300);
    assertThat(row.sample()).hasSize(20);
    assertThat(row.sample()[14]).isEqualTo(300);
    assertThat(row.logScore()).isCloseTo(Math.log(0.7 + 0.3 * Math.exp(-5)), within(1e-12));
    HypothesisHindcast.Scores s = HypothesisHindcast.scores("mixture", List.of(mix));
    assertThat(s.figures()).isEqualTo(1);
    assertThat(s.meanLogScore()).isEqualTo(row.logScore());
  }

  @Test
  void refusesHindcastsWithoutLogScores() {
    List<List<Hindcast.Result>> h = hindcasts();
    List<Hindcast.Row> rows =
        h.get(1).get(0).rows().stream().map(x -> row(x.record(), x.latent(), Double.NaN)).toList();
    h.get(1).set(0, new Hindcast.Result(null, rows, null, List.of(), 0, D1, null));
    assertThatThrownBy(
            () ->
                HypothesisHindcast.run(
                    List.of("a", "b"), new double[] {1, 1}, h, Publication.AS_WRITTEN))
        .hasMessageContaining("reporting model");
  }
}
