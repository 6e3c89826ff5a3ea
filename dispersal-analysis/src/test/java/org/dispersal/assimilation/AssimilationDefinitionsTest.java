package org.dispersal.assimilation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.dispersal.reporting.Definition;
import org.dispersal.reporting.FigureDefinitions;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.reporting.SourceType;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * The as-of forecast reads each figure under its definition: a thinned ({@code confirmed}) figure's
 * posterior is exact, count figures weight exactly as before, and mixtures keep the filters'
 * thread-independence.
 */
class AssimilationDefinitionsTest {

  private static final LocalDate AS_OF = LocalDate.of(2017, 7, 31);

  private static final ReportingModel REPORTING = ReportingModel.prior(AS_OF);

  private static final Target DUMMY =
      new Target("killed", 3, new int[0][], null, ObservedMeasure.KILLED);

  /**
   * X ~ Binomial(200, 0.5) deaths; the source publishes the deaths it confirmed, Binomial(X, keep)
   * with keep = {@link FigureDefinitions#CONFIRMED_DEATH_SHARE}, through the press reporting error:
   * a point figure of 60. The exact posterior P(X = k | 60) ∝ C(200, k) 0.5^200 Σ_j Binom(j; k,
   * keep) P(60 | j) is summed here over every j (no truncation). The resampled X of N = 20,000
   * replications weighted by the {@code confirmed} mapping is compared with it by Pearson's
   * chi-square divided by the design effect N / ESS + 1, at α = 0.001 (fails falsely about once in
   * a thousand seeds). The same figure read as a plain count of X (the reading before definitions)
   * must fail the same test (p &lt; 1e-6), so the test can tell the two readings apart.
   */
  @Test
  void confirmedFigureGivesTheExactPosteriorAndTheCountReadingDoesNot() {
    int n = 200;
    double q = 0.5;
    int particles = 20_000;
    double keep = FigureDefinitions.CONFIRMED_DEATH_SHARE;
    ObservationRecord r = killed(1, 60, 60);
    Assimilation.Used confirmed =
        new Assimilation.Used(
            r,
            new FigureDefinitions.Mapping(
                List.of(
                    new FigureDefinitions.Alternative(
                        Definition.CONFIRMED, 1.0, null, DUMMY, keep)),
                "confirmed"),
            SourceType.PRESS);
    Assimilation.Used counted = new Assimilation.Used(r, DUMMY, SourceType.PRESS);
    double[][] counts = new double[1][particles];
    for (int i = 0; i < particles; i++) {
      counts[0][i] =
          Binomial.sample(RandomStreams.stream(91L, i, RandomStreams.Purpose.DYNAMICS), n, q);
    }
    double[] posterior = new double[n + 1];
    double z = 0;
    for (int k = 0; k <= n; k++) {
      double like = 0;
      for (int j = 0; j <= k; j++) {
        like +=
            BinomialDistribution.of(k, keep).probability(j)
                * Math.exp(Likelihood.logProbability(REPORTING, SourceType.PRESS, 60, 60, j));
      }
      posterior[k] = BinomialDistribution.of(n, q).probability(k) * like;
      z += posterior[k];
    }
    for (int k = 0; k <= n; k++) {
      posterior[k] /= z;
    }
    double[] pass = resampledPValue(confirmed, counts, posterior, n);
    double[] fail = resampledPValue(counted, counts, posterior, n);
    assertTrue(pass[1] > 0.05 * particles, "ESS " + pass[1]);
    assertTrue(pass[0] > 0.001, "confirmed reading vs exact posterior: p = " + pass[0]);
    assertTrue(fail[0] < 1e-6, "the count reading must fail the test: p = " + fail[0]);
  }

  /** {p-value, ESS} of the resampled X under a figure's reading against a posterior. */
  private static double[] resampledPValue(
      Assimilation.Used figure, double[][] counts, double[] posterior, int n) {
    int particles = counts[0].length;
    double[] lw = Assimilation.logWeights(REPORTING, List.of(figure), counts);
    double ess = Assimilation.effectiveSampleSize(lw);
    int[] chosen =
        Assimilation.systematic(lw, particles, RandomStreams.assimilationResampling(91L));
    long[] resampled = new long[n + 1];
    for (int i = 0; i < particles; i++) {
      resampled[(int) counts[0][i]] += chosen[i];
    }
    return new double[] {
      DesignEffectChiSquare.pValue(posterior, resampled, particles / ess + 1), ess
    };
  }

  /**
   * A mapping with a mixture and thinning has a log weight equal to ln of {@link
   * FigureDefinitions#probability} computed directly, and stays finite where the direct probability
   * underflows to 0.
   */
  @Test
  void logProbabilityIsTheLogOfTheDefinitionsLawAndFiniteFarAway() {
    ObservationRecord r = killed(1, 40, 50);
    FigureDefinitions.Mapping m =
        new FigureDefinitions.Mapping(
            List.of(
                new FigureDefinitions.Alternative(Definition.COUNT, 0.25, DUMMY, null, 0),
                new FigureDefinitions.Alternative(Definition.CONFIRMED, 0.75, null, DUMMY, 0.7)),
            "mixture");
    Assimilation.Used u = new Assimilation.Used(r, m, SourceType.PRESS);
    double[] c = {55, 70};
    double direct =
        FigureDefinitions.probability(
            m, c, x -> Math.exp(Likelihood.logProbability(REPORTING, SourceType.PRESS, 40, 50, x)));
    assertEquals(Math.log(direct), Assimilation.logProbability(REPORTING, u, c), 1e-12);
    // A narrow reporting error (σ = 0.05, no gross errors): every term underflows far away.
    ReportingModel narrow = new ReportingModel(AS_OF, 0.05, 0, 0.15, Map.of(), 0, 0, 0);
    double[] far = {5_000, 10_000};
    double farDirect =
        FigureDefinitions.probability(
            m, far, x -> Math.exp(Likelihood.logProbability(narrow, SourceType.PRESS, 40, 50, x)));
    double lp = Assimilation.logProbability(narrow, u, far);
    assertEquals(0.0, farDirect);
    assertTrue(Double.isFinite(lp) && lp < -745, "log weight far away " + lp);
    assertEquals("count=0.25|confirmed=0.75", u.definition());
  }

