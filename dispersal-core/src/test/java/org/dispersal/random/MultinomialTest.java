package org.dispersal.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.dispersal.testkit.Stats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests the multinomial sampler: every category's marginal must be Bin(n, p_j) and the joint
 * distribution must match the exact multinomial probabilities (chi-square at alpha = 0.001 per
 * assertion with fixed seeds: a correct sampler fails a given assertion with probability 0.1 %, the
 * twenty of this class together with probability about 2 %). The joint cases cover one person, the
 * leavers placed one by one and by conditional binomials, the BTRS branch of both the leavers' draw
 * and the split, probabilities summing to less than 1 and to exactly 1, and entries of probability
 * 0, for the plain sampler and for {@link FixedMultinomial} (a prepared vector drawn from many
 * times).
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

  /**
   * The joint law of every explicit category and the remainder, against the exact multinomial
   * probabilities, over the box of counts between each positive category's marginal quantiles 1e-7
   * and 1 - 1e-7 plus one cell for everything outside it. Categories of probability 0 must never
   * get anyone (asserted on every draw).
   */
  @ParameterizedTest(name = "Mult({0}; {1}), {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "1; 0.3 0.2 0.1; plain",
        "3; 0.05 0 0.1 0.02; plain",
        "6; 0.2 0.5; plain",
        "12; 0.1 0 0.3 0.6; plain",
        "25; 0.01 0.02 0.005 0; plain",
        "40; 0.25 0 0.75; plain",
        "30; 0 0.2 0.3 0; plain",
        "500; 0.2 0.15; plain",
        "5000; 0.013 0 0.004; plain",
        "3; 0.05 0 0.1 0.02; fixed",
        "25; 0.01 0.02 0.005 0; fixed",
        "40; 0.25 0 0.75; fixed",
        "500; 0.2 0.15; fixed",
        "20; 0.3 0.3 0; fixed"
      })
  void jointLawIsTheExactMultinomial(int n, String probabilities, String sampler) {
    double[] p = parse(probabilities);
    int k = p.length;
    double rest = 1.0;
    int[] lo = new int[k];
    int[] span = new int[k];
    int cells = 1;
    for (int j = 0; j < k; j++) {
      rest -= p[j];
      if (p[j] > 0) {
        BinomialDistribution marginal = BinomialDistribution.of(n, p[j]);
        lo[j] = Math.max(0, marginal.inverseCumulativeProbability(1e-7) - 1);
        span[j] = Math.min(n, marginal.inverseCumulativeProbability(1 - 1e-7)) - lo[j] + 1;
      } else {
        span[j] = 1;
      }
      cells *= span[j];
    }
    double stay = Math.max(0.0, rest);
    // Cell 0 is everything outside the box; cell 1 + index is the count vector at index.
    double[] probs = new double[cells + 1];
    double inside = 0;
    int[] x = new int[k];
    for (int cell = 0; cell < cells; cell++) {
      int c = cell;
      int sum = 0;
      for (int j = 0; j < k; j++) {
        x[j] = lo[j] + c % span[j];
        c /= span[j];
        sum += x[j];
      }
      probs[cell + 1] = sum <= n ? multinomial(n, p, stay, x, n - sum) : 0.0;
      inside += probs[cell + 1];
    }
    probs[0] = Math.max(0.0, 1.0 - inside);
    long[] observed = new long[cells + 1];
    int[] out = new int[k];
    UniformRandomProvider rng = RandomStreams.stream(20170213L, n, RandomStreams.Purpose.DYNAMICS);
    FixedMultinomial fixed = sampler.equals("fixed") ? new FixedMultinomial().set(p, k) : null;
    for (int i = 0; i < 200_000; i++) {
      int left;
      if (fixed == null) {
        left = Multinomial.sample(rng, n, p, k, out);
      } else {
        java.util.Arrays.fill(out, -1);
        left = fixed.sample(rng, n, out, null);
        if (left == n) {
          assertThat(out).as("untouched when nobody leaves").containsOnly(-1);
          java.util.Arrays.fill(out, 0);
        }
      }
      int index = 0;
      int scale = 1;
      boolean boxed = true;
      int total = left;
      for (int j = 0; j < k; j++) {
        total += out[j];
        if (p[j] == 0) {
          assertThat(out[j]).as("category %d of probability 0", j).isZero();
        }
        int d = out[j] - lo[j];
        boxed &= d >= 0 && d < span[j];
        index += d * scale;
        scale *= span[j];
      }
      assertThat(total).isEqualTo(n);
      if (stay == 0) {
        assertThat(left).as("nobody stays when the probabilities sum to 1").isZero();
      }
      observed[boxed ? index + 1 : 0]++;
    }
    assertThat(Stats.chiSquarePValue(probs, observed)).isGreaterThan(ALPHA);
  }

  @Test
  void nobodyMovesWhenEveryProbabilityIsZero() {
    int[] out = {9, 9, 9};
    UniformRandomProvider rng = RandomStreams.stream(1, 2, RandomStreams.Purpose.DYNAMICS);
    assertThat(Multinomial.sample(rng, 20, new double[] {0, 0, 0}, 3, out)).isEqualTo(20);
    assertThat(out).containsExactly(0, 0, 0);
  }

  @Test
  void probabilitiesAboveRemainingMassTakeEveryone() {
    int[] out = new int[2];
    UniformRandomProvider rng = RandomStreams.stream(1, 1, RandomStreams.Purpose.DYNAMICS);
    int rest = Multinomial.sample(rng, 10, new double[] {0.0, 1.0}, 2, out);
    assertThat(out).containsExactly(0, 10);
    assertThat(rest).isZero();
  }

  /** The exact probability of the counts x in the explicit categories and r in the remainder. */
  private static double multinomial(int n, double[] p, double stay, int[] x, int r) {
    if (r > 0 && stay == 0) {
      return 0.0;
    }
    double log = LogGamma.value(n + 1.0) - LogGamma.value(r + 1.0);
    if (r > 0) {
      log += r * Math.log(stay);
    }
    for (int j = 0; j < p.length; j++) {
      if (x[j] > 0) {
        if (p[j] == 0) {
          return 0.0;
        }
        log += x[j] * Math.log(p[j]);
      }
      log -= LogGamma.value(x[j] + 1.0);
    }
    return Math.exp(log);
  }

  private static double[] parse(String probabilities) {
    String[] parts = probabilities.trim().split(" +");
    double[] p = new double[parts.length];
    for (int j = 0; j < p.length; j++) {
      p[j] = Double.parseDouble(parts[j]);
    }
    return p;
  }

  private static double factorial(int k) {
    double f = 1;
    for (int i = 2; i <= k; i++) {
      f *= i;
    }
    return f;
  }
}
