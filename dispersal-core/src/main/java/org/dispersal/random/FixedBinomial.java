package org.dispersal.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Binomial(n, p) for one p and many n: every draw is exactly {@link Binomial#sample(
 * UniformRandomProvider, int, double)}'s (the same uniforms, the same result), with the quantities
 * that depend on p alone computed once per p instead of once per draw: 1 - p, p / (1 - p), log(1 -
 * p), and the powers (1 - p)^n that are P(X = 0) for n up to 16, multiplied in the same order as
 * the plain sampler does.
 *
 * <p>The cohort engine keeps one per transition row for its "who leaves" draw: the cohorts of a row
 * class draw from the same row with different stocks in the same month. Reusable ({@link #set}
 * starts a new p) and not thread-safe: one per engine, as its rows are.
 */
public final class FixedBinomial {

  private double p = Double.NaN;
  private boolean upper;
  private double low;
  private double q;
  private double odds;
  private double logOfStay;
  private final double[] zero = new double[Binomial.POWERS + 1];
  private int known;

  /** Creates a sampler; {@link #set} its probability before the first draw. */
  public FixedBinomial() {}

  /**
   * Sets the success probability for the next draws (a probability with the same bits as the last
   * one keeps what was computed for it).
   *
   * @param p success probability in [0, 1]
   * @return this sampler
   */
  public FixedBinomial set(double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("binomial needs p in [0,1]: p=" + p);
    }
    if (Double.doubleToRawLongBits(p) == Double.doubleToRawLongBits(this.p)) {
      return this;
    }
    this.p = p;
    upper = p > 0.5;
    low = upper ? 1.0 - p : p;
    q = 1.0 - low;
    odds = low / q;
    logOfStay = Double.NaN;
    known = 0;
    return this;
  }

  /** The success probability last {@link #set}. */
  public double p() {
    return p;
  }

  /**
   * Draws one variate, as {@code Binomial.sample(rng, n, p())} does.
   *
   * @param rng the caller's random stream
   * @param n number of trials, at least 0
   */
  public int sample(UniformRandomProvider rng, int n) {
    if (n < 0 || p != p) {
      throw new IllegalArgumentException("binomial needs n >= 0 and a p: n=" + n + " p=" + p);
    }
    if (n == 0 || p == 0.0) {
      return 0;
    }
    if (p == 1.0) {
      return n;
    }
    int x =
        n * low < Binomial.INVERSION_LIMIT
            ? Binomial.inversion(rng, n, odds, zeroProbability(n))
            : Binomial.btrs(rng, n, low);
    return upper ? n - x : x;
  }

  /** P(X = 0) = q^n, with the bits of {@code Binomial}'s computation of it. */
  private double zeroProbability(int n) {
    if (n <= Binomial.POWERS) {
      if (known == 0) {
        zero[1] = q;
        known = 1;
      }
      while (known < n) {
        zero[known + 1] = zero[known] * q;
        known++;
      }
      return zero[n];
    }
    if (logOfStay != logOfStay) {
      logOfStay = Math.log1p(-low);
    }
    return Math.exp(n * logOfStay);
  }
}
