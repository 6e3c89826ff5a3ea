package org.dispersal.hypotheses;

/**
 * Splits a number of replications among hypotheses in proportion to their weights by the
 * largest-remainder (Hamilton) method: each gets the whole part of its quota N·w<sub>i</sub>, and
 * the replications left over go one each to the largest fractional parts (ties to the earlier
 * hypothesis). The parts always add up to N, and no part is more than one away from its quota.
 */
public final class Allocation {

  private Allocation() {}

  /**
   * Allocates {@code total} among the weights.
   *
   * @param weights non-negative, not all zero (normalised here)
   * @param total the number to split, at least 0
   * @return the parts, in weight order, summing to total
   */
  public static int[] largestRemainder(double[] weights, int total) {
    if (total < 0) {
      throw new IllegalArgumentException("cannot allocate a negative number, " + total);
    }
    double sum = 0;
    for (double w : weights) {
      if (!(w >= 0) || !Double.isFinite(w)) {
        throw new IllegalArgumentException("weights must be finite and non-negative, not " + w);
      }
      sum += w;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("at least one weight must be positive");
    }
    int[] parts = new int[weights.length];
    double[] remainder = new double[weights.length];
    int given = 0;
    for (int i = 0; i < weights.length; i++) {
      double quota = total * (weights[i] / sum);
      parts[i] = (int) Math.floor(quota);
      remainder[i] = quota - parts[i];
      given += parts[i];
    }
    for (int left = total - given; left > 0; left--) {
      int best = -1;
      for (int i = 0; i < weights.length; i++) {
        if (weights[i] > 0 && (best < 0 || remainder[i] > remainder[best])) {
          best = i;
        }
      }
      parts[best]++;
      remainder[best] = -1;
    }
    return parts;
  }
}
