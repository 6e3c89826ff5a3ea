package org.dispersal.output.analyst;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.dispersal.analyst.Interval;

/** Number formats of the analyst pages and tables, the same whatever the machine's locale. */
final class Numbers {

  private Numbers() {}

  /** A count or amount with a sensible number of digits and thousands separators. */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    String pattern =
        a >= 100 ? "#,##0" : a >= 10 ? "#,##0.0" : a >= 1 ? "0.0" : a == 0 ? "0" : "0.00";
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
  }

  /** A signed number. */
  static String signed(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return (v > 0 ? "+" : "") + num(v);
  }

  /** A share as a percentage. */
  static String pct(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, v < 0.1 ? "%.1f%%" : "%.0f%%", 100 * v);
  }

  /** A CSV number: plain, up to six significant decimals, empty when undefined. */
  static String csv(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
  }

  /** A cell with the mean and the 90% interval. */
  static String cell(Interval i, boolean percent) {
    if (i.defined() == 0) {
      return "<td class=\"num\">n/a</td>";
    }
    String m = percent ? pct(i.mean()) : num(i.mean());
    String lo = percent ? pct(i.p05()) : num(i.p05());
    String hi = percent ? pct(i.p95()) : num(i.p95());
    return "<td class=\"num\">" + m + " <span class=\"ci\">[" + lo + "–" + hi + "]</span></td>";
  }
}
