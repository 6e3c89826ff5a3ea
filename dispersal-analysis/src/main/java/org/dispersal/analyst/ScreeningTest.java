package org.dispersal.analyst;

/**
 * The accuracy of a screening tool, as the analyst states it: the share of committed returnees it
 * flags (sensitivity) and the share of the others it clears (specificity).
 *
 * <p>No published sensitivity or specificity exists for VERA-2R, ERG22+ or TRAP-18 used on
 * returnees (PRIORS 1h); the values are the analyst's assumption.
 *
 * @param sensitivity P(flagged | committed), in [0, 1]
 * @param specificity P(cleared | not committed), in [0, 1]
 */
public record ScreeningTest(double sensitivity, double specificity) {

  /** Validates both shares. */
  public ScreeningTest {
    if (!(sensitivity >= 0 && sensitivity <= 1)) {
      throw new IllegalArgumentException("sensitivity must be in [0, 1], not " + sensitivity);
    }
    if (!(specificity >= 0 && specificity <= 1)) {
      throw new IllegalArgumentException("specificity must be in [0, 1], not " + specificity);
    }
  }

  /**
   * The positive predictive value at base rate p: sens·p / (sens·p + (1 − spec)(1 − p)), or NaN
   * when nobody would be flagged.
   */
  public double ppv(double baseRate) {
    double tp = sensitivity * baseRate;
    double fp = (1 - specificity) * (1 - baseRate);
    return tp + fp > 0 ? tp / (tp + fp) : Double.NaN;
  }

  /**
   * The expected outcome of screening {@code returnees} people of whom {@code committed} are
   * committed.
   */
  public ScreeningOutcome apply(double returnees, double committed) {
    if (!(committed >= 0 && committed <= returnees)) {
      throw new IllegalArgumentException(
          "committed must be in [0, returnees], not " + committed + " of " + returnees);
    }
    double others = returnees - committed;
    return new ScreeningOutcome(
        returnees,
        committed,
        sensitivity * committed,
        (1 - sensitivity) * committed,
        (1 - specificity) * others,
        specificity * others);
  }
}
