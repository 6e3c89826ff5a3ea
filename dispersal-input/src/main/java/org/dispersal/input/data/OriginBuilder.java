package org.dispersal.input.data;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;

/**
 * Builds the initial stocks, one {@link Origin} per cohort of origin, from the shared data as an
 * analyst could have read it on a start date. {@code docs/DATA.md} walks through the method with
 * the figures it gives on 13 February 2017.
 *
 * <ol>
 *   <li><b>Information set.</b> Only sources in the {@link InformationSet} at the start date are
 *       used; figures listed in {@code exclusions.csv} (they count something other than people who
 *       travelled) are left out.
 *   <li><b>Country figures.</b> For each country in {@code countries.csv} and each measure
 *       (travelled, women, minors, returned), the figures are reduced to one range. The point is
 *       the latest figure with a low end, together with every such figure dated within {@link
 *       #CONTEMPORARY} of it ("more than X" closed with {@link #DEFAULT_MORE_THAN_MARGIN}). A
 *       ceiling ("up to X") as recent as the point and below it lowers the low end. An earlier
 *       figure within {@link #DEFAULT_WINDOW} that lies wholly above the point raises the high end
 *       to cover it; an earlier lower figure is growth and changes nothing. A country with no
 *       travelled figure gets no origin: its people stay in a remainder. Killed is left null
 *       because the data has no per-country column for it.
 *   <li><b>Regional remainders.</b> For each region whose total appears in the information set
 *       (aggregate rows whose scope {@code regions.csv} maps to the region, whose measure is a
 *       stock of travellers and whose values are counts), the total is estimated by the same rule.
 *       The remainder is the total less the sum of the mid-points of the region's country origins,
 *       each end clamped at 0. If its high end is positive it becomes the origin {@code
 *       rest:<region>} (not a country); no country's number is ever raised to absorb it.
 *   <li><b>World remainder.</b> The world total ({@value #WORLD_SCOPE} scope) less the mid-points
 *       of every origin above becomes {@code rest:world}, in region {@value
 *       #WORLD_REMAINDER_REGION}.
 * </ol>
 *
 * <p>Instances are immutable; {@link #withWindow} and {@link #withMoreThanMargin} return changed
 * copies for sensitivity analysis. Output order is fixed, so equal inputs give equal outputs.
 */
public final class OriginBuilder {

  /**
   * How far back, from the latest figure, an earlier higher figure still counts as disagreement: 18
   * months. Counts are cumulative, so an earlier figure above a later one contradicts it at any
   * distance; the window only retires estimates so old that later reporting has replaced them. 18
   * months keeps the Soufan Group's December 2015 country table in view of figures published up to
   * mid-2017, so at 13 February 2017 the Soufan Tunisia 6,000-6,500 widens the Tunisian
   * government's 2,929 of January 2017 instead of silently disappearing.
   */
  public static final Period DEFAULT_WINDOW = Period.ofMonths(18);

  /**
   * Figures dated within one month of the latest one describe the same stock: their disagreement is
   * kept whole, in both directions (Russia in December 2015: Soufan 2,400, FSB 2,900).
   */
  public static final Period CONTEMPORARY = Period.ofMonths(1);

  /**
   * A "more than X" figure (low end only) is read as X to X times (1 + 0.10). The 10% is an
   * assumption, not data; for the US State Department's "in excess of 40,000" of June 2016 it gives
   * 44,000, which matches the US military's "less than 500 per month" arrivals over the eight
   * months to February 2017 (USMIL_FLOW).
   */
  public static final double DEFAULT_MORE_THAN_MARGIN = 0.10;

  /** The {@code scope} of {@code fighters_aggregates.csv} rows that count the whole world. */
  public static final String WORLD_SCOPE = "World";

  /** The id of the world remainder origin. */
  public static final String WORLD_REMAINDER_ID = Origin.WORLD_REMAINDER;

  /** The region of the world remainder origin. */
  public static final String WORLD_REMAINDER_REGION = "other";

  /** The prefix of remainder origin ids. */
  public static final String REMAINDER_PREFIX = "rest:";

  /**
   * Aggregate measures containing any of these words count flows, shares, returnees or people still
   * in theatre, not the stock of people who travelled, and never serve as totals.
   */
  public static final List<String> NON_STOCK_MEASURE_WORDS =
      List.of("arrivals", "still in", "returnees", "share");

  private final Period window;
  private final double moreThanMargin;

  private OriginBuilder(Period window, double moreThanMargin) {
    this.window = window;
    this.moreThanMargin = moreThanMargin;
  }

  /** A builder with {@link #DEFAULT_WINDOW} and {@link #DEFAULT_MORE_THAN_MARGIN}. */
  public static OriginBuilder withDefaults() {
    return new OriginBuilder(DEFAULT_WINDOW, DEFAULT_MORE_THAN_MARGIN);
  }

  /**
   * A copy with another window.
   *
   * @param window how far back an earlier higher figure counts; not negative
   * @return the copy
   */
  public OriginBuilder withWindow(Period window) {
    if (window == null || window.isNegative()) {
      throw new IllegalArgumentException("the window must not be negative: " + window);
    }
    return new OriginBuilder(window, moreThanMargin);
  }

  /**
   * A copy with another margin for "more than X" figures.
   *
   * @param margin the assumed excess over X as a fraction, in [0, 1]
   * @return the copy
   */
  public OriginBuilder withMoreThanMargin(double margin) {
    if (!(margin >= 0 && margin <= 1)) {
      throw new IllegalArgumentException("the margin must be in [0, 1]: " + margin);
    }
    return new OriginBuilder(window, margin);
  }

  /** The window for earlier higher figures. */
  public Period window() {
    return window;
  }

