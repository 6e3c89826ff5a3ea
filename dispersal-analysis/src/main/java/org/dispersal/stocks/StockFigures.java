package org.dispersal.stocks;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures the stock rule reads at one date: per country and measure, per region and for the
 * world, already limited to what an analyst could have used then and dated.
 *
 * @param countries the countries of origin, in the order their origins are to come out
 * @param regions the regions, in the order their remainders are to come out
 * @param world the figures for the stock of travellers in the whole world
 */
public record StockFigures(
    List<CountryFigures> countries, List<RegionTotals> regions, List<DatedFigure> world) {

  /** Validates and copies the figures. */
  public StockFigures {
    countries = List.copyOf(countries);
    regions = List.copyOf(regions);
    world = List.copyOf(world);
  }

  /**
   * One country's figures.
   *
   * @param iso3 the ISO 3166-1 alpha-3 code, the origin's id
   * @param name the display name
   * @param region the region id
   * @param figures the figures of each measure; a measure left out has none
   */
  public record CountryFigures(
      String iso3, String name, String region, Map<Measure, List<DatedFigure>> figures) {

    /** Validates and copies the figures. */
    public CountryFigures {
      if (iso3 == null || name == null || region == null) {
        throw new IllegalArgumentException("a country needs a code, a name and a region");
      }
      Map<Measure, List<DatedFigure>> copy = new EnumMap<>(Measure.class);
      figures.forEach((m, f) -> copy.put(m, List.copyOf(f)));
      figures = Collections.unmodifiableMap(copy);
    }

    /** The figures of one measure, possibly none. */
    public List<DatedFigure> of(Measure measure) {
      return figures.getOrDefault(measure, List.of());
    }
  }

  /**
   * The figures for one region's total.
   *
   * @param id the region id
   * @param name the display name
   * @param totals the figures for the stock of travellers from the whole region, possibly none
   */
  public record RegionTotals(String id, String name, List<DatedFigure> totals) {

    /** Validates and copies the figures. */
    public RegionTotals {
      if (id == null || name == null) {
        throw new IllegalArgumentException("a region needs an id and a name");
      }
      totals = List.copyOf(totals);
    }
  }
}
