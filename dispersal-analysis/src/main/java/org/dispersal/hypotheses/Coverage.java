package org.dispersal.hypotheses;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an event file covers: the countries and the period in which an incident of the kind an
 * indicator watches would have been recorded, and the source. A quiet spell is evidence only where
 * the file looks: an indicator whose countries or window some file does not cover cannot be "not
 * observed" on the strength of that file's silence.
 *
 * <p>A file either declares its coverage (a {@code # coverage:} line, see docs/ANALYST.md) or it is
 * inferred from its rows: the countries present and the span from the first to the last day. The
 * inferred coverage never covers "anywhere".
 *
 * @param file the file it describes
 * @param countries ISO alpha-3 codes covered; ignored when {@code everywhere}
 * @param everywhere whether every country is covered
 * @param from the first day covered
 * @param to the last day covered, on or after {@code from}
 * @param source the source named, possibly empty
 * @param declared whether the file declared it (otherwise it was inferred from the rows)
 */
public record Coverage(
    String file,
    Set<String> countries,
    boolean everywhere,
    LocalDate from,
    LocalDate to,
    String source,
    boolean declared) {

  /** Validates and copies. */
  public Coverage {
    if (from == null || to == null || to.isBefore(from)) {
      throw new IllegalArgumentException("coverage of " + file + ": the period must run forward");
    }
    countries = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(countries));
    source = source == null ? "" : source;
  }

  /**
   * The coverage a file's rows show: the countries present and the span of their dates; null for a
   * file without rows.
   */
  public static Coverage inferred(String file, List<Event> events) {
    if (events.isEmpty()) {
      return null;
    }
    Set<String> countries = new TreeSet<>();
    LocalDate from = null;
    LocalDate to = null;
    for (Event e : events) {
      if (e.country() != null) {
        countries.add(e.country());
      }
      from = from == null || e.firstDay().isBefore(from) ? e.firstDay() : from;
      to = to == null || e.lastDay().isAfter(to) ? e.lastDay() : to;
    }
    return new Coverage(file, countries, false, from, to, "", false);
  }

  /**
   * Whether this coverage spans an indicator's countries (all of them; every country for an
   * indicator that looks anywhere) and its whole window.
   */
  public boolean covers(Indicator indicator) {
    if (indicator.watchesFigures()) {
      return true;
    }
    boolean place =
        everywhere
            || (!indicator.query().countries().isEmpty()
                && countries.containsAll(indicator.query().countries()));
    return place && !from.isAfter(indicator.from()) && !to.isBefore(indicator.to());
  }

  /** What is missing for an indicator, in words, or empty if this coverage spans it. */
  public String gap(Indicator indicator) {
    List<String> out = new ArrayList<>();
    if (!everywhere) {
      if (indicator.query().countries().isEmpty()) {
        out.add("the indicator looks anywhere, the file covers only " + places());
      } else {
        Set<String> missing = new TreeSet<>(indicator.query().countries());
        missing.removeAll(countries);
        if (!missing.isEmpty()) {
          out.add("no " + String.join(", ", missing));
        }
      }
    }
    if (from.isAfter(indicator.from()) || to.isBefore(indicator.to())) {
      out.add(
          "covers "
              + from
              + " to "
              + to
              + ", the window is "
              + indicator.from()
              + " to "
              + indicator.to());
    }
    return String.join("; ", out);
  }

  private String places() {
    return everywhere
        ? "every country"
        : countries.isEmpty() ? "no country" : String.join(",", countries);
  }

  /** One line for the notes. */
  public String describe() {
    return file
        + ": coverage "
        + (declared ? "declared" : "inferred from its rows (no '# coverage:' line)")
        + ": countries "
        + places()
        + ", "
        + from
        + " to "
        + to
        + (source.isEmpty() ? "" : ", source " + source);
  }
}
