package org.dispersal.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Recalibration against exact results: forecasts whose log-scale spread is a known factor too
 * narrow, or whose level is a known factor too high, recalibrated on earlier figures of the same
 * kind, must reach the nominal coverage.
 *
 * <p>Tolerance: with 1,000 earlier figures and 2,000 scored ones, the observed coverage of a
 * central interval has a standard error of about 0.012 (0.007 binomial from the scored figures,
 * 0.010 from estimating the interval's two ends from the earlier residuals); the tolerance 0.04 is
 * over three standard errors, a false-failure rate under 0.2% for a fresh seed (the seeds here are
 * fixed, so the test is deterministic).
 */
class RecalibrationTest {

  private static final int MEMBERS = 400;
  private static final int EARLIER = 1000;
  private static final int SCORED = 2000;
  private static final double TOLERANCE = 0.04;

  /** A synthetic figure: its forecast ensemble and what was published. */
  private record Case(double[] sample, ObservedRange range) {}

  /**
   * Forecasts of ln(1 + Y) ~ N(μ + shift, (spread σ)²) for figures with ln(1 + y) ~ N(μ, σ²), σ =
   * 1, μ uniform on [3, 9].
   */
  private static List<Case> cases(long seed, int n, double spread, double shift) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ContinuousDistribution.Sampler normal = NormalDistribution.of(0, 1).createSampler(rng);
    List<Case> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double mu = 3 + 6 * rng.nextDouble();
      double[] sample = new double[MEMBERS];
      for (int k = 0; k < MEMBERS; k++) {
        sample[k] = Math.rint(Math.expm1(mu + shift + spread * normal.sample()));
      }
      double y = Math.rint(Math.expm1(mu + normal.sample()));
      out.add(new Case(sample, new ObservedRange(y, y)));
    }
    return out;
  }

  private static List<Recalibration.Residual> residuals(List<Case> cases) {
    return cases.stream().map(c -> Recalibration.Residual.of(c.sample(), c.range())).toList();
  }

  /** Observed coverage of the central interval at a level, raw or recalibrated. */
  private static double coverage(
      List<Case> scored, List<Recalibration.Residual> earlier, double level) {
    int in = 0;
    for (Case c : scored) {
      double[] x = Recalibration.apply(c.sample(), earlier);
      java.util.Arrays.sort(x);
      double lo = Scores.quantileSorted(x, (1 - level) / 2);
      double hi = Scores.quantileSorted(x, (1 + level) / 2);
      in += c.range().overlaps(lo, hi) ? 1 : 0;
    }
    return in / (double) scored.size();
  }

  @Test
  void forecastsTwiceTooNarrowRegainTheNominalCoverage() {
    List<Recalibration.Residual> earlier = residuals(cases(11, EARLIER, 0.5, 0));
    List<Case> scored = cases(12, SCORED, 0.5, 0);
    // Raw: the 90% interval is ±0.82σ, which holds 59% of the figures; the 50% one 26%.
    assertThat(coverage(scored, List.of(), 0.9)).isCloseTo(0.59, within(TOLERANCE));
    assertThat(coverage(scored, List.of(), 0.5)).isCloseTo(0.26, within(TOLERANCE));
    assertThat(coverage(scored, earlier, 0.9)).isCloseTo(0.9, within(TOLERANCE));
    assertThat(coverage(scored, earlier, 0.5)).isCloseTo(0.5, within(TOLERANCE));
    assertThat(coverage(scored, earlier, 0.8)).isCloseTo(0.8, within(TOLERANCE));
  }

  @Test
  void forecastsTooHighByAKnownFactorAreShiftedBack() {
    // Right spread, level too high by a factor e (about 2.7): the 50% interval misses.
    List<Recalibration.Residual> earlier = residuals(cases(21, EARLIER, 1, 1.0));
    List<Case> scored = cases(22, SCORED, 1, 1.0);
    assertThat(coverage(scored, List.of(), 0.5)).isLessThan(0.5 - 2 * TOLERANCE);
    assertThat(coverage(scored, earlier, 0.5)).isCloseTo(0.5, within(TOLERANCE));
    assertThat(coverage(scored, earlier, 0.9)).isCloseTo(0.9, within(TOLERANCE));
  }

  @Test
  void aCalibratedForecastStaysCalibrated() {
    List<Recalibration.Residual> earlier = residuals(cases(31, EARLIER, 1, 0));
    List<Case> scored = cases(32, SCORED, 1, 0);
    assertThat(coverage(scored, earlier, 0.9)).isCloseTo(0.9, within(TOLERANCE));
    assertThat(coverage(scored, earlier, 0.5)).isCloseTo(0.5, within(TOLERANCE));
  }

  @Test
  void withNothingToLearnFromTheForecastStaysRaw() {
    double[] sample = {5, 1, 9, 3};
    assertThat(Recalibration.apply(sample, List.of())).containsExactly(5, 1, 9, 3);
    // The prior weight alone reproduces the ensemble, sorted.
    List<Recalibration.Residual> one = List.of(new Recalibration.Residual(0, 0));
    assertThat(Recalibration.apply(new double[] {100, 100, 100, 100}, one)).hasSize(4);
  }

  @Test
  void aResidualIsTheFiguresDistanceFromTheMedianInSpreadsOnTheLogScale() {
    // ln(1 + x) = 0, 1, 2, 3, 4 (x = e^k - 1): median 2, IQR 2 (quartiles 1 and 3).
    double[] sample = new double[5];
    for (int k = 0; k < 5; k++) {
      sample[k] = Math.expm1(k);
    }
    Recalibration.Location loc = Recalibration.Location.of(sample);
    assertThat(loc.median()).isCloseTo(2, within(1e-12));
    assertThat(loc.spread()).isCloseTo(2 / 1.3489795003921634, within(1e-12));
    double y = Math.expm1(4);
    Recalibration.Residual r =
        Recalibration.Residual.of(sample, new ObservedRange(Math.expm1(2), y));
    assertThat(r.low()).isCloseTo(0, within(1e-12));
    assertThat(r.high()).isCloseTo(2 / loc.spread(), within(1e-12));
    // "More than a" counts as a.
    Recalibration.Residual open =
        Recalibration.Residual.of(sample, new ObservedRange(y, Double.POSITIVE_INFINITY));
    assertThat(open.low()).isEqualTo(open.high());
    // A one-valued ensemble has the least spread.
    assertThat(Recalibration.Location.of(new double[] {7, 7, 7}).spread())
        .isEqualTo(Recalibration.MIN_SPREAD);
  }
}
