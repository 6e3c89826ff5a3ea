package org.dispersal.analyst;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.engine.Cohort;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Demographic;
import org.dispersal.model.Origin;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;

/**
 * Compares scenario variants with common random numbers: every variant runs replication i with the
 * streams of (seed, i), and the difference of each headline output from the first variant (the
 * base) is taken replication by replication before it is summarised.
 *
 * <p>The headline outputs are the world totals of each state at each probed month (by default
 * {@link #DEFAULT_MONTHS}, capped at the horizon: a lever that acts early, such as the speed of the
 * offensives, shows at +6 months and may have washed out by +36). Paired differences cancel the
 * noise the variants share: a variant identical to the base differs by exactly zero in every
 * replication. Streams are drawn in the scenario's parameter order, so the pairing is exact for
 * variants that change parameter values or drivers; a variant that adds or removes parameters
 * shifts the later parameter draws and pairs less tightly (still valid, only noisier).
 *
 * <p>When a variant changes a country's repatriation policy, the comparison also follows that
 * country's women and minors back home ({@link CountryHome}), with the same pairing.
 */
public final class VariantComparison {

  /** The headline states, in report order. */
  public static final List<State> HEADLINES = State.HEADLINE;

  /** The months probed unless the analyst chooses: +6, +12, +24 and +36 months after the start. */
  public static final List<Integer> DEFAULT_MONTHS = List.of(6, 12, 24, 36);

  /**
   * A variant to compare.
   *
   * @param name how the analyst named it (built-in name, file or --set list)
   * @param model the compiled scenario
   */
  public record Variant(String name, CompiledModel model) {}

  /**
   * The comparison.
   *
   * @param names the variants, the base first
   * @param months the probed months, ascending
   * @param runs replications per variant
   * @param levels levels[month][variant][headline], month indexing {@code months}
   * @param differences differences[month][variant][headline], variant minus base (zero for the
   *     base)
   * @param homeByCountry the women and minors back home, country by country, for the countries
   *     whose repatriation policy differs between a variant and the base (empty if none does)
   */
  public record Comparison(
      List<String> names,
      List<Integer> months,
      int runs,
      Interval[][][] levels,
      Interval[][][] differences,
      List<CountryHome> homeByCountry) {
    /** Copies the lists and arrays, so the value cannot change after it is made. */
    public Comparison {
      names = List.copyOf(names);
      months = List.copyOf(months);
      levels = copy(levels);
      differences = copy(differences);
      homeByCountry = List.copyOf(homeByCountry);
    }

    /** A comparison without country rows. */
    public Comparison(
        List<String> names,
        List<Integer> months,
        int runs,
        Interval[][][] levels,
        Interval[][][] differences) {
      this(names, months, runs, levels, differences, List.of());
    }

    /** levels[month][variant][headline] (a copy). */
    @Override
    public Interval[][][] levels() {
      return copy(levels);
    }

    /** differences[month][variant][headline] against the first variant (a copy). */
    @Override
    public Interval[][][] differences() {
      return copy(differences);
    }

    /** The level of a headline for a variant at the month of index {@code at} in months. */
    public Interval level(int at, int variant, int headline) {
      return levels[at][variant][headline];
    }

    /** The paired difference from the base at the month of index {@code at} in months. */
    public Interval difference(int at, int variant, int headline) {
      return differences[at][variant][headline];
    }

    private static Interval[][][] copy(Interval[][][] a) {
      return Arrays.stream(a)
          .map(
              byVariant ->
                  Arrays.stream(byVariant).map(Interval[]::clone).toArray(Interval[][]::new))
          .toArray(Interval[][][]::new);
    }
  }

