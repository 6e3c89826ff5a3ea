package org.dispersal.output.validation;

import java.util.Locale;

/**
 * Number formats of the calibration, hindcast and sensitivity outputs, the same whatever the
 * machine's locale.
 */
final class Numbers {

  private Numbers() {}

  /** A number for tables: integers without decimals, others with up to 4 significant digits. */
  static String num(double x) {
    if (Double.isNaN(x)) {
      return "";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "∞" : "-∞";
    }
    if (x == Math.rint(x) && Math.abs(x) < 1e9) {
      return String.format(Locale.ROOT, "%,d", (long) x);
    }
    double a = Math.abs(x);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", x);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", x);
    }
    return String.format(Locale.ROOT, "%.4g", x);
  }

  /** A fixed-decimal number for CSV files (empty for NaN). */
  static String csv(double x) {
    if (Double.isNaN(x)) {
      return "";
    }
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return String.format(Locale.ROOT, "%.6g", x);
  }

  /**
   * Numbers for consecutive CSV fields, each as {@link #csv(double)} writes it, comma-separated.
   */
  static String csvFields(double... xs) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < xs.length; i++) {
      b.append(i > 0 ? "," : "").append(csv(xs[i]));
    }
    return b.toString();
  }

  static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
