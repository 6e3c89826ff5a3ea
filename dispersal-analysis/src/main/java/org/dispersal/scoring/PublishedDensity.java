package org.dispersal.scoring;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.reporting.SourceType;

/**
 * The exact log predictive probability of a published figure under an ensemble and the reporting
 * model ({@link ReportingModel}): with X<sub>r</sub> the count of replication r, the source
 * publishes Y = max(0, rint((X + 1)·e<sup>b + e</sup> − 1)) with e a two-normal mixture, so the
 * chance that Y falls in the figure's whole-number range [a, c] is
 *
 * <pre>
 *   P(a ≤ Y ≤ c | X) = F(ln((c + 1.5)/(X + 1)) − b) − F(ln((a + 0.5)/(X + 1)) − b)
 * </pre>
 *
 * with F the error's distribution function (the lower term is 0 when a = 0, the upper 1 when the
 * range is open). The forecast's probability of the figure is the average over replications, and
 * its log is taken with log-sum-exp so that no replication's tiny probability underflows: each term
 * is computed on the log scale, from the normal's survival function in the upper tail, and where
 * even that difference vanishes (more than 37 standard deviations out) from the density at the
 * interval's middle times its width. A point figure is the range [y, y]; a range's probability is
 * that of the whole range (an interval-censored observation).
 */
public final class PublishedDensity {

  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

  private PublishedDensity() {}

  /**
   * The log of the ensemble's predictive probability of the figure.
   *
   * @param latent the model's count in each replication
   * @param model the reporting model
   * @param type the type of the source that published the figure
   * @param obs the figure
   * @return ln((1/R) Σ<sub>r</sub> P(figure | X<sub>r</sub>)), finite
   */
  public static double logProbability(
      double[] latent, ReportingModel model, SourceType type, ObservedRange obs) {
    if (latent.length == 0) {
      throw new IllegalArgumentException("an ensemble needs at least one replication");
    }
    double[] logs = new double[latent.length];
    for (int r = 0; r < latent.length; r++) {
      logs[r] = logProbability(latent[r], model, type, obs);
    }
    return logSumExp(logs) - Math.log(latent.length);
  }

  /**
   * The log probability that the source publishes a figure in the range, given one count.
   *
   * @param latent the model's count, at least 0
   * @param model the reporting model
   * @param type the type of the source
   * @param obs the figure
   * @return ln P(figure | latent), finite
   */
  public static double logProbability(
      double latent, ReportingModel model, SourceType type, ObservedRange obs) {
    double lowWhole = Math.ceil(obs.low());
    double highWhole = obs.openHigh() ? Double.POSITIVE_INFINITY : Math.floor(obs.high());
    if (highWhole < lowWhole) {
      lowWhole = Math.rint(obs.representative());
      highWhole = lowWhole;
    }
    double shift = Math.log1p(latent) + model.bias().get(type);
    double lower = lowWhole <= 0 ? Double.NEGATIVE_INFINITY : Math.log(lowWhole + 0.5) - shift;
    double upper =
        Double.isInfinite(highWhole) ? Double.POSITIVE_INFINITY : Math.log(highWhole + 1.5) - shift;
    // The interval's width on the log scale, computed apart so that it survives huge figures.
    double width =
        lowWhole <= 0 || Double.isInfinite(highWhole)
            ? Double.POSITIVE_INFINITY
            : Math.log1p((highWhole - lowWhole + 1) / (lowWhole + 0.5));
    double eps = model.grossShare();
    double ordinary = logMass(lower / model.sigma(), upper / model.sigma(), width / model.sigma());
    double gross =
        eps == 0
            ? Double.NEGATIVE_INFINITY
            : logMass(
                lower / model.grossSigma(), upper / model.grossSigma(), width / model.grossSigma());
    return logSumExp(new double[] {Math.log1p(-eps) + ordinary, Math.log(eps) + gross});
  }

  /**
   * ln(Φ(b) − Φ(a)) for a &lt; b on the standard normal's scale, where {@code width} is b − a
   * computed apart (infinite for a half-line).
   */
  static double logMass(double a, double b, double width) {
    double mass =
        a > 0
            ? STANDARD.survivalProbability(a) - STANDARD.survivalProbability(b)
            : STANDARD.cumulativeProbability(b) - STANDARD.cumulativeProbability(a);
    if (mass > 1e-280) {
      return Math.log(mass);
    }
    if (Double.isInfinite(a) || Double.isInfinite(b)) {
      // A half-line this far out: ln of the normal's tail by its asymptotic (Mills ratio) form.
      double z = Double.isInfinite(a) ? -b : a;
      return STANDARD.logDensity(z) - Math.log(z) + Math.log1p(-1 / (z * z));
    }
    double mid = a + 0.5 * width;
    return STANDARD.logDensity(mid) + Math.log(width);
  }

  /** ln Σ exp(x<sub>i</sub>), computed about the largest term; −∞ if every term is. */
  public static double logSumExp(double[] x) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      max = Math.max(max, v);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (double v : x) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum);
  }
}
