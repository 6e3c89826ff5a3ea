package org.dispersal.stocks;

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
 * The initial-stock rule: dated figures in, one {@link Origin} per cohort of origin out. {@code
 * docs/DATA.md} walks through the method with the figures it gives on 13 February 2017.
 *
 * <ol>
 *   <li><b>Country figures.</b> For each country and each measure (travelled, women, minors,
 *       returned), the figures are reduced to one range. The point is the latest figure with a low
 *       end, together with every such figure dated within {@link #CONTEMPORARY} of it ("more than
 *       X" closed with {@link #DEFAULT_MORE_THAN_MARGIN}). A ceiling ("up to X") as recent as the
 *       point and below it lowers the low end. An earlier figure within {@link #DEFAULT_WINDOW}
 *       that lies wholly above the point raises the high end to cover it; an earlier lower figure
 *       is growth and changes nothing. A country with no travelled figure gets no origin: its
 *       people stay in a remainder. Killed is left null because the shared data has no per-country
 *       figure for it ({@link DeathTolls} sets it from observed death tolls). Figures that
 *       contradict each other (more returned than travelled, or more women and minors than
 *       travellers) raise the travelled range to cover them: they never stop a run.
 *   <li><b>Regional remainders.</b> For each region with figures for its total, the total is
 *       estimated by the same rule. The remainder is the total less the sum of the mid-points of
 *       the region's country origins, each end clamped at 0. If its high end is positive it becomes
 *       the origin {@code rest:<region>} (not a country); no country's number is ever raised to
 *       absorb it.
 *   <li><b>World remainder.</b> The world total less the mid-points of every origin above becomes
 *       {@code rest:world}, in region {@value #WORLD_REMAINDER_REGION}.
 * </ol>
 *
 * <p>Which figures an analyst could have used at a date, and how each is dated, is the caller's
 * choice ({@link StockFigures}); the rule reads no files. Instances are immutable; {@link
 * #withWindow} and {@link #withMoreThanMargin} return changed copies for sensitivity analysis.
 * Output order is fixed, so equal inputs give equal outputs.
 */
public final class StockRule {

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

  /** The id of the world remainder origin. */
  public static final String WORLD_REMAINDER_ID = Origin.WORLD_REMAINDER;

  /** The region of the world remainder origin. */
  public static final String WORLD_REMAINDER_REGION = "other";

  /** The prefix of remainder origin ids. */
  public static final String REMAINDER_PREFIX = "rest:";

  private final Period window;
  private final double moreThanMargin;

  private StockRule(Period window, double moreThanMargin) {
    this.window = window;
    this.moreThanMargin = moreThanMargin;
  }

  /** The rule with {@link #DEFAULT_WINDOW} and {@link #DEFAULT_MORE_THAN_MARGIN}. */
  public static StockRule withDefaults() {
    return new StockRule(DEFAULT_WINDOW, DEFAULT_MORE_THAN_MARGIN);
  }

  /**
   * A copy with another window.
   *
   * @param window how far back an earlier higher figure counts; not negative
   * @return the copy
   */
  public StockRule withWindow(Period window) {
    if (window == null || window.isNegative()) {
      throw new IllegalArgumentException("the window must not be negative: " + window);
    }
    return new StockRule(window, moreThanMargin);
  }

  /**
   * A copy with another margin for "more than X" figures.
   *
   * @param margin the assumed excess over X as a fraction, in [0, 1]
   * @return the copy
   */
  public StockRule withMoreThanMargin(double margin) {
    if (!(margin >= 0 && margin <= 1)) {
      throw new IllegalArgumentException("the margin must be in [0, 1]: " + margin);
    }
    return new StockRule(window, margin);
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
   * The initial stocks at a start date, with the balances behind the remainders.
   *
   * @param figures the figures an analyst could have used at the date
   * @param asOf the start date
   * @return the origins (countries in the order of {@link StockFigures#countries()}, then regional
   *     remainders in the order of {@link StockFigures#regions()}, then the world remainder) and
   *     the balances (regions, then the world)
   */
  public Allocation allocate(StockFigures figures, LocalDate asOf) {
    Estimator estimator = new Estimator(window, moreThanMargin);
    return allocate(figures, asOf, (measure, dated) -> estimator.estimate(dated), false);
  }

  /**
   * Reduces one quantity's figures to a range: the latest-figure {@link Estimator} or the pooled
   * estimate ({@link PooledStocks}).
   */
  interface Quantity {

    /**
     * The range of one quantity.
     *
     * @param measure what the figures count (the regional and world totals count travellers)
     * @param figures the figures
     * @return the range with its sources and note, or empty when the figures give none
     */
    Optional<Estimator.Estimate> estimate(Measure measure, List<DatedFigure> figures);
  }

  /**
   * The allocation with a given reduction of the figures: countries, regional remainders, the world
   * remainder, as the class comment describes.
   *
   * @param figures the figures an analyst could have used at the date
   * @param asOf the start date
   * @param quantity the reduction of one quantity's figures to a range
   * @param anyMeasure whether a country with figures of another measure but none of travellers is
   *     an origin too (its travelled range then comes from the other measures, {@link #reconcile});
   *     the latest-figure rule leaves such a country in its remainder
   * @return the allocation
   */
  static Allocation allocate(
      StockFigures figures, LocalDate asOf, Quantity quantity, boolean anyMeasure) {
    List<Origin> origins = new ArrayList<>();
    for (StockFigures.CountryFigures country : figures.countries()) {
      countryOrigin(quantity, country, anyMeasure).ifPresent(origins::add);
    }
    List<Balance> balances = new ArrayList<>();
    List<Origin> remainders = new ArrayList<>();
    for (StockFigures.RegionTotals region : figures.regions()) {
      double allocated =
          origins.stream()
              .filter(o -> o.region().equals(region.id()))
              .mapToDouble(o -> o.travelled().mid())
              .sum();
      Optional<Balance> balance = balance(quantity, region.id(), region.totals(), allocated);
      balance.ifPresent(balances::add);
      balance
          .filter(Balance::hasRemainder)
          .map(b -> remainder(b, REMAINDER_PREFIX + region.id(), region.id(), region.name()))
          .ifPresent(remainders::add);
    }
    origins.addAll(remainders);
    double allocated = origins.stream().mapToDouble(o -> o.travelled().mid()).sum();
    Optional<Balance> world = balance(quantity, "world", figures.world(), allocated);
    world.ifPresent(balances::add);
    world
        .filter(Balance::hasRemainder)
        .map(b -> remainder(b, WORLD_REMAINDER_ID, WORLD_REMAINDER_REGION, "the world"))
        .ifPresent(origins::add);
    return new Allocation(asOf, origins, balances);
  }

  private static Optional<Origin> countryOrigin(
      Quantity quantity, StockFigures.CountryFigures country, boolean anyMeasure) {
    Set<String> sources = new LinkedHashSet<>();
    List<String> notes = new ArrayList<>();
    Map<Measure, Range> ranges = new EnumMap<>(Measure.class);
    for (Measure measure : Measure.values()) {
      quantity
          .estimate(measure, country.of(measure))
          .ifPresent(
              e -> {
                ranges.put(measure, e.range());
                sources.addAll(e.sources());
                notes.add(describe(measure, e));
              });
    }
    if (!ranges.containsKey(Measure.TRAVELLED)) {
      if (!anyMeasure || ranges.isEmpty()) {
        return Optional.empty();
      }
      ranges.put(Measure.TRAVELLED, Range.of(0));
      notes.add("no travelled figure");
    }
    reconcile(ranges, notes);
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

  /**
   * Contradictory figures are evidence, not errors: no one can have returned, or be a woman or a
   * minor among the travellers, without having travelled, so a returned figure or the women and
   * minors together above the travelled range raise its ends to theirs (with a note), and the run
   * goes on.
   */
  private static void reconcile(Map<Measure, Range> ranges, List<String> notes) {
    Range travelled = ranges.get(Measure.TRAVELLED);
    int low = travelled.low();
    int high = travelled.high();
    Range returned = ranges.get(Measure.RETURNED);
    if (returned != null) {
      low = Math.max(low, returned.low());
      high = Math.max(high, returned.high());
    }
    Range women = ranges.get(Measure.WOMEN);
    Range minors = ranges.get(Measure.MINORS);
    int wl = women == null ? 0 : women.low();
    int wh = women == null ? 0 : women.high();
    int ml = minors == null ? 0 : minors.low();
    int mh = minors == null ? 0 : minors.high();
    low = Math.max(low, wl + ml);
    high = Math.max(high, wh + mh);
    if (low != travelled.low() || high != travelled.high()) {
      ranges.put(Measure.TRAVELLED, new Range(low, high));
      notes.add(
          "travelled raised to "
              + low
              + (low == high ? "" : "-" + high)
              + ": the returned, women or minors figures exceed the travelled one, and no one"
              + " returns without having travelled");
    }
  }

  private static Optional<Balance> balance(
      Quantity quantity, String scope, List<DatedFigure> totals, double allocated) {
    return quantity
        .estimate(Measure.TRAVELLED, totals)
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
    return measure.name().toLowerCase(Locale.ROOT)
        + " "
        + estimate.range().text()
        + ": "
        + estimate.note();
  }
}
