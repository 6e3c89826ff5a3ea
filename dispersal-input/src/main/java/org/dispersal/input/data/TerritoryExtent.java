package org.dispersal.input.data;

/**
 * A measurement of Islamic State territory or strength at a date (one row of {@code
 * territory_extent.csv}). Values are kept as written ({@code 68300}, {@code 15500-17100}, {@code
 * 8-12 million}); the unit says what they count.
 *
 * @param date when the measurement holds
 * @param measure what is measured
 * @param value the value as written
 * @param unit the unit, with qualifiers such as {@code (about)}
 * @param sourceId the source
 */
public record TerritoryExtent(
    PartialDate date, String measure, String value, String unit, String sourceId) {

  /** Validates the row. */
  public TerritoryExtent {
    if (date == null || measure == null || value == null || unit == null || sourceId == null) {
      throw new IllegalArgumentException("a territory measurement needs all its columns");
    }
  }
}