  /**
   * The people of one country and demographic back home (the observation measure {@code returned}:
   * however their case ended) at each probed month, per variant, with the paired difference from
   * the base: what a repatriation policy changes, country by country (issue #15).
   *
   * @param country the origin id
   * @param demographic women or minors
   * @param levels levels[month][variant]
   * @param differences differences[month][variant], variant minus base
   */
  public record CountryHome(
      String country, Demographic demographic, Interval[][] levels, Interval[][] differences) {
    /** Copies the arrays. */
    public CountryHome {
      levels = Arrays.stream(levels).map(Interval[]::clone).toArray(Interval[][]::new);
      differences = Arrays.stream(differences).map(Interval[]::clone).toArray(Interval[][]::new);
    }

    /** levels[month][variant] (a copy). */
    @Override
    public Interval[][] levels() {
      return Arrays.stream(levels).map(Interval[]::clone).toArray(Interval[][]::new);
    }

    /** differences[month][variant] (a copy). */
    @Override
    public Interval[][] differences() {
      return Arrays.stream(differences).map(Interval[]::clone).toArray(Interval[][]::new);
    }
  }

  /** The demographic groups whose return the country rows follow. */
  public static final List<Demographic> HOME_GROUPS =
      List.of(Demographic.WOMEN, Demographic.MINORS);

  private VariantComparison() {}

  /**
   * The countries (origins of the base that are countries) whose repatriation policy differs, in
   * some month up to the horizon, between a variant and the base, in the base's order.
   */
  public static List<String> policyCountries(List<Variant> variants) {
    Scenario base = variants.get(0).model().scenario();
    List<String> out = new ArrayList<>();
    for (Origin o : base.origins()) {
      if (!o.country()) {
        continue;
      }
      boolean differs = false;
      for (Variant v : variants.subList(1, variants.size())) {
        Scenario s = v.model().scenario();
        for (int t = 0; t <= Math.min(s.months(), base.months()) && !differs; t++) {
          differs =
              s.drivers().repatriation().policy(o.id(), t)
                  != base.drivers().repatriation().policy(o.id(), t);
        }
      }
      if (differs) {
        out.add(o.id());
      }
    }
    return out;
  }

  /**
   * The default months for a horizon: {@link #DEFAULT_MONTHS}, each capped at the horizon (so a
   * 30-month scenario is probed at 6, 12, 24 and 30), without repeats.
   */
  public static List<Integer> defaultMonths(int horizon) {
    return DEFAULT_MONTHS.stream().map(m -> Math.min(m, horizon)).distinct().sorted().toList();
  }

