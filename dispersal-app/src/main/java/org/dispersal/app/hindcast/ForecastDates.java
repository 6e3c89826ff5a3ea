package org.dispersal.app.hindcast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.dispersal.app.problem.InputException;

/**
 * The forecast dates of a rolling-origin hindcast: {@code FIRST..LAST} every N months, each the
 * last day of its month (a figure published in a month is known by its end).
 */
public final class ForecastDates {

  private ForecastDates() {}

  /**
   * Parses a span and a step.
   *
   * @param span {@code YYYY-MM..YYYY-MM} (or full dates, whose months are taken)
   * @param everyMonths months between forecast dates, at least 1
   * @return the dates, ascending, each within the range {@link HindcastRequest#checkAsOf} takes
   * @throws InputException naming the field and what it takes
   */
  public static List<LocalDate> parse(String span, int everyMonths) {
    if (everyMonths < 1) {
      throw InputException.field(
          "every", "'" + everyMonths + "' must be a whole number of months, at least 1");
    }
    String[] ends = span == null ? new String[0] : span.split("\\.\\.", -1);
    if (ends.length != 2) {
      throw InputException.field(
          "origins", "'" + span + "' is not a span: write FIRST..LAST, e.g. 2015-06..2017-08");
    }
    YearMonth first = month(ends[0]);
    YearMonth last = month(ends[1]);
    if (last.isBefore(first)) {
      throw InputException.field(
          "origins", "'" + span + "' ends before it starts: write FIRST..LAST");
    }
    List<LocalDate> out = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(everyMonths)) {
      LocalDate d = m.atEndOfMonth();
      HindcastRequest.checkAsOf(d);
      out.add(d);
    }
    return out;
  }

  private static YearMonth month(String text) {
    String t = text.trim();
    try {
      return t.length() == 7 ? YearMonth.parse(t) : YearMonth.from(LocalDate.parse(t));
    } catch (DateTimeParseException e) {
      throw InputException.field(
          "origins", "'" + t + "' is not a month: write YYYY-MM (or YYYY-MM-DD)");
    }
  }
}
