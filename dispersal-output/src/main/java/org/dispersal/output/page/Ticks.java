package org.dispersal.output.page;

/**
 * Round axis ticks from 0: a step of 1, 2, 2.5 or 5 times a power of ten, and a top tick at or
 * above the largest value. Counts of people use {@link #counts}: a step of 1, 2 or 5 times a power
 * of ten, never below 1, so that every tick is a whole number.
 *
 * @param step the distance between ticks
 * @param top the value of the highest tick
 */
public record Ticks(double step, double top) {

  /** Validates: a positive step and a top that is a whole number of steps. */
  public Ticks {
    if (!(step > 0) || !(top >= step)) {
      throw new IllegalArgumentException(
          "ticks need step > 0 and top >= step: " + step + ", " + top);
    }
  }

  /** Ticks from 0 to at least {@code max} with about {@code target} intervals. */
  public static Ticks of(double max, int target) {
    return upTo(max, step(max, target));
  }

  /** As {@link #of} for whole numbers: no step of 2.5, and none below 1. */
  public static Ticks counts(double max, int target) {
    return upTo(max, Math.max(1, round(max, target, false)));
  }

  /** A round step that cuts {@code range} into about {@code target} intervals; 1 if empty. */
  public static double step(double range, int target) {
    return round(range, target, true);
  }

  private static Ticks upTo(double max, double step) {
    return new Ticks(step, Math.max(step, Math.ceil(max / step - 1e-9) * step));
  }

  private static double round(double range, int target, boolean quarters) {
    if (!(range > 0)) {
      return 1;
    }
    double raw = range / Math.max(1, target);
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double residual = raw / magnitude;
    double nice =
        residual <= 1
            ? 1
            : residual <= 2 ? 2 : quarters && residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10;
    return nice * magnitude;
  }

  /** The number of intervals between 0 and the top tick. */
  public int count() {
    return (int) Math.round(top / step);
  }
}
