package org.dispersal.stocks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How one series' figures move between its successive publications, estimated from the figures
 * public by a date: a series is one source organisation's figures for one country and measure, so
 * its figures share the organisation's persistent error and differ by what changed (the revision
 * trend) and by a fresh error of each publication.
 *
 * <p>From each pair of successive figures of a series (points or ranges, at their mid-points, on
 * the scale ln(X + 1)), dated {@code g} years apart, the change is d = trend × g + e₂ − e₁ (+ the
 * deviation of the series' own trend from the common one, in proportion to g):
 *
 * <ul>
 *   <li><b>trend</b> per measure: the weighted median of d / g over the pairs at least {@link
 *       #MIN_TREND_GAP_DAYS} apart whose later figure is dated within {@link #TREND_WINDOW} before
 *       the date (each series' pairs share a weight of 1), shrunk toward 0 (no trend) with the
 *       weight of {@link #PRIOR_PAIRS} pairs. Older pairs are left out of the trend: they measure
 *       the growth of the stock when travel was at its peak (ICSR's tables of 2013 and 2015 rose by
 *       a factor of two a year), not how figures move at the date;
 *   <li><b>fresh σ</b>: the weighted median of |d − trend × g| times 1.4826 / √2 over the pairs at
 *       most a year apart, shrunk toward the prior σ / √2 (half the reporting variance fresh, an
 *       assumption; range 0 to σ) with the weight of {@link #PRIOR_PAIRS} pairs; {@link
 *       #freshSigma(double)} gives it for the reporting model's σ;
 *   <li><b>trend spread</b>: how far a series' movement a year strays from the others', over every
 *       pair more than a year apart at any date (how fast an old figure's information about the
 *       stock decays): the robust spread (1.4826 times the weighted median absolute deviation) of
 *       their slopes d / g about the slopes' weighted median, less what two fresh errors explain
 *       over the median gap.
 * </ul>
 *
 * @param trend the revision trend by measure, log scale a year
 * @param freshSpread the robust log-scale standard deviation of one publication's fresh error from
 *     the pairs at most a year apart (0 when there are none)
 * @param freshPairs how many pairs at most a year apart it rests on
 * @param trendSpread the log-scale standard deviation a year of a series' trend about the common
 *     one
 * @param pairs how many pairs of successive figures the estimate read
 */
public record Revisions(
    Map<Measure, Double> trend, double freshSpread, int freshPairs, double trendSpread, int pairs) {

  /**
   * Pairs of a series' figures closer than 180 days give no trend: over a few weeks a fresh error
   * of 0.1 is a slope of 1 a year. An assumption (plausible range 90 to 365 days).
   */
  public static final int MIN_TREND_GAP_DAYS = 180;

  /**
   * How many pairs the priors (no trend; half the reporting variance fresh) are worth: 5, an
   * assumption (range 0 to 20); they matter for the measures and dates with few revised series.
   */
  public static final double PRIOR_PAIRS = 5;

  /**
   * The trend is read from the pairs whose later figure is dated within a year before the date: an
   * assumption (range 6 to 24 months), the recent movement of the figures.
   */
  public static final int TREND_WINDOW_DAYS = 365;

  private static final double DAYS_A_YEAR = 365.25;

  /** Copies the trends, with every measure present. */
  public Revisions {
    Map<Measure, Double> t = new EnumMap<>(Measure.class);
    for (Measure m : Measure.values()) {
      t.put(m, trend == null ? 0.0 : trend.getOrDefault(m, 0.0));
    }
    trend = java.util.Collections.unmodifiableMap(t);
  }

  private record Pair(Measure measure, double change, double years, double weight, LocalDate end) {}

  private record Weighted(double value, double weight) {}

  /**
   * Estimates the revisions from the countries' figures (see the class comment).
   *
   * @param figures the figures public by the date (the caller's information set)
   * @param series the series key of a source (its organisation)
   * @param asOf the date
   * @return the estimate
   */
  public static Revisions estimate(
      StockFigures figures, Function<String, String> series, LocalDate asOf) {
    List<Pair> pairs = new ArrayList<>();
    for (StockFigures.CountryFigures country : figures.countries()) {
      for (Measure m : Measure.values()) {
        Map<String, List<DatedFigure>> bySeries = new LinkedHashMap<>();
        for (DatedFigure f : country.of(m)) {
          if (f.figure().hasLow() && f.figure().high() != null) {
            bySeries.computeIfAbsent(series.apply(f.sourceId()), k -> new ArrayList<>()).add(f);
          }
        }
        for (List<DatedFigure> one : bySeries.values()) {
          one.sort(Comparator.comparing(DatedFigure::date));
          List<Pair> mine = new ArrayList<>();
          for (int i = 1; i < one.size(); i++) {
            DatedFigure a = one.get(i - 1);
            DatedFigure b = one.get(i);
            long days = ChronoUnit.DAYS.between(a.date(), b.date());
            if (days > 0) {
              mine.add(new Pair(m, mid(b) - mid(a), days / DAYS_A_YEAR, 0, b.date()));
            }
          }
          for (Pair p : mine) {
            pairs.add(new Pair(p.measure(), p.change(), p.years(), 1.0 / mine.size(), p.end()));
          }
        }
      }
    }
    double minGap = MIN_TREND_GAP_DAYS / DAYS_A_YEAR;
    LocalDate recent = asOf.minusDays(TREND_WINDOW_DAYS);
    Map<Measure, List<Weighted>> byMeasure = new EnumMap<>(Measure.class);
    for (Pair p : pairs) {
      if (p.years() >= minGap && p.end().isAfter(recent)) {
        byMeasure
            .computeIfAbsent(p.measure(), k -> new ArrayList<>())
            .add(new Weighted(p.change() / p.years(), p.weight()));
      }
    }
    Map<Measure, Double> trend = new EnumMap<>(Measure.class);
    for (Measure m : Measure.values()) {
      List<Weighted> mine = byMeasure.getOrDefault(m, List.of());
      double n = mine.size();
      trend.put(m, mine.isEmpty() ? 0 : n * weightedMedian(mine) / (n + PRIOR_PAIRS));
    }
    List<Weighted> near = new ArrayList<>();
    List<Weighted> slopes = new ArrayList<>();
    List<Weighted> gaps = new ArrayList<>();
    for (Pair p : pairs) {
      if (p.years() <= 1) {
        double residual = Math.abs(p.change() - trend.get(p.measure()) * p.years());
        near.add(new Weighted(residual, p.weight()));
      } else {
        slopes.add(new Weighted(p.change() / p.years(), p.weight()));
        gaps.add(new Weighted(p.years(), p.weight()));
      }
    }
    double fresh = near.isEmpty() ? 0 : weightedMedian(near) * 1.4826 / Math.sqrt(2);
    double spread = 0;
    if (!slopes.isEmpty()) {
      double centre = weightedMedian(slopes);
      List<Weighted> deviations = new ArrayList<>();
      for (Weighted w : slopes) {
        deviations.add(new Weighted(Math.abs(w.value() - centre), w.weight()));
      }
      double total = weightedMedian(deviations) * 1.4826;
      double gap = weightedMedian(gaps);
      spread = Math.sqrt(Math.max(0, total * total - 2 * fresh * fresh / (gap * gap)));
    }
    return new Revisions(trend, fresh, near.size(), spread, pairs.size());
  }

  /**
   * The fresh error's σ for a reporting model's σ: the pairs' spread shrunk toward σ / √2, at most
   * σ (see the class comment).
   *
   * @param sigma the reporting model's σ (persistent and fresh together)
   * @return σ_fresh
   */
  public double freshSigma(double sigma) {
    double prior = sigma * sigma / 2;
    double shrunk =
        (freshPairs * freshSpread * freshSpread + PRIOR_PAIRS * prior) / (freshPairs + PRIOR_PAIRS);
    return Math.min(sigma, Math.sqrt(shrunk));
  }

  /** A figure's mid-point on the scale ln(X + 1). */
  private static double mid(DatedFigure f) {
    return Math.log1p(0.5 * (f.figure().low() + (double) f.figure().high()));
  }

  private static double weightedMedian(List<Weighted> values) {
    List<Weighted> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.comparingDouble(Weighted::value));
    double total = sorted.stream().mapToDouble(Weighted::weight).sum();
    double run = 0;
    for (Weighted w : sorted) {
      run += w.weight();
      if (run >= total / 2) {
        return w.value();
      }
    }
    return sorted.get(sorted.size() - 1).value();
  }

  /** The years from a figure's date to the forecast date (negative if the figure is later). */
  static double years(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) / DAYS_A_YEAR;
  }

  /** One line for notes and manifests. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "revision trend a year travelled %+.3f women %+.3f minors %+.3f returned %+.3f, fresh"
            + " spread %.3f (%d pairs within a year), trend spread %.3f a year (from %d pairs of"
            + " successive figures)",
        trend.get(Measure.TRAVELLED),
        trend.get(Measure.WOMEN),
        trend.get(Measure.MINORS),
        trend.get(Measure.RETURNED),
        freshSpread,
        freshPairs,
        trendSpread,
        pairs);
  }
}
