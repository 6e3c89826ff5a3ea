package org.dispersal.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.random.RandomStreams;

/**
 * The scorecard of one or several hindcasts: how often the forecast's central intervals held the
 * figures published later, whether its PIT values are uniform, its CRPS and its skill against
 * persistence and the linear trend, by horizon band and per forecast date, with bootstrap intervals
 * over sources, and a verdict against the targets of issue #13.
 *
 * <p><b>Coverage</b> of the central c interval [q((1−c)/2), q((1+c)/2)] of a figure's ensemble
 * sample (quantiles as {@link Scores#quantileSorted}) counts the figure when its observed range
 * overlaps the interval, as {@link ForecastScore#in90} does. The reliability diagram plots observed
 * against nominal coverage for c = 10%, 20%, …, 90%.
 *
 * <p><b>PIT histogram</b>: ten bins on [0, 1]. Each figure's PIT is uniform on [F(a−1), F(b)]
 * (Czado, Gneiting &amp; Held, Biometrics 65, 2009; {@link ForecastScore#pit}); the figure adds to
 * each bin the share of that interval inside it (all of its weight to one bin when the interval is
 * a point). A calibrated forecast gives a flat histogram, one too narrow a U, one biased a slope.
 *
 * <p><b>CRPS</b> ({@link Scores#crps}), the mean over figures, in people (natural scale) and on the
 * log scale: the CRPS of log(1 + x) of the sample against log(1 + y) of the range, which weighs a
 * miss by a factor the same for a figure of 40 as for one of 40,000.
 *
 * <p><b>Skill</b> against a baseline, 1 − model/baseline, in two weightings:
 *
 * <ul>
 *   <li><em>weighted by people</em>: the ratio of summed natural-scale CRPS, so large figures
 *       dominate;
 *   <li><em>weighted equally per figure</em>: each figure's CRPS (model and baseline alike) is
 *       first divided by its size 1 + y (y the mid-point of the range, the low end of "more than"),
 *       so each figure's CRPS counts as a share of the figure and a figure of 40 weighs as much as
 *       one of 40,000. This is the relative-CRPS skill, close to the log-scale skill for small
 *       errors; unlike a mean of per-figure ratios it stays finite when a baseline scores 0 on a
 *       figure.
 * </ul>
 *
 * Trend skill uses the figures with a trend baseline only.
 *
 * <p><b>Bootstrap intervals by source.</b> Figures of one source share its definitions and errors,
 * so they are not independent: the bootstrap draws sources (all their figures together) with
 * replacement, as many as there are, {@link #RESAMPLES} times from a fixed seed (the same stream
 * for every group, so the same figures always get the same intervals), recomputes the coverage and
 * skill of each resample and reports the 5% and 95% percentiles, a 90% interval. With few sources
 * the intervals are wide, as they should be.
 *
 * <p><b>Horizon bands</b> are by each figure's horizon, the months from its forecast date to the
 * date it describes: 0–6, 7–12, 13–24 and 25–36.
 *
 * <p>It is over 500 lines because the scorecard is one computation (coverage, PIT, CRPS, skill,
 * bootstrap and verdict over the same groups of figures), and its parts share the groups and the
 * resampled sources.
 */
