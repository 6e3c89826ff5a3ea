package org.dispersal.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.model.Prior;
import org.dispersal.random.Binomial;
import org.dispersal.random.RandomStreams;
import org.dispersal.random.RandomStreams.Purpose;
import org.dispersal.scoring.ObservedRange;
import org.junit.jupiter.api.Test;

/**
 * Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari &amp; Gelman, arXiv 1804.06788,
 * 2018) of {@link AbcSmc} on a model whose exact posterior is known in form: a count y ~
 * Binomial(40, θ) with θ ~ uniform(0, 1), observed as a point. For each of M = 60 data sets, draw
 * θ* from the prior, simulate y, calibrate, and check where θ* falls in the posterior. If the
 * posterior is right, θ* lies inside the central 50% and 90% intervals with probabilities 0.5 and
 * 0.9 and its posterior rank is uniform.
 *
 * <p>False-alarm rates: the 90% coverage count is Binomial(60, 0.9) under a correct posterior; the
 * test accepts 47..60 (P(X ≤ 46) ≈ 0.004). The 50% count is Binomial(60, 0.5); the test accepts
 * 19..41 (two-sided false alarm ≈ 0.005). Ranks in 5 bins: chi-square with 4 degrees of freedom
 * below 18.5 (false alarm 0.001). Seeds are fixed, so the default build is deterministic.
 */
class AbcSmcTest {

  private static final int TRIALS = 40;

  @Test
  void posteriorIntervalsCoverTheTruthAtTheAdvertisedRate() {
    int m = 60;
    int in50 = 0;
    int in90 = 0;
    int[] bins = new int[5];
    for (int rep = 0; rep < m; rep++) {
      UniformRandomProvider truthRng = RandomStreams.stream(99, rep, Purpose.PARAMETERS);
      double theta = truthRng.nextDouble();
      int y = Binomial.sample(truthRng, TRIALS, theta);
      long simSeed = 1234 + rep;
      AbcSmc.Result r =
          AbcSmc.run(
              List.of(new Prior.Uniform(0, 1)),
              List.of(new ObservedRange(y, y)),
              () ->
                  (t, sim) ->
                      new double[] {
                        Binomial.sample(
                            RandomStreams.stream(simSeed, sim, Purpose.DYNAMICS), TRIALS, t[0])
                      },
              new AbcSmc.Settings(300, 6000, 0.5, 1, 555 + rep));
      Posterior p = new Posterior(List.of("theta"), r.particles(), r.weights());
      if (theta >= p.quantile(0, 0.25) && theta <= p.quantile(0, 0.75)) {
        in50++;
      }
      if (theta >= p.quantile(0, 0.05) && theta <= p.quantile(0, 0.95)) {
        in90++;
      }
      double rank = 0;
      for (int i = 0; i < r.weights().length; i++) {
        rank += r.particles()[i][0] < theta ? r.weights()[i] : 0;
      }
      bins[Math.min(4, (int) (rank * 5))]++;
    }
    assertThat(in90).isBetween(47, 60);
    assertThat(in50).isBetween(19, 41);
    double chi = 0;
    for (int b : bins) {
      chi += (b - m / 5.0) * (b - m / 5.0) / (m / 5.0);
    }
    assertThat(chi).isLessThan(18.5);
  }

  @Test
  void sameSeedSameResultWhateverTheThreads() {
    AbcSmc.Simulator sim =
        (t, s) ->
            new double[] {t[0] + t[1] + RandomStreams.stream(3, s, Purpose.DYNAMICS).nextDouble()};
    List<Prior> priors = List.of(new Prior.Uniform(0, 2), new Prior.LogUniform(0.01, 1));
    List<ObservedRange> obs = List.of(new ObservedRange(1.4, 1.6));
    AbcSmc.Result one =
        AbcSmc.run(priors, obs, () -> sim, new AbcSmc.Settings(200, 3000, 0.5, 1, 9));
    AbcSmc.Result two =
        AbcSmc.run(priors, obs, () -> sim, new AbcSmc.Settings(200, 3000, 0.5, 2, 9));
    assertThat(two.particles()).isDeepEqualTo(one.particles());
    assertThat(two.weights()).containsExactly(one.weights());
    assertThat(one.generations()).hasSizeGreaterThan(1);
    // a tolerance of 0 means every particle reproduces the range
    AbcSmc.Generation last = one.generations().get(one.generations().size() - 1);
    assertThat(last.epsilon()).isLessThan(one.generations().get(1).epsilon() + 1e-12);
  }
}
