package org.dispersal.input.data;

import org.dispersal.stocks.Figure;

/**
 * A world, regional or EU figure (one row of {@code fighters_aggregates.csv}).
 *
 * @param scope the area as the source names it ({@code World}, {@code Maghreb}, {@code European
 *     Union}...)
 * @param sourceId the source
 * @param asOf the date the figure describes
 * @param measure what is counted, as written ({@code foreign fighters}, {@code monthly
 *     arrivals}...)
 * @param value the figure
 * @param percent true if the values were written as percentages
 * @param notes the curator's notes
 */
public record AggregateFigure(
    String scope,
    String sourceId,
    PartialDate asOf,
    String measure,
    Figure value,
    boolean percent,
    String notes) {

  /** Validates the row. */
  public AggregateFigure {
    if (scope == null || sourceId == null || asOf == null || measure == null || value == null) {
      throw new IllegalArgumentException(
          "an aggregate needs a scope, source, date, measure, value");
    }
  }
}
