package org.dispersal.input.data;

import org.dispersal.stocks.Measure;

/**
 * A country figure left out of the initial stocks because it counts something else (one row of
 * {@code exclusions.csv}).
 *
 * @param iso3 the country
 * @param sourceId the source whose figure is left out
 * @param measure which of the row's figures is left out
 * @param reason why, in one sentence
 */
public record Exclusion(String iso3, String sourceId, Measure measure, String reason) {

  /** Validates the row. */
  public Exclusion {
    if (iso3 == null || sourceId == null || measure == null || reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an exclusion needs a country, source, measure, reason");
    }
  }
}
