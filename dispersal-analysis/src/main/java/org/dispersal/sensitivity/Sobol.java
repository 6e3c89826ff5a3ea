package org.dispersal.sensitivity;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Sobol' first-order and total-effect indices by Saltelli sampling with the Jansen estimators
 * (Saltelli, Annoni, Azzini, Campolongo, Ratto &amp; Tarantola, Comput. Phys. Commun. 181, 2010,
 * Table 2, estimators (b) and (f); Jansen, Comput. Phys. Commun. 117, 1999).
 *
 * <p>Two independent N × k sample matrices A and B are drawn in the unit hypercube; A_B^(i) is A
 * with column i taken from B. With f evaluated on the N(k + 2) rows,
 *
 * <pre>
 *   V     = Var(f(A) ∪ f(B))
 *   S_i   = (V − ½ mean_j (f(B)_j − f(A_B^(i))_j)²) / V
 *   S_Ti  = ½ mean_j (f(A)_j − f(A_B^(i))_j)² / V
 * </pre>
 *
 * <p>Confidence intervals come from a bootstrap over the N rows (percentile intervals, Archer,
 * Saltelli &amp; Sobol', J. Stat. Comput. Simul. 58, 1997). A and B are either the first and last k
 * coordinates of a 2k-dimensional Sobol' low-discrepancy sequence (Sobol' 1967, direction numbers
 * of Joe &amp; Kuo 2008, via Hipparchus), as Saltelli et al. (2010) recommend, skipping the first
 * point (all zeros), or plain Monte Carlo draws. The bootstrap resamples rows as if they were
 * independent, which is exact for Monte Carlo and conservative for the quasi-random design.
 */
public final class Sobol {

  private Sobol() {}

  /**
   * Indices of one input with their bootstrap intervals.
   *
   * @param first S_i
   * @param firstLow lower end of its interval
   * @param firstHigh upper end
   * @param total S_Ti
   * @param totalLow lower end of its interval
   * @param totalHigh upper end
   */
  public record Index(
      double first,
      double firstLow,
      double firstHigh,
      double total,
      double totalLow,
      double totalHigh) {}

  /** How the base matrices A and B are sampled. */
  public enum Sampling {
    /** A 2k-dimensional Sobol' sequence (the default). */
    SOBOL_SEQUENCE,
    /** Independent uniform draws. */
    MONTE_CARLO
  }

  /**
   * The Saltelli design with Monte Carlo base matrices: rows of A, then B, then A_B^(1) … A_B^(k),
   * N rows each.
   *
   * @param n N, base sample size
   * @param k number of inputs
   * @param rng randomness
   */
  public static double[][] design(int n, int k, UniformRandomProvider rng) {
    return design(n, k, Sampling.MONTE_CARLO, rng);
  }