public record Scorecard(
    List<Group> pooled,
    List<DateGroups> dates,
    List<Kind> kinds,
    Verdict verdict,
    int resamples,
    long seed) {

  /** Bootstrap resamples. */
  public static final int RESAMPLES = 1000;

  /** The bootstrap's fixed seed, so a scorecard reproduces exactly. */
  public static final long SEED = 20170213L;

  /** Nominal coverages of the central intervals: 10% to 90% for the reliability diagram, 95%. */
  public static final double[] LEVELS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95};

  /** Bins of the PIT histogram. */
  public static final int PIT_BINS = 10;

  /** The horizon bands, by forecast month. */
  public static final List<Band> BANDS =
      List.of(new Band(0, 6), new Band(7, 12), new Band(13, 24), new Band(25, 36));

  /** Copies the lists. */
  public Scorecard {
    pooled = List.copyOf(pooled);
    dates = List.copyOf(dates);
    kinds = List.copyOf(kinds);
  }

  /** The value of {@link Kind#by} for the groups by what the figures count. */
  public static final String BY_MEASURE = "measure";

  /**
   * The value of {@link Kind#by} for the two groups by whether a figure of the same quantity
   * (scope, measure and definition) was public by the forecast date, with values {@code yes} and
   * {@code no}: the figures with a trend baseline and those without.
   */
  public static final String BY_EARLIER_COUNT = "earlier_count";

  /**
   * The figures of one kind, all horizons and forecast dates pooled: what they count, or whether
   * the quantity had been counted by the forecast date (where the model's starting value comes from
   * a figure rather than from the scenario's shares).
   *
   * @param by {@link #BY_MEASURE} or {@link #BY_EARLIER_COUNT}
   * @param value the measure's id, or {@code yes} / {@code no}
   * @param group their scores (its {@code horizon} is {@code all})
   */
  public record Kind(String by, String value, Group group) {}

  /**
   * A horizon band of forecast months, both ends included.
   *
   * @param from first month
   * @param to last month
   */
  public record Band(int from, int to) {

    /** The band's name, such as {@code 0-6}. */
    public String id() {
      return from + "-" + to;
    }
  }

  /**
   * One scored figure, as the scorecard needs it.
   *
   * @param asOf the forecast date of the hindcast that scored it
   * @param month the forecast month the figure describes
   * @param source the figure's source: the bootstrap's cluster
   * @param sample the ensemble sample of the figure's cell (not modified)
   * @param range the observed range
   * @param crpsPersistence the persistence baseline's CRPS
   * @param crpsTrend the trend baseline's CRPS, NaN without a trend (no figure of the same quantity
   *     was public by the forecast date)
   * @param measure what the figure counts (an observed measure's id), empty when not known
   */
  public record Figure(
      LocalDate asOf,
      int month,
      String source,
      double[] sample,
      ObservedRange range,
      double crpsPersistence,
      double crpsTrend,
      String measure) {}

  /**
   * A two-sided interval.
   *
   * @param low lower end (NaN when it cannot be computed)
   * @param high upper end
   */
  public record Interval(double low, double high) {

    /** No interval: nothing to resample. */
    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);
  }

  /**
   * Observed coverage of one central interval.
   *
   * @param level the nominal coverage, such as 0.9
   * @param observed the share of figures whose range overlaps the interval
   * @param ci its bootstrap 90% interval
   */
  public record Coverage(double level, double observed, Interval ci) {}

  /**
   * A skill score.
   *
   * @param value 1 − model/baseline: 1 perfect, 0 as good as the baseline, negative worse; NaN when
   *     the baseline scores 0 or there is no figure
   * @param ci its bootstrap 90% interval
   * @param figures the figures it is computed on
   */
  public record Skill(double value, Interval ci, int figures) {}

  /**
   * The scores of a set of figures.
   *
   * @param horizon {@code all} or a band's id
   * @param figures scored figures
   * @param sources distinct sources among them
   * @param coverage observed coverage at each of {@link #LEVELS}
   * @param pitHistogram the share of PIT mass in each of the {@link #PIT_BINS} bins
   * @param crps mean CRPS, people
   * @param crpsLog mean CRPS on the log scale
   * @param persistencePeople skill against persistence, weighted by people
   * @param persistenceEqual skill against persistence, each figure weighted equally
   * @param trendPeople skill against the linear trend, weighted by people
   * @param trendEqual skill against the linear trend, each figure weighted equally
   * @param medianWidth90 the median over figures of the width of the 90% interval divided by the
   *     median (the median taken as at least 1)
   */
  public record Group(
      String horizon,
      int figures,
      int sources,
      List<Coverage> coverage,
      double[] pitHistogram,
      double crps,
      double crpsLog,
      Skill persistencePeople,
      Skill persistenceEqual,
      Skill trendPeople,
      Skill trendEqual,
      double medianWidth90) {

    /** Copies the list. */
    public Group {
      coverage = List.copyOf(coverage);
    }

    /** The coverage at a nominal level of {@link #LEVELS}. */
    public Coverage at(double level) {
      for (Coverage c : coverage) {
        if (Math.abs(c.level() - level) < 1e-9) {
          return c;
        }
      }
      throw new IllegalArgumentException("no coverage level " + level);
    }
  }

  /**
   * The groups of one forecast date.
   *
   * @param asOf the forecast date
   * @param groups all horizons, then each band
   */
  public record DateGroups(LocalDate asOf, List<Group> groups) {

    /** Copies the list. */
    public DateGroups {
      groups = List.copyOf(groups);
    }
  }

  /** Whether a target is met. */
  public enum Status {
    /** The target is met. */
    MET,
    /** The target is missed. */
    MISSED,
    /** No scored figure can measure it. */
    NOT_MEASURED
  }

  /**
   * One target of issue #13 and how the forecast did.
   *
   * @param id a stable name, such as {@code coverage90}
   * @param goal the target in words
   * @param status met, missed or not measured
   * @param value the measured value (NaN when not measured)
   * @param ci its bootstrap 90% interval
   * @param text one plain sentence with the value and the target
   */
  public record Target(
      String id, String goal, Status status, double value, Interval ci, String text) {}

  /**
   * The verdict on the pooled scores.
   *
   * @param summary one paragraph: how many targets are met, which are missed, what it means
   * @param targets every target
   */
  public record Verdict(String summary, List<Target> targets) {

    /** Copies the list. */
    public Verdict {
      targets = List.copyOf(targets);
    }
  }

  /** The group of all horizons pooled over every forecast date. */
  public Group overall() {
    return pooled.get(0);
  }

  /**
   * Scores figures from one or several forecast dates.
   *
   * @param figures every scored figure
   * @return the scorecard, with bootstrap intervals from {@link #RESAMPLES} resamples and {@link
   *     #SEED}
   */
  public static Scorecard of(List<Figure> figures) {
    List<Prepared> all = figures.stream().map(Prepared::of).toList();
    List<Group> pooled = groups(all);
    Map<LocalDate, List<Prepared>> byDate = new TreeMap<>();
    for (Prepared p : all) {
      byDate.computeIfAbsent(p.asOf, d -> new ArrayList<>()).add(p);
    }
    List<DateGroups> dates = new ArrayList<>();
    for (var e : byDate.entrySet()) {
      dates.add(new DateGroups(e.getKey(), groups(e.getValue())));
    }
    return new Scorecard(pooled, dates, kinds(figures, all), verdict(pooled), RESAMPLES, SEED);
  }

  /** The groups by measure (in the measures' alphabetical order), then by earlier count. */
  private static List<Kind> kinds(List<Figure> figures, List<Prepared> prepared) {
    Map<String, List<Prepared>> byMeasure = new TreeMap<>();
    List<Prepared> counted = new ArrayList<>();
    List<Prepared> notCounted = new ArrayList<>();
    for (int i = 0; i < figures.size(); i++) {
      Figure f = figures.get(i);
      if (!f.measure().isEmpty()) {
        byMeasure.computeIfAbsent(f.measure(), k -> new ArrayList<>()).add(prepared.get(i));
      }
      (Double.isNaN(f.crpsTrend()) ? notCounted : counted).add(prepared.get(i));
    }
    List<Kind> out = new ArrayList<>();
    byMeasure.forEach((m, list) -> out.add(new Kind(BY_MEASURE, m, group("all", list))));
    if (!counted.isEmpty()) {
      out.add(new Kind(BY_EARLIER_COUNT, "yes", group("all", counted)));
    }
    if (!notCounted.isEmpty()) {
      out.add(new Kind(BY_EARLIER_COUNT, "no", group("all", notCounted)));
    }
    return out;
  }

  private static List<Group> groups(List<Prepared> figures) {
    List<Group> out = new ArrayList<>();
    out.add(group("all", figures));
    for (Band b : BANDS) {
      out.add(
          group(
              b.id(),
              figures.stream().filter(p -> p.month >= b.from() && p.month <= b.to()).toList()));
    }
    return out;
  }

  /** One figure's scores, computed once from its sorted sample. */
  private record Prepared(
      LocalDate asOf,
      int month,
      String source,
      boolean[] covered,
      double pitLow,
      double pitHigh,
      double crps,
      double crpsLog,
      double crpsPersistence,
      double crpsTrend,
      double size,
      double width90) {

    static Prepared of(Figure f) {
      double[] x = f.sample().clone();
      Arrays.sort(x);
      ObservedRange r = f.range();
      boolean[] covered = new boolean[LEVELS.length];
      for (int i = 0; i < LEVELS.length; i++) {
        double tail = (1 - LEVELS[i]) / 2;
        covered[i] = r.overlaps(Scores.quantileSorted(x, tail), Scores.quantileSorted(x, 1 - tail));
      }
      double[] logX = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        logX[i] = Math.log1p(Math.max(0, x[i]));
      }
      ObservedRange logR =
          new ObservedRange(
              Math.log1p(r.low()), r.openHigh() ? Double.POSITIVE_INFINITY : Math.log1p(r.high()));
      double p50 = Scores.quantileSorted(x, 0.5);
      double width =
          (Scores.quantileSorted(x, 0.95) - Scores.quantileSorted(x, 0.05)) / Math.max(1, p50);
      return new Prepared(
          f.asOf(),
          f.month(),
          f.source(),
          covered,
          Scores.cdfBelow(x, r.low()),
          r.openHigh() ? 1 : Scores.cdfAtOrBelow(x, r.high()),
          Scores.crpsSorted(x, r),
          Scores.crpsSorted(logX, logR),
          f.crpsPersistence(),
          f.crpsTrend(),
          1 + r.representative(),
          width);
    }

    boolean hasTrend() {
      return !Double.isNaN(crpsTrend);
    }
  }

  // The sums of a set of figures (one source's: the unit the bootstrap draws), by index: the
  // figures, those covered at each level, model and persistence CRPS (people, equal weights), the
  // figures with a trend, and model and trend CRPS on those.
  private static final int N = 0;
  private static final int COVERED = 1;
  private static final int MODEL_P = COVERED + LEVELS.length;
  private static final int MODEL_E = MODEL_P + 1;
  private static final int PERS_P = MODEL_E + 1;
  private static final int PERS_E = PERS_P + 1;
  private static final int N_TREND = PERS_E + 1;
  private static final int MODEL_TREND_P = N_TREND + 1;
  private static final int MODEL_TREND_E = MODEL_TREND_P + 1;
  private static final int TREND_P = MODEL_TREND_E + 1;
  private static final int TREND_E = TREND_P + 1;
  private static final int SUMS = TREND_E + 1;

  private static double[] sums(List<Prepared> figures) {
    double[] s = new double[SUMS];
    for (Prepared p : figures) {
      s[N]++;
      for (int i = 0; i < LEVELS.length; i++) {
        s[COVERED + i] += p.covered[i] ? 1 : 0;
      }
      s[MODEL_P] += p.crps;
      s[MODEL_E] += p.crps / p.size;
      s[PERS_P] += p.crpsPersistence;
      s[PERS_E] += p.crpsPersistence / p.size;
      if (p.hasTrend()) {
        s[N_TREND]++;
        s[MODEL_TREND_P] += p.crps;
        s[MODEL_TREND_E] += p.crps / p.size;
        s[TREND_P] += p.crpsTrend;
        s[TREND_E] += p.crpsTrend / p.size;
      }
    }
    return s;
  }

  /** The statistics the bootstrap intervals are for, computed from summed sums. */
  private static double[] statistics(double[] s) {
    double[] out = new double[LEVELS.length + 4];
    for (int i = 0; i < LEVELS.length; i++) {
      out[i] = s[N] == 0 ? Double.NaN : s[COVERED + i] / s[N];
    }
    out[LEVELS.length] = Scores.skill(s[MODEL_P], s[PERS_P]);
    out[LEVELS.length + 1] = Scores.skill(s[MODEL_E], s[PERS_E]);
    out[LEVELS.length + 2] = Scores.skill(s[MODEL_TREND_P], s[TREND_P]);
    out[LEVELS.length + 3] = Scores.skill(s[MODEL_TREND_E], s[TREND_E]);
    return out;
  }

  private static Group group(String horizon, List<Prepared> figures) {
    Map<String, List<Prepared>> bySource = new LinkedHashMap<>();
    for (Prepared p : figures) {
      bySource.computeIfAbsent(p.source, k -> new ArrayList<>()).add(p);
    }
    double[][] clusters = bySource.values().stream().map(Scorecard::sums).toArray(double[][]::new);
    double[] total = sums(figures);
    double[] point = statistics(total);
    // Every group draws from the same stream, so the same figures get the same intervals whether
    // they are one forecast date's or the pool of a single date.
    Interval[] ci = bootstrap(clusters, point.length, RandomStreams.scorecardBootstrap(SEED));
    List<Coverage> coverage = new ArrayList<>();
    for (int i = 0; i < LEVELS.length; i++) {
      coverage.add(new Coverage(LEVELS[i], point[i], ci[i]));
    }
    int n = figures.size();
    int nt = (int) total[N_TREND];
    int k = LEVELS.length;
    double[] widths = figures.stream().mapToDouble(Prepared::width90).sorted().toArray();
    return new Group(
        horizon,
        n,
        bySource.size(),
        coverage,
        pitHistogram(figures),
        n == 0 ? Double.NaN : total[MODEL_P] / n,
        n == 0 ? Double.NaN : figures.stream().mapToDouble(Prepared::crpsLog).sum() / n,
        new Skill(point[k], ci[k], n),
        new Skill(point[k + 1], ci[k + 1], n),
        new Skill(point[k + 2], ci[k + 2], nt),
        new Skill(point[k + 3], ci[k + 3], nt),
        median(widths));
  }

  /** Percentile intervals of the statistics over {@link #RESAMPLES} resamples of the clusters. */
  private static Interval[] bootstrap(double[][] clusters, int stats, UniformRandomProvider rng) {
    Interval[] out = new Interval[stats];
    if (clusters.length == 0) {
      Arrays.fill(out, Interval.NONE);
      return out;
    }
    double[][] draws = new double[stats][RESAMPLES];
    double[] s = new double[SUMS];
    for (int b = 0; b < RESAMPLES; b++) {
      Arrays.fill(s, 0);
      for (int j = 0; j < clusters.length; j++) {
        double[] c = clusters[rng.nextInt(clusters.length)];
        for (int k = 0; k < SUMS; k++) {
          s[k] += c[k];
        }
      }
      double[] st = statistics(s);
      for (int k = 0; k < stats; k++) {
        draws[k][b] = st[k];
      }
    }
    for (int k = 0; k < stats; k++) {
      double[] d = Arrays.stream(draws[k]).filter(v -> !Double.isNaN(v)).sorted().toArray();
      out[k] =
          d.length == 0
              ? Interval.NONE
              : new Interval(Scores.quantileSorted(d, 0.05), Scores.quantileSorted(d, 0.95));
    }
    return out;
  }

  /** Spreads each figure's PIT uniformly over its interval [F(a−1), F(b)] and bins the mass. */
  private static double[] pitHistogram(List<Prepared> figures) {
    double[] h = new double[PIT_BINS];
    for (Prepared p : figures) {
      double lo = p.pitLow;
      double hi = p.pitHigh;
      if (hi - lo < 1e-12) {
        h[Math.min(PIT_BINS - 1, (int) (lo * PIT_BINS))] += 1;
        continue;
      }
      for (int i = 0; i < PIT_BINS; i++) {
        double a = Math.max(lo, (double) i / PIT_BINS);
        double b = Math.min(hi, (double) (i + 1) / PIT_BINS);
        if (b > a) {
          h[i] += (b - a) / (hi - lo);
        }
      }
    }
    if (!figures.isEmpty()) {
      for (int i = 0; i < PIT_BINS; i++) {
        h[i] /= figures.size();
      }
    }
    return h;
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }

  // The targets of issue #13.
  private static final double COVERAGE90_LOW = 0.80;
  private static final double COVERAGE90_HIGH = 0.95;
  private static final double COVERAGE50_LOW = 0.40;
  private static final double COVERAGE50_HIGH = 0.60;
  private static final double SKILL_PERSISTENCE = 0.20;
  private static final double SKILL_TREND = 0.25;
  private static final double WIDTH_24 = 3;

  /** The horizon band whose 90% widths the sharpness target reads. */
  private static final String SHARPNESS_BAND = "13-24";

  private static Verdict verdict(List<Group> pooled) {
    Group g = pooled.get(0);
    Group late = pooled.stream().filter(x -> x.horizon().equals(SHARPNESS_BAND)).findFirst().get();
    List<Target> t = new ArrayList<>();
    t.add(
        range(
            "coverage90",
            "90% intervals hold 80–95% of the figures",
            g.at(0.9),
            COVERAGE90_LOW,
            COVERAGE90_HIGH,
            g.figures()));
    t.add(
        range(
            "coverage50",
            "50% intervals hold 40–60% of the figures",
            g.at(0.5),
            COVERAGE50_LOW,
            COVERAGE50_HIGH,
            g.figures()));
    t.add(
        skill(
            "skill_persistence_equal",
            "CRPS skill weighted equally per figure at least 20% against persistence",
            g.persistenceEqual(),
            SKILL_PERSISTENCE));
    t.add(
        skill(
            "skill_trend_equal",
            "CRPS skill weighted equally per figure at least 25% against the linear trend",
            g.trendEqual(),
            SKILL_TREND));
    t.add(
        skill(
            "skill_persistence_people",
            "CRPS skill weighted by people above 0 against persistence",
            g.persistencePeople(),
            0));
    t.add(
        skill(
            "skill_trend_people",
            "CRPS skill weighted by people above 0 against the linear trend",
            g.trendPeople(),
            0));
    t.add(sharpness(late));
    long met = t.stream().filter(x -> x.status() == Status.MET).count();
    long missed = t.stream().filter(x -> x.status() == Status.MISSED).count();
    long unmeasured = t.size() - met - missed;
    StringBuilder s = new StringBuilder();
    s.append(
        fmt(
            "Scored against %d figures from %d sources, the forecast meets %d of the %d targets"
                + " and misses %d",
            g.figures(), g.sources(), met, t.size(), missed));
    if (unmeasured > 0) {
      s.append(fmt("; %d cannot be measured from these figures", unmeasured));
    }
    s.append('.');
    String width = widthInWords(g.at(0.9).observed());
    if (!width.isEmpty()) {
      s.append(' ').append(width);
    }
    if (g.sources() < 10) {
      s.append(
          fmt(
              " With %d sources, the bootstrap intervals are wide: read the figures as signs, not"
                  + " measurements.",
              g.sources()));
    }
    return new Verdict(s.toString(), t);
  }

  /**
   * What a coverage of the 90% intervals says about their width, in one sentence against the target
   * of 80–95%; empty when it cannot be computed.
   */
  public static String widthInWords(double coverage90) {
    if (Double.isNaN(coverage90)) {
      return "";
    }
    if (coverage90 < COVERAGE90_LOW) {
      return "Its intervals are too narrow: read its probabilities as the model's, not as"
          + " calibrated odds.";
    }
    return coverage90 > COVERAGE90_HIGH
        ? "Its intervals are wider than they need to be."
        : "Its 90% intervals are about as wide as they should be.";
  }

  private static Target range(
      String id, String goal, Coverage c, double low, double high, int figures) {
    if (Double.isNaN(c.observed())) {
      return notMeasured(id, goal);
    }
    boolean met = c.observed() >= low && c.observed() <= high;
    String text =
        fmt(
            "The %s intervals held %s of the %d figures (90%% bootstrap interval %s), against a"
                + " target of %s–%s: %s.",
            pct(c.level()),
            pct(c.observed()),
            figures,
            pctInterval(c.ci()),
            pct(low),
            pct(high),
            met ? "met" : "missed");
    return new Target(id, goal, met ? Status.MET : Status.MISSED, c.observed(), c.ci(), text);
  }

  private static Target skill(String id, String goal, Skill k, double target) {
    if (Double.isNaN(k.value())) {
      return notMeasured(id, goal);
    }
    boolean met = target == 0 ? k.value() > 0 : k.value() >= target;
    String text =
        fmt(
            "%s: %s on %d figures (90%% bootstrap interval %s): %s.",
            goal.substring(0, 1).toUpperCase(Locale.ROOT) + goal.substring(1),
            skillPct(k.value()),
            k.figures(),
            skillInterval(k.ci()),
            met ? "met" : "missed");
    return new Target(id, goal, met ? Status.MET : Status.MISSED, k.value(), k.ci(), text);
  }

  private static Target sharpness(Group late) {
    String id = "width90_24";
    String goal = "median 90% interval width at 13–24 months at most 3 times the median";
    if (late.figures() == 0) {
      return notMeasured(id, goal);
    }
    boolean met = late.medianWidth90() <= WIDTH_24;
    String text =
        fmt(
            "At 13–24 months the median 90%% interval is %.1f times as wide as the median forecast"
                + " (%d figures), against a target of at most %.0f: %s.",
            late.medianWidth90(), late.figures(), WIDTH_24, met ? "met" : "missed");
    return new Target(
        id, goal, met ? Status.MET : Status.MISSED, late.medianWidth90(), Interval.NONE, text);
  }

  private static Target notMeasured(String id, String goal) {
    String text =
        fmt(
            "%s: not measured, no scored figure falls where it applies.",
            goal.substring(0, 1).toUpperCase(Locale.ROOT) + goal.substring(1));
    return new Target(id, goal, Status.NOT_MEASURED, Double.NaN, Interval.NONE, text);
  }

  /** A share as a whole percentage, such as {@code 28%} (a coverage). */
  public static String pct(double x) {
    return percent(x, 0);
  }

  /** A skill as a percentage with one decimal, such as {@code 0.5%}. */
  public static String skillPct(double x) {
    return percent(x, 1);
  }

  /** A bootstrap interval of shares in whole percentages, such as {@code 18% to 40%}. */
  public static String pctInterval(Interval i) {
    return percentInterval(i, 0);
  }

  /** A bootstrap interval of skills, one decimal, such as {@code -2.1% to 20.5%}. */
  public static String skillInterval(Interval i) {
    return percentInterval(i, 1);
  }

  private static String percent(double x, int decimals) {
    if (Double.isNaN(x)) {
      return "–";
    }
    String s = fmt("%." + decimals + "f", 100 * x);
    // No "-0" or "-0.0": a value that rounds to zero is zero.
    return (s.matches("-0(\\.0+)?") ? s.substring(1) : s) + "%";
  }

  private static String percentInterval(Interval i, int decimals) {
    if (Double.isNaN(i.low())) {
      return "none";
    }
    return percent(i.low(), decimals) + " to " + percent(i.high(), decimals);
  }

  private static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
