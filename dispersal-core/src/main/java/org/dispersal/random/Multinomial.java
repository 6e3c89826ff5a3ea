package org.dispersal.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Exact multinomial sampling: first who leaves, then where the leavers go.
 *
 * <p>The probabilities p_1, ..., p_k may sum to S &lt; 1; the remainder 1 - S is an implicit last
 * category ("stays where it is") whose count is n minus the sum of the returned counts. The sampler
 * draws the number of leavers L ~ Bin(n, S), then splits the L leavers among the categories of
 * positive probability with the multinomial law Mult(L; p_1 / S, ..., p_k / S). This is the
 * multinomial law Mult(n; p_1, ..., p_k, 1 - S) exactly: merging categories of a multinomial gives
 * a multinomial of the merged probabilities, and given the merged count the parts are multinomial
 * over their shares (e.g. C. Walck, "Hand-book on statistical distributions for experimentalists",
 * 2007, section 27). In the cohort engine S is small and the stocks are small, so most draws end at
 * L = 0 with a single binomial instead of one per category.
 *
 * <p>The leavers are split person by person when there are at most {@link #ONE_BY_ONE} of them (one
 * uniform each, inverting the cumulative shares, a categorical draw), otherwise by conditional
 * binomials over the categories in order: x_j ~ Bin(L - x_1 - ... - x_{j-1}, p_j / (S - p_1 - ... -
 * p_{j-1})). Categories of probability 0 are skipped (they draw nothing and get no one), the last
 * category of positive probability takes whoever is left, and the split stops when no one is left.
 */
public final class Multinomial {

  /**
   * Up to this many leavers are placed one at a time (one uniform each); more leavers are split by
   * conditional binomials, whose count of draws does not grow with them.
   */
  static final int ONE_BY_ONE = 3;

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
    double total = 0.0;
    int last = -1;
    for (int j = 0; j < count; j++) {
      out[j] = 0;
      double p = probs[j];
      if (p > 0.0) {
        total += p;
        last = j;
      }
    }
    if (last < 0 || n == 0) {
      return n;
    }
    int leavers = total >= 1.0 ? n : Binomial.sample(rng, n, total, logOfStay);
    return place(rng, n, leavers, probs, last, total, out, logOfStay);
  }

  /**
   * Places the leavers among the categories (their counts in {@code out}, cleared beforehand) and
   * returns how many stay.
   */
  static int place(
      UniformRandomProvider rng,
      int n,
      int leavers,
      double[] probs,
      int last,
      double total,
      int[] out,
      DoubleMemo logOfStay) {
    if (leavers == 0) {
      return n;
    }
    if (leavers <= ONE_BY_ONE) {
      for (int i = 0; i < leavers; i++) {
        out[categorical(rng, probs, last, total)]++;
      }
    } else {
      split(rng, leavers, probs, last, total, out, logOfStay);
    }
    return n - leavers;
  }

  /**
   * One leaver's category: j with probability p_j / total, by inversion of the cumulative
   * probabilities; entries of probability 0 are never chosen, and {@code last} takes the rounding
   * sliver.
   */
  private static int categorical(
      UniformRandomProvider rng, double[] probs, int last, double total) {
    double u = rng.nextDouble() * total;
    for (int j = 0; j < last; j++) {
      u -= probs[j];
      if (u < 0.0) {
        return j;
      }
    }
    return last;
  }

  /** Splits the leavers by conditional binomials over the categories of positive probability. */
  private static void split(
      UniformRandomProvider rng,
      int leavers,
      double[] probs,
      int last,
      double total,
      int[] out,
      DoubleMemo logOfStay) {
    int remaining = leavers;
    double mass = total;
    for (int j = 0; j < last && remaining > 0; j++) {
      double p = probs[j];
      if (p <= 0.0) {
        continue;
      }
      int x = p >= mass ? remaining : Binomial.sample(rng, remaining, p / mass, logOfStay);
      out[j] = x;
      remaining -= x;
      mass -= p;
    }
    out[last] += remaining;
  }
}
