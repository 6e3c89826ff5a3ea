package org.dispersal.reporting;

import java.time.LocalDate;

/**
 * One published figure as the reporting model sees it: what it counts, who published it, when it
 * describes, and its value (the representative point of its range).
 *
 * @param subject what the figure counts, e.g. {@code country:FRA:all:travelled}; figures with the
 *     same subject count the same thing and their disagreement is evidence of reporting error
 * @param sourceId the source
 * @param type the kind of source
 * @param date the date the figure describes
 * @param value the figure, at least 0
 */
public record ReportedFigure(
    String subject, String sourceId, SourceType type, LocalDate date, double value) {

  /** Validates the figure. */
  public ReportedFigure {
    if (subject == null || sourceId == null || type == null || date == null) {
      throw new IllegalArgumentException(
          "a reported figure needs a subject, source, type and date");
    }
    if (!(value >= 0)) {
      throw new IllegalArgumentException("a reported figure is a count: " + value);
    }
  }
}
