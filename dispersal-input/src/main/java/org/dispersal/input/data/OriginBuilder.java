package org.dispersal.input.data;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dispersal.model.Origin;
import org.dispersal.stocks.Allocation;
import org.dispersal.stocks.DatedFigure;
import org.dispersal.stocks.Figure;
import org.dispersal.stocks.Measure;
import org.dispersal.stocks.StockFigures;
import org.dispersal.stocks.StockRule;

/**
 * Builds the initial stocks, one {@link Origin} per cohort of origin, from the shared data as an
 * analyst could have read it on a start date: it selects and dates the figures ({@link #figures})
 * and applies the {@link StockRule} to them. {@code docs/DATA.md} walks through the method with the
 * figures it gives on 13 February 2017.
 *
 * <ol>
 *   <li><b>Information set.</b> Only sources in the {@link InformationSet} at the start date are
 *       used; figures listed in {@code exclusions.csv} (they count something other than people who
 *       travelled) are left out.
 *   <li><b>Country figures.</b> Every country in {@code countries.csv}, in that order, with its
 *       figures for each measure.
 *   <li><b>Regional totals.</b> For each region in {@code regions.csv}, the aggregate rows whose
 *       scope the region maps to, whose measure is a stock of travellers ({@link #isStock}) and
 *       whose values are counts.
 *   <li><b>World total.</b> The aggregate rows of the {@value #WORLD_SCOPE} scope, by the same
 *       test.
 * </ol>
 *
 * <p>A figure is dated by the last day its {@code as_of} can mean, but not after its source's
 * publication; a figure with neither date is left out. Instances are immutable; {@link #withWindow}
 * and {@link #withMoreThanMargin} return changed copies for sensitivity analysis.
 */
public final class OriginBuilder {

  /** The {@code scope} of {@code fighters_aggregates.csv} rows that count the whole world. */
  public static final String WORLD_SCOPE = "World";

  /**
   * Aggregate measures containing any of these words count flows, shares, returnees or people still
   * in theatre, not the stock of people who travelled, and never serve as totals.
   */
  public static final List<String> NON_STOCK_MEASURE_WORDS =
      List.of("arrivals", "still in", "returnees", "share");

  private final StockRule rule;

  private OriginBuilder(StockRule rule) {
    this.rule = rule;
  }

  /** A builder with {@link StockRule#withDefaults()}. */
  public static OriginBuilder withDefaults() {
    return new OriginBuilder(StockRule.withDefaults());
  }

  /**
   * A copy with another window ({@link StockRule#withWindow}).
   *
   * @param window how far back an earlier higher figure counts; not negative
   * @return the copy
   */
  public OriginBuilder withWindow(Period window) {
    return new OriginBuilder(rule.withWindow(window));
  }

  /**
   * A copy with another margin for "more than X" figures ({@link StockRule#withMoreThanMargin}).
   *
   * @param margin the assumed excess over X as a fraction, in [0, 1]
   * @return the copy
   */
  public OriginBuilder withMoreThanMargin(double margin) {
    return new OriginBuilder(rule.withMoreThanMargin(margin));
  }

  /** The window for earlier higher figures. */
  public Period window() {
    return rule.window();
  }

  /** The margin for "more than X" figures. */
  public double moreThanMargin() {
    return rule.moreThanMargin();
  }

  /**
   * The initial stocks at a start date.
   *
   * @param data the shared data
   * @param asOf the start date
   * @return the origins, in the order of {@link Allocation#origins()}
   */
  public List<Origin> build(SharedData data, LocalDate asOf) {
    return allocate(data, asOf).origins();
  }

  /**
   * The initial stocks at a start date, with the balances behind the remainders.
   *
   * @param data the shared data
   * @param asOf the start date
   * @return the allocation
   */
  public Allocation allocate(SharedData data, LocalDate asOf) {
    return rule.allocate(figures(data, asOf), asOf);
  }

  /**
   * The figures of the shared data that an analyst could have used at a date, dated, in the order
   * of {@code countries.csv} and {@code regions.csv}.
   *
   * @param data the shared data
   * @param asOf the date
   * @return the figures the rule reads
   */
  public static StockFigures figures(SharedData data, LocalDate asOf) {
    InformationSet info = InformationSet.of(data, asOf);
    List<StockFigures.CountryFigures> countries = new ArrayList<>();
    for (Country country : data.countries()) {
      countries.add(countryFigures(data, info, country));
    }
    List<StockFigures.RegionTotals> regions = new ArrayList<>();
    for (RegionMapping region : data.regions()) {
      regions.add(
          new StockFigures.RegionTotals(
              region.id(), region.name(), totals(data, info, region.totalScopes())));
    }
    return new StockFigures(countries, regions, totals(data, info, List.of(WORLD_SCOPE)));
  }

  private static StockFigures.CountryFigures countryFigures(
      SharedData data, InformationSet info, Country country) {
    Map<Measure, List<DatedFigure>> figures = new EnumMap<>(Measure.class);
    for (Measure measure : Measure.values()) {
      figures.put(measure, new ArrayList<>());
    }
    for (CountryFigure row : data.countryFigures()) {
      if (!row.iso3().equals(country.iso3()) || !info.contains(row.sourceId())) {
        continue;
      }
      Source source = data.source(row.sourceId()).orElseThrow();
      LocalDate day = dayOf(row.asOf(), source);
      for (Measure measure : Measure.values()) {
        Optional<Figure> figure = row.figure(measure);
        if (figure.isPresent() && day != null && !excluded(data, row, measure)) {
          figures
              .get(measure)
              .add(new DatedFigure(row.sourceId(), day, row.asOf().text(), figure.get()));
        }
      }
    }
    return new StockFigures.CountryFigures(
        country.iso3(), country.name(), country.region(), figures);
  }

  private static boolean excluded(SharedData data, CountryFigure row, Measure measure) {
    return data.exclusions().stream()
        .anyMatch(
            x ->
                x.iso3().equals(row.iso3())
                    && x.sourceId().equals(row.sourceId())
                    && x.measure() == measure);
  }

  private static List<DatedFigure> totals(
      SharedData data, InformationSet info, List<String> scopes) {
    List<DatedFigure> totals = new ArrayList<>();
    for (AggregateFigure row : data.aggregates()) {
      if (scopes.contains(row.scope())
          && info.contains(row.sourceId())
          && !row.percent()
          && isStock(row.measure())) {
        LocalDate day = dayOf(row.asOf(), data.source(row.sourceId()).orElseThrow());
        if (day != null) {
          totals.add(new DatedFigure(row.sourceId(), day, row.asOf().text(), row.value()));
        }
      }
    }
    return totals;
  }

  /**
   * Dates a figure from its {@code as_of} and its source.
   *
   * @return the day, or null if neither the row nor its source has a known date
   */
  private static LocalDate dayOf(PartialDate asOf, Source source) {
    LocalDate published = source.published().last();
    if (!asOf.known()) {
      return published;
    }
    if (published == null || asOf.last().isBefore(published)) {
      return asOf.last();
    }
    return published;
  }

  /**
   * Whether an aggregate measure counts the stock of people who travelled.
   *
   * @param measure the {@code measure} text of an aggregate row
   * @return false if it contains one of {@link #NON_STOCK_MEASURE_WORDS}
   */
  public static boolean isStock(String measure) {
    String lower = measure.toLowerCase(Locale.ROOT);
    return NON_STOCK_MEASURE_WORDS.stream().noneMatch(lower::contains);
  }
}
