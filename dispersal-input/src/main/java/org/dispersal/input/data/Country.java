package org.dispersal.input.data;

/**
 * A country of origin and its region (one row of {@code countries.csv}).
 *
 * @param iso3 the ISO 3166-1 alpha-3 code (XKX for Kosovo)
 * @param name the display name
 * @param region the region id
 */
public record Country(String iso3, String name, String region) {

  /** Validates the row. */
  public Country {
    if (iso3 == null || !iso3.matches("[A-Z]{3}") || name == null || region == null) {
      throw new IllegalArgumentException("a country needs a three-letter code, a name, a region");
    }
  }
}
