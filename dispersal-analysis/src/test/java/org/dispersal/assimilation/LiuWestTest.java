package org.dispersal.assimilation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dispersal.agent.EngineKind;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.Lineage;
import org.dispersal.model.Prior;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.observation.Publication;
import org.dispersal.observation.TestFigures;
import org.dispersal.random.Binomial;
import org.dispersal.random.RandomStreams;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.reporting.SourceType;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * The Liu-West move of the static parameters in the monthly filter: on a binomial rate with a
 * uniform (Beta(1, 1)) prior and two exactly observed monthly counts, whose posterior is the exact
 * Beta, the moved parameters match its mean and variance; the move keeps far more distinct
 * parameter vectors than the filter without it; the same particles for any thread count.
 */
class LiuWestTest {

  /** Trials per month. */
  private static final int TRIALS = 30;

  /** The observed counts of months 1 and 2. */
  private static final int[] OBSERVED = {9, 12};

  /**
   * One particle: q ~ U(0, 1) from the replication's parameter stream (or the values its lineage
   * carries), and each month Y_t ~ Binomial(30, q in force at t) from the lineage's base for t.
   */
  private static final class Rate implements ParticleFilter.Simulator {
    private final long seed;

    Rate(long seed) {
      this.seed = seed;
    }

    static double rootQ(long seed, int root) {
      return RandomStreams.stream(seed, root, RandomStreams.Purpose.PARAMETERS).nextDouble();
    }

    @Override
    public double[] run(int root, Lineage lineage, int last) {
      long base = RandomStreams.stream(seed, root, RandomStreams.Purpose.DYNAMICS).nextLong();
      double[] v = new double[2];
      int[] months = lineage.months();
      double[][] values = lineage.values();
      for (int t = 1; t <= last; t++) {
        double q = rootQ(seed, root);
        for (int j = 0; j < months.length && months[j] < t; j++) {
          if (values[j] != null) {
            q = values[j][0];
          }
        }
        int y = Binomial.sample(RandomStreams.substream(lineage.base(base, t), t), TRIALS, q);
        if (t <= 2) {
          v[t - 1] = y;
        }
      }
      return v;
    }
  }

  /** The figures are the counts themselves: ln 1 when the count is the figure, else ln 0. */
  private static final ParticleFilter.LogLikelihood EXACT =
      (f, counts) -> counts[0] == OBSERVED[f] ? 0 : Double.NEGATIVE_INFINITY;

  private static LiuWest.Mover mover(double discount, long seed) {
    return new LiuWest.Mover(
        LiuWest.of(discount),
        LiuWest.Space.of(List.of(new Prior.Uniform(0, 1))),
        r -> new double[] {Rate.rootQ(seed, r)});
  }

  private static ParticleFilter.Outcome filter(
      int n, int[] months, LiuWest.Mover move, long seed, int threads) {
    int[][] targets = new int[months.length][];
    for (int f = 0; f < months.length; f++) {
      targets[f] = new int[] {f};
    }
    return ParticleFilter.run(
        n, months, targets, EXACT, seed, threads, () -> new Rate(seed), x -> {}, move);
  }

