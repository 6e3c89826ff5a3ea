package org.dispersal.scoring;

import java.util.List;

/**
 * Reference forecasts that the model must beat, scored like it.
 *
 * <ul>
 *   <li><b>Persistence</b>: the shares of each state stay as at the as-of date. With no new travel
 *       the number of people is fixed, so the persistence forecast of a count at any later month is
 *       the ensemble's own month-0 sample of that count (same data, same initial-stock uncertainty,
 *       no dynamics). The caller passes that sample to {@link Scores#crps}.
 *   <li><b>Linear trend</b>: the latest trend in the figures published by the as-of date for the
 *       same scope, demographic and measure, extrapolated in a straight line ({@link #trend}).
 * </ul>
 *
 * <p>Flee's averaged relative difference (Suleimenova, Bell &amp; Groen, Sci. Rep. 7, 2017) is
 * {@link #averagedRelativeDifference}.
 */
public final class Baselines {

  private Baselines() {}

  /** A dated figure of the history: day number (epoch day) and value. */
  public record Point(long day, double value) {}

  /**
   * Extrapolates the latest trend to a day.
   *
   * <p>Takes the last two points with different days (history sorted by day, ties keep the later
   * entry), draws the line through them and reads it at {@code day}. With one point the trend is
   * flat. A cumulative count cannot fall, so for cumulative measures the result is never below the
   * last value; nothing is ever below 0.
   *
   * @param history the figures known at the as-of date, in any order
   * @param day the target day
   * @param cumulative whether the count can only grow
   * @return the extrapolated value, or NaN without history
   */
  public static double trend(List<Point> history, long day, boolean cumulative) {
    if (history.isEmpty()) {
      return Double.NaN;
    }
    List<Point> h =
        history.stream().sorted(java.util.Comparator.comparingLong(Point::day)).toList();
    Point last = h.get(h.size() - 1);
    Point prev = null;
    for (int i = h.size() - 2; i >= 0; i--) {
      if (h.get(i).day() < last.day()) {
        prev = h.get(i);
        break;
      }
    }
    double value = last.value();
    if (prev != null) {
      double slope = (last.value() - prev.value()) / (last.day() - prev.day());
      value = last.value() + slope * (day - last.day());
    }
    if (cumulative) {
      value = Math.max(value, last.value());
    }
    return Math.max(0, value);
  }

  /**
   * Flee's averaged relative difference of point forecasts against point figures for the same date:
   * Σ|f_i − o_i| / Σ o_i.
   */
  public static double averagedRelativeDifference(double[] forecast, double[] observed) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < forecast.length; i++) {
      num += Math.abs(forecast[i] - observed[i]);
      den += observed[i];
    }
    return den == 0 ? Double.NaN : num / den;
  }
}
