package org.dispersal.stocks;

import java.util.List;
import org.dispersal.model.Range;

/**
 * How a regional or world total compares with the origins it covers, and what is left unallocated.
 *
 * @param scope the region id, or {@code world}
 * @param total the total, by the same estimate rule as country figures
 * @param sources the sources of the total
 * @param allocated the sum of the mid-points of the origins the total covers: for a region its
 *     countries, for the world every country and regional remainder
 * @param remainder the total less {@code allocated}, each end clamped at 0; (0, 0) when the origins
 *     already account for the whole total
 * @param note how the total was chosen
 */
public record Balance(
    String scope,
    Range total,
    List<String> sources,
    double allocated,
    Range remainder,
    String note) {

  /** Validates and copies the balance. */
  public Balance {
    if (scope == null || total == null || remainder == null || allocated < 0) {
      throw new IllegalArgumentException("a balance needs a scope, a total and a remainder");
    }
    sources = List.copyOf(sources);
  }

  /** True if part of the total is not covered by the origins, so a remainder origin exists. */
  public boolean hasRemainder() {
    return remainder.high() > 0;
  }
}
