package org.dispersal.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which countries report a measure, for the {@code reporting_countries} definition (issue #13):
 * those that had published a figure of it by the forecast date, and how many new ones start per
 * month after it, so that a total published months later can include countries that had not yet
 * reported (docs/REPORTING.md, "New reporters").
 *
 * <p>The pace is estimated from the date of each country's first figure of the measure among the
 * figures public by the forecast date (a figure that describes a later date, such as a whole year,
 * counts as first reported on the forecast date, when it was public at the latest). Let t₀ be the
 * first such figure of any country, s = max(t₀, forecast date − {@link #WINDOW_MONTHS} months), k
 * the countries whose first figure is dated in [s, forecast date] and T the months from s to the
 * forecast date. With first reports arriving as a Poisson process of rate λ and the conjugate prior
 * Gamma({@link #PRIOR_COUNTRIES}, {@link #PRIOR_MONTHS}), the posterior mean is λ̂ = ({@link
 * #PRIOR_COUNTRIES} + k) / ({@link #PRIOR_MONTHS} + T) new countries per month. A figure published
 * Δ months after the forecast date expects λ̂·Δ new reporters ({@link Onset#expected}).
 *
 * @param countries for each measure id, the ISO codes of the countries that had published a figure
 *     of it by the forecast date
 * @param onsets for each measure id, its pace of new reporters; a measure without one gets none
 *     (the mapping as it was before new reporters)
 */
public record Reporters(Map<String, Set<String>> countries, Map<String, Onset> onsets) {

  /**
   * The months before the forecast date whose first reports set the pace: 24, range 12-36. The last
   * two years; earlier first reports describe the years when governments first counted returnees.
   */
  public static final int WINDOW_MONTHS = 24;

  /**
   * The prior's shape, in countries: 1, with {@link #PRIOR_MONTHS} a prior mean of one new
   * reporting country a year (range of the prior mean 1/24-1/6 per month). An assumption of little
   * knowledge; it weighs as one first report and matters only when the window holds few.
   */
  public static final double PRIOR_COUNTRIES = 1;

  /** The prior's rate, in months: 12 (see {@link #PRIOR_COUNTRIES}). */
  public static final double PRIOR_MONTHS = 12;

  /**
   * Which countries start first: each country that had not reported is drawn with probability in
   * proportion to its initial travelled figure to this power, without replacement: 1, range 0-1 (0:
   * every country alike). Governments with large contingents face the question of returnees first;
   * the power is an assumption, not an estimate.
   */
  public static final double STOCK_EXPONENT = 1;

  /** Average days in a month, for Δ in months. */
  private static final double DAYS_PER_MONTH = 365.25 / 12;

  /** Validates and copies. */
  public Reporters {
    if (countries == null || onsets == null) {
      throw new IllegalArgumentException("reporters need their countries and onsets");
    }
    countries = Map.copyOf(countries);
    onsets = Map.copyOf(onsets);
  }

  /**
   * The pace of new reporters of one measure.
   *
   * @param asOf the forecast date
   * @param firsts k, the countries whose first figure falls in the window
   * @param months T, the window's length in months
   * @param perMonth λ̂, the posterior mean rate of new reporting countries per month
   */
  public record Onset(LocalDate asOf, int firsts, double months, double perMonth) {

    /** Validates the pace. */
    public Onset {
      if (asOf == null || firsts < 0 || !(months >= 0) || !(perMonth >= 0)) {
        throw new IllegalArgumentException("an onset needs a date, counts and a rate >= 0");
      }
    }

    /**
     * The expected number of countries that start reporting between the forecast date and a
     * publication date: λ̂·Δ, 0 for a date not after the forecast date.
     *
     * @param published when the figure was published (the last day its text can mean)
     * @return λ̂·Δ, Δ in months
     */
    public double expected(LocalDate published) {
      long days = ChronoUnit.DAYS.between(asOf, published);
      return days <= 0 ? 0 : perMonth * days / DAYS_PER_MONTH;
    }
  }

  /**
   * Reporting countries with no new reporters: every total sums the countries that had reported by
   * the forecast date (the mapping before new reporters, and the one for figures published by it).
   *
   * @param countries for each measure id, the countries that had reported
   * @return the reporters
   */
  public static Reporters fixed(Map<String, Set<String>> countries) {
    return new Reporters(countries, Map.of());
  }

  /**
   * Estimates the reporting countries and their pace from the figures public by the forecast date.
   * The countries are those of {@link FigureDefinitions#reportingCountries}.
   *
   * @param figures the figures published by the date (the caller applies the information set, e.g.
   *     {@code ReportedFigures.publishedBy})
   * @param asOf the forecast date
   * @return the reporters of every measure some country had reported
   */
  public static Reporters estimate(List<ReportedFigure> figures, LocalDate asOf) {
    Map<String, Map<String, LocalDate>> first = new TreeMap<>();
    for (ReportedFigure f : figures) {
      String[] p = f.subject().split(":", -1);
      if (p.length != 4 || !p[0].equals("country")) {
        continue;
      }
      first
          .computeIfAbsent(p[3], k -> new TreeMap<>())
          .merge(p[1], min(f.date(), asOf), Reporters::min);
    }
    Map<String, Set<String>> countries = new LinkedHashMap<>();
    Map<String, Onset> onsets = new LinkedHashMap<>();
    LocalDate windowStart = asOf.minusMonths(WINDOW_MONTHS);
    for (Map.Entry<String, Map<String, LocalDate>> e : first.entrySet()) {
      countries.put(e.getKey(), new TreeSet<>(e.getValue().keySet()));
      LocalDate earliest = e.getValue().values().stream().reduce(Reporters::min).orElseThrow();
      LocalDate start = earliest.isAfter(windowStart) ? earliest : windowStart;
      int k = 0;
      for (LocalDate d : e.getValue().values()) {
        if (!d.isBefore(start)) {
          k++;
        }
      }
      double months = ChronoUnit.DAYS.between(start, asOf) / DAYS_PER_MONTH;
      onsets.put(
          e.getKey(), new Onset(asOf, k, months, (PRIOR_COUNTRIES + k) / (PRIOR_MONTHS + months)));
    }
    return new Reporters(countries, onsets);
  }

  /**
   * The expected number of countries that start reporting a measure between the forecast date and a
   * publication date.
   *
   * @param measure the measure id
   * @param published the publication date
   * @return λ̂·Δ, or 0 when the measure has no onset
   */
  public double expectedNew(String measure, LocalDate published) {
    Onset o = onsets.get(measure);
    return o == null ? 0 : o.expected(published);
  }

  /** The pace of each measure in words, for manifests, e.g. {@code returned 0.31/month (k=7)}. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Onset> e : new TreeMap<>(onsets).entrySet()) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(e.getKey())
          .append(' ')
          .append(String.format(java.util.Locale.ROOT, "%.3f", e.getValue().perMonth()))
          .append("/month (")
          .append(e.getValue().firsts())
          .append(" first figures in ")
          .append(String.format(java.util.Locale.ROOT, "%.1f", e.getValue().months()))
          .append(" months)");
    }
    return b.length() == 0 ? "none" : b.toString();
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
