package org.dispersal.hypotheses;

/**
 * One step of Bayesian updating in odds form, with the evidence discounted by the reliability of
 * its source (Zlotnick, "Bayes' theorem for intelligence analysis"; PRIORS 3.3).
 *
 * <p>With weights w<sub>i</sub> and likelihoods L<sub>i</sub> = P(E | H<sub>i</sub>), the
 * probability of the evidence under the current weights is P(E) = &Sigma; w<sub>j</sub>
 * L<sub>j</sub>, and the likelihood ratio of H<sub>i</sub> against that mixture of all hypotheses
 * is LR<sub>i</sub> = L<sub>i</sub> / P(E). A report of reliability r (the probability that it is
 * true) counts as
 *
 * <pre>
 *   LR_eff,i = r · LR_i + (1 − r),     w'_i = w_i · LR_eff,i
 * </pre>
 *
 * <p>so every pair of hypotheses moves in odds form, w'<sub>i</sub>/w'<sub>j</sub> =
 * (w<sub>i</sub>/w<sub>j</sub>) · LR_eff,i / LR_eff,j, which with r = 1 is the textbook posterior
 * odds = prior odds × L<sub>i</sub>/L<sub>j</sub>; the new weights already sum to 1. Justification:
 * the report is true with probability r and then carries the full evidence; otherwise it is noise,
 * arising as often as a true report would (at rate P(E)) whatever the hypothesis. Then P(report |
 * H<sub>i</sub>) = r L<sub>i</sub> + (1 − r) P(E), Bayes' rule gives exactly the formula above, and
 * the probability that the report is true given that it was made is r, which is what a source
 * grading states. Equivalently, the new weights are r × (full posterior) + (1 − r) × (old weights):
 * an unreliable report moves the weights part of the way, r = 0 not at all.
 */
public final class OddsUpdate {

  private OddsUpdate() {}

  /**
   * One update with everything the audit trail shows.
   *
   * @param before the weights before, summing to 1
   * @param likelihoods P(evidence | H) per hypothesis
   * @param reliability r
   * @param predictive P(E) under the weights before
   * @param likelihoodRatios LR_i = L_i / P(E)
   * @param effectiveRatios r · LR_i + (1 − r)
   * @param after the weights after
   */
  public record Step(
      double[] before,
      double[] likelihoods,
      double reliability,
      double predictive,
      double[] likelihoodRatios,
      double[] effectiveRatios,
      double[] after) {
    /** Copies the arrays, so the value cannot change after it is made. */
    public Step {
      before = before.clone();
      likelihoods = likelihoods.clone();
      likelihoodRatios = likelihoodRatios.clone();
      effectiveRatios = effectiveRatios.clone();
      after = after.clone();
    }

    /** The weights before (a copy). */
    @Override
    public double[] before() {
      return before.clone();
    }

    /** The likelihood of the evidence under each hypothesis (a copy). */
    @Override
    public double[] likelihoods() {
      return likelihoods.clone();
    }

    /** Each hypothesis's likelihood ratio against the others (a copy). */
    @Override
    public double[] likelihoodRatios() {
      return likelihoodRatios.clone();
    }

    /** The ratios after the reliability discount (a copy). */
    @Override
    public double[] effectiveRatios() {
      return effectiveRatios.clone();
    }

    /** The weights after (a copy). */
    @Override
    public double[] after() {
      return after.clone();
    }

    /** The odds of hypothesis i against all the others, before. */
    public double oddsBefore(int i) {
      return odds(before[i]);
    }

    /** The odds of hypothesis i against all the others, after. */
    public double oddsAfter(int i) {
      return odds(after[i]);
    }

    /** How much the weights moved: half the sum of the absolute changes (total variation). */
    public double shift() {
      return OddsUpdate.shift(before, after);
    }
  }

  /**
   * Updates weights with one piece of evidence.
   *
   * @param weights the weights before, positive, summing to 1 (within rounding)
   * @param likelihoods P(evidence | H) per hypothesis, each in [0, 1], not all 0
   * @param reliability the probability that the report is true, in [0, 1]
   * @return the step with the weights after
   */
  public static Step apply(double[] weights, double[] likelihoods, double reliability) {
    if (weights.length != likelihoods.length || weights.length == 0) {
      throw new IllegalArgumentException("one likelihood per hypothesis is needed");
    }
    if (!(reliability >= 0 && reliability <= 1)) {
      throw new IllegalArgumentException("reliability must be between 0 and 1, not " + reliability);
    }
    double predictive = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(likelihoods[i] >= 0 && likelihoods[i] <= 1)) {
        throw new IllegalArgumentException("a likelihood must be between 0 and 1");
      }
      predictive += weights[i] * likelihoods[i];
    }
    if (!(predictive > 0)) {
      throw new IllegalArgumentException("the evidence is impossible under every hypothesis");
    }
    double[] lr = new double[weights.length];
    double[] eff = new double[weights.length];
    double[] after = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      lr[i] = likelihoods[i] / predictive;
      eff[i] = reliability * lr[i] + (1 - reliability);
      after[i] = weights[i] * eff[i];
    }
    return new Step(weights.clone(), likelihoods.clone(), reliability, predictive, lr, eff, after);
  }

  /** The odds of a probability against its complement, p / (1 − p); infinite at 1. */
  public static double odds(double p) {
    return p >= 1 ? Double.POSITIVE_INFINITY : p / (1 - p);
  }

  /** Total variation between two weight vectors: half the sum of absolute differences. */
  public static double shift(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += Math.abs(a[i] - b[i]);
    }
    return s / 2;
  }

  /** Kullback-Leibler divergence KL(after || before) in bits. */
  public static double klBits(double[] after, double[] before) {
    double s = 0;
    for (int i = 0; i < after.length; i++) {
      if (after[i] > 0) {
        s += after[i] * Math.log(after[i] / before[i]);
      }
    }
    return s / Math.log(2);
  }
}
