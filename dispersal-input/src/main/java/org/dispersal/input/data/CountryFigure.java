package org.dispersal.input.data;

import java.util.Optional;
import org.dispersal.stocks.Figure;
import org.dispersal.stocks.Measure;

/**
 * One source's figures for one country at one date (one row of {@code fighters_by_country.csv}).
 *
 * <p>The traveller count is typed; women, minors and returnees are kept as written because sources
 * give them as counts, ranges, shares or phrases, and {@link #figure} reads the plain counts among
 * them.
 *
 * @param iso3 the ISO 3166-1 alpha-3 code (XKX for Kosovo)
 * @param country the country name as written
 * @param sourceId the source
 * @param asOf the date the figures describe
 * @param travelled how many travelled, or null if the row gives no traveller count
 * @param women the women column as written, possibly empty
 * @param minors the minors column as written, possibly empty
 * @param returnees the returnees column as written, possibly empty
 * @param notes the curator's notes: definitions, quotations, caveats
 */
public record CountryFigure(
    String iso3,
    String country,
    String sourceId,
    PartialDate asOf,
    Figure travelled,
    String women,
    String minors,
    String returnees,
    String notes) {

  /** Validates the row. */
  public CountryFigure {
    if (iso3 == null || sourceId == null || asOf == null) {
      throw new IllegalArgumentException("a country figure needs a country, a source and a date");
    }
    if (women == null || minors == null || returnees == null || notes == null) {
      throw new IllegalArgumentException("empty columns are empty strings, not null");
    }
  }

  /**
   * The figure for one measure, if the row gives it as a count.
   *
   * @param measure what to count
   * @return the figure, or empty if the column is empty or not a plain count
   */
  public Optional<Figure> figure(Measure measure) {
    return switch (measure) {
      case TRAVELLED -> Optional.ofNullable(travelled);
      case WOMEN -> Figure.parseCount(women);
      case MINORS -> Figure.parseCount(minors);
      case RETURNED -> Figure.parseCount(returnees);
    };
  }
}
