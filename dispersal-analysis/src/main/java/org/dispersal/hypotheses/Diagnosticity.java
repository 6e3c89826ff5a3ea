package org.dispersal.hypotheses;

/**
 * How well an indicator discriminates between the hypotheses (Heuer and Pherson: "the best
 * indicators have diagnosticity"; PRIORS 3.2).
 *
 * <p>From the likelihoods p<sub>i</sub> = P(observed | H<sub>i</sub>):
 *
 * <ul>
 *   <li>{@code ratioIfObserved} = max p / min p: the most a sighting can change the odds between
 *       any two hypotheses;
 *   <li>{@code ratioIfNotObserved} = max(1 − p) / min(1 − p): the same for an absence;
 *   <li>{@code expectedBits}: the mutual information between the outcome and the hypothesis under
 *       the given weights, in bits, the expected information a fully reliable report of the outcome
 *       brings;
 *   <li>{@code flat}: neither outcome can change any pair's odds by more than {@link #FLAT_FACTOR}.
 * </ul>
 *
 * <p>Assumption behind {@link #FLAT_FACTOR} = 1.2: an odds factor of 1.2 moves an even chance only
 * to 1.2/2.2 = 54.5%, still "roughly even chance" on the ICD 203 scale, so such an indicator cannot
 * change an estimative judgement on its own. Change the tolerance to be stricter or looser.
 *
 * @param indicatorId the indicator
 * @param ratioIfObserved max p / min p
 * @param ratioIfNotObserved max(1 − p) / min(1 − p)
 * @param expectedBits the expected information under the weights, in bits
 * @param favoured the index of the hypothesis a sighting favours most (largest p)
 * @param flat whether the indicator does not discriminate
 */
public record Diagnosticity(
    String indicatorId,
    double ratioIfObserved,
    double ratioIfNotObserved,
    double expectedBits,
    int favoured,
    boolean flat) {

  /** The largest odds factor of an indicator flagged as not discriminating. */
  public static final double FLAT_FACTOR = 1.2;

  /**
   * The diagnosticity of an indicator.
   *
   * @param indicator the indicator
   * @param weights the current weights, summing to 1
   * @param flatFactor the odds factor at or below which the indicator is flagged, at least 1
   */
  public static Diagnosticity of(Indicator indicator, double[] weights, double flatFactor) {
    if (!(flatFactor >= 1)) {
      throw new IllegalArgumentException("the flat factor must be at least 1, not " + flatFactor);
    }
    double[] p = indicator.likelihoods(true);
    double min = p[0];
    double max = p[0];
    int favoured = 0;
    for (int i = 1; i < p.length; i++) {
      min = Math.min(min, p[i]);
      if (p[i] > max) {
        max = p[i];
        favoured = i;
      }
    }
    double ifObserved = max / min;
    double ifNot = (1 - min) / (1 - max);
    double predictive = 0;
    for (int i = 0; i < p.length; i++) {
      predictive += weights[i] * p[i];
    }
    double bits = entropy(predictive);
    for (int i = 0; i < p.length; i++) {
      bits -= weights[i] * entropy(p[i]);
    }
    boolean flat = ifObserved <= flatFactor && ifNot <= flatFactor;
    return new Diagnosticity(indicator.id(), ifObserved, ifNot, Math.max(0, bits), favoured, flat);
  }

  private static double entropy(double p) {
    double h = 0;
    if (p > 0) {
      h -= p * Math.log(p);
    }
    if (p < 1) {
      h -= (1 - p) * Math.log(1 - p);
    }
    return h / Math.log(2);
  }
}
