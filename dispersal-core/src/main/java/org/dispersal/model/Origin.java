package org.dispersal.model;

import java.util.List;

/**
 * Where a group of fighters came from, with the figures that set its initial stocks.
 *
 * <p>An origin is either a country (ISO 3166-1 alpha-3 code, XKX for Kosovo), an explicit
 * unallocated remainder of a region or of the world (people whom regional or world totals count but
 * no country figure covers; the model never invents a country's number to absorb them), or a group
 * that a scenario names as an origin of its own, such as the three armed groups of {@code
 * mali-2013}.
 *
 * @param id the ISO alpha-3 code; for a remainder {@code rest:<region id>} or {@code rest:world};
 *     for a named group {@code rest:<group id>}
 * @param name a display name
 * @param region the region id this origin belongs to
 * @param country true for a country, false for an unallocated remainder
 * @param travelled how many travelled to Syria and Iraq by the start date
 * @param women how many of them were adult women, or null if no source gives it
 * @param minors how many were minors, or null if no source gives it
 * @param returned how many had returned by the start date, or null if no source gives it
 * @param killed how many had been killed by the start date, or null if no source gives it
 * @param killedAtLeast a floor under the dead by the start date, or null for none: a cumulative
 *     death toll counted before the start says at least this many had died by then, whatever share
 *     of the travellers {@code killed} or the share prior makes them
 * @param sources the {@code source_id}s the figures come from
 * @param note how the figures were chosen
 */
public record Origin(
    String id,
    String name,
    String region,
    boolean country,
    Range travelled,
    Range women,
    Range minors,
    Range returned,
    Range killed,
    Range killedAtLeast,
    List<String> sources,
    String note) {

  /** Validates the figures. */
  public Origin {
    if (id == null || id.isBlank() || region == null || region.isBlank() || travelled == null) {
      throw new IllegalArgumentException("origin needs an id, a region and a travelled figure");
    }
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** An origin with no floor under its dead. */
  public Origin(
      String id,
      String name,
      String region,
      boolean country,
      Range travelled,
      Range women,
      Range minors,
      Range returned,
      Range killed,
      List<String> sources,
      String note) {
    this(
        id, name, region, country, travelled, women, minors, returned, killed, null, sources, note);
  }

  /** The id of the remainder of the world's total. */
  public static final String WORLD_REMAINDER = "rest:world";

  /**
   * Whether this origin is the unallocated remainder of its region or of the world, rather than a
   * country or a group the scenario names.
   */
  public boolean remainder() {
    return !country && (id.equals("rest:" + region) || id.equals(WORLD_REMAINDER));
  }
}