  /** The margin for "more than X" figures. */
  public double moreThanMargin() {
    return moreThanMargin;
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
    InformationSet info = InformationSet.of(data, asOf);
    Estimator estimator = new Estimator(window, moreThanMargin);
    List<Origin> origins = new ArrayList<>();
    for (Country country : data.countries()) {
      countryOrigin(data, info, estimator, country).ifPresent(origins::add);
    }
    List<Balance> balances = new ArrayList<>();
    List<Origin> remainders = new ArrayList<>();
    for (RegionMapping region : data.regions()) {
      double allocated =
          origins.stream()
              .filter(o -> o.region().equals(region.id()))
              .mapToDouble(o -> o.travelled().mid())
              .sum();
      Optional<Balance> balance =
          balance(data, info, estimator, region.id(), region.totalScopes(), allocated);
      balance.ifPresent(balances::add);
      balance
          .filter(Balance::hasRemainder)
          .map(b -> remainder(b, REMAINDER_PREFIX + region.id(), region.id(), region.name()))
          .ifPresent(remainders::add);
    }
    origins.addAll(remainders);
    double allocated = origins.stream().mapToDouble(o -> o.travelled().mid()).sum();
    Optional<Balance> world =
        balance(data, info, estimator, "world", List.of(WORLD_SCOPE), allocated);
    world.ifPresent(balances::add);
    world
        .filter(Balance::hasRemainder)
        .map(b -> remainder(b, WORLD_REMAINDER_ID, WORLD_REMAINDER_REGION, "the world"))
        .ifPresent(origins::add);
    return new Allocation(asOf, origins, balances);
  }

  private Optional<Origin> countryOrigin(
      SharedData data, InformationSet info, Estimator estimator, Country country) {
    Map<Measure, List<Observation>> observations = new EnumMap<>(Measure.class);
    for (Measure measure : Measure.values()) {
      observations.put(measure, new ArrayList<>());
    }
    for (CountryFigure row : data.countryFigures()) {
      if (!row.iso3().equals(country.iso3()) || !info.contains(row.sourceId())) {
        continue;
      }
      Source source = data.source(row.sourceId()).orElseThrow();
      LocalDate day = Observation.dayOf(row.asOf(), source);
      for (Measure measure : Measure.values()) {
        Optional<Figure> figure = row.figure(measure);
        if (figure.isPresent() && day != null && !excluded(data, row, measure)) {
          observations
              .get(measure)
              .add(new Observation(row.sourceId(), day, row.asOf().text(), figure.get()));
        }
      }
    }
    Optional<Estimator.Estimate> travelled =
        estimator.estimate(observations.get(Measure.TRAVELLED));
    if (travelled.isEmpty()) {
      return Optional.empty();
    }
    Set<String> sources = new LinkedHashSet<>();
    List<String> notes = new ArrayList<>();
    Map<Measure, Range> ranges = new EnumMap<>(Measure.class);
    for (Measure measure : Measure.values()) {
      estimator
          .estimate(observations.get(measure))
          .ifPresent(
              e -> {
                ranges.put(measure, e.range());
                sources.addAll(e.sources());
                notes.add(describe(measure, e));
              });
    }
    return Optional.of(
        new Origin(
            country.iso3(),
            country.name(),
            country.region(),
            true,
            ranges.get(Measure.TRAVELLED),
            ranges.get(Measure.WOMEN),
            ranges.get(Measure.MINORS),
            ranges.get(Measure.RETURNED),
            null,
            List.copyOf(sources),
            String.join("; ", notes)));
  }

  private static boolean excluded(SharedData data, CountryFigure row, Measure measure) {
    return data.exclusions().stream()
        .anyMatch(
            x ->
                x.iso3().equals(row.iso3())
                    && x.sourceId().equals(row.sourceId())
                    && x.measure() == measure);
  }

  private Optional<Balance> balance(
      SharedData data,
      InformationSet info,
      Estimator estimator,
      String scope,
      List<String> scopes,
      double allocated) {
    List<Observation> observations = new ArrayList<>();
    for (AggregateFigure row : data.aggregates()) {
      if (scopes.contains(row.scope())
          && info.contains(row.sourceId())
          && !row.percent()
          && isStock(row.measure())) {
        LocalDate day = Observation.dayOf(row.asOf(), data.source(row.sourceId()).orElseThrow());
        if (day != null) {
          observations.add(new Observation(row.sourceId(), day, row.asOf().text(), row.value()));
        }
      }
    }
    return estimator
        .estimate(observations)
        .map(
            e -> {
              Range total = e.range();
              Range remainder =
                  new Range(
                      (int) Math.max(0, Math.round(total.low() - allocated)),
                      (int) Math.max(0, Math.round(total.high() - allocated)));
              return new Balance(scope, total, e.sources(), allocated, remainder, e.note());
            });
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

  private static Origin remainder(Balance balance, String id, String region, String name) {
    String note =
        String.format(
            Locale.ROOT,
            "unallocated: total %d-%d (%s) less %.0f, the mid-points of the origins it covers",
            balance.total().low(),
            balance.total().high(),
            balance.note(),
            balance.allocated());
    return new Origin(
        id,
        "Rest of " + name,
        region,
        false,
        balance.remainder(),
        null,
        null,
        null,
        null,
        balance.sources(),
        note);
  }

  private static String describe(Measure measure, Estimator.Estimate estimate) {
    Range r = estimate.range();
    String range = r.low() == r.high() ? String.valueOf(r.low()) : r.low() + "-" + r.high();
    return measure.name().toLowerCase(Locale.ROOT) + " " + range + ": " + estimate.note();
  }
}
