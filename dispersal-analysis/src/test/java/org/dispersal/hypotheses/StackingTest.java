package org.dispersal.hypotheses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class StackingTest {

  private static double[][] rows(int n1, double[] a, int n2, double[] b) {
    double[][] out = new double[n1 + n2][];
    for (int i = 0; i < n1 + n2; i++) {
      double[] p = i < n1 ? a : b;
      out[i] = new double[] {Math.log(p[0]), Math.log(p[1])};
    }
    return out;
  }

  /**
   * Three figures with p = (2, 1) and two with p = (1, 2): the objective 3 ln(1 + w) + 2 ln(2 − w)
   * has its maximum where 3/(1 + w) = 2/(2 − w), at w = 0.8.
   */
  @Test
  void findsAnInteriorOptimum() {
    Stacking.Weights w =
        Stacking.fit(rows(3, new double[] {2, 1}, 2, new double[] {1, 2}), new double[] {1, 1});
    assertArrayEquals(new double[] {0.8, 0.2}, w.weights(), 1e-6);
    assertEquals(5, w.figures());
    assertEquals(3 * Math.log(1.8) + 2 * Math.log(1.2), w.objective(), 1e-9);
  }

  /** Each figure possible under one hypothesis only: the weights are the shares of the figures. */
  @Test
  void exclusiveFiguresGiveTheirShares() {
    double ninf = Double.NEGATIVE_INFINITY;
    double[][] logP = {{0, ninf, ninf}, {0, ninf, ninf}, {ninf, -3, ninf}, {ninf, ninf, -7}};
    Stacking.Weights w = Stacking.fit(logP, new double[] {1, 1, 1});
    assertArrayEquals(new double[] {0.5, 0.25, 0.25}, w.weights(), 1e-9);
  }

  /** Two figures (2, 1) and one (1, 2): 2/(1 + w) > 1/(2 − w) on all of [0, 1], so w = 1. */
  @Test
  void reachesABoundaryOptimum() {
    Stacking.Weights w =
        Stacking.fit(rows(2, new double[] {2, 1}, 1, new double[] {1, 2}), new double[] {1, 1});
    assertEquals(1.0, w.weights()[0], 1e-4);
  }

  /**
   * The fitted weights beat every other point of the simplex tried, and shifting a row's logs
   * changes nothing.
   */
  @Test
  void beatsRandomWeightsAndIgnoresPerFigureConstants() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(15L);
    int n = 60;
    int k = 4;
    double[][] logP = new double[n][k];
    double[][] shifted = new double[n][k];
    for (int i = 0; i < n; i++) {
      double c = -500 * rng.nextDouble();
      for (int j = 0; j < k; j++) {
        logP[i][j] = -3 * rng.nextDouble() - (j == i % k ? 0 : 1);
        shifted[i][j] = logP[i][j] + c;
      }
    }
    Stacking.Weights fit = Stacking.fit(logP, new double[] {1, 1, 1, 1});
    assertArrayEquals(
        fit.weights(), Stacking.fit(shifted, new double[] {1, 2, 3, 4}).weights(), 1e-6);
    double[][] p = new double[n][k];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        p[i][j] = Math.exp(logP[i][j]);
      }
    }
    double best = Stacking.objective(p, fit.weights());
    assertEquals(fit.objective(), best, 1e-9);
    for (int t = 0; t < 2000; t++) {
      double[] w = new double[k];
      double s = 0;
      for (int j = 0; j < k; j++) {
        w[j] = -Math.log(rng.nextDouble());
        s += w[j];
      }
      for (int j = 0; j < k; j++) {
        w[j] /= s;
      }
      assertTrue(Stacking.objective(p, w) <= best + 1e-12);
    }
  }

  @Test
  void refusesBadInput() {
    assertThrows(
        IllegalArgumentException.class, () -> Stacking.fit(new double[0][], new double[] {1}));
    double ninf = Double.NEGATIVE_INFINITY;
    assertThrows(
        IllegalArgumentException.class,
        () -> Stacking.fit(new double[][] {{ninf, ninf}}, new double[] {1, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Stacking.fit(new double[][] {{Double.NaN, 0}}, new double[] {1, 1}));
  }

  /**
   * Regularised stacking: ten figures possible only under the first hypothesis and a prior (½, ½)
   * with the strength of ten figures maximise 10 ln w + 10(½ ln w + ½ ln(1 − w)), at w = 15/20.
   */
  @Test
  void aDirichletPriorKeepsTheCornerOpen() {
    double[][] logP = new double[10][];
    for (int i = 0; i < 10; i++) {
      logP[i] = new double[] {Math.log(0.3), Double.NEGATIVE_INFINITY};
    }
    assertEquals(1.0, Stacking.fit(logP, new double[] {1, 1}).weights()[0], 1e-6);
    Stacking.Weights w = Stacking.fit(logP, new double[] {1, 1}, 10);
    assertEquals(0.75, w.weights()[0], 1e-9);
    assertEquals(0.25, w.weights()[1], 1e-9);
  }

  /**
   * Figures that no hypothesis forecasts better than another leave the prior weights as they are.
   */
  @Test
  void uninformativeFiguresLeaveThePrior() {
    double[][] logP = new double[40][];
    for (int i = 0; i < 40; i++) {
      logP[i] = new double[] {-3 - i * 0.01, -3 - i * 0.01, -3 - i * 0.01};
    }
    Stacking.Weights w = Stacking.fit(logP, new double[] {0.5, 0.3, 0.2}, Stacking.PRIOR_STRENGTH);
    assertArrayEquals(new double[] {0.5, 0.3, 0.2}, w.weights(), 1e-9);
  }

  /** The regularised fit is at least as good, on its own objective, as 2,000 random weights. */
  @Test
  void regularisedFitBeatsRandomWeights() {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(20170213L);
    double[][] logP = new double[30][4];
    for (double[] row : logP) {
      for (int j = 0; j < 4; j++) {
        row[j] = -5 + 3 * rng.nextDouble() + (j == 2 ? 0.8 : 0);
      }
    }
    double[] prior = {0.4, 0.3, 0.2, 0.1};
    Stacking.Weights fit = Stacking.fit(logP, prior, 10);
    double[][] p = new double[30][4];
    for (int i = 0; i < 30; i++) {
      for (int j = 0; j < 4; j++) {
        p[i][j] = Math.exp(logP[i][j]);
      }
    }
    double best = Stacking.objective(p, fit.weights(), prior, 10);
    for (int t = 0; t < 2000; t++) {
      double[] w = new double[4];
      double total = 0;
      for (int j = 0; j < 4; j++) {
        w[j] = -Math.log(rng.nextDouble());
        total += w[j];
      }
      for (int j = 0; j < 4; j++) {
        w[j] /= total;
      }
      assertTrue(Stacking.objective(p, w, prior, 10) <= best + 1e-9);
    }
    for (double v : fit.weights()) {
      assertTrue(v > 0);
    }
  }
}
