package org.dispersal.model;

/**
 * A count known as a range, low to high inclusive. Equal ends make a point figure.
 *
 * @param low the smallest plausible value, at least 0
 * @param high the largest plausible value, at least low
 */
public record Range(int low, int high) {

  /** Validates the range. */
  public Range {
    if (low < 0 || high < low) {
      throw new IllegalArgumentException("range needs 0 <= low <= high: " + low + ".." + high);
    }
  }

  /** A point figure. */
  public static Range of(int value) {
    return new Range(value, value);
  }

  /** As the stock rule's notes write it: {@code "553"} for a point, {@code "553-908"} otherwise. */
  public String text() {
    return low == high ? String.valueOf(low) : low + "-" + high;
  }

  /** The mid-point. */
  public double mid() {
    return 0.5 * (low + (double) high);
  }
}
