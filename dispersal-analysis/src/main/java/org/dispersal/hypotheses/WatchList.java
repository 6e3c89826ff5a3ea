package org.dispersal.hypotheses;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks the indicators still pending by how much they would move the weights: which signposts to
 * watch next (PRIORS 3.2).
 *
 * <p>For an indicator with likelihoods p<sub>i</sub>, under the current weights w it is seen with
 * probability P = &Sigma; w<sub>i</sub> p<sub>i</sub>. If seen (in a report of reliability r) the
 * weights become w<sup>+</sup>, if its window closes without it (with its coverage, or no change if
 * it states none) w<sup>−</sup>, both by {@link OddsUpdate}. The ranking key is the expected shift
 * P·TV(w<sup>+</sup>, w) + (1 − P)·TV(w<sup>−</sup>, w), where TV is the total variation (half the
 * sum of absolute changes, the probability mass that moves between hypotheses). The expected
 * Kullback-Leibler divergence of the new weights from the old, in bits, is given alongside; with r
 * = 1 and full coverage it is the mutual information of {@link Diagnosticity}.
 */
public final class WatchList {

  private WatchList() {}

  /**
   * One indicator to watch.
   *
   * @param indicator the indicator
   * @param probabilitySeen P, the chance of seeing it under the current weights
   * @param ifSeen the weights if it is seen
   * @param ifNotSeen the weights if its window closes without it
   * @param expectedShift the expected total variation
   * @param expectedBits the expected KL divergence in bits
   */
  public record Watch(
      Indicator indicator,
      double probabilitySeen,
      double[] ifSeen,
      double[] ifNotSeen,
      double expectedShift,
      double expectedBits) {
    /** Copies the arrays, so the value cannot change after it is made. */
    public Watch {
      ifSeen = ifSeen.clone();
      ifNotSeen = ifNotSeen.clone();
    }

    /** The weights if the indicator is seen (a copy). */
    @Override
    public double[] ifSeen() {
      return ifSeen.clone();
    }

    /** The weights if it is not seen (a copy). */
    @Override
    public double[] ifNotSeen() {
      return ifNotSeen.clone();
    }
  }

  /**
   * Ranks indicators.
   *
   * @param indicators the indicators not yet settled
   * @param weights the current weights
   * @param reliability the reliability assumed for a future report of a sighting
   * @return the indicators, most informative first (set order on a tie)
   */
  public static List<Watch> rank(List<Indicator> indicators, double[] weights, double reliability) {
    List<Watch> out = new ArrayList<>();
    for (Indicator ind : indicators) {
      OddsUpdate.Step seen = OddsUpdate.apply(weights, ind.likelihoods(true), reliability);
      double[] notSeen =
          ind.coverage() == null
              ? weights.clone()
              : OddsUpdate.apply(weights, ind.likelihoods(false), ind.coverage()).after();
      double p = seen.predictive();
      double shift = p * seen.shift() + (1 - p) * OddsUpdate.shift(weights, notSeen);
      double bits =
          p * OddsUpdate.klBits(seen.after(), weights)
              + (1 - p) * OddsUpdate.klBits(notSeen, weights);
      out.add(new Watch(ind, p, seen.after(), notSeen, shift, bits));
    }
    out.sort(Comparator.comparingDouble(Watch::expectedShift).reversed());
    return out;
  }
}
