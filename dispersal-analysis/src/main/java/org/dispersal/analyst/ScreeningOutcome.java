package org.dispersal.analyst;

/**
 * The expected result of screening a population of returnees with a tool of known accuracy.
 *
 * <p>With N returnees, P of them committed, sensitivity s and specificity c: correctly flagged TP =
 * s·P, missed FN = (1 − s)·P, wrongly flagged FP = (1 − c)(N − P), correctly cleared TN = c(N − P).
 *
 * @param returnees N, the returnees screened
 * @param committed P, those among them who are dispatched or still committed
 * @param flaggedCommitted TP
 * @param missed FN
 * @param wronglyFlagged FP
 * @param cleared TN
 */
public record ScreeningOutcome(
    double returnees,
    double committed,
    double flaggedCommitted,
    double missed,
    double wronglyFlagged,
    double cleared) {

  /** The base rate P / N, or NaN when nobody is screened. */
  public double baseRate() {
    return returnees > 0 ? committed / returnees : Double.NaN;
  }

  /** All flagged: TP + FP. */
  public double flagged() {
    return flaggedCommitted + wronglyFlagged;
  }

  /** The positive predictive value TP / (TP + FP), or NaN when nobody is flagged. */
  public double ppv() {
    double f = flagged();
    return f > 0 ? flaggedCommitted / f : Double.NaN;
  }

  /** The negative predictive value TN / (TN + FN), or NaN when nobody is cleared. */
  public double npv() {
    double c = cleared + missed;
    return c > 0 ? cleared / c : Double.NaN;
  }
}
