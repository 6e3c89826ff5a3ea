package org.dispersal.random;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Exact sampling from the binomial distribution Bin(n, p).
 *
 * <p>For small means (n·min(p, 1-p) &lt; 10) the sampler inverts the cumulative distribution by
 * sequential search from zero; otherwise it uses the BTRS transformed-rejection algorithm with
 * squeeze of W. Hörmann, "The generation of binomial random variates", Journal of Statistical
 * Computation and Simulation 46 (1993) 101-110. Both are exact up to floating-point rounding: no
 * normal or Poisson approximation is used, so a cohort of n people behaves like n independent
 * people.
 */
public final class Binomial {

  /** Below this mean n·min(p, 1 - p), inversion; from it on, BTRS. */
  static final double INVERSION_LIMIT = 10.0;

  private Binomial() {}

  /**
   * Draws one variate.
   *
   * @param rng the caller's random stream
   * @param n number of trials, at least 0
   * @param p success probability in [0, 1]
   * @return the number of successes
   */
  public static int sample(UniformRandomProvider rng, int n, double p) {
    return sample(rng, n, p, null);
  }

  /**
   * Draws one variate exactly as {@link #sample(UniformRandomProvider, int, double)} does (the same
   * uniforms, the same result), taking log(1 - p) for P(X = 0) from a memo of {@code x ->
   * Math.log1p(-x)} when one is given ({@link #logOfStayMemo}), so repeated probabilities do not
   * pay for the logarithm again.
   *
   * @param logOfStay a memo made by {@link #logOfStayMemo}, or null to compute every time
   */
  public static int sample(UniformRandomProvider rng, int n, double p, DoubleMemo logOfStay) {
    if (n < 0 || !(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException(
          "binomial needs n >= 0 and p in [0,1]: n=" + n + " p=" + p);
    }
    if (n == 0 || p == 0.0) {
      return 0;
    }
    if (p == 1.0) {
      return n;
    }
    if (p > 0.5) {
      return n - sampleLowerHalf(rng, n, 1.0 - p, logOfStay);
    }
    return sampleLowerHalf(rng, n, p, logOfStay);
  }

  /**
   * A memo of {@code x -> Math.log1p(-x)} for {@link #sample(UniformRandomProvider, int, double,
   * DoubleMemo)}, one per thread.
   *
   * @param slots its number of slots, a power of two
   */
  public static DoubleMemo logOfStayMemo(int slots) {
    return new DoubleMemo(x -> Math.log1p(-x), slots);
  }

  private static int sampleLowerHalf(
      UniformRandomProvider rng, int n, double p, DoubleMemo logOfStay) {
    if (n * p < INVERSION_LIMIT) {
      return inversion(rng, n, p, logOfStay);
    }
    return btrs(rng, n, p);
  }

  private static int inversion(UniformRandomProvider rng, int n, double p, DoubleMemo logOfStay) {
    double q = 1.0 - p;
    return inversion(rng, n, p / q, zeroProbability(n, q, p, logOfStay));
  }

  /**
   * Inversion by sequential search from zero for p at most one half, given s = p / (1 - p) and r =
   * P(X = 0) = (1 - p)^n.
   */
  static int inversion(UniformRandomProvider rng, int n, double s, double r) {
    double a = (n + 1) * s;
    while (true) {
      double f = r;
      double u = rng.nextDouble();
      int x = 0;
      while (u > f) {
        u -= f;
        x++;
        if (x > n) {
          break;
        }
        f *= a / x - s;
      }
      if (x <= n) {
        return x;
      }
      // Rounding left a sliver of mass above n: start again rather than return an impossible
      // value.
    }
  }

  /** P(X = 0) = q^n: by repeated multiplication for small n (cheap), else exp(n log1p(-p)). */
  private static double zeroProbability(int n, double q, double p, DoubleMemo logOfStay) {
    if (n <= POWERS) {
      double r = q;
      for (int i = 1; i < n; i++) {
        r *= q;
      }
      return r;
    }
    return Math.exp(n * (logOfStay == null ? Math.log1p(-p) : logOfStay.apply(p)));
  }

  /** Up to this n, P(X = 0) = q^n is a product of n factors q, multiplied from the left. */
  static final int POWERS = 16;

  static int btrs(UniformRandomProvider rng, int n, double p) {
    double q = 1.0 - p;
    double spq = Math.sqrt(n * p * q);
    double b = 1.15 + 2.53 * spq;
    double a = -0.0873 + 0.0248 * b + 0.01 * p;
    double c = n * p + 0.5;
    double vr = 0.92 - 4.2 / b;
    double alpha = (2.83 + 5.1 / b) * spq;
    double lpq = Math.log(p / q);
    double m = Math.floor((n + 1) * p);
    int mode = (int) m;
    double h = logFactorial(mode) + logFactorial(n - mode);
    while (true) {
      double u = rng.nextDouble() - 0.5;
      double v = rng.nextDouble();
      double us = 0.5 - Math.abs(u);
      double k = Math.floor((2 * a / us + b) * u + c);
      if (k < 0 || k > n) {
        continue;
      }
      if (us >= 0.07 && v <= vr) {
        return (int) k;
      }
      v = Math.log(v * alpha / (a / (us * us) + b));
      int j = (int) k;
      if (v <= h - logFactorial(j) - logFactorial(n - j) + (k - m) * lpq) {
        return (int) k;
      }
    }
  }

  /**
   * ln(j!) for j &gt;= 0: exactly {@code LogGamma.value(j + 1)} (the same bits, the value BTRS has
   * always used), from a table for small j. Commons Numbers allocates a coefficient array on every
   * call with an argument of 100 or more, which made BTRS the engine's largest source of garbage
   * after its generators.
   */
  static double logFactorial(int j) {
    return j < LogFactorials.SIZE ? LogFactorials.VALUES[j] : LogGamma.value(j + 1.0);
  }

  /** The table of {@link #logFactorial}, built by the first BTRS draw (the holder idiom). */
  private static final class LogFactorials {

    /**
     * Its size: 512 KB, every j of a Binomial(n, p) with n below it. The default forecast's BTRS
     * draws all have n below 2^14.
     */
    static final int SIZE = 1 << 16;

    static final double[] VALUES = new double[SIZE];

    static {
      for (int j = 0; j < SIZE; j++) {
        VALUES[j] = LogGamma.value(j + 1.0);
      }
    }
  }
}
