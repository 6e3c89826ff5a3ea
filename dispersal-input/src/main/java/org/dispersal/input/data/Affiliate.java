package org.dispersal.input.data;

import java.util.List;

/**
 * An Islamic State province or al-Qaeda franchise outside Syria and Iraq (one row of {@code
 * affiliates.csv}).
 *
 * @param name the group
 * @param region where it operates, as written
 * @param foundedOrPledged when it was founded or pledged, as written
 * @param notes the curator's notes, with fighter figures where known
 * @param sourceIds the sources
 */
public record Affiliate(
    String name, String region, String foundedOrPledged, String notes, List<String> sourceIds) {

  /** Validates and copies the row. */
  public Affiliate {
    if (name == null || region == null || foundedOrPledged == null) {
      throw new IllegalArgumentException("an affiliate needs a name, a region and a date text");
    }
    sourceIds = List.copyOf(sourceIds);
  }
}
