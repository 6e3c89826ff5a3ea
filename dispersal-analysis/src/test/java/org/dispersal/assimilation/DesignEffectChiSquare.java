package org.dispersal.assimilation;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The filters' statistical check shared by their tests: Pearson's statistic of a weighted,
 * resampled sample against an exact law, over cells merged to expect at least 5, divided by the
 * design effect (N / ESS + 1) that resampling adds.
 */
final class DesignEffectChiSquare {

  private DesignEffectChiSquare() {}

  /** The p-value of the observed counts against the exact probabilities. */
  static double pValue(double[] probs, long[] observed, double designEffect) {
    long total = 0;
    for (long o : observed) {
      total += o;
    }
    List<double[]> cells = new ArrayList<>();
    double e = 0;
    double o = 0;
    for (int k = 0; k < probs.length; k++) {
      e += probs[k] * total;
      o += observed[k];
      if (e >= 5) {
        cells.add(new double[] {e, o});
        e = 0;
        o = 0;
      }
    }
    if (e > 0 || o > 0) {
      double[] last = cells.get(cells.size() - 1);
      last[0] += e;
      last[1] += o;
    }
    double x2 = 0;
    for (double[] c : cells) {
      x2 += (c[1] - c[0]) * (c[1] - c[0]) / c[0];
    }
    return ChiSquaredDistribution.of(cells.size() - 1).survivalProbability(x2 / designEffect);
  }
}
