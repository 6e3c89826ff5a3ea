package org.dispersal.input.data;

import java.util.List;

/**
 * A capture or recapture of a place (one row of {@code territory_events.csv}). The event date, not
 * the source's date, says when the fact was known.
 *
 * @param date when it happened
 * @param place the city or area
 * @param country the ISO alpha-3 code of the country it lies in
 * @param event what happened
 * @param actor who took the place
 * @param sourceIds the sources
 */
public record TerritoryEvent(
    PartialDate date,
    String place,
    String country,
    String event,
    String actor,
    List<String> sourceIds) {

  /** Validates and copies the row. */
  public TerritoryEvent {
    if (date == null || place == null || event == null) {
      throw new IllegalArgumentException("a territory event needs a date, a place and an event");
    }
    sourceIds = List.copyOf(sourceIds);
  }
}