  /**
   * Figures whose definition is {@code count} (returns of one country) weight and resample exactly
   * as the count reading did: the same log weights as Σ Likelihood.logProbability on each figure's
   * one count, and the same summary bytes with both filters.
   */
  @Test
  void countFiguresGiveExactlyTheOldWeightsAndBytes() {
    CompiledModel model = model();
    List<ObservationRecord> figures =
        List.of(
            returned(2, "2017-05", "2017-06", "FRA", 330, 330),
            returned(6, "2017-06", "2017-07", "TUN", 700, null));
    Assimilation.Plan mapped =
        Assimilation.plan(
            model, figures, AS_OF, Publication.AS_WRITTEN, id -> SourceType.PRESS, Map.of());
    Assimilation.Plan read =
        Assimilation.plan(model, figures, AS_OF, Publication.AS_WRITTEN, id -> SourceType.PRESS);
    assertEquals(2, mapped.used().size());
    assertEquals(2, mapped.targets().size());
    for (Assimilation.Used u : mapped.used()) {
      assertEquals("count", u.definition());
    }
    for (Assimilation.Filter filter : Assimilation.Filter.values()) {
      Assimilation.Result a = run(model, mapped, 2, filter);
      Assimilation.Result b = run(model, read, 2, filter);
      assertArrayEquals(b.summary().toBytes(), a.summary().toBytes());
      assertArrayEquals(b.posteriorMeans(), a.posteriorMeans());
      if (filter == Assimilation.Filter.ONE_STEP) {
        double[] old = new double[a.particles()];
        for (int f = 0; f < 2; f++) {
          ObservationRecord r = figures.get(f);
          for (int i = 0; i < old.length; i++) {
            old[i] +=
                Likelihood.logProbability(
                    REPORTING, SourceType.PRESS, r.low(), r.high(), a.prior()[f][i]);
          }
        }
        assertArrayEquals(old, a.logWeights());
      }
    }
  }

  /**
   * A killed figure of unknown definition is a mixture of count and confirmed (two targets); both
   * filters count both, reproduce them on the rerun, give the same bytes on 1 and 3 threads, and
   * report the figure's mean under the mixture.
   */
  @Test
  void mixtureFiguresKeepBothFiltersThreadIndependent() {
    CompiledModel model = model();
    List<ObservationRecord> figures =
        List.of(
            returned(2, "2017-05", "2017-06", "FRA", 330, 330),
            TestFigures.monthly(
                3, "2017-06", "2017-07", "country", "TUN", ObservedMeasure.KILLED, 40, 60));
    Assimilation.Plan plan =
        Assimilation.plan(
            model, figures, AS_OF, Publication.AS_WRITTEN, id -> SourceType.PRESS, Map.of());
    assertEquals(2, plan.used().size(), plan.setAside().toString());
    assertEquals(3, plan.targets().size());
    assertEquals(1, plan.firstTarget(1));
    assertEquals("count=0.25|confirmed=0.75", plan.used().get(1).definition());
    for (Assimilation.Filter filter : Assimilation.Filter.values()) {
      Assimilation.Result one = run(model, plan, 1, filter);
      Assimilation.Result three = run(model, plan, 3, filter);
      assertArrayEquals(one.summary().toBytes(), three.summary().toBytes());
      assertArrayEquals(one.chosen(), three.chosen());
      assertEquals(3, one.prior().length);
      double[] means = new double[3];
      for (int t = 0; t < 3; t++) {
        for (double x : one.prior()[t]) {
          means[t] += x / one.particles();
        }
      }
      double mixture = 0.25 * means[1] + 0.75 * FigureDefinitions.CONFIRMED_DEATH_SHARE * means[2];
      assertEquals(mixture, plan.figureMeans(means)[1], 1e-9);
      assertEquals(means[1], means[2], 1e-9, "both alternatives count the same deaths");
    }
  }

  private static Assimilation.Result run(
      CompiledModel model, Assimilation.Plan plan, int threads, Assimilation.Filter filter) {
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
        filter,
        null);
  }

  private static CompiledModel model() {
    return new CompiledModel(TestScenarios.calibratable(0.2));
  }

  private static ObservationRecord killed(int line, Integer low, Integer high) {
    return TestFigures.monthly(
        line, "2017-05", "2017-06", "country", "FRA", ObservedMeasure.KILLED, low, high);
  }

  private static ObservationRecord returned(
      int line, String month, String published, String country, Integer low, Integer high) {
    return TestFigures.monthly(
        line, month, published, "country", country, ObservedMeasure.RETURNED, low, high);
  }
}
