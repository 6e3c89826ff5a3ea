package org.dispersal.input.events;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import org.dispersal.hypotheses.Event;

/**
 * Reads the column layout of ACLED (Armed Conflict Location and Event Data) exports. Needed
 * columns: {@code event_id_cnty, event_date, event_type, country}; {@code sub_event_type, actor1,
 * location, fatalities, time_precision, source} are read when present, others ignored.
 *
 * <p>Types: {@code event_type} and {@code sub_event_type} map to our types through the one table of
 * {@link EventTypes} (for example {@code Battles / Armed clash} and {@code Violence against
 * civilians / Attack} → {@code attack}, {@code Explosions/Remote violence} → {@code explosion},
 * {@code Strategic developments / Arrests} → {@code arrest}); a type or sub-event type the table
 * does not list is an error. The subtype is {@code sub_event_type} as an identifier ({@code
 * suicide_bomb}, {@code armed_clash}).
 *
 * <p>Dates: {@code 2017-03-15}, {@code 15 March 2017} or {@code 15-March-2017}. ACLED's {@code
 * time_precision} 2 (known within a week) widens the date to three days either side and 3 (within a
 * month) to the whole month, so that an event counts in a window only if it surely falls inside.
 */
public final class AcledReader {

  /** The columns the reader needs. */
  public static final List<String> REQUIRED =
      List.of("event_id_cnty", "event_date", "event_type", "country");

  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          strict("d MMMM uuuu"),
          strict("d-MMMM-uuuu"),
          strict("d MMM uuuu"));

  private AcledReader() {}

  private static DateTimeFormatter strict(String pattern) {
    return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT);
  }

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
    String id = r.required("event_id_cnty");
    LocalDate date = date(r);
    Integer precision = r.whole("time_precision", 1, 3, "1, 2 or 3");
    LocalDate first = date;
    LocalDate last = date;
    if (precision != null && precision == 2) {
      first = date.minusDays(3);
      last = date.plusDays(3);
    } else if (precision != null && precision == 3) {
      first = YearMonth.from(date).atDay(1);
      last = YearMonth.from(date).atEndOfMonth();
    }
    String country = CountryNames.code(r, "country", unmapped);
    String type = EventTypes.type("acled", r, "event_type", "sub_event_type");
    return new Event(
        id,
        null,
        first,
        last,
        country,
        r.text("location"),
        type,
        EventRow.slug(r.text("sub_event_type")),
        r.text("actor1"),
        r.whole("fatalities", 0, Integer.MAX_VALUE, "a whole number of deaths"),
        reliability,
        r.text("source").isEmpty() ? "ACLED" : "ACLED: " + r.text("source"),
        r.origin());
  }

  private static LocalDate date(EventRow r) {
    String v = r.required("event_date");
    for (DateTimeFormatter f : DATES) {
      try {
        return LocalDate.parse(v, f);
      } catch (DateTimeParseException e) {
        // try the next form
      } catch (DateTimeException e) {
        break;
      }
    }
    throw r.error("event_date", v, "is not a date (2017-03-15, 15 March 2017 or 15-March-2017)");
  }
}
