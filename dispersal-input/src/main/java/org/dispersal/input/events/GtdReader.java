package org.dispersal.input.events;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.dispersal.hypotheses.Event;

/**
 * Reads the column layout of the Global Terrorism Database export (START, University of Maryland),
 * saved as CSV. The type comes from {@code attacktype1_txt} through the one table of {@link
 * EventTypes} ({@code attack}, or {@code explosion} for a bombing); the subtype is the attack type
 * as an identifier, such as {@code bombing_explosion} or {@code armed_assault}; actor the
 * perpetrator group ({@code gname}), place {@code country_txt} and {@code city}, deaths {@code
 * nkill}, id {@code eventid}.
 *
 * <p>Needed columns: {@code eventid, iyear, imonth, iday, country_txt, attacktype1_txt}; {@code
 * gname, city, nkill} are read when present, every other column is ignored. GTD writes 0 for an
 * unknown month or day: such a row spans its whole month (or year). An unknown city ({@code
 * Unknown}) is left empty. GTD gives no reliability per row, so every row takes the default.
 */
public final class GtdReader {

  /** The columns the reader needs. */
  public static final List<String> REQUIRED =
      List.of("eventid", "iyear", "imonth", "iday", "country_txt", "attacktype1_txt");

  private GtdReader() {}

  /**
   * Reads a file.
   *
   * @param file the file
   * @param reliability the reliability given to every row
   * @return the events
   * @throws EventFileException naming the file, line and column of the first bad value
   */
  public static EventFile read(Path file, double reliability) {
    return EventFile.export(file, REQUIRED, (r, unmapped) -> event(r, unmapped, reliability));
  }

  private static Event event(EventRow r, EventFile.Unmapped unmapped, double reliability) {
    String id = r.required("eventid");
    Integer year = r.whole("iyear", 1900, 2999, "a year");
    if (year == null) {
      throw r.error("iyear", "", "is empty");
    }
    Integer month = r.whole("imonth", 0, 12, "a month from 0 (unknown) to 12");
    Integer day = r.whole("iday", 0, 31, "a day from 0 (unknown) to 31");
    LocalDate[] days = dates(r, year, month == null ? 0 : month, day == null ? 0 : day);
    String country = CountryNames.code(r, "country_txt", unmapped);
    String city = r.text("city");
    return new Event(
        id,
        null,
        days[0],
        days[1],
        country,
        city.equalsIgnoreCase("unknown") ? "" : city,
        EventTypes.type("gtd", r, "attacktype1_txt", null),
        EventRow.slug(r.required("attacktype1_txt")),
        r.text("gname"),
        r.whole("nkill", 0, Integer.MAX_VALUE, "a whole number of deaths"),
        reliability,
        "GTD",
        r.origin());
  }

  private static LocalDate[] dates(EventRow r, int year, int month, int day) {
    if (month == 0) {
      return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
    }
    YearMonth m = YearMonth.of(year, month);
    if (day == 0) {
      return new LocalDate[] {m.atDay(1), m.atEndOfMonth()};
    }
    try {
      LocalDate d = m.atDay(day);
      return new LocalDate[] {d, d};
    } catch (DateTimeException e) {
      throw r.error("iday", Integer.toString(day), "is not a day of " + m);
    }
  }
}
