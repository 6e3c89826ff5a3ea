package org.dispersal.scoring;

/**
 * An observed figure as a range: a point ({@code low == high}), a range, "more than low" ({@code
 * high} infinite) or "up to high" ({@code low} zero). Scores treat the whole range as consistent
 * with the truth: a forecast value anywhere inside it is at distance zero.
 *
 * @param low the lowest value the figure allows, at least 0
 * @param high the highest, or {@link Double#POSITIVE_INFINITY} for "more than low"
 */
public record ObservedRange(double low, double high) {

  /** Validates the range. */
  public ObservedRange {
    if (!(low >= 0) || Double.isNaN(high) || high < low) {
      throw new IllegalArgumentException(
          "observed range needs 0 <= low <= high: " + low + ", " + high);
    }
  }

  /** Whether the upper end is open ("more than low"). */
  public boolean openHigh() {
    return Double.isInfinite(high);
  }

  /** How far a value lies outside the range (0 inside). */
  public double gap(double x) {
    if (x < low) {
      return low - x;
    }
    return x > high ? x - high : 0;
  }

  /**
   * A representative value for ratios and trends: the mid-point of a closed range, the low end of
   * "more than low".
   */
  public double representative() {
    return openHigh() ? low : 0.5 * (low + high);
  }

  /** Whether a forecast interval [a, b] overlaps the range. */
  public boolean overlaps(double a, double b) {
    return b >= low && a <= high;
  }
}
