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
 * <p>The headline outputs are the world totals of each state at a month M (default the horizon).
 * Paired differences cancel the noise the variants share: a variant identical to the base differs
 * by exactly zero in every replication. Streams are drawn in the scenario's parameter order, so the
 * pairing is exact for variants that change parameter values or drivers; a variant that adds or
 * removes parameters shifts the later parameter draws and pairs less tightly (still valid, only
 * noisier).
 */
public final class VariantComparison {

  /** The headline states, in report order. */
  public static final List<State> HEADLINES = State.HEADLINE;

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
   * @param month M
   * @param runs replications per variant
   * @param levels levels[variant][headline]
   * @param differences differences[variant][headline], variant minus base (zero for the base)
   */
  public record Comparison(
      List<String> names, int month, int runs, Interval[][] levels, Interval[][] differences) {
    /** Copies the arrays, so the value cannot change after it is made. */
    public Comparison {
      levels = Arrays.stream(levels).map(Interval[]::clone).toArray(Interval[][]::new);
      differences = Arrays.stream(differences).map(Interval[]::clone).toArray(Interval[][]::new);
    }

    /** levels[variant][headline] (a copy). */
    @Override
    public Interval[][] levels() {
      return Arrays.stream(levels).map(Interval[]::clone).toArray(Interval[][]::new);
    }

    /** differences[variant][headline] against the first variant (a copy). */
    @Override
    public Interval[][] differences() {
      return Arrays.stream(differences).map(Interval[]::clone).toArray(Interval[][]::new);
    }
  }

  private VariantComparison() {}

  /** Every variant's headline outputs per replication: values[variant][replication][headline]. */
  public static double[][][] headlines(
      List<Variant> variants, int month, int runs, long seed, int threads) {
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("no variants");
    }
    double[][][] out = new double[variants.size()][][];
    for (int v = 0; v < variants.size(); v++) {
      CompiledModel model = variants.get(v).model();
      if (month < 0 || month > model.months()) {
        throw new IllegalArgumentException(
            "month " + month + " is beyond the horizon of " + variants.get(v).name());
      }
      List<double[]> reps =
          PerReplication.run(model, runs, seed, threads, (m, r) -> new Probe(m, month));
      out[v] = reps.toArray(new double[0][]);
    }
    return out;
  }

  /** Runs and summarises the comparison. */
  public static Comparison run(
      List<Variant> variants, int month, int runs, long seed, int threads) {
    return summarise(variants, month, headlines(variants, month, runs, seed, threads));
  }

  /** Summarises per-replication headline values into levels and paired differences. */
  public static Comparison summarise(List<Variant> variants, int month, double[][][] values) {
    int n = values[0].length;
    int h = HEADLINES.size();
    Interval[][] levels = new Interval[variants.size()][h];
    Interval[][] diffs = new Interval[variants.size()][h];
    double[] level = new double[n];
    double[] diff = new double[n];
    for (int v = 0; v < variants.size(); v++) {
      for (int k = 0; k < h; k++) {
        for (int i = 0; i < n; i++) {
          level[i] = values[v][i][k];
          diff[i] = values[v][i][k] - values[0][i][k];
        }
        levels[v][k] = Interval.of(level);
        diffs[v][k] = Interval.of(diff);
      }
    }
    List<String> names = new ArrayList<>();
    for (Variant v : variants) {
      names.add(v.name());
    }
    return new Comparison(names, month, n, levels, diffs);
  }

  /** World totals of the headline states at month M. */
  private static final class Probe implements ReplicationProbe<double[]> {
    private final int month;
    private final int[] headlineOf;
    private final double[] totals = new double[HEADLINES.size()];
    private final CompiledModel model;

    Probe(CompiledModel model, int month) {
      this.month = month;
      headlineOf = new int[model.compartments().size()];
      for (int g = 0; g < headlineOf.length; g++) {
        headlineOf[g] = HEADLINES.indexOf(model.compartments().get(g).state());
      }
      this.model = model;
    }

    @Override
    public void observe(int m, int[][] stocks) {
      if (m != month) {
        return;
      }
      for (int k = 0; k < stocks.length; k++) {
        Cohort cohort = model.cohorts().get(k);
        int[] s = stocks[k];
        for (int j = 0; j < s.length; j++) {
          int h = headlineOf[cohort.compartment(j)];
          if (h >= 0) {
            totals[h] += s[j];
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
