package org.dispersal.analyst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dispersal.stats.Normal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The screening arithmetic against hand-computed values and the closed-form PPV. */
class ScreeningArithmeticTest {

  @Test
  void outcomeMatchesHandComputedCounts() {
    // 1,000 returnees, 50 committed, sensitivity 0.8, specificity 0.9:
    // TP = 40, FN = 10, FP = 0.1 * 950 = 95, TN = 855, PPV = 40 / 135.
    ScreeningOutcome o = new ScreeningTest(0.8, 0.9).apply(1000, 50);
    assertThat(o.flaggedCommitted()).isCloseTo(40, within(1e-12));
    assertThat(o.missed()).isCloseTo(10, within(1e-12));
    assertThat(o.wronglyFlagged()).isCloseTo(95, within(1e-12));
    assertThat(o.cleared()).isCloseTo(855, within(1e-12));
    assertThat(o.ppv()).isCloseTo(40.0 / 135.0, within(1e-12));
    assertThat(o.npv()).isCloseTo(855.0 / 865.0, within(1e-12));
    assertThat(o.baseRate()).isEqualTo(0.05);
  }

  @ParameterizedTest
  @CsvSource({
    // PRIORS 3.7 illustrations: sens = spec = 0.8 at p = 0.05 gives PPV 0.04/0.23 = 0.1739,
    // at p = 0.11 gives 0.088/0.266 = 0.3308; sens 0.8, spec 0.9, p 0.023: 0.0184/0.1161.
    "0.8, 0.8, 0.05, 0.17391304347826086",
    "0.8, 0.8, 0.11, 0.3308270676691729",
    "0.8, 0.9, 0.023, 0.1584840654608096",
    "1.0, 1.0, 0.3, 1.0"
  })
  void ppvFollowsTheClosedForm(double sens, double spec, double p, double expected) {
    ScreeningTest t = new ScreeningTest(sens, spec);
    double closed = sens * p / (sens * p + (1 - spec) * (1 - p));
    assertThat(t.ppv(p)).isCloseTo(closed, within(1e-12)).isCloseTo(expected, within(1e-5));
    assertThat(t.apply(777, 777 * p).ppv()).isCloseTo(closed, within(1e-12));
  }

  @Test
  void ppvIsUndefinedWhenNobodyIsFlagged() {
    assertThat(new ScreeningTest(0, 1).ppv(0.1)).isNaN();
  }

  @ParameterizedTest
  @CsvSource({"-0.1, 0.9", "1.01, 0.9", "0.8, -1", "0.8, 2", "NaN, 0.5"})
  void sharesOutsideTheUnitIntervalAreRejected(double sens, double spec) {
    assertThatThrownBy(() -> new ScreeningTest(sens, spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be in [0, 1]");
  }

  @ParameterizedTest
  @CsvSource({
    "0.8, 0.9, 0.023",
    "0.8, 0.8, 0.05",
    "0.5, 0.5, 0.5",
    "0.99, 0.7, 0.0003",
    "0.6, 0.95, 1"
  })
  void naturalFrequenciesAddUpAndRoundTheExactCells(double sens, double spec, double p) {
    ScreeningTest t = new ScreeningTest(sens, spec);
    NaturalFrequencies f = NaturalFrequencies.of(t, p, 1000);
    assertThat(f.flaggedCommitted() + f.missed() + f.wronglyFlagged() + f.cleared())
        .isEqualTo(1000);
    ScreeningOutcome exact = t.apply(1000, 1000 * p);
    assertThat((double) f.flaggedCommitted()).isCloseTo(exact.flaggedCommitted(), within(1.0));
    assertThat((double) f.missed()).isCloseTo(exact.missed(), within(1.0));
    assertThat((double) f.wronglyFlagged()).isCloseTo(exact.wronglyFlagged(), within(1.0));
    assertThat((double) f.cleared()).isCloseTo(exact.cleared(), within(1.0));
  }

  @Test
  void naturalFrequenciesOfTheHandExample() {
    NaturalFrequencies f = NaturalFrequencies.of(new ScreeningTest(0.8, 0.9), 0.05, 1000);
    assertThat(f).isEqualTo(new NaturalFrequencies(1000, 40, 10, 95, 855));
    assertThat(f.committed()).isEqualTo(50);
    assertThat(f.flagged()).isEqualTo(135);
  }

  @Test
  void tradeOffCurvePassesThroughTheStatedPointAndIsMonotone() {
    ScreeningTest t = new ScreeningTest(0.8, 0.9);
    TradeOffCurve c = TradeOffCurve.through(t, 0.05, 1000, 101);
    assertThat(c.dPrime())
        .isCloseTo(Normal.quantile(0.8) + Normal.quantile(0.9), within(1e-12))
        .isCloseTo(0.8416212 + 1.2815516, within(1e-6));
    TradeOffCurve.Point at = c.at(0.9);
    assertThat(at.sensitivity()).isCloseTo(0.8, within(1e-6));
    assertThat(at.misses()).isCloseTo(1000 * 0.05 * 0.2, within(1e-4));
    assertThat(at.falseAlarms()).isCloseTo(1000 * 0.95 * 0.1, within(1e-9));
    List<TradeOffCurve.Point> pts = c.points();
    for (int i = 1; i < pts.size(); i++) {
      assertThat(pts.get(i).falseAlarms()).isGreaterThan(pts.get(i - 1).falseAlarms());
      assertThat(pts.get(i).misses()).isLessThanOrEqualTo(pts.get(i - 1).misses());
    }
  }

  @Test
  void normalQuantileInvertsTheDistributionFunction() {
    for (double p : new double[] {1e-6, 0.001, 0.02, 0.3, 0.5, 0.7, 0.975, 0.999999}) {
      assertThat(Normal.cdf(Normal.quantile(p))).isCloseTo(p, within(2e-7 + 1e-6 * p));
    }
    assertThat(Normal.quantile(0.975)).isCloseTo(1.959964, within(1e-5));
  }

  @Test
  void intervalUsesLinearInterpolationAndSkipsUndefinedValues() {
    double[] v = new double[21];
    for (int i = 0; i <= 20; i++) {
      v[i] = 20 - i;
    }
    Interval i = Interval.of(v);
    assertThat(i.mean()).isEqualTo(10);
    assertThat(i.p05()).isEqualTo(1);
    assertThat(i.p50()).isEqualTo(10);
    assertThat(i.p95()).isEqualTo(19);
    assertThat(Interval.of(new double[] {Double.NaN, 2, 4}).mean()).isEqualTo(3);
    assertThat(Interval.of(new double[] {Double.NaN}).defined()).isZero();
  }
}
