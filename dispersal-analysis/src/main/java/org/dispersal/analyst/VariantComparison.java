package org.dispersal.analyst;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dispersal.engine.Cohort;
import org.dispersal.engine.CompiledModel;
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
   */
  public record Comparison(
      List<String> names,
      List<Integer> months,
      int runs,
      Interval[][][] levels,
      Interval[][][] differences) {
    /** Copies the lists and arrays, so the value cannot change after it is made. */
    public Comparison {
      names = List.copyOf(names);
      months = List.copyOf(months);
      levels = copy(levels);
      differences = copy(differences);
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

  private VariantComparison() {}

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
    for (int v = 0; v < variants.size(); v++) {
      CompiledModel model = variants.get(v).model();
      for (int month : months) {
        if (month < 0 || month > model.months()) {
          throw new IllegalArgumentException(
              "month " + month + " is beyond the horizon of " + variants.get(v).name());
        }
      }
      List<double[]> reps =
          PerReplication.run(model, runs, seed, threads, (m, r) -> new Probe(m, months));
      out[v] = reps.toArray(new double[0][]);
    }
    return out;
  }

  /** Runs and summarises the comparison at the given months (ascending). */
  public static Comparison run(
      List<Variant> variants, List<Integer> months, int runs, long seed, int threads) {
    return summarise(variants, months, headlines(variants, months, runs, seed, threads));
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
    return new Comparison(names, months, n, levels, diffs);
  }

  /** World totals of the headline states at each probed month, month by month. */
  private static final class Probe implements ReplicationProbe<double[]> {
    private final List<Integer> months;
    private final int[] headlineOf;
    private final double[] totals;
    private final CompiledModel model;

    Probe(CompiledModel model, List<Integer> months) {
      this.months = months;
      totals = new double[months.size() * HEADLINES.size()];
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
      }
    }

    @Override
    public double[] result() {
      return totals;
    }
  }
}
