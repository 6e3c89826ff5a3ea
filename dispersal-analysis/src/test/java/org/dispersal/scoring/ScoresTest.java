package org.dispersal.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ScoresTest {

  /** For an empirical CDF, CRPS(F, y) = E|X − y| − ½ E|X − X'| (Gneiting &amp; Raftery 2007). */
  @Test
  void pointCrpsMatchesTheKernelForm() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
    for (int trial = 0; trial < 50; trial++) {
      int n = 1 + rng.nextInt(40);
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = Math.floor(rng.nextDouble() * 100);
      }
      double y = Math.max(0, Math.floor(rng.nextDouble() * 120) - 10);
      assertThat(Scores.crps(x, new ObservedRange(y, y))).isCloseTo(kernel(x, y), within(1e-9));
    }
  }

  private static double kernel(double[] x, double y) {
    int n = x.length;
    double a = 0;
    double b = 0;
    for (double xi : x) {
      a += Math.abs(xi - y);
      for (double xj : x) {
        b += Math.abs(xi - xj);
      }
    }
    return a / n - 0.5 * b / ((double) n * n);
  }

  @Test
  void rangeCrpsIsZeroInsideAndOnlyPenalisesTheOutside() {
    double[] x = {10, 12, 14, 20};
    assertThat(Scores.crps(x, new ObservedRange(5, 25))).isZero();
    // "more than 15": only the members below 15 count, F² over [10,15)
    double expected = 0.25 * 0.25 * 2 + 0.5 * 0.5 * 2 + 0.75 * 0.75 * 1;
    assertThat(Scores.crps(x, new ObservedRange(15, Double.POSITIVE_INFINITY)))
        .isCloseTo(expected, within(1e-12));
    // a range never scores worse than either of its ends as a point
    ObservedRange r = new ObservedRange(13, 30);
    assertThat(Scores.crps(x, r)).isLessThanOrEqualTo(Scores.crps(x, new ObservedRange(13, 13)));
    assertThat(Scores.crps(x, r)).isLessThanOrEqualTo(Scores.crps(x, new ObservedRange(30, 30)));
    // a one-member ensemble scores its distance to the range
    assertThat(Scores.crps(new double[] {40}, r)).isEqualTo(10);
    assertThat(Scores.crpsPoint(40, r)).isEqualTo(10);
  }

  @Test
  void intervalScoreLogRatioAndCoverage() {
    ObservedRange obs = new ObservedRange(100, 100);
    assertThat(Scores.intervalScore(80, 120, 0.1, obs)).isEqualTo(40);
    assertThat(Scores.intervalScore(110, 120, 0.1, obs)).isEqualTo(10 + 20 * 10);
    assertThat(Scores.logRatio(100, obs)).isZero();
    assertThat(Scores.logRatio(201, obs)).isCloseTo(Math.log(2), within(1e-12));
    double[] sample = new double[100];
    for (int i = 0; i < 100; i++) {
      sample[i] = i + 1;
    }
    ForecastScore f = ForecastScore.of(sample, new ObservedRange(96, 200));
    assertThat(f.p05()).isEqualTo(5);
    assertThat(f.p50()).isEqualTo(50);
    assertThat(f.p95()).isEqualTo(95);
    assertThat(f.in90()).isFalse();
    assertThat(ForecastScore.of(sample, new ObservedRange(95, 200)).in90()).isTrue();
    assertThat(f.in50()).isFalse();
  }

  @Test
  void trendBaselineExtrapolatesTheLastTwoFiguresAndNeverFallsForStocks() {
    var h = List.of(new Baselines.Point(0, 100), new Baselines.Point(100, 150));
    assertThat(Baselines.trend(h, 200, true)).isEqualTo(200);
    var falling = List.of(new Baselines.Point(0, 100), new Baselines.Point(100, 50));
    assertThat(Baselines.trend(falling, 200, true)).isEqualTo(50);
    assertThat(Baselines.trend(falling, 300, false)).isZero();
    assertThat(Baselines.trend(List.of(new Baselines.Point(5, 7)), 90, true)).isEqualTo(7);
    assertThat(Baselines.trend(List.of(), 90, true)).isNaN();
    assertThat(Baselines.averagedRelativeDifference(new double[] {90, 30}, new double[] {100, 20}))
        .isCloseTo(20.0 / 120, within(1e-12));
  }
}
