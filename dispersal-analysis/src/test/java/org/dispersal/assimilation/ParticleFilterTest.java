package org.dispersal.assimilation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.dispersal.engine.Lineage;
import org.dispersal.random.Binomial;
import org.dispersal.random.RandomStreams;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.reporting.SourceType;
import org.junit.jupiter.api.Test;

/**
 * The month-by-month filter on a binomial chain X_t ~ Binomial(X_{t−1}, q), X_0 fixed, whose
 * posterior given noisy press figures of X_1 and X_2 is exact (forward recursion), and its
 * rejuvenation keeps more distinct futures than one importance-resampling step.
 */
class ParticleFilterTest {

  private static final ReportingModel REPORTING = ReportingModel.prior(LocalDate.of(2017, 7, 31));

  private static final double Q = 0.5;

  /** One particle of the chain; months after a lineage's switch draw from its base. */
  private static final class Chain implements ParticleFilter.Simulator {
    private final long seed;
    private final int start;
    private final int[] figureMonths;
    private final double low;
    private final double high;
    private int state;

    Chain(long seed, int start, int[] figureMonths) {
      this(seed, start, figureMonths, Q, Q);
    }

    /** A chain whose q is a static parameter, U(low, high) per replication. */
    Chain(long seed, int start, int[] figureMonths, double low, double high) {
      this.seed = seed;
      this.start = start;
      this.figureMonths = figureMonths;
      this.low = low;
      this.high = high;
    }

    @Override
    public double[] run(int root, Lineage lineage, int last) {
      long base = RandomStreams.stream(seed, root, RandomStreams.Purpose.DYNAMICS).nextLong();
      double q =
          low
              + (high - low)
                  * RandomStreams.stream(seed, root, RandomStreams.Purpose.PARAMETERS).nextDouble();
      double[] v = new double[figureMonths.length];
      int x = start;
      for (int t = 1; t <= last; t++) {
        x = Binomial.sample(RandomStreams.substream(lineage.base(base, t), t), x, q);
        for (int f = 0; f < figureMonths.length; f++) {
          if (figureMonths[f] == t) {
            v[f] = x;
          }
        }
      }
      state = x;
      return v;
    }
  }

  private static ParticleFilter.LogLikelihood press(int... figures) {
    return (f, counts) ->
        Likelihood.logProbability(REPORTING, SourceType.PRESS, figures[f], figures[f], counts[0]);
  }

  /**
   * X_0 = 40, q = 0.5, press figures 14 of X_1 and 6 of X_2 (the prior means are 20 and 10); the
   * filter's X_3 over N = 20,000 particles is compared with the exact P(X_3 | figures) by a Pearson
   * chi-square divided by the design effect 1 + Σ_steps N / ESS (each step's Kish factor, added: a
   * conservative bound for the variance the two weightings and resamplings add), at α = 0.001: it
   * fails falsely about once in a thousand seeds. The same statistic on the unconditioned X_3 must
   * fail, and so must the filter that drops the second figure, so the test can tell.
   */
  @Test
  void monthlyFilterMatchesTheExactPosteriorOfALaterState() {
    int start = 40;
    int[] months = {1, 2};
    int particles = 20_000;
    long seed = 91L;
    ParticleFilter.Outcome o =
        ParticleFilter.run(
            particles,
            months,
            press(10, 3),
            seed,
            2,
            () -> new Chain(seed, start, months),
            d -> {});
    long[] filtered = finalStates(o, seed, start, months, 3);
    double[] exact = exactPosterior(start, 3, new int[] {10, 3});
    double designEffect = 1;
    for (ParticleFilter.Step s : o.steps()) {
      designEffect += particles / s.effectiveSampleSize();
    }
    assertEquals(2, o.steps().size());
    assertTrue(o.steps().get(0).effectiveSampleSize() < 0.9 * particles, "figures inform");
    double pass = DesignEffectChiSquare.pValue(exact, filtered, designEffect);
    assertTrue(pass > 0.001, "filtered vs exact posterior: p = " + pass);

    long[] prior = new long[start + 1];
    Chain c = new Chain(seed, start, months);
    for (int i = 0; i < particles; i++) {
      c.run(i, Lineage.ROOT, 3);
      prior[c.state]++;
    }
    assertTrue(
        DesignEffectChiSquare.pValue(exact, prior, designEffect) < 1e-6,
        "the prior sample must fail");

    ParticleFilter.Outcome firstOnly =
        ParticleFilter.run(
            particles,
            new int[] {1},
            press(10),
            seed,
            2,
            () -> new Chain(seed, start, new int[] {1}),
            d -> {});
    long[] partial = finalStates(firstOnly, seed, start, new int[] {1}, 3);
    assertTrue(
        DesignEffectChiSquare.pValue(exact, partial, designEffect) < 1e-6,
        "ignoring the second figure must fail");
  }

