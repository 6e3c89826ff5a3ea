package org.dispersal.assimilation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.dispersal.agent.EngineKind;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.calibration.Target;
import org.dispersal.engine.CompiledModel;
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
 * Importance resampling gives the posterior, the figures published after the as-of date are never
 * used, every figure is listed, and the result does not depend on the thread count.
 */
class AssimilationTest {

  private static final LocalDate AS_OF = LocalDate.of(2017, 7, 31);

  private static final ReportingModel REPORTING = ReportingModel.prior(AS_OF);

  /**
   * The resampling's exactness on a model whose prior is known: X ~ Binomial(40, 0.3), one point
   * figure of 15 from a press source, N = 20,000. The posterior P(X = k | figure) ∝ C(40, k) 0.3^k
   * 0.7^(40−k) P(figure | k) is exact; the resampled X's histogram is compared with it by a Pearson
   * chi-square divided by the design effect N / ESS + 1 (the importance weights' Kish factor, plus
   * at most one multinomial's variance for the resampling), at α = 0.001: this test fails falsely
   * about once in a thousand seeds. The same statistic for the prior sample itself (no weights)
   * must fail it, so the test can tell a resampler that ignores the figure.
   */
  @Test
  void resampledCountsFollowTheAnalyticPosterior() {
    int n = 40;
    double p = 0.3;
    int particles = 20_000;
    Assimilation.Used figure =
        used(
            record(1, "2017-05", "2017-06", "FRA", 15, 15),
            new Target("FRA", 3, new int[0][], null, ObservedMeasure.RETURNED));
    double[][] counts = new double[1][particles];
    for (int i = 0; i < particles; i++) {
      counts[0][i] =
          Binomial.sample(RandomStreams.stream(77L, i, RandomStreams.Purpose.DYNAMICS), n, p);
    }
    double[] lw = Assimilation.logWeights(REPORTING, List.of(figure), counts);
    double ess = Assimilation.effectiveSampleSize(lw);
    int[] chosen =
        Assimilation.systematic(lw, particles, RandomStreams.assimilationResampling(77L));
    double[] posterior = new double[n + 1];
    double[] prior = new double[n + 1];
    double z = 0;
    for (int k = 0; k <= n; k++) {
      prior[k] = BinomialDistribution.of(n, p).probability(k);
      posterior[k] =
          prior[k] * Math.exp(Likelihood.logProbability(REPORTING, SourceType.PRESS, 15, 15, k));
      z += posterior[k];
    }
    for (int k = 0; k <= n; k++) {
      posterior[k] /= z;
    }
    long[] resampled = new long[n + 1];
    long[] unweighted = new long[n + 1];
    for (int i = 0; i < particles; i++) {
      resampled[(int) counts[0][i]] += chosen[i];
      unweighted[(int) counts[0][i]]++;
    }
    double designEffect = particles / ess + 1;
    assertTrue(ess > 0.3 * particles && ess < 0.99 * particles, "ESS " + ess);
    double pass = DesignEffectChiSquare.pValue(posterior, resampled, designEffect);
    double fail = DesignEffectChiSquare.pValue(posterior, unweighted, designEffect);
    assertTrue(pass > 0.001, "resampled vs posterior: p = " + pass);
    assertTrue(fail < 1e-6, "the unweighted prior sample must fail the test: p = " + fail);
  }

  @Test
  void systematicResamplingChoosesEachReplicationFloorOrCeilingOfItsShare() {
    UniformRandomProvider rng = RandomStreams.stream(5L, 0, RandomStreams.Purpose.PARAMETERS);
    double[] lw = new double[257];
    for (int i = 0; i < lw.length; i++) {
      lw[i] = -5 * rng.nextDouble();
    }
    lw[3] = Double.NEGATIVE_INFINITY;
    double[] w = Assimilation.normalised(lw);
    int n = 1000;
    int[] chosen = Assimilation.systematic(lw, n, RandomStreams.assimilationResampling(5L));
    int sum = 0;
    for (int i = 0; i < lw.length; i++) {
      sum += chosen[i];
      assertTrue(
          chosen[i] >= Math.floor(n * w[i]) - 1e-9 && chosen[i] <= Math.ceil(n * w[i]) + 1e-9,
          i + ": " + chosen[i] + " for share " + n * w[i]);
    }
    assertEquals(n, sum);
    assertEquals(0, chosen[3], "a replication with zero likelihood is never chosen");
    assertArrayEquals(
        chosen, Assimilation.systematic(lw, n, RandomStreams.assimilationResampling(5L)));
  }

  @Test
  void equalWeightsHaveAnEffectiveSampleSizeOfN() {
    assertEquals(50, Assimilation.effectiveSampleSize(new double[50]), 1e-9);
    double[] one = new double[50];
    java.util.Arrays.fill(one, Double.NEGATIVE_INFINITY);
    one[7] = -1000;
    assertEquals(1, Assimilation.effectiveSampleSize(one), 1e-9);
  }

  /** France 2,000 and Tunisia 3,000 from February 2017, six months. */
  private static CompiledModel model() {
    return new CompiledModel(TestScenarios.calibratable(0.2));
  }

  private static List<ObservationRecord> figures() {
    return List.of(
        record(2, "2017-05", "2017-06", "FRA", 330, 330), // used
        record(3, "2017-04", "2017-09", "FRA", 5, 5), // published after the as-of date
        record(4, "2016-12", "2017-01", "TUN", 600, 600), // before the start
        record(5, "2017-05", "2017-06", "DEU", 100, 100), // no origin
        record(6, "2017-06", "2017-07", "TUN", 700, null)); // used: more than 700
  }

