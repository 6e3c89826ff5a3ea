package org.dispersal.input.data;

import java.time.LocalDate;

/**
 * One source's figure for one quantity, dated for the estimate rule.
 *
 * @param sourceId the source
 * @param date the day by which the figure held: the last day its {@code as_of} can mean, but not
 *     after the source's publication
 * @param dateText the {@code as_of} text, for notes
 * @param figure the figure
 */
record Observation(String sourceId, LocalDate date, String dateText, Figure figure) {

  /**
   * Dates a figure from its {@code as_of} and its source.
   *
   * @return the day, or null if neither the row nor its source has a known date
   */
  static LocalDate dayOf(PartialDate asOf, Source source) {
    LocalDate published = source.published().last();
    if (!asOf.known()) {
      return published;
    }
    if (published == null || asOf.last().isBefore(published)) {
      return asOf.last();
    }
    return published;
  }

  /** The figure as a note writes it: {@code 6000-6500}, {@code more than 700}, {@code up to 50}. */
  String describe() {
    Integer low = figure.low();
    Integer high = figure.high();
    String value;
    if (low == null) {
      value = "up to " + high;
    } else if (high == null) {
      value = "more than " + low;
    } else if (low.equals(high)) {
      value = String.valueOf(low);
    } else {
      value = low + "-" + high;
    }
    return sourceId + " (" + dateText + ") " + value;
  }
}