  /**
   * The Saltelli design: rows of A, then B, then A_B^(1) … A_B^(k), N rows each.
   *
   * @param n N, base sample size
   * @param k number of inputs
   * @param sampling how A and B are drawn
   * @param rng randomness (Monte Carlo only)
   */
  public static double[][] design(int n, int k, Sampling sampling, UniformRandomProvider rng) {
    double[][] a = new double[n][k];
    double[][] b = new double[n][k];
    org.hipparchus.random.SobolSequenceGenerator seq =
        sampling == Sampling.SOBOL_SEQUENCE
            ? new org.hipparchus.random.SobolSequenceGenerator(2 * k)
            : null;
    if (seq != null) {
      seq.nextVector();
    }
    for (int j = 0; j < n; j++) {
      if (seq != null) {
        double[] v = seq.nextVector();
        System.arraycopy(v, 0, a[j], 0, k);
        System.arraycopy(v, k, b[j], 0, k);
        continue;
      }
      for (int i = 0; i < k; i++) {
        a[j][i] = rng.nextDouble();
      }
      for (int i = 0; i < k; i++) {
        b[j][i] = rng.nextDouble();
      }
    }
    double[][] rows = new double[n * (k + 2)][];
    for (int j = 0; j < n; j++) {
      rows[j] = a[j];
      rows[n + j] = b[j];
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < n; j++) {
        double[] x = a[j].clone();
        x[i] = b[j][i];
        rows[(2 + i) * n + j] = x;
      }
    }
    return rows;
  }

  /**
   * The indices from the outputs of {@link #design}'s rows.
   *
   * @param y outputs in design order
   * @param n N
   * @param k inputs
   * @param bootstrap bootstrap resamples for the intervals (0 for none)
   * @param level confidence level, for example 0.95
   * @param rng randomness for the bootstrap
   */
  public static Index[] analyse(
      double[] y, int n, int k, int bootstrap, double level, UniformRandomProvider rng) {
    int[] all = new int[n];
    for (int j = 0; j < n; j++) {
      all[j] = j;
    }
    double[][] point = estimate(y, n, k, all);
    double[][][] boot = new double[k][2][bootstrap];
    int[] rows = new int[n];
    for (int b = 0; b < bootstrap; b++) {
      for (int j = 0; j < n; j++) {
        rows[j] = rng.nextInt(n);
      }
      double[][] e = estimate(y, n, k, rows);
      for (int i = 0; i < k; i++) {
        boot[i][0][b] = e[i][0];
        boot[i][1][b] = e[i][1];
      }
    }
    Index[] out = new Index[k];
    double lo = (1 - level) / 2;
    for (int i = 0; i < k; i++) {
      double[] f = boot[i][0];
      double[] t = boot[i][1];
      java.util.Arrays.sort(f);
      java.util.Arrays.sort(t);
      out[i] =
          new Index(
              point[i][0],
              bootstrap == 0 ? Double.NaN : pct(f, lo),
              bootstrap == 0 ? Double.NaN : pct(f, 1 - lo),
              point[i][1],
              bootstrap == 0 ? Double.NaN : pct(t, lo),
              bootstrap == 0 ? Double.NaN : pct(t, 1 - lo));
    }
    return out;
  }

  /** Designs (Monte Carlo), evaluates (in one batch) and analyses with a 95% bootstrap. */
  public static Index[] indices(
      int n, int k, int bootstrap, UniformRandomProvider rng, Function<double[][], double[]> f) {
    return indices(n, k, Sampling.MONTE_CARLO, bootstrap, rng, f);
  }

  /** Designs, evaluates (in one batch) and analyses with a 95% bootstrap. */
  public static Index[] indices(
      int n,
      int k,
      Sampling sampling,
      int bootstrap,
      UniformRandomProvider rng,
      Function<double[][], double[]> f) {
    double[][] rows = design(n, k, sampling, rng);
    return analyse(f.apply(rows), n, k, bootstrap, 0.95, rng);
  }

  private static double[][] estimate(double[] y, int n, int k, int[] rows) {
    double mean = 0;
    for (int j : rows) {
      mean += y[j] + y[n + j];
    }
    mean /= 2.0 * rows.length;
    double var = 0;
    for (int j : rows) {
      var += sq(y[j] - mean) + sq(y[n + j] - mean);
    }
    var /= 2.0 * rows.length - 1;
    double[][] e = new double[k][2];
    for (int i = 0; i < k; i++) {
      double first = 0;
      double total = 0;
      for (int j : rows) {
        double abi = y[(2 + i) * n + j];
        first += sq(y[n + j] - abi);
        total += sq(y[j] - abi);
      }
      first /= rows.length;
      total /= rows.length;
      e[i][0] = var == 0 ? 0 : (var - 0.5 * first) / var;
      e[i][1] = var == 0 ? 0 : 0.5 * total / var;
    }
    return e;
  }

  private static double sq(double x) {
    return x * x;
  }

  private static double pct(double[] sorted, double p) {
    int i = (int) Math.round(p * (sorted.length - 1));
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
