package org.dispersal.input.data;

import java.util.List;

/**
 * A region of origin and the aggregate scopes whose totals define it (one row of {@code
 * regions.csv}).
 *
 * @param id the region id ({@code western_europe})
 * @param name the display name ({@code Western Europe})
 * @param totalScopes the {@code scope} values of {@code fighters_aggregates.csv} that count this
 *     region's travellers, possibly none
 */
public record RegionMapping(String id, String name, List<String> totalScopes) {

  /** Validates and copies the row. */
  public RegionMapping {
    if (id == null || id.isBlank() || name == null || name.isBlank()) {
      throw new IllegalArgumentException("a region needs an id and a name");
    }
    totalScopes = totalScopes == null ? List.of() : List.copyOf(totalScopes);
  }
}
