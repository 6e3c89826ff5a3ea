package org.dispersal.output.report;

/**
 * Axis ticks for counts of people: a step of 1, 2 or 5 times a power of ten, never below 1, and a
 * top tick at or above the largest value.
 *
 * @param step the distance between ticks
 * @param top the value of the highest tick
 */
record Ticks(double step, double top) {

  /** Ticks from 0 to at least {@code max} with about {@code target} intervals. */
  static Ticks of(double max, int target) {
    if (!(max > 0)) {
      return new Ticks(1, 1);
    }
    double raw = max / Math.max(1, target);
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double residual = raw / magnitude;
    double nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
    double step = Math.max(1, nice * magnitude);
    return new Ticks(step, Math.ceil(max / step - 1e-9) * step);
  }

  /** The number of intervals between 0 and the top tick. */
  int count() {
    return (int) Math.round(top / step);
  }
}