  /** Each final particle's q: the values its lineage last carried, or its root's. */
  private static double[] finalQ(ParticleFilter.Outcome o, long seed) {
    double[] q = new double[o.roots().length];
    for (int j = 0; j < q.length; j++) {
      double[] v = o.lineages()[j].latestValues();
      q[j] = v == null ? Rate.rootQ(seed, o.roots()[j]) : v[0];
    }
    return q;
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double variance(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / (x.length - 1);
  }

  /**
   * q ~ Beta(1, 1), Y_1 = 9 and Y_2 = 12 of 30: the exact posterior is Beta(22, 40), mean 22/62,
   * variance 22·40/(62²·63). N = 50,000 particles at seed 20170213 and δ = 0.98. The filter's
   * sample rests on about min-step ESS independent draws (step 1 keeps about N/31, since Y_1 is
   * uniform on 0..30 under the prior), so the tolerances are 4 standard errors at that size: the
   * mean within 4σ/√ESS, the variance within a relative 4√(2/ESS) (normal approximations; a
   * false-failure rate of about 1e-4 each when the move is exact, and Liu-West's kernel keeps the
   * first two moments exactly). A filter that drops the second figure (posterior Beta(10, 22)) and
   * the unconditioned prior fail the same tolerance, so the test can fail.
   */
  @Test
  void movedParametersMatchTheExactBetaPosterior() {
    long seed = 20170213L;
    int n = 50_000;
    ParticleFilter.Outcome o = filter(n, new int[] {1, 2}, mover(0.98, seed), seed, 2);
    double a = 1 + OBSERVED[0] + OBSERVED[1];
    double b = 1 + 2 * TRIALS - OBSERVED[0] - OBSERVED[1];
    double exactMean = a / (a + b);
    double exactVar = a * b / ((a + b) * (a + b) * (a + b + 1));
    double ess = Double.POSITIVE_INFINITY;
    for (ParticleFilter.Step s : o.steps()) {
      ess = Math.min(ess, s.effectiveSampleSize());
    }
    assertTrue(ess > 1000, "enough particles survive: " + ess);
    double meanTolerance = 4 * Math.sqrt(exactVar / ess);
    double varTolerance = 4 * Math.sqrt(2 / ess);
    double[] q = finalQ(o, seed);
    assertEquals(exactMean, mean(q), meanTolerance, "posterior mean");
    assertEquals(1, variance(q) / exactVar, varTolerance, "posterior variance / exact");

    // The same filter without the second figure is far from it (its posterior is Beta(10, 22)).
    ParticleFilter.Outcome first = filter(n, new int[] {1}, mover(0.98, seed), seed, 2);
    double firstMean = mean(finalQ(first, seed));
    assertEquals(10.0 / 32, firstMean, 4 * Math.sqrt(10.0 * 22 / (32 * 32 * 33) / ess));
    assertTrue(Math.abs(firstMean - exactMean) > 5 * meanTolerance, "one figure is not two");
    // And the prior's mean 0.5 is far from it too.
    assertTrue(Math.abs(0.5 - exactMean) > 5 * meanTolerance);
  }

  /**
   * Without the move the particles keep their roots' q: after the second step at most as many
   * parameter vectors as the first step kept distinct roots (about N/31); with the move every
   * particle holds its own.
   */
  @Test
  void theMoveKeepsFarMoreDistinctParameterVectors() {
    long seed = 7L;
    int n = 5_000;
    ParticleFilter.Outcome kept = filter(n, new int[] {1, 2}, null, seed, 2);
    ParticleFilter.Outcome moved = filter(n, new int[] {1, 2}, mover(0.98, seed), seed, 2);
    int without = kept.steps().get(1).parameterVectors();
    int with = moved.steps().get(1).parameterVectors();
    assertTrue(without <= kept.steps().get(0).distinct(), "without: " + without);
    assertEquals(n, with);
    assertTrue(with > 10 * without, with + " against " + without);
    // Without the move the lineages carry no values, exactly as before the move existed.
    for (Lineage l : kept.lineages()) {
      assertTrue(!l.movesParameters());
    }
  }

  @Test
  void sameParticlesForOneAndThreeThreads() {
    long seed = 11L;
    ParticleFilter.Outcome one = filter(3_000, new int[] {1, 2}, mover(0.97, seed), seed, 1);
    ParticleFilter.Outcome three = filter(3_000, new int[] {1, 2}, mover(0.97, seed), seed, 3);
    assertArrayEquals(one.roots(), three.roots());
    assertArrayEquals(one.lineages(), three.lineages());
    assertEquals(one.steps().get(1).parameterVectors(), three.steps().get(1).parameterVectors());
  }

  @Test
  void discountsOutsideTheRangeAreRefusedAndTheKernelIsLiuWests() {
    for (double bad : new double[] {0, -0.5, 1.01, 0.2, Double.NaN}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> LiuWest.of(bad));
      assertTrue(e.getMessage().contains("not a discount"), e.getMessage());
    }
    LiuWest k = LiuWest.of(0.98);
    double a = (3 * 0.98 - 1) / (2 * 0.98);
    assertEquals(a, k.shrinkage(), 1e-15);
    assertEquals(1 - a * a, k.bandwidthSquared(), 1e-15);
    assertEquals(0, LiuWest.of(1).bandwidthSquared(), 0);
  }

