package org.dispersal.stocks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.dispersal.model.Range;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.reporting.SourceType;
import org.dispersal.stats.Normal;

/**
 * The initial stocks as a pooled estimate of the latent count ({@code --stocks pooled}; the
 * latest-figure {@link StockRule} stays the default). Each quantity (a country's travellers, women,
 * minors or returned, a region's or the world's travellers) is estimated from every series that
 * names it by the date, on the scale ℓ = ln(X + 1):
 *
 * <ol>
 *   <li><b>Series.</b> A series is one source organisation's figures for the quantity. Its figures
 *       share the organisation's persistent error (how it counts), so only its latest figure public
 *       by the date enters; the earlier ones are revisions of it ({@link Revisions} learns the
 *       revision trend and the fresh error from them).
 *   <li><b>Reporting model.</b> A series' figure is ℓ + b(type) + u + e: b the bias of its source's
 *       type, u the series' persistent error, e the publication's fresh error, u + e heavy-tailed
 *       as the {@link ReportingModel} (σ, and a gross error σ_g with chance ε). The figure is
 *       de-biased and projected to the date with the measure's revision trend. Counts are
 *       cumulative, so a figure g years old describes a stock that may have grown since: below ℓ
 *       its error spreads by √(σ² + (trend spread × g)²), above ℓ by σ alone (a split normal), so
 *       an old lower figure is growth, barely evidence against a later higher one, while an old
 *       higher figure still contradicts it (as the latest-figure rule reads them).
 *   <li><b>Posterior.</b> With a flat prior on ℓ ≥ 0, on a grid of {@link #GRID_STEP}, the product
 *       of the series' likelihoods: a point's density, a range's probability (interval-censored),
 *       "more than X" the probability above X (right-censored) and "up to X" below it. The heavy
 *       tail weights a series that disagrees grossly down instead of letting it pull the estimate.
 *       When no series bounds the quantity from above, "more than X" is closed with the margin as
 *       the latest-figure rule closes it (an assumption, {@link
 *       StockRule#DEFAULT_MORE_THAN_MARGIN}).
 *   <li><b>Range for the engine.</b> The posterior's median and its {@link #LOW_QUANTILE} to {@link
 *       #HIGH_QUANTILE} quantiles. A published figure's forecast adds a reporting error u + e
 *       again, and a later figure of a pooled series carries that series' u: so the range carries
 *       only the posterior's spread beyond one persistent error, the quantiles' distances from the
 *       median scaled by √(max(0, 1 − σ_u² / v)), v the posterior's variance (from the quantiles as
 *       a normal's), σ_u² = σ² − σ_fresh² ({@link Revisions#freshSigma(double)}). The engine draws
 *       uniformly within the range, so the range is centred on the median (its mid-point, which the
 *       remainders subtract, is the median), its half-width the nearer of the two scaled quantiles:
 *       a lone series' figure keeps a width of about its fresh error and its age; a quantity on
 *       which the series disagree beyond their errors stays wide.
 * </ol>
 *
 * <p>Contradictory figures (more returned than travelled) raise the travelled range as the
 * latest-figure rule does ({@link StockRule}); every country with a figure of any measure public by
 * the date is an origin. Every constant is the reporting model's or the revisions', estimated from
 * the figures public by the date, or a named assumption here. Instances are immutable; equal inputs
 * give equal outputs.
 */
public final class PooledStocks {

  /** The grid step on the scale ln(X + 1): 0.01, a 1% change of the count. */
  public static final double GRID_STEP = 0.01;

  /** The low end of the range drawn: the posterior's 5% quantile (as session 8's estimate). */
  public static final double LOW_QUANTILE = 0.05;

  /** The high end of the range drawn: the posterior's 95% quantile. */
  public static final double HIGH_QUANTILE = 0.95;

  private static final double Z90 = Normal.quantile(HIGH_QUANTILE);

  private final ReportingModel reporting;
  private final Revisions revisions;
  private final Function<String, String> series;
  private final Function<String, SourceType> types;
  private final double moreThanMargin;

  /**
   * The pooled estimate with its constants.
   *
   * @param reporting the reporting model estimated from the figures public by the date
   * @param revisions the revisions estimated from the figures public by the date
   * @param series a source's series key within a quantity: its organisation
   * @param types a source's type
   */
  public PooledStocks(
      ReportingModel reporting,
      Revisions revisions,
      Function<String, String> series,
      Function<String, SourceType> types) {
    this.reporting = reporting;
    this.revisions = revisions;
    this.series = series;
    this.types = types;
    this.moreThanMargin = StockRule.DEFAULT_MORE_THAN_MARGIN;
  }

