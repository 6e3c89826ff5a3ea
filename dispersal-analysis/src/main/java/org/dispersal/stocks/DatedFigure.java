package org.dispersal.stocks;

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
public record DatedFigure(String sourceId, LocalDate date, String dateText, Figure figure) {

  /** Validates the figure. */
  public DatedFigure {
    if (sourceId == null || date == null || dateText == null || figure == null) {
      throw new IllegalArgumentException("a dated figure needs a source, a date and a figure");
    }
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
