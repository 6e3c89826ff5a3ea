package org.dispersal.input.data;

import java.util.List;

/**
 * An attack (one row of {@code attacks.csv}).
 *
 * @param date when it happened
 * @param place where
 * @param country the ISO alpha-3 code
 * @param deaths how many were killed, or null if not given
 * @param perpetratorsTravelled {@code yes} only where a source says a perpetrator had travelled to
 *     Syria or Iraq, {@code no} where a source says none had, otherwise {@code unknown}
 * @param notes the curator's notes
 * @param sourceIds the sources
 */
public record Attack(
    PartialDate date,
    String place,
    String country,
    Integer deaths,
    String perpetratorsTravelled,
    String notes,
    List<String> sourceIds) {

  /** Validates and copies the row. */
  public Attack {
    if (date == null
        || place == null
        || !List.of("yes", "no", "unknown").contains(perpetratorsTravelled)) {
      throw new IllegalArgumentException("an attack needs a date, a place and yes/no/unknown");
    }
    sourceIds = List.copyOf(sourceIds);
  }
}