  /** σ_u, the log-scale standard deviation of a series' persistent error. */
  public double persistentSigma() {
    double f = revisions.freshSigma(reporting.sigma());
    return Math.sqrt(reporting.sigma() * reporting.sigma() - f * f);
  }

  /**
   * The initial stocks at a date, with the balances behind the remainders (as {@link
   * StockRule#allocate}, each quantity pooled).
   *
   * @param figures the figures public by the date
   * @param asOf the date
   * @return the allocation
   */
  public Allocation allocate(StockFigures figures, LocalDate asOf) {
    return StockRule.allocate(figures, asOf, (m, f) -> estimate(m, f, asOf), true);
  }

  /** One series' latest figure on the log scale, de-biased and projected to the date. */
  private record Entry(DatedFigure figure, double low, double high, double extraVariance) {

    boolean point() {
      return low == high;
    }
  }

  /**
   * The pooled estimate of one quantity.
   *
   * @param measure what the figures count
   * @param figures the figures public by the date (the caller's information set: a figure of a
   *     source admitted at the date may be dated a little after it, and then counts as of the date)
   * @param asOf the date
   * @return the range, its sources and a note; empty when no figure has a low end
   */
  Optional<Estimator.Estimate> estimate(
      Measure measure, List<DatedFigure> figures, LocalDate asOf) {
    if (figures.stream().noneMatch(f -> f.figure().hasLow())) {
      return Optional.empty();
    }
    List<DatedFigure> latest = latestOfEachSeries(figures);
    boolean bounded = latest.stream().anyMatch(f -> f.figure().high() != null);
    List<Entry> entries = new ArrayList<>();
    for (DatedFigure f : latest) {
      entries.add(entry(measure, f, asOf, bounded));
    }
    double[] grid = grid(entries);
    double[] logPost = new double[grid.length];
    for (Entry e : entries) {
      for (int i = 0; i < grid.length; i++) {
        logPost[i] += logLikelihood(e, grid[i]);
      }
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logPost) {
      max = Math.max(max, v);
    }
    double[] cdf = new double[grid.length];
    double run = 0;
    for (int i = 0; i < grid.length; i++) {
      run += Math.exp(logPost[i] - max);
      cdf[i] = run;
    }
    double median = quantile(grid, cdf, 0.5);
    double q05 = quantile(grid, cdf, LOW_QUANTILE);
    double q95 = quantile(grid, cdf, HIGH_QUANTILE);
    double sd = (q95 - q05) / (2 * Z90);
    double persistent = persistentSigma();
    double scale = sd > 0 ? Math.sqrt(Math.max(0, 1 - persistent * persistent / (sd * sd))) : 0;
    int mid = count(median);
    int half =
        Math.min(
            mid - count(median + scale * (q05 - median)),
            count(median + scale * (q95 - median)) - mid);
    Range range = new Range(mid - half, mid + half);
    Set<String> sources = new LinkedHashSet<>();
    latest.forEach(f -> sources.add(f.sourceId()));
    String note =
        String.format(
            Locale.ROOT,
            "pooled %d series (%s): median %d, 90%% %d-%d",
            latest.size(),
            String.join(", ", latest.stream().map(DatedFigure::describe).toList()),
            count(median),
            count(q05),
            count(q95));
    return Optional.of(new Estimator.Estimate(range, List.copyOf(sources), note));
  }

  /**
   * Each series' latest figure, in the order the series first appear; a series' figures of the same
   * latest date are one figure covering them all.
   */
  private List<DatedFigure> latestOfEachSeries(List<DatedFigure> figures) {
    Map<String, DatedFigure> latest = new LinkedHashMap<>();
    List<DatedFigure> sorted = new ArrayList<>(figures);
    sorted.sort(Comparator.comparing(DatedFigure::date));
    for (DatedFigure f : sorted) {
      latest.merge(
          series.apply(f.sourceId()),
          f,
          (old, now) -> now.date().equals(old.date()) ? cover(old, now) : now);
    }
    return new ArrayList<>(latest.values());
  }

  /** One figure covering two of the same series and date. */
  private static DatedFigure cover(DatedFigure a, DatedFigure b) {
    Integer low =
        a.figure().low() == null || b.figure().low() == null
            ? null
            : Math.min(a.figure().low(), b.figure().low());
    Integer high =
        a.figure().high() == null || b.figure().high() == null
            ? null
            : Math.max(a.figure().high(), b.figure().high());
    if (low == null && high == null) {
      return a;
    }
    return new DatedFigure(a.sourceId(), a.date(), a.dateText(), new Figure(low, high));
  }

