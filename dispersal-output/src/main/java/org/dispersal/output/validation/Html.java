package org.dispersal.output.validation;

import java.util.Locale;

/** Small HTML and SVG helpers for the calibration, hindcast and sensitivity reports. */
final class Html {

  private Html() {}

  static final String STYLE =
      "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;"
          + "color:#222}table{border-collapse:collapse;margin:1em 0;font-size:13px}"
          + "td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:right}"
          + "td:first-child,th:first-child{text-align:left}th{background:#f4f4f4}"
          + "h1{font-size:22px}h2{font-size:18px;margin-top:1.6em}.note{color:#555;font-size:13px}"
          + "svg text{font-size:11px;font-family:system-ui,sans-serif}";

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + esc(title)
        + "</title><style>"
        + STYLE
        + "</style></head><body>\n<h1>"
        + esc(title)
        + "</h1>\n"
        + body
        + "\n</body></html>\n";
  }

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

  static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  /** Quotes a CSV field when needed (RFC 4180). */
  static String field(String s) {
    if (s == null) {
      return "";
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
