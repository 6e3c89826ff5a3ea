package org.dispersal.output.brief;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import org.dispersal.ensemble.Statistic;

/** How the brief writes numbers and months: thousands separated, months as "Feb 2019". */
final class Numbers {

  private Numbers() {}

  /** A count with thousands separators. */
  static String count(double value) {
    return String.format(Locale.ROOT, "%,d", Math.round(value));
  }

  /** A 90% interval, p05 to p95. */
  static String interval(Statistic s) {
    return count(s.p05()) + "\u2013" + count(s.p95());
  }

  /** A total of people for prose: to the nearest hundred above 1,000. */
  static double roundPeople(double people) {
    return people >= 1000 ? Math.round(people / 100) * 100.0 : Math.round(people);
  }

  /** A month as "Feb 2019". */
  static String month(YearMonth m) {
    return m.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + m.getYear();
  }
}