  private Entry entry(Measure measure, DatedFigure f, LocalDate asOf, boolean bounded) {
    double years = Math.max(0, Revisions.years(f.date(), asOf));
    double shift =
        revisions.trend().get(measure) * years - reporting.bias().get(types.apply(f.sourceId()));
    double spread = revisions.trendSpread() * years;
    Figure fig = f.figure();
    double low;
    double high;
    if (fig.low() == null) {
      low = Double.NEGATIVE_INFINITY;
      high = Math.log1p(fig.high());
    } else if (fig.high() == null && bounded) {
      low = Math.log1p(fig.low());
      high = Double.POSITIVE_INFINITY;
    } else {
      Range closed = fig.closed(moreThanMargin);
      low = Math.log1p(closed.low());
      high = Math.log1p(closed.high());
    }
    return new Entry(f, low + shift, high + shift, spread * spread);
  }

  /** The grid: from 0 to past the highest end by five gross errors, below the lowest by as many. */
  private double[] grid(List<Entry> entries) {
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    double extra = 0;
    for (Entry e : entries) {
      for (double end : new double[] {e.low(), e.high()}) {
        if (Double.isFinite(end)) {
          lowest = Math.min(lowest, end);
          highest = Math.max(highest, end);
        }
      }
      extra = Math.max(extra, e.extraVariance());
    }
    double reach = 5 * Math.sqrt(reporting.grossSigma() * reporting.grossSigma() + extra);
    double from = Math.max(0, lowest - reach);
    double to = Math.max(from + GRID_STEP, highest + reach);
    int n = (int) Math.ceil((to - from) / GRID_STEP) + 1;
    double[] grid = new double[n];
    for (int i = 0; i < n; i++) {
      grid[i] = from + i * GRID_STEP;
    }
    return grid;
  }

  /**
   * ln of the likelihood of a series' figure given ℓ (up to a constant of the series): the error z
   * = figure − ℓ is a mixture of split normals, σ (σ_g for a gross error) above 0 and √(σ² + growth
   * variance) below it.
   */
  private double logLikelihood(Entry e, double ell) {
    double eps = reporting.grossShare();
    double s = reporting.sigma();
    double g = reporting.grossSigma();
    double sl = Math.sqrt(s * s + e.extraVariance());
    double gl = Math.sqrt(g * g + e.extraVariance());
    double p;
    if (e.point()) {
      double z = e.low() - ell;
      p = (1 - eps) * splitDensity(z, sl, s) + eps * splitDensity(z, gl, g);
    } else {
      p =
          (1 - eps) * (splitCdf(e.high() - ell, sl, s) - splitCdf(e.low() - ell, sl, s))
              + eps * (splitCdf(e.high() - ell, gl, g) - splitCdf(e.low() - ell, gl, g));
    }
    return Math.log(Math.max(p, Double.MIN_NORMAL));
  }

  /** The density of a split normal with spread {@code below} under 0 and {@code above} over it. */
  private static double splitDensity(double z, double below, double above) {
    double sd = z < 0 ? below : above;
    return 2 / (below + above) * Math.exp(-0.5 * (z / sd) * (z / sd)) / Math.sqrt(2 * Math.PI);
  }

  /** The distribution function of the same split normal. */
  private static double splitCdf(double z, double below, double above) {
    if (z == Double.POSITIVE_INFINITY) {
      return 1;
    }
    if (z == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    double total = below + above;
    return z < 0
        ? 2 * below / total * Normal.cdf(z / below)
        : below / total + 2 * above / total * (Normal.cdf(z / above) - 0.5);
  }

  private static double quantile(double[] grid, double[] cdf, double p) {
    double target = p * cdf[cdf.length - 1];
    for (int i = 0; i < grid.length; i++) {
      if (cdf[i] >= target) {
        return grid[i];
      }
    }
    return grid[grid.length - 1];
  }

  private static int count(double ell) {
    return (int) Math.max(0, Math.round(Math.expm1(ell)));
  }

  /** One line for manifests: the constants the estimate used. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "pooled: latest figure of each series, de-biased, projected, heavy-tailed; persistent"
            + " sigma %.3f of %.3f; %s",
        persistentSigma(),
        reporting.sigma(),
        revisions.describe());
  }
}
