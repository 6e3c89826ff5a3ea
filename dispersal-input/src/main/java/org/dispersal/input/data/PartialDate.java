package org.dispersal.input.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as the sources write it: to the day, the month or the year, sometimes a span or an
 * approximation, often followed by a comment.
 *
 * <p>{@link #parse} reads the leading date and keeps the whole text. Understood forms, each
 * optionally prefixed with {@code c.} (approximate) and followed by any comment: {@code
 * 2015-12-07}, {@code 2015-12}, {@code 2015}, {@code 2015-2016} and {@code 2015-16} (years), {@code
 * 2017-06-01/05} (days), {@code 2017-02/03} (months). Anything else, such as {@code unknown (c.
 * 2016)} or {@code peak}, is an unknown date. A known date is the span of days {@code first} to
 * {@code last} that the text can mean; {@code last} is the day by which the fact is certain.
 *
 * @param text the text exactly as written
 * @param first the earliest day the text can mean, or null if the date is unknown
 * @param last the latest day the text can mean, or null if the date is unknown
 * @param approximate true if the text starts with {@code c.}
 */
public record PartialDate(String text, LocalDate first, LocalDate last, boolean approximate) {

  private static final Pattern LEADING =
      Pattern.compile(
          "^(\\d{4})(?:-(\\d{4})|-(\\d{2})(?!\\d)(?:-(\\d{2})(?!\\d)(?:/(\\d{2})(?!\\d))?"
              + "|/(\\d{2})(?!\\d))?)?");

  /** Validates the span. */
  public PartialDate {
    if (text == null || (first == null) != (last == null)) {
      throw new IllegalArgumentException("a date needs its text and both or neither ends");
    }
    if (first != null && last.isBefore(first)) {
      throw new IllegalArgumentException("date span ends before it starts: " + text);
    }
  }

  /**
   * Reads the leading date of a text.
   *
   * @param text the text as written in a data file
   * @return the date, unknown if no leading date is understood
   */
  public static PartialDate parse(String text) {
    String s = text.strip();
    boolean approximate = s.startsWith("c.");
    if (approximate) {
      s = s.substring(2).stripLeading();
    }
    Matcher m = LEADING.matcher(s);
    if (!m.find()) {
      return unknown(text);
    }
    try {
      return span(text, m, approximate);
    } catch (DateTimeException | IllegalArgumentException e) {
      return unknown(text);
    }
  }

  private static PartialDate span(String text, Matcher m, boolean approximate) {
    int year = Integer.parseInt(m.group(1));
    if (m.group(2) != null) {
      return years(text, year, Integer.parseInt(m.group(2)), approximate);
    }
    if (m.group(3) == null) {
      return years(text, year, year, approximate);
    }
    int two = Integer.parseInt(m.group(3));
    if (two > 12 && m.group(4) == null && m.group(6) == null) {
      return years(text, year, year / 100 * 100 + two, approximate);
    }
    YearMonth month = YearMonth.of(year, two);
    if (m.group(4) != null) {
      LocalDate day = month.atDay(Integer.parseInt(m.group(4)));
      LocalDate end = m.group(5) == null ? day : month.atDay(Integer.parseInt(m.group(5)));
      return new PartialDate(text, day, end, approximate);
    }
    YearMonth endMonth =
        m.group(6) == null ? month : YearMonth.of(year, Integer.parseInt(m.group(6)));
    return new PartialDate(text, month.atDay(1), endMonth.atEndOfMonth(), approximate);
  }

  private static PartialDate years(String text, int from, int to, boolean approximate) {
    return new PartialDate(text, LocalDate.of(from, 1, 1), LocalDate.of(to, 12, 31), approximate);
  }

  /**
   * An unknown date.
   *
   * @param text the text as written
   * @return a date with no span
   */
  public static PartialDate unknown(String text) {
    return new PartialDate(text, null, null, false);
  }

  /** True if the text gives a date. */
  public boolean known() {
    return first != null;
  }
}
