package org.dispersal.model;

import java.time.LocalDate;

/**
 * A city or area held by the Islamic State that counts in the territorial-control index.
 *
 * <p>A stronghold lost before the start date has a known {@code lostOn} date with its source; one
 * still held at the start has {@code fallParameter}, the name of a parameter whose prior is the
 * number of months after the start until it falls (a value beyond the horizon means it holds).
 *
 * @param id a lower-case identifier such as {@code mosul}
 * @param name a display name
 * @param country ISO alpha-3 code
 * @param weight its share in the index relative to the other strongholds
 * @param lostOn the date it was lost, or null if still held at the start
 * @param source the {@code source_id} of the loss, or null
 * @param fallParameter the parameter for the month of a future loss, or null
 */
public record Stronghold(
    String id,
    String name,
    String country,
    double weight,
    LocalDate lostOn,
    String source,
    String fallParameter) {

  /** Validates that exactly one of a known loss and a future-fall parameter is given. */
  public Stronghold {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("stronghold needs an id");
    }
    if (!(weight > 0) || !Double.isFinite(weight)) {
      throw new IllegalArgumentException("stronghold " + id + " needs a positive weight");
    }
    if ((lostOn == null) == (fallParameter == null)) {
      throw new IllegalArgumentException(
          "stronghold " + id + " needs either a known loss date or a fall-month parameter");
    }
  }
}
