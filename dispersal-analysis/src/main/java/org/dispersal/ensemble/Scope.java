package org.dispersal.ensemble;

/**
 * A population that summaries are reported for: the world, a region, an origin country, or an
 * unallocated remainder.
 *
 * @param kind {@code world}, {@code region}, {@code country} or {@code unallocated}
 * @param id empty for the world, the region name, the ISO alpha-3 code, or the remainder id
 * @param name a display name
 */
public record Scope(String kind, String id, String name) {

  /** The kind of the world scope. */
  public static final String WORLD = "world";

  /** The kind of a region scope. */
  public static final String REGION = "region";

  /** The kind of a country scope. */
  public static final String COUNTRY = "country";

  /** The kind of an unallocated remainder. */
  public static final String UNALLOCATED = "unallocated";
}
