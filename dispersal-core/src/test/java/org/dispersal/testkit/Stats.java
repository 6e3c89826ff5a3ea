package org.dispersal.testkit;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.inference.ChiSquareTest;

/**
 * Statistical assertions for tests of stochastic code against exact distributions.
 *
 * <p>Each assertion is a chi-square goodness-of-fit test at a stated significance level: with a
 * correct sampler, a given fixed seed fails with probability alpha. Tests use fixed seeds so the
 * build is repeatable; the false-alarm rate says how unlucky a seed would have to be.
 */
public final class Stats {

  private Stats() {}

  /**
   * Returns the p-value of a chi-square goodness-of-fit test of observed counts against
   * probabilities, after merging neighbouring cells until each expects at least 5.
   *
   * @param probs the exact probability of each category (summing to 1 within rounding)
   * @param observed the observed count of each category
   */
  public static double chiSquarePValue(double[] probs, long[] observed) {
    long n = 0;
    for (long o : observed) {
      n += o;
    }
    List<double[]> merged = new ArrayList<>();
    double e = 0;
    long o = 0;
    for (int i = 0; i < probs.length; i++) {
      e += probs[i] * n;
      o += observed[i];
      if (e >= 5) {
        merged.add(new double[] {e, o});
        e = 0;
        o = 0;
      }
    }
    if (e > 0 || o > 0) {
      if (merged.isEmpty()) {
        merged.add(new double[] {e, o});
      } else {
        double[] last = merged.get(merged.size() - 1);
        last[0] += e;
        last[1] += o;
      }
    }
    if (merged.size() < 2) {
      return 1.0;
    }
    double[] exp = new double[merged.size()];
    long[] obs = new long[merged.size()];
    for (int i = 0; i < exp.length; i++) {
      exp[i] = merged.get(i)[0];
      obs[i] = (long) merged.get(i)[1];
    }
    return ChiSquareTest.withDefaults().test(exp, obs).getPValue();
  }
}
