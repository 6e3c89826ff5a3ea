package org.dispersal.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.dispersal.testkit.Stats;
import org.junit.jupiter.api.Test;

/**
 * Tests the multinomial sampler: every category's marginal must be Bin(n, p_j) and the joint
 * distribution of a small case must match the exact multinomial probabilities (chi-square at alpha
 * = 0.001 per assertion with fixed seeds).
 */
class MultinomialTest {

  private static final double ALPHA = 0.001;

  @Test
  void marginalsAreBinomial() {
    double[] p = {0.1, 0.25, 0.05, 0.3};
    int n = 60;
    int draws = 100_000;
    long[][] counts = new long[p.length + 1][n + 1];
    int[] out = new int[p.length];
    UniformRandomProvider rng = RandomStreams.stream(7, 0, RandomStreams.Purpose.DYNAMICS);
    for (int i = 0; i < draws; i++) {
      int rest = Multinomial.sample(rng, n, p, p.length, out);
      int total = rest;
      for (int j = 0; j < p.length; j++) {
        counts[j][out[j]]++;
        total += out[j];
      }
      counts[p.length][rest]++;
      assertThat(total).isEqualTo(n);
    }
    double restP = 1 - 0.1 - 0.25 - 0.05 - 0.3;
    for (int j = 0; j <= p.length; j++) {
      BinomialDistribution exact = BinomialDistribution.of(n, j < p.length ? p[j] : restP);
      double[] probs = new double[n + 1];
      for (int k = 0; k <= n; k++) {
        probs[k] = exact.probability(k);
      }
      assertThat(Stats.chiSquarePValue(probs, counts[j])).as("category %d", j).isGreaterThan(ALPHA);
    }
  }

  @Test
  void jointDistributionMatchesExactMultinomial() {
    double[] p = {0.2, 0.5};
    int n = 6;
    int draws = 200_000;
    long[] observed = new long[(n + 1) * (n + 1)];
    double[] probs = new double[(n + 1) * (n + 1)];
    int[] out = new int[2];
    UniformRandomProvider rng = RandomStreams.stream(11, 3, RandomStreams.Purpose.DYNAMICS);
    for (int i = 0; i < draws; i++) {
      Multinomial.sample(rng, n, p, 2, out);
      observed[out[0] * (n + 1) + out[1]]++;
    }
    for (int a = 0; a <= n; a++) {
      for (int b = 0; a + b <= n; b++) {
        probs[a * (n + 1) + b] =
            factorial(n)
                / (factorial(a) * factorial(b) * factorial(n - a - b))
                * Math.pow(0.2, a)
                * Math.pow(0.5, b)
                * Math.pow(0.3, n - a - b);
      }
    }
    assertThat(Stats.chiSquarePValue(probs, observed)).isGreaterThan(ALPHA);
  }

  @Test
  void probabilitiesAboveRemainingMassTakeEveryone() {
    int[] out = new int[2];
    UniformRandomProvider rng = RandomStreams.stream(1, 1, RandomStreams.Purpose.DYNAMICS);
    int rest = Multinomial.sample(rng, 10, new double[] {0.0, 1.0}, 2, out);
    assertThat(out).containsExactly(0, 10);
    assertThat(rest).isZero();
  }

  private static double factorial(int k) {
    double f = 1;
    for (int i = 2; i <= k; i++) {
      f *= i;
    }
    return f;
  }
}
