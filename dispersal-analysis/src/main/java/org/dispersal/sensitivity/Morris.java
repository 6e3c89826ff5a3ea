package org.dispersal.sensitivity;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Morris elementary-effects screening (Morris, Technometrics 33, 1991) with the μ* measure of
 * Campolongo, Cariboni &amp; Saltelli (Environ. Model. Softw. 22, 2007).
 *
 * <p>Inputs live in the unit hypercube [0,1]^k on a grid of p levels. A trajectory starts at a
 * random grid point whose coordinates all allow a step of Δ = p / (2(p − 1)) up or down, and moves
 * one input at a time, in random order, by ±Δ. Each move gives one elementary effect EE_i = (f(x +
 * e_i Δ) − f(x)) / Δ (signed by the direction). Over r trajectories, μ*_i is the mean of |EE_i|
 * (overall influence) and σ_i their standard deviation (non-linearity or interactions). The cost is
 * r(k + 1) evaluations.
 */
public final class Morris {

  private Morris() {}

  /**
   * The screening result.
   *
   * @param muStar μ*_i, the mean absolute elementary effect
   * @param mu μ_i, the mean elementary effect
   * @param sigma σ_i, the standard deviation of the elementary effects
   * @param evaluations model evaluations used
   */
  public record Result(double[] muStar, double[] mu, double[] sigma, int evaluations) {
    /** Copies the arrays, so the value cannot change after it is made. */
    public Result {
      muStar = muStar.clone();
      mu = mu.clone();
      sigma = sigma.clone();
    }

    /** μ*, the mean absolute elementary effect per parameter (a copy). */
    @Override
    public double[] muStar() {
      return muStar.clone();
    }

    /** μ, the mean elementary effect per parameter (a copy). */
    @Override
    public double[] mu() {
      return mu.clone();
    }

    /** σ, the standard deviation of the elementary effects per parameter (a copy). */
    @Override
    public double[] sigma() {
      return sigma.clone();
    }
  }

  /**
   * Builds the design: r trajectories of k + 1 points each, in evaluation order.
   *
   * @param k number of inputs
   * @param r trajectories
   * @param levels p, an even number of grid levels (4 is usual)
   * @param rng randomness
   * @return points[r·(k+1)][k] in [0, 1]
   */
  public static double[][] design(int k, int r, int levels, UniformRandomProvider rng) {
    if (k < 1 || r < 2 || levels < 2 || levels % 2 != 0) {
      throw new IllegalArgumentException("need k >= 1, r >= 2 and an even number of levels");
    }
    double delta = levels / (2.0 * (levels - 1));
    double[][] points = new double[r * (k + 1)][];
    int half = levels / 2;
    for (int t = 0; t < r; t++) {
      double[] x = new double[k];
      for (int i = 0; i < k; i++) {
        x[i] = rng.nextInt(half) / (double) (levels - 1);
      }
      int[] order = permutation(k, rng);
      boolean[] up = new boolean[k];
      // start each coordinate low or high so that the step stays inside [0, 1]
      for (int i = 0; i < k; i++) {
        up[i] = rng.nextBoolean();
        if (!up[i]) {
          x[i] += delta;
        }
      }
      points[t * (k + 1)] = x.clone();
      for (int s = 0; s < k; s++) {
        int i = order[s];
        x[i] += up[i] ? delta : -delta;
        points[t * (k + 1) + s + 1] = x.clone();
      }
    }
    return points;
  }

  /**
   * Computes μ*, μ and σ from a design and its outputs.
   *
   * @param points the design of {@link #design}
   * @param y the model output at each point
   * @param k number of inputs
   */
  public static Result analyse(double[][] points, double[] y, int k) {
    int r = points.length / (k + 1);
    double[] sumAbs = new double[k];
    double[] sum = new double[k];
    double[] sumSq = new double[k];
    for (int t = 0; t < r; t++) {
      for (int s = 0; s < k; s++) {
        double[] a = points[t * (k + 1) + s];
        double[] b = points[t * (k + 1) + s + 1];
        int i = -1;
        for (int j = 0; j < k; j++) {
          if (a[j] != b[j]) {
            i = j;
            break;
          }
        }
        double step = b[i] - a[i];
        double ee = (y[t * (k + 1) + s + 1] - y[t * (k + 1) + s]) / step;
        sumAbs[i] += Math.abs(ee);
        sum[i] += ee;
        sumSq[i] += ee * ee;
      }
    }
    double[] muStar = new double[k];
    double[] mu = new double[k];
    double[] sigma = new double[k];
    for (int i = 0; i < k; i++) {
      muStar[i] = sumAbs[i] / r;
      mu[i] = sum[i] / r;
      sigma[i] = Math.sqrt(Math.max(0, (sumSq[i] - r * mu[i] * mu[i]) / (r - 1)));
    }
    return new Result(muStar, mu, sigma, points.length);
  }

  /** Designs, evaluates (in one batch) and analyses. */
  public static Result screen(
      int k, int r, int levels, UniformRandomProvider rng, Function<double[][], double[]> f) {
    double[][] points = design(k, r, levels, rng);
    return analyse(points, f.apply(points), k);
  }

  private static int[] permutation(int k, UniformRandomProvider rng) {
    int[] p = new int[k];
    for (int i = 0; i < k; i++) {
      p[i] = i;
    }
    for (int i = k - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
