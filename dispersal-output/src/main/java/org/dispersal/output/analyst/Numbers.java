package org.dispersal.output.analyst;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dispersal.analyst.Interval;
import org.dispersal.output.text.Csv;

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

  /** A CSV line of the fields {@code head}, then each interval's mean, p05, p50 and p95. */
  static String csvLine(List<Interval> intervals, String... head) {
    List<String> fields = new ArrayList<>(List.of(head));
    for (Interval i : intervals) {
      fields.addAll(List.of(csv(i.mean()), csv(i.p05()), csv(i.p50()), csv(i.p95())));
    }
    return Csv.line(fields);
  }

  /** A cell with the mean and the 90% interval. */
  static String cell(Interval i, boolean percent) {
    if (i.defined() == 0) {
      return "<td class=\"num\">n/a</td>";
    }
    return percent
        ? cell(pct(i.mean()), pct(i.p05()), pct(i.p95()))
        : cell(num(i.mean()), num(i.p05()), num(i.p95()));
  }

  /** A cell with a mean and its 90% interval, each already formatted. */
  static String cell(String mean, String p05, String p95) {
    return "<td class=\"num\">"
        + mean
        + " <span class=\"ci\">["
        + p05
        + "–"
        + p95
        + "]</span></td>";
  }

  /** A 90% interval in running text: {@code [90%: P05–P95]}, each already formatted. */
  static String interval90(String p05, String p95) {
    return "<span class=\"ci\">[90%: " + p05 + "–" + p95 + "]</span>";
  }
}
