package org.dispersal.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Exact multinomial sampling by the conditional-binomial method.
 *
 * <p>The categories are drawn in order: x_j ~ Bin(n - x_1 - ... - x_{j-1}, p_j / (1 - p_1 - ... -
 * p_{j-1})). The probabilities may sum to less than one; the remainder is an implicit last category
 * ("stays where it is") whose count is n minus the sum of the returned counts.
 */
public final class Multinomial {

  private Multinomial() {}

  /**
   * Draws one multinomial vector.
   *
   * @param rng the caller's random stream
   * @param n number of people to distribute
   * @param probs probability of each explicit category; non-negative, summing to at most 1
   * @param count how many leading entries of {@code probs} to use
   * @param out receives the count for each explicit category (first {@code count} entries)
   * @return the number left in the implicit remainder category
   */
  public static int sample(UniformRandomProvider rng, int n, double[] probs, int count, int[] out) {
    return sample(rng, n, probs, count, out, null);
  }

  /**
   * Draws one multinomial vector exactly as {@link #sample(UniformRandomProvider, int, double[],
   * int, int[])} does, with the binomials' logarithms from a memo ({@link Binomial#logOfStayMemo})
   * when one is given.
   */
  public static int sample(
      UniformRandomProvider rng,
      int n,
      double[] probs,
      int count,
      int[] out,
      DoubleMemo logOfStay) {
    int remaining = n;
    double mass = 1.0;
    for (int j = 0; j < count; j++) {
      if (remaining == 0) {
        out[j] = 0;
        continue;
      }
      double p = probs[j];
      int x;
      if (p <= 0.0) {
        x = 0;
      } else if (p >= mass) {
        x = remaining;
      } else {
        x = Binomial.sample(rng, remaining, p / mass, logOfStay);
      }
      out[j] = x;
      remaining -= x;
      mass -= p;
    }
    return remaining;
  }
}
