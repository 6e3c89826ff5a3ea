package org.dispersal.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The screening statistic: the largest |Spearman ρ| of a parameter with any simulated figure. */
class SpearmanScreeningTest {

  /**
   * Reference values from scipy 1.17.1, {@code scipy.stats.spearmanr} (average ranks for ties):
   * ρ(a, b1) = 0.6666937223947137, ρ(a, b2) = -0.8829187134416479; tolerance 1e-12.
   */
  @Test
  void matchesScipyWithTies() {
    double[] a = {0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.5};
    double[] b1 = {3, 1, 2, 7, 2, 9, 4};
    double[] b2 = {10, 9, 9, 1, 8, 0, 5};
    double[][] theta = new double[a.length][];
    double[][] x = new double[a.length][];
    double[][] onlyFirst = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      theta[i] = new double[] {a[i]};
      x[i] = new double[] {b1[i], b2[i], 4.0};
      onlyFirst[i] = new double[] {b1[i], 4.0};
    }
    assertThat(ModelCalibration.maxAbsSpearman(theta, x, 0))
        .isCloseTo(0.8829187134416479, within(1e-12));
    assertThat(ModelCalibration.maxAbsSpearman(theta, onlyFirst, 0))
        .isCloseTo(0.6666937223947137, within(1e-12));
  }
}
