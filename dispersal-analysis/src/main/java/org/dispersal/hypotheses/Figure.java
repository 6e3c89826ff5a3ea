package org.dispersal.hypotheses;

import java.time.LocalDate;

/**
 * A published aggregate figure, as in the observations format (docs/VALIDATION.md): for example
 * "Tunisia had 800 returnees by December 2016, published March 2017". Indicators can watch such
 * measures as well as events.
 *
 * @param id where it was read ({@code file:line}), for the audit trail
 * @param firstDay the first day the figure's date can mean
 * @param lastDay the last day it can mean
 * @param published the last day its publication date can mean: it is known from then on
 * @param scope world, region, country or countries
 * @param scopeId the region, country code or codes, empty for the world
 * @param measure what it counts, such as {@code returned}
 * @param low the low end, or null for "up to high"
 * @param high the high end, or null for "more than low"
 * @param reliability the probability that the figure is right, in [0, 1]
 */
public record Figure(
    String id,
    LocalDate firstDay,
    LocalDate lastDay,
    LocalDate published,
    String scope,
    String scopeId,
    String measure,
    Integer low,
    Integer high,
    double reliability) {

  /** Validates the figure. */
  public Figure {
    if (id == null || firstDay == null || lastDay == null || published == null) {
      throw new IllegalArgumentException("a figure needs an id, its dates and its publication");
    }
    if (low == null && high == null) {
      throw new IllegalArgumentException("figure " + id + " needs a low or a high end");
    }
    if (!(reliability >= 0 && reliability <= 1)) {
      throw new IllegalArgumentException("figure " + id + ": reliability must be in [0, 1]");
    }
    scopeId = scopeId == null ? "" : scopeId;
  }

  /** The figure as written: 800, 150-180, more than 2000, up to 50. */
  public String describe() {
    if (low == null) {
      return "up to " + high;
    }
    if (high == null) {
      return "more than " + low;
    }
    return low.equals(high) ? low.toString() : low + "-" + high;
  }
}
