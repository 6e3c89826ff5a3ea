package org.dispersal.model;

import java.util.List;

/**
 * A region of origin countries.
 *
 * @param id a lower-case identifier such as {@code western_europe}, used to qualify parameters
 *     ({@code prosecution_share.western_europe})
 * @param name the display name, used as {@code scope_id} in outputs
 * @param nearTheatres third theatres that fighters from this region favour when they relocate
 */
public record Region(String id, String name, List<String> nearTheatres) {

  /** Validates the region. */
  public Region {
    if (id == null || id.isBlank() || name == null || name.isBlank()) {
      throw new IllegalArgumentException("region needs an id and a name");
    }
    nearTheatres = nearTheatres == null ? List.of() : List.copyOf(nearTheatres);
  }
}
