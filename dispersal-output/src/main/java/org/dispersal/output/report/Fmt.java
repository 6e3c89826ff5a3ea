package org.dispersal.output.report;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.dispersal.ensemble.Statistic;

/**
 * Number and date formatting for the report, independent of the machine's locale: thousands are
 * grouped with commas, decimals use a point and month names are English.
 */
final class Fmt {

  private static final DecimalFormatSymbols SYMBOLS = symbols();
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LONG_MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

  private Fmt() {}

  private static DecimalFormatSymbols symbols() {
    DecimalFormatSymbols s = DecimalFormatSymbols.getInstance(Locale.ROOT);
    s.setGroupingSeparator(',');
    s.setDecimalSeparator('.');
    s.setMinusSign('-');
    return s;
  }

  /** A count of people, rounded, with thousands separators: {@code 12,345}. */
  /** Months as words for a heading: "6, 12, 24 and 36 months". */
  static String months(java.util.List<Integer> months) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < months.size(); i++) {
      if (i > 0) {
        b.append(i == months.size() - 1 ? " and " : ", ");
      }
      b.append(months.get(i));
    }
    return b.append(months.size() == 1 && months.get(0) == 1 ? " month" : " months").toString();
  }

  static String count(double value) {
    // DecimalFormat is not thread-safe, so each call gets its own.
    return new DecimalFormat("#,##0", SYMBOLS).format(Math.round(value));
  }

  /** The 90% interval of a statistic: {@code 1,200–3,400}. */
  static String interval(Statistic s) {
    return count(s.p05()) + "\u2013" + count(s.p95());
  }

  /** A parameter value as written, without trailing zeros or exponent: {@code 0.05}, {@code 12}. */
  static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** A moment in UTC to the minute: {@code 2017-02-13 09:30 UTC}. */
  static String instant(Instant instant) {
    return INSTANT.format(instant);
  }

  /** A short month: {@code Feb 2017}. */
  static String month(YearMonth month) {
    return MONTH.format(month);
  }

  /** A long month: {@code February 2017}. */
  static String longMonth(YearMonth month) {
    return LONG_MONTH.format(month);
  }

  /** Items joined for a sentence: "a", "a and b", "a, b and c"; {@code none} for no items. */
  static String list(List<String> items, String none) {
    if (items.isEmpty()) {
      return none;
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
