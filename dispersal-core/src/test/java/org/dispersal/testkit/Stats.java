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
 *
 * <p>A test that cannot fail is refused: with fewer than two cells left after merging (everything
 * expected in one cell, or too few observations) the helpers throw instead of returning p = 1, so a
 * caller must assert a degenerate case exactly or give the test more data.
 */
public final class Stats {

  private Stats() {}

  /**
   * Returns the p-value of a chi-square goodness-of-fit test of observed counts against
   * probabilities, after merging neighbouring cells until each expects at least 5.
   *
   * @param probs the exact probability of each category (summing to 1 within rounding)
   * @param observed the observed count of each category
   * @throws IllegalArgumentException if the arrays differ in length, nothing was observed, or fewer
   *     than two cells remain after merging
   */
  public static double chiSquarePValue(double[] probs, long[] observed) {
    if (probs.length != observed.length) {
      throw new IllegalArgumentException(
          probs.length + " probabilities but " + observed.length + " observed counts");
    }
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
    if (n == 0 || merged.size() < 2) {
      throw new IllegalArgumentException(
          "a chi-square test of "
              + n
              + " observations over "
              + merged.size()
              + " cell(s) after merging cannot fail; assert the case exactly or add data");
    }
    double[] exp = new double[merged.size()];
    long[] obs = new long[merged.size()];
    for (int i = 0; i < exp.length; i++) {
      exp[i] = merged.get(i)[0];
      obs[i] = (long) merged.get(i)[1];
    }
    return ChiSquareTest.withDefaults().test(exp, obs).getPValue();
  }

  /**
   * Returns the p-value of a chi-square test of homogeneity: do two samples of counts come from one
   * distribution? Values are binned (2 × k table) and neighbouring bins merged until each expects
   * at least 5 in the smaller sample.
   *
   * @throws IllegalArgumentException if fewer than two bins remain (for example when both samples
   *     are one constant), where the test cannot fail
   */
  public static double homogeneity(int[] a, int[] b) {
    int max = 0;
    for (int x : a) {
      max = Math.max(max, x);
    }
    for (int x : b) {
      max = Math.max(max, x);
    }
    long[] ha = new long[max + 1];
    long[] hb = new long[max + 1];
    for (int x : a) {
      ha[x]++;
    }
    for (int x : b) {
      hb[x]++;
    }
    double share = (double) a.length / (a.length + b.length);
    List<long[]> bins = new ArrayList<>();
    long ca = 0;
    long cb = 0;
    for (int v = 0; v <= max; v++) {
      ca += ha[v];
      cb += hb[v];
      double n = ca + cb;
      if (n * Math.min(share, 1 - share) >= 5) {
        bins.add(new long[] {ca, cb});
        ca = 0;
        cb = 0;
      }
    }
    if (ca + cb > 0 && !bins.isEmpty()) {
      long[] last = bins.get(bins.size() - 1);
      last[0] += ca;
      last[1] += cb;
    }
    if (bins.size() < 2) {
      throw new IllegalArgumentException(
          "a homogeneity test over "
              + bins.size()
              + " bin(s) after merging cannot fail; assert the case exactly or add data");
    }
    long[][] table = new long[2][bins.size()];
    for (int i = 0; i < bins.size(); i++) {
      table[0][i] = bins.get(i)[0];
      table[1][i] = bins.get(i)[1];
    }
    return ChiSquareTest.withDefaults().test(table).getPValue();
  }
}
