package org.dispersal.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.dispersal.stats.Normal;
import org.dispersal.testkit.Stats;
import org.junit.jupiter.api.Test;

class ReportingModelTest {

  private static final LocalDate AS_OF = LocalDate.of(2017, 2, 13);

  /** Figures drawn from a known reporting model: 150 subjects, four sources each. */
  private static List<ReportedFigure> synthetic(ReportingModel truth, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    List<ReportedFigure> out = new ArrayList<>();
    SourceType[] types = SourceType.values();
    for (int s = 0; s < 150; s++) {
      double latent = Math.exp(4 + 3 * rng.nextDouble());
      for (int k = 0; k < 4; k++) {
        SourceType t = types[rng.nextInt(types.length)];
        out.add(
            new ReportedFigure(
                "country:C" + s + ":all:travelled",
                "S" + k,
                t,
                AS_OF.minusDays(rng.nextInt(200)),
                truth.publish(latent, t, rng)));
      }
    }
    return out;
  }

  @Test
  void recoversTheErrorItsFiguresWereDrawnWith() {
    ReportingModel truth =
        new ReportingModel(
            AS_OF,
            0.3,
            0.05,
            1.5,
            Map.of(SourceType.GOVERNMENT, 0.15, SourceType.PRESS, -0.15),
            0,
            0,
            0);
    ReportingModel fit = ReportingModel.estimate(synthetic(truth, 7), AS_OF);
    assertThat(fit.pairs()).isEqualTo(150 * 6);
    // The robust σ of 900 pairs (weight 450 against 5 pseudo pairs at 0.35) is within ±0.05.
    assertThat(fit.sigma()).isCloseTo(0.3, within(0.05));
    assertThat(fit.grossShare()).isBetween(0.01, 0.12);
    assertThat(fit.grossSigma()).isGreaterThan(3 * fit.sigma() - 1e-9);
    double govMinusPress = fit.bias().get(SourceType.GOVERNMENT) - fit.bias().get(SourceType.PRESS);
    assertThat(govMinusPress).isCloseTo(0.30, within(0.1));
  }

  @Test
  void withoutComparableFiguresItKeepsThePriors() {
    List<ReportedFigure> lonely =
        List.of(
            new ReportedFigure("country:FRA:all:travelled", "A", SourceType.PRESS, AS_OF, 900),
            new ReportedFigure(
                "country:FRA:all:travelled", "B", SourceType.PRESS, AS_OF.minusYears(3), 300),
            new ReportedFigure("country:DEU:all:travelled", "A", SourceType.PRESS, AS_OF, 800));
    ReportingModel fit = ReportingModel.estimate(lonely, AS_OF);
    assertThat(fit.pairs()).isZero();
    assertThat(fit.figures()).isEqualTo(3);
    assertThat(fit.sigma()).isEqualTo(ReportingModel.PRIOR_SIGMA);
    assertThat(fit.bias().values()).containsOnly(0.0);
  }

  /**
   * The log errors of published figures follow the mixture's CDF: chi-square over 12 bins, 20,000
   * draws at a fixed seed, rejected at p &lt; 0.001 (the false-failure rate of this test).
   */
  @Test
  void publishedFiguresFollowTheErrorMixture() {
    ReportingModel m =
        new ReportingModel(AS_OF, 0.3, 0.1, 1.2, Map.of(SourceType.RESEARCH, 0.2), 0, 0, 0);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
    double latent = 20_000;
    double[] y = m.published(new double[] {latent}, SourceType.RESEARCH, rng, 20_000);
    double[] cuts = new double[11];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = 0.9 * Normal.quantile((i + 1) / 12.0);
    }
    long[] counts = new long[12];
    for (double v : y) {
      double e = Math.log1p(v) - Math.log1p(latent) - 0.2;
      int b = 0;
      while (b < cuts.length && e > cuts[b]) {
        b++;
      }
      counts[b]++;
    }
    double[] probs = new double[12];
    double prev = 0;
    for (int i = 0; i < 12; i++) {
      double c = i < cuts.length ? m.errorCdf(cuts[i]) : 1;
      probs[i] = c - prev;
      prev = c;
    }
    assertThat(Stats.chiSquarePValue(probs, counts)).isGreaterThan(0.001);
  }

  @Test
  void publishedFiguresAreWholeAndNotNegative() {
    ReportingModel m = ReportingModel.prior(AS_OF);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
    double[] y = m.published(new double[] {0, 1, 5}, SourceType.PRESS, rng, 500);
    assertThat(y).hasSize(1500);
    for (double v : y) {
      assertThat(v).isGreaterThanOrEqualTo(0).isEqualTo(Math.rint(v));
    }
  }

  @Test
  void classifiesSourcesByWhoSpoke() {
    assertThat(SourceType.classify("French Presidency via imamhussain-fm (Arabic)"))
        .isEqualTo(SourceType.GOVERNMENT);
    assertThat(SourceType.classify("The Soufan Group")).isEqualTo(SourceType.RESEARCH);
    assertThat(SourceType.classify("PST via NTB / Aftenposten")).isEqualTo(SourceType.GOVERNMENT);
    assertThat(SourceType.classify("Irish Independent")).isEqualTo(SourceType.PRESS);
    assertThat(SourceType.classify("Le Soir")).isEqualTo(SourceType.PRESS);
    assertThat(SourceType.classify(null)).isEqualTo(SourceType.PRESS);
  }
}
