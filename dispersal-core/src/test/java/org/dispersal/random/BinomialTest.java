package org.dispersal.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.dispersal.testkit.Stats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests the binomial sampler against the exact binomial distribution with chi-square tests at alpha
 * = 0.001 (a correct sampler fails a given seed with probability 0.1%), covering both the inversion
 * branch (n·p &lt; 10) and the BTRS branch, and p above one half.
 */
class BinomialTest {

  private static final int DRAWS = 200_000;
  private static final double ALPHA = 0.001;

  @ParameterizedTest(name = "Bin({0}, {1})")
  @CsvSource({
    "1, 0.3",
    "10, 0.5",
    "40, 0.1",
    "100, 0.02",
    "100, 0.3",
    "1000, 0.5",
    "5000, 0.013",
    "40000, 0.02",
    "250, 0.93",
    "1000000, 0.0001"
  })
  void matchesExactDistribution(int n, double p) {
    UniformRandomProvider rng = RandomStreams.stream(20170213L, n, RandomStreams.Purpose.DYNAMICS);
    BinomialDistribution exact = BinomialDistribution.of(n, p);
    int lo = Math.max(0, exact.inverseCumulativeProbability(1e-9));
    int hi = Math.min(n, exact.inverseCumulativeProbability(1 - 1e-9));
    long[] observed = new long[hi - lo + 3];
    double[] probs = new double[hi - lo + 3];
    for (int i = 0; i < DRAWS; i++) {
      int x = Binomial.sample(rng, n, p);
      assertThat(x).isBetween(0, n);
      observed[x < lo ? 0 : (x > hi ? observed.length - 1 : x - lo + 1)]++;
    }
    probs[0] = lo > 0 ? exact.cumulativeProbability(lo - 1) : 0;
    for (int k = lo; k <= hi; k++) {
      probs[k - lo + 1] = exact.probability(k);
    }
    probs[probs.length - 1] = exact.survivalProbability(hi);
    assertThat(Stats.chiSquarePValue(probs, observed)).isGreaterThan(ALPHA);
  }

  @Test
  void edgeCasesAreExact() {
    UniformRandomProvider rng = RandomStreams.stream(1, 1, RandomStreams.Purpose.DYNAMICS);
    assertThat(Binomial.sample(rng, 0, 0.5)).isZero();
    assertThat(Binomial.sample(rng, 17, 0.0)).isZero();
    assertThat(Binomial.sample(rng, 17, 1.0)).isEqualTo(17);
    assertThatThrownBy(() -> Binomial.sample(rng, -1, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Binomial.sample(rng, 5, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Binomial.sample(rng, 5, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * BTRS's log-factorials are Commons Numbers' LogGamma.value(j + 1) bit for bit, inside the table
   * and past its end, so its draws (and every forecast) are unchanged.
   */
  @Test
  void logFactorialIsLogGammaBitForBit() {
    for (int j = 0; j < 70_000; j++) {
      assertThat(Double.doubleToRawLongBits(Binomial.logFactorial(j)))
          .as("j=%d", j)
          .isEqualTo(Double.doubleToRawLongBits(LogGamma.value(j + 1)));
    }
    for (int j : new int[] {1 << 20, 123_456_789, Integer.MAX_VALUE - 1}) {
      assertThat(Binomial.logFactorial(j)).isEqualTo(LogGamma.value(j + 1.0));
    }
  }
}