  @Test
  void planUsesOnlyFiguresPublishedByTheDateInsideTheRunAndListsTheRest() {
    Assimilation.Plan plan =
        Assimilation.plan(
            model(), figures(), AS_OF, Publication.AS_WRITTEN, id -> SourceType.PRESS);
    assertEquals(List.of(2, 6), plan.used().stream().map(u -> u.record().line()).toList());
    assertEquals(List.of(3, 4, 5), plan.setAside().stream().map(a -> a.record().line()).toList());
    assertTrue(plan.setAside().get(0).reason().contains("after the as-of date 2017-07-31"));
    assertTrue(plan.setAside().get(1).reason().contains("not after the model's start 2017-02"));
    assertTrue(plan.setAside().get(2).reason().startsWith("not a model target: country DEU"));
    assertEquals(3, plan.used().get(0).target().month());
  }

  @Test
  void sameBytesForAnyThreadCountAndFiguresPublishedLaterChangeNothing() {
    CompiledModel model = model();
    Assimilation.Plan plan =
        Assimilation.plan(model, figures(), AS_OF, Publication.AS_WRITTEN, id -> SourceType.PRESS);
    Assimilation.Result one = run(model, plan, 1);
    Assimilation.Result three = run(model, plan, 3);
    assertArrayEquals(one.summary().toBytes(), three.summary().toBytes());
    assertArrayEquals(one.chosen(), three.chosen());
    assertEquals(one.effectiveSampleSize(), three.effectiveSampleSize());
    assertEquals(400, one.summary().replications());
    assertTrue(one.effectiveSampleSize() < 400, "the figures carry information");

    // A later figure that contradicts everything is set aside and leaves every byte as it was.
    List<ObservationRecord> more = new ArrayList<>(figures());
    more.add(record(7, "2017-06", "2017-08", "FRA", 1, 1));
    Assimilation.Plan later =
        Assimilation.plan(model, more, AS_OF, Publication.AS_WRITTEN, id -> SourceType.PRESS);
    assertEquals(plan.used().size(), later.used().size());
    assertEquals(7, later.setAside().get(later.setAside().size() - 1).record().line());
    assertArrayEquals(one.summary().toBytes(), run(model, later, 2).summary().toBytes());
  }

  @Test
  void monthlyFilterGivesTheSameBytesForAnyThreadCountAndIgnoresLaterFigures() {
    CompiledModel model = model();
    Assimilation.Plan plan =
        Assimilation.plan(model, figures(), AS_OF, Publication.AS_WRITTEN, id -> SourceType.PRESS);
    Assimilation.Result one = monthly(model, plan, 1);
    Assimilation.Result three = monthly(model, plan, 3);
    assertArrayEquals(one.summary().toBytes(), three.summary().toBytes());
    assertEquals(Assimilation.Filter.MONTHLY, one.filter());
    // The two used figures refer to two model months: two steps, in month order.
    assertEquals(2, one.steps().size());
    assertTrue(one.steps().get(0).month() < one.steps().get(1).month());
    assertEquals(400, one.summary().replications());
    assertEquals(
        Math.min(
            one.steps().get(0).effectiveSampleSize(), one.steps().get(1).effectiveSampleSize()),
        one.effectiveSampleSize());
    assertEquals(400, java.util.Arrays.stream(one.chosen()).sum());

    List<ObservationRecord> more = new ArrayList<>(figures());
    more.add(record(7, "2017-06", "2017-08", "FRA", 1, 1));
    Assimilation.Plan later =
        Assimilation.plan(model, more, AS_OF, Publication.AS_WRITTEN, id -> SourceType.PRESS);
    assertArrayEquals(one.summary().toBytes(), monthly(model, later, 2).summary().toBytes());
  }

  private static Assimilation.Result monthly(
      CompiledModel model, Assimilation.Plan plan, int threads) {
    return Assimilation.run(
        model,
        plan,
        REPORTING,
        400,
        2017L,
        threads,
        () -> EngineKind.AUTO.create(model),
        x -> {},
        model,
        0,
        Assimilation.Filter.MONTHLY,
        null);
  }

  @Test
  void resamplingMovesTheCountTowardsTheFigure() {
    CompiledModel model = model();
    Assimilation.Plan plan =
        Assimilation.plan(
            model,
            List.of(record(2, "2017-05", "2017-06", "FRA", 330, 330)),
            AS_OF,
            Publication.AS_WRITTEN,
            id -> SourceType.PRESS);
    Assimilation.Result r = run(model, plan, 2);
    double before = 0;
    double after = 0;
    for (int i = 0; i < r.particles(); i++) {
      before += Math.abs(Math.log((r.prior()[0][i] + 1) / 331));
      after += r.chosen()[i] * Math.abs(Math.log((r.prior()[0][i] + 1) / 331));
    }
    assertTrue(after < before, "mean |log ratio| " + after / 400 + " vs " + before / 400);
  }

  private static Assimilation.Result run(CompiledModel model, Assimilation.Plan plan, int threads) {
    return Assimilation.run(
        model, plan, REPORTING, 400, 2017L, threads, () -> EngineKind.AUTO.create(model), x -> {});
  }

  private static Assimilation.Used used(ObservationRecord r, Target target) {
    return new Assimilation.Used(r, target, SourceType.PRESS);
  }

  private static ObservationRecord record(
      int line, String month, String published, String country, Integer low, Integer high) {
    return TestFigures.monthly(
        line, month, published, "country", country, ObservedMeasure.RETURNED, low, high);
  }
}
