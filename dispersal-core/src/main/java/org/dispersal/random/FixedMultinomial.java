package org.dispersal.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * One probability vector of {@link Multinomial} prepared for many draws with different n: every
 * draw is exactly {@link Multinomial#sample(UniformRandomProvider, int, double[], int, int[],
 * DoubleMemo)}'s (the same uniforms, the same counts), with the sum of the probabilities, the last
 * category of positive probability and the "who leaves" binomial's own quantities ({@link
 * FixedBinomial}) computed once when the vector is {@link #set} instead of once per draw.
 *
 * <p>The cohort engine keeps one per transition row: the cohorts of a row class draw from the same
 * rows in a month. Reusable and not thread-safe: one per engine, as its rows are.
 */
public final class FixedMultinomial {

  private final FixedBinomial leave = new FixedBinomial();
  private double[] probs;
  private int count;
  private double total;
  private int last = -1;

  /** Creates a sampler; {@link #set} its probabilities before the first draw. */
  public FixedMultinomial() {}

  /**
   * Sets the probabilities of the next draws: the first {@code count} entries of {@code probs},
   * non-negative and summing to at most 1, read now and at every draw (so not to be changed until
   * the next {@code set}).
   *
   * @return this sampler
   */
  public FixedMultinomial set(double[] probs, int count) {
    double sum = 0.0;
    int lastPositive = -1;
    for (int j = 0; j < count; j++) {
      double p = probs[j];
      if (p > 0.0) {
        sum += p;
        lastPositive = j;
      }
    }
    this.probs = probs;
    this.count = count;
    total = sum;
    last = lastPositive;
    if (lastPositive >= 0 && sum < 1.0) {
      leave.set(sum);
    }
    return this;
  }

  /**
   * Draws one multinomial vector of n people, as {@code Multinomial.sample(rng, n, probs, count,
   * out, logOfStay)} does; when nobody leaves (the result is n) it returns without writing {@code
   * out}.
   *
   * @param rng the caller's random stream
   * @param n number of people to distribute, at least 0
   * @param out receives the count of each explicit category (first {@code count} entries) when
   *     someone leaves
   * @param logOfStay a memo of log(1 - p) for the binomials among the leavers ({@link
   *     Binomial#logOfStayMemo}), or null
   * @return the number left in the implicit remainder category
   */
  public int sample(UniformRandomProvider rng, int n, int[] out, DoubleMemo logOfStay) {
    if (last < 0 || n == 0) {
      return n;
    }
    int leavers = total >= 1.0 ? n : leave.sample(rng, n);
    if (leavers == 0) {
      return n;
    }
    java.util.Arrays.fill(out, 0, count, 0);
    return Multinomial.place(rng, n, leavers, probs, last, total, out, logOfStay);
  }
}