  /**
   * A large chain with a static q ~ U(0.3, 0.95) per replication (X_0 = 100,000, N = 2,000, figures
   * of 60,000 and 36,000 at months 1 and 2): one importance-resampling step keeps the few
   * replications whose q fits, so few distinct X_3; the monthly filter keeps the same kind of q but
   * rejuvenates the copies' binomial draws and keeps many more distinct X_3 (at seed 5: 1,939 of
   * 2,000 against 1,125).
   */
  @Test
  void rejuvenationKeepsMoreDistinctFinalStatesThanOneStep() {
    int start = 100_000;
    int[] months = {1, 2};
    int particles = 2_000;
    long seed = 5L;
    int[] figures = {60_000, 36_000};
    ParticleFilter.Outcome o =
        ParticleFilter.run(
            particles,
            months,
            press(figures),
            seed,
            2,
            () -> new Chain(seed, start, months, 0.3, 0.95),
            d -> {});
    Set<Integer> monthly = new HashSet<>();
    Chain c = new Chain(seed, start, months, 0.3, 0.95);
    for (int j = 0; j < particles; j++) {
      c.run(o.roots()[j], o.lineages()[j], 3);
      monthly.add(c.state);
    }
    double[][] counts = o.prior();
    double[] lw = new double[particles];
    for (int f = 0; f < figures.length; f++) {
      for (int i = 0; i < particles; i++) {
        lw[i] += press(figures).of(f, new double[] {counts[f][i]});
      }
    }
    int[] chosen =
        Assimilation.systematic(lw, particles, RandomStreams.assimilationResampling(seed));
    Set<Integer> oneStep = new HashSet<>();
    for (int i = 0; i < particles; i++) {
      if (chosen[i] > 0) {
        c.run(i, Lineage.ROOT, 3);
        oneStep.add(c.state);
      }
    }
    assertTrue(
        monthly.size() > 1.5 * oneStep.size() && monthly.size() > 0.9 * particles,
        "distinct X_3: monthly " + monthly.size() + ", one step " + oneStep.size());
  }

  @Test
  void sameParticlesForAnyThreadCountAndCopiesAgreeUpToTheirSwitch() {
    int[] months = {1, 3};
    long seed = 12L;
    ParticleFilter.Outcome one =
        ParticleFilter.run(
            500, months, press(50, 40), seed, 1, () -> new Chain(seed, 60, months), d -> {});
    ParticleFilter.Outcome three =
        ParticleFilter.run(
            500, months, press(50, 40), seed, 3, () -> new Chain(seed, 60, months), d -> {});
    assertArrayEquals(one.roots(), three.roots());
    assertArrayEquals(one.lineages(), three.lineages());
    assertArrayEquals(one.expected()[0], three.expected()[0]);
    // Each final particle reruns to its ancestors' recorded counts.
    Chain c = new Chain(seed, 60, months);
    for (int j = 0; j < 500; j++) {
      double[] v = c.run(one.roots()[j], one.lineages()[j], 3);
      assertEquals(one.expected()[0][j], v[0]);
      assertEquals(one.expected()[1][j], v[1]);
      assertArrayEquals(new int[] {1, 3}, one.lineages()[j].months());
    }
  }

  /** P(X_T = k | figures at months 1..F) by the forward recursion. */
  private static double[] exactPosterior(int start, int horizon, int[] figures) {
    double[] p = new double[start + 1];
    p[start] = 1;
    for (int t = 1; t <= horizon; t++) {
      double[] next = new double[start + 1];
      for (int x = 0; x <= start; x++) {
        if (p[x] == 0) {
          continue;
        }
        BinomialDistribution b = BinomialDistribution.of(x, Q);
        for (int y = 0; y <= x; y++) {
          next[y] += p[x] * b.probability(y);
        }
      }
      if (t <= figures.length) {
        for (int y = 0; y <= start; y++) {
          next[y] *=
              Math.exp(
                  Likelihood.logProbability(
                      REPORTING, SourceType.PRESS, figures[t - 1], figures[t - 1], y));
        }
      }
      double z = 0;
      for (double v : next) {
        z += v;
      }
      for (int y = 0; y <= start; y++) {
        next[y] /= z;
      }
      p = next;
    }
    return p;
  }

  private static long[] finalStates(
      ParticleFilter.Outcome o, long seed, int start, int[] months, int month) {
    long[] h = new long[start + 1];
    Chain c = new Chain(seed, start, months);
    for (int j = 0; j < o.roots().length; j++) {
      c.run(o.roots()[j], o.lineages()[j], month);
      h[c.state]++;
    }
    return h;
  }
}