  /**
   * The move keeps the weighted mean and variance on the free scale: 20,000 slots drawn from two
   * weighted particles; tolerances of 5 standard errors of the sample mean and variance.
   */
  @Test
  void theMoveKeepsTheWeightedMeanAndVarianceOnTheFreeScale() {
    LiuWest.Space space = LiuWest.Space.of(List.of(new Prior.LogUniform(0.01, 1)));
    LiuWest k = LiuWest.of(0.95);
    double[][] values = {{0.05}, {0.4}};
    double[] w = {0.3, 0.7};
    int slots = 20_000;
    int[] parent = new int[slots];
    for (int s = 0; s < slots; s++) {
      parent[s] = s < 0.3 * slots ? 0 : 1;
    }
    double[][] out = k.move(values, w, parent, space, 5L, 0);
    double z0 = space.free(0, 0.05);
    double z1 = space.free(0, 0.4);
    double m = 0.3 * z0 + 0.7 * z1;
    double v = 0.3 * (z0 - m) * (z0 - m) + 0.7 * (z1 - m) * (z1 - m);
    double[] z = new double[slots];
    for (int s = 0; s < slots; s++) {
      assertTrue(out[s][0] >= 0.01 && out[s][0] <= 1, "inside the prior's bounds");
      z[s] = space.free(0, out[s][0]);
    }
    assertEquals(m, mean(z), 5 * Math.sqrt(v / slots));
    assertEquals(v, variance(z), 5 * v * Math.sqrt(2.0 / slots) + 5 * v * 0.05);
    assertEquals(z0, space.free(0, space.bounded(0, z0)), 1e-9);
  }

  // ---- on the model: Assimilation with the move ----

  private static final LocalDate AS_OF = LocalDate.of(2017, 7, 31);

  private static final ReportingModel REPORTING = ReportingModel.prior(AS_OF);

  private static ObservationRecord record(
      int line, String month, String published, String country, Integer low, Integer high) {
    return TestFigures.monthly(
        line, month, published, "country", country, ObservedMeasure.RETURNED, low, high);
  }

  private static Assimilation.Result onModel(int threads, LiuWest kernel) {
    CompiledModel model = new CompiledModel(TestScenarios.calibratable(0.2));
    List<ObservationRecord> figures = new ArrayList<>();
    figures.add(record(2, "2017-05", "2017-06", "FRA", 330, 330));
    figures.add(record(6, "2017-06", "2017-07", "TUN", 700, null));
    Assimilation.Plan plan =
        Assimilation.plan(model, figures, AS_OF, Publication.AS_WRITTEN, id -> SourceType.PRESS);
    long seed = 2017L;
    Assimilation.Passes passes =
        Assimilation.local(
            model,
            plan.targets(),
            seed,
            threads,
            () -> EngineKind.AUTO.create(model),
            null,
            model,
            0);
    return Assimilation.run(
        plan,
        REPORTING,
        400,
        seed,
        Assimilation.Filter.MONTHLY,
        passes,
        x -> {},
        kernel == null ? null : Assimilation.mover(kernel, model, null, seed));
  }

  @Test
  void onTheModelTheMoveGivesTheSameBytesForAnyThreadCountAndChangesTheForecast() {
    Assimilation.Result one = onModel(1, LiuWest.of(LiuWest.DEFAULT_DISCOUNT));
    Assimilation.Result three = onModel(3, LiuWest.of(LiuWest.DEFAULT_DISCOUNT));
    assertArrayEquals(one.summary().toBytes(), three.summary().toBytes());
    assertEquals(400, one.summary().replications());
    Assimilation.Result off = onModel(2, null);
    assertNotEquals(
        java.util.Arrays.hashCode(one.summary().toBytes()),
        java.util.Arrays.hashCode(off.summary().toBytes()));
    int last = one.steps().size() - 1;
    assertTrue(
        one.steps().get(last).parameterVectors() > 2 * off.steps().get(last).parameterVectors(),
        one.steps().get(last).parameterVectors()
            + " against "
            + off.steps().get(last).parameterVectors());
    assertEquals(off.steps().get(last).parameterVectors(), off.distinct());
  }
}
