package org.dispersal.input.events;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.dispersal.hypotheses.Event;

/**
 * Reads our own event CSV. Columns (header names; order free):
 *
 * <table>
 *   <caption>columns</caption>
 *   <tr><td>{@code event_id}</td><td>required, unique in the file</td></tr>
 *   <tr><td>{@code date}</td><td>required, YYYY-MM-DD, or YYYY-MM for "some day that month"</td></tr>
 *   <tr><td>{@code country}</td><td>required, ISO 3166-1 alpha-3 (or XKX)</td></tr>
 *   <tr><td>{@code type}</td><td>required, lower case with '_': attack, arrest, battle, ...</td></tr>
 *   <tr><td>{@code incident_id}</td><td>optional; rows with the same value report one incident</td></tr>
 *   <tr><td>{@code location}, {@code subtype}, {@code actor}, {@code source}, {@code note}</td>
 *       <td>optional text</td></tr>
 *   <tr><td>{@code fatalities}</td><td>optional whole number</td></tr>
 *   <tr><td>{@code reliability}</td><td>optional, 0 to 1: the probability the report is true;
 *       empty takes the default</td></tr>
 * </table>
 *
 * <p>Any other column is an error, so that a misspelt {@code reliabilty} is not ignored.
 */
public final class OwnEventsReader {

  /** The columns every file must have. */
  public static final List<String> REQUIRED = List.of("event_id", "date", "country", "type");

  /** Every column the format knows. */
  public static final List<String> COLUMNS =
      List.of(
          "event_id",
          "incident_id",
          "date",
          "country",
          "location",
          "type",
          "subtype",
          "actor",
          "fatalities",
          "source",
          "reliability",
          "note");

  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Set<String> COUNTRIES = countries();

  private OwnEventsReader() {}

  /**
   * Reads a file.
   *
   * @param file the file
   * @param reliability the reliability of rows whose {@code reliability} is empty
   * @return the events
   * @throws EventFileException naming the file, line and column of the first bad value
   */
  public static EventFile read(Path file, double reliability) {
    EventFile.Table t = EventFile.table(file, REQUIRED, COLUMNS);
    List<Event> out = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    for (EventRow r : t.rows()) {
      String id = r.required("event_id");
      Integer first = ids.putIfAbsent(id, r.line());
      if (first != null) {
        throw r.error("event_id", id, "is used on line " + first + "; event ids must be unique");
      }
      LocalDate[] days = dates(r, "date");
      String country = r.required("country");
      if (!COUNTRIES.contains(country)) {
        throw r.error("country", country, "is not an ISO 3166-1 alpha-3 country code (or XKX)");
      }
      String type = r.required("type");
      if (!TYPE.matcher(type).matches()) {
        throw r.error("type", type, "must be lower case letters, digits and '_', such as attack");
      }
      Integer fatalities = r.whole("fatalities", 0, Integer.MAX_VALUE, "a whole number");
      double rel = reliability;
      String given = r.text("reliability");
      if (!given.isEmpty()) {
        try {
          rel = Double.parseDouble(given);
        } catch (NumberFormatException e) {
          rel = Double.NaN;
        }
        if (!(rel >= 0 && rel <= 1)) {
          throw r.error("reliability", given, "is not a number from 0 to 1");
        }
      }
      out.add(
          new Event(
              id,
              r.text("incident_id"),
              days[0],
              days[1],
              country,
              r.text("location"),
              type,
              r.text("subtype"),
              r.text("actor"),
              fatalities,
              rel,
              r.text("source"),
              r.origin()));
    }
    return new EventFile(t.file(), out, t.notes(), t.coverage(out));
  }

  /** A day, or the first and last day of a month. */
  static LocalDate[] dates(EventRow r, String column) {
    String v = r.required(column);
    try {
      if (DAY.matcher(v).matches()) {
        LocalDate d = LocalDate.parse(v);
        return new LocalDate[] {d, d};
      }
      if (MONTH.matcher(v).matches()) {
        YearMonth m = YearMonth.parse(v);
        return new LocalDate[] {m.atDay(1), m.atEndOfMonth()};
      }
    } catch (DateTimeException e) {
      // reported below
    }
    throw r.error(column, v, "is not a date (YYYY-MM-DD, or YYYY-MM)");
  }

  private static Set<String> countries() {
    Set<String> out = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
    out.add("XKX");
    return Set.copyOf(out);
  }
}
