package org.dispersal.input.data;

/**
 * A published rate usable as a prior (one row of {@code parameters.csv}). Values are kept as
 * written ({@code 1 in 9}, {@code 30-35}, {@code ~90}); the scenario layer turns them into priors.
 *
 * @param parameter what the value measures
 * @param value the value as written
 * @param unit the unit
 * @param scope the population it was measured on
 * @param period when
 * @param sourceId the source
 * @param notes the curator's notes
 */
public record PublishedParameter(
    String parameter,
    String value,
    String unit,
    String scope,
    String period,
    String sourceId,
    String notes) {

  /** Validates the row. */
  public PublishedParameter {
    if (parameter == null || value == null || sourceId == null) {
      throw new IllegalArgumentException("a parameter needs a name, a value and a source");
    }
  }
}