  /**
   * Every variant's headline outputs per replication: values[variant][replication][month *
   * headlines + headline].
   */
  public static double[][][] headlines(
      List<Variant> variants, List<Integer> months, int runs, long seed, int threads) {
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("no variants");
    }
    if (months.isEmpty()) {
      throw new IllegalArgumentException("no months");
    }
    double[][][] out = new double[variants.size()][][];
    List<String> countries = policyCountries(variants);
    for (int v = 0; v < variants.size(); v++) {
      CompiledModel model = variants.get(v).model();
      for (int month : months) {
        if (month < 0 || month > model.months()) {
          throw new IllegalArgumentException(
              "month " + month + " is beyond the horizon of " + variants.get(v).name());
        }
      }
      List<double[]> reps =
          PerReplication.run(model, runs, seed, threads, (m, r) -> new Probe(m, months, countries));
      out[v] = reps.toArray(new double[0][]);
    }
    return out;
  }

  /** Runs and summarises the comparison at the given months (ascending). */
  public static Comparison run(
      List<Variant> variants, List<Integer> months, int runs, long seed, int threads) {
    return summarise(variants, months, headlines(variants, months, runs, seed, threads));
  }

  /** The values' cell of a country row: after every headline of every month. */
  private static int countryCell(int months, int month, int country, int countries, int group) {
    return months * HEADLINES.size() + (month * countries + country) * HOME_GROUPS.size() + group;
  }

  /** Summarises per-replication headline values into levels and paired differences. */
  public static Comparison summarise(
      List<Variant> variants, List<Integer> months, double[][][] values) {
    int n = values[0].length;
    int h = HEADLINES.size();
    Interval[][][] levels = new Interval[months.size()][variants.size()][h];
    Interval[][][] diffs = new Interval[months.size()][variants.size()][h];
    double[] level = new double[n];
    double[] diff = new double[n];
    for (int t = 0; t < months.size(); t++) {
      for (int v = 0; v < variants.size(); v++) {
        for (int k = 0; k < h; k++) {
          int cell = t * h + k;
          for (int i = 0; i < n; i++) {
            level[i] = values[v][i][cell];
            diff[i] = values[v][i][cell] - values[0][i][cell];
          }
          levels[t][v][k] = Interval.of(level);
          diffs[t][v][k] = Interval.of(diff);
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (Variant v : variants) {
      names.add(v.name());
    }
    List<String> countries = policyCountries(variants);
    List<CountryHome> home = new ArrayList<>();
    for (int ci = 0; ci < countries.size(); ci++) {
      for (int g = 0; g < HOME_GROUPS.size(); g++) {
        Interval[][] lv = new Interval[months.size()][variants.size()];
        Interval[][] df = new Interval[months.size()][variants.size()];
        for (int t = 0; t < months.size(); t++) {
          int cell = countryCell(months.size(), t, ci, countries.size(), g);
          for (int v = 0; v < variants.size(); v++) {
            for (int i = 0; i < n; i++) {
              level[i] = values[v][i][cell];
              diff[i] = values[v][i][cell] - values[0][i][cell];
            }
            lv[t][v] = Interval.of(level);
            df[t][v] = Interval.of(diff);
          }
        }
        home.add(new CountryHome(countries.get(ci), HOME_GROUPS.get(g), lv, df));
      }
    }
    return new Comparison(names, months, n, levels, diffs, home);
  }

  /** World totals of the headline states at each probed month, month by month. */
  private static final class Probe implements ReplicationProbe<double[]> {
    private final List<Integer> months;
    private final int[] headlineOf;
    private final double[] totals;
    private final CompiledModel model;
    private final int countries;
    private final int[] slotOf;
    private final boolean[][] home;

    Probe(CompiledModel model, List<Integer> months, List<String> countryIds) {
      this.months = months;
      countries = countryIds.size();
      totals = new double[months.size() * (HEADLINES.size() + countries * HOME_GROUPS.size())];
      slotOf = new int[model.cohorts().size()];
      home = new boolean[model.cohorts().size()][];
      for (Cohort c : model.cohorts()) {
        int ci = countryIds.indexOf(c.origin().id());
        int g = HOME_GROUPS.indexOf(c.demographic());
        slotOf[c.index()] = ci >= 0 && g >= 0 ? ci * HOME_GROUPS.size() + g : -1;
        boolean[] h = new boolean[c.compartments().length];
        for (int j = 0; j < h.length; j++) {
          h[j] =
              ObservedMeasure.RETURNED.includes(
                  model.compartments().get(c.compartments()[j]), c.origin());
        }
        home[c.index()] = h;
      }
      headlineOf = new int[model.compartments().size()];
      for (int g = 0; g < headlineOf.length; g++) {
        headlineOf[g] = HEADLINES.indexOf(model.compartments().get(g).state());
      }
      this.model = model;
    }

    @Override
    public void observe(int m, int[][] stocks) {
      int at = months.indexOf(m);
      if (at < 0) {
        return;
      }
      int offset = at * HEADLINES.size();
      for (int k = 0; k < stocks.length; k++) {
        Cohort cohort = model.cohorts().get(k);
        int[] s = stocks[k];
        for (int j = 0; j < s.length; j++) {
          int h = headlineOf[cohort.compartment(j)];
          if (h >= 0) {
            totals[offset + h] += s[j];
          }
        }
        int slot = slotOf[k];
        if (slot >= 0) {
          int cell = months.size() * HEADLINES.size() + at * countries * HOME_GROUPS.size() + slot;
          boolean[] atHome = home[k];
          for (int j = 0; j < s.length; j++) {
            if (atHome[j]) {
              totals[cell] += s[j];
            }
          }
        }
      }
    }

    @Override
    public double[] result() {
      return totals;
    }
  }
}
