package org.dispersal.analyst;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.dispersal.engine.Cohort;
import org.dispersal.engine.Compartment;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.Realization;
import org.dispersal.model.ModelParameters.Base;
import org.dispersal.model.NamedId;
import org.dispersal.model.State;

/**
 * The threat outlook: per destination country and month, dispatched operatives at large, plots and
 * plots that reach an attack, with intervals over replications, countries ranked by expected plots.
 *
 * <p>Per replication and destination c, summing over every cohort that can send operatives to c:
 *
 * <ul>
 *   <li><b>operatives at large</b> at month t: the stock dispatched[c].
 *   <li><b>attacks</b> in month t: the increase of the stock attack[c] from t − 1 to t (counted
 *       exactly; attack is absorbing and only dispatched[c] feeds it).
 *   <li><b>foiled plots</b> in month t: arrested[c] also receives operatives arrested before any
 *       plot and migrants caught by route screening, so plots are not a stock of the model. The
 *       expected number of foiled plots given the replication is used instead: D(t − 1) · (1 −
 *       e^(−H)) · plot_rate · (1 − plot_success_share) / H with H = operative_arrest_rate +
 *       plot_rate, the cohort's values in that replication, D its operatives at large.
 *   <li><b>plots</b> in month t: attacks plus foiled plots.
 * </ul>
 *
 * <p>Cumulative plots and attacks add the months up. The veteran effect and the lag from arrival to
 * plot enter through plot_rate and plot_success_share (PRIORS T2, T8); the one-in-nine ceiling on
 * returnee involvement (T1) is checked by {@link Outlook#dispatchedShare}.
 */
public final class ThreatOutlook {

  /** Measures, in the order of the arrays of a {@link Replication}. */
  public enum Measure implements NamedId {
    /** Operatives at large at the end of the month. */
    AT_LARGE("Operatives at large"),
    /** Plots that came to a head in the month (attacks plus foiled). */
    PLOTS("Plots in the month"),
    /** Plots that ended as attacks in the month. */
    ATTACKS("Attacks in the month"),
    /** Plots since the start. */
    CUMULATIVE_PLOTS("Plots since the start"),
    /** Attacks since the start. */
    CUMULATIVE_ATTACKS("Attacks since the start");

    private final String label;

    Measure(String label) {
      this.label = label;
    }

    /** A label for tables and charts. */
    public String label() {
      return label;
    }
  }

  /**
   * One replication's measures.
   *
   * @param values values[destination][measure][month]
   * @param dispatchedShare operatives ever dispatched over everyone who left the theatre for home
   *     or a target (returned, disengaged, prosecuted, ever dispatched) at the horizon
   */
  public record Replication(double[][][] values, double dispatchedShare) {
    /** Copies the arrays, so the value cannot change after it is made. */
    public Replication {
      values =
          Arrays.stream(values)
              .map(a -> Arrays.stream(a).map(double[]::clone).toArray(double[][]::new))
              .toArray(double[][][]::new);
    }

    /** One entry of values[destination][measure][month], without copying. */
    public double value(int destination, int measure, int month) {
      return values[destination][measure][month];
    }

    /** values[destination][measure][month] (a copy). */
    @Override
    public double[][][] values() {
      return Arrays.stream(values)
          .map(a -> Arrays.stream(a).map(double[]::clone).toArray(double[][]::new))
          .toArray(double[][][]::new);
    }
  }

  /**
   * The outlook summarised over replications.
   *
   * @param destinations destination ids in the model's order
   * @param months the horizon
   * @param runs replications
   * @param cells cells[destination][measure][month]
   * @param ranking destination indices, the most expected cumulative plots at the horizon first
   * @param dispatchedShare the share ever dispatched, for comparison with the one-in-nine ceiling
   */
  public record Outlook(
      List<String> destinations,
      int months,
      int runs,
      Interval[][][] cells,
      int[] ranking,
      Interval dispatchedShare) {
    /** Copies the arrays, so the value cannot change after it is made. */
    public Outlook {
      cells =
          Arrays.stream(cells)
              .map(a -> Arrays.stream(a).map(Interval[]::clone).toArray(Interval[][]::new))
              .toArray(Interval[][][]::new);
      ranking = ranking.clone();
    }

    /** cells[destination][measure][month] (a copy). */
    @Override
    public Interval[][][] cells() {
      return Arrays.stream(cells)
          .map(a -> Arrays.stream(a).map(Interval[]::clone).toArray(Interval[][]::new))
          .toArray(Interval[][][]::new);
    }

    /** Destinations by rank (a copy). */
    @Override
    public int[] ranking() {
      return ranking.clone();
    }

    /** The summary of one measure of one destination at one month. */
    public Interval at(int destination, Measure m, int month) {
      return cells[destination][m.ordinal()][month];
    }
  }

  private ThreatOutlook() {}

  /** The dispatch destinations of a model: origins' homes and targets, in cohort order. */
  public static List<String> destinations(CompiledModel model) {
    Map<String, Boolean> seen = new LinkedHashMap<>();
    for (Compartment c : model.compartments()) {
      if (c.state() == State.DISPATCHED) {
        seen.put(c.destination(), true);
      }
    }
    return List.copyOf(seen.keySet());
  }

  /** Runs the replications and summarises them. */
  public static Outlook run(CompiledModel model, int runs, long seed, int threads) {
    return run(model, runs, seed, threads, done -> {});
  }

  /**
   * Runs the replications and summarises them, telling {@code progress} the number of finished
   * replications (from worker threads; an exception it throws stops the run).
   */
  public static Outlook run(
      CompiledModel model, int runs, long seed, int threads, IntConsumer progress) {
    List<String> dest = destinations(model);
    return summarise(
        model,
        PerReplication.run(model, runs, seed, threads, (m, r) -> new Probe(m, r, dest), progress));
  }

  /** The measures of each replication (index i for replication i). */
  public static List<Replication> replications(
      CompiledModel model, int runs, long seed, int threads) {
    List<String> dest = destinations(model);
    return PerReplication.run(model, runs, seed, threads, (m, r) -> new Probe(m, r, dest));
  }

  /** Summarises replications. */
  public static Outlook summarise(CompiledModel model, List<Replication> reps) {
    List<String> dest = destinations(model);
    int months = model.months();
    int n = reps.size();
    int measures = Measure.values().length;
    Interval[][][] cells = new Interval[dest.size()][measures][months + 1];
    double[] column = new double[n];
    for (int d = 0; d < dest.size(); d++) {
      for (int k = 0; k < measures; k++) {
        for (int t = 0; t <= months; t++) {
          for (int i = 0; i < n; i++) {
            column[i] = reps.get(i).value(d, k, t);
          }
          cells[d][k][t] = Interval.of(column);
        }
      }
    }
    double[] share = new double[n];
    for (int i = 0; i < n; i++) {
      share[i] = reps.get(i).dispatchedShare();
    }
    List<Integer> order = new ArrayList<>();
    for (int d = 0; d < dest.size(); d++) {
      order.add(d);
    }
    int cum = Measure.CUMULATIVE_PLOTS.ordinal();
    order.sort(
        Comparator.comparingDouble((Integer d) -> -cells[d][cum][months].mean())
            .thenComparing(dest::get));
    return new Outlook(
        dest,
        months,
        n,
        cells,
        order.stream().mapToInt(Integer::intValue).toArray(),
        Interval.of(share));
  }

  /** Collects one replication's measures. */
  private static final class Probe implements ReplicationProbe<Replication> {
    private final int[][] dispatched;
    private final int[][] arrested;
    private final int[][] attack;
    private final int[][] destinationOf;
    private final double[] foiledPerOperative;
    private final double[][][] values;
    private final double[][] foiled;
    private final int months;
    private double share = Double.NaN;

    Probe(CompiledModel model, Realization r, List<String> dest) {
      months = model.months();
      int cohorts = model.cohortCount();
      dispatched = new int[cohorts][];
      arrested = new int[cohorts][];
      attack = new int[cohorts][];
      destinationOf = new int[cohorts][];
      foiledPerOperative = new double[cohorts];
      Map<String, Integer> index = new LinkedHashMap<>();
      for (int d = 0; d < dest.size(); d++) {
        index.put(dest.get(d), d);
      }
      for (Cohort c : model.cohorts()) {
        int k = c.index();
        dispatched[k] = model.locals(k, State.DISPATCHED);
        arrested[k] = model.locals(k, State.ARRESTED);
        attack[k] = model.locals(k, State.ATTACK);
        destinationOf[k] = new int[dispatched[k].length];
        for (int j = 0; j < dispatched[k].length; j++) {
          String label = model.compartments().get(c.compartments()[dispatched[k][j]]).destination();
          destinationOf[k][j] = index.get(label);
        }
        double plot = Screening.value(model, r, c, Base.PLOT_RATE);
        double success =
            Math.min(1, Math.max(0, Screening.value(model, r, c, Base.PLOT_SUCCESS_SHARE)));
        double arrest = Screening.value(model, r, c, Base.OPERATIVE_ARREST_RATE);
        double h = arrest + plot;
        foiledPerOperative[k] = h > 0 ? (1 - Math.exp(-h)) * plot * (1 - success) / h : 0;
      }
      values = new double[dest.size()][Measure.values().length][months + 1];
      foiled = new double[dest.size()][months + 1];
    }

    @Override
    public void observe(int month, int[][] stocks) {
      int at = Measure.AT_LARGE.ordinal();
      int cumAttacks = Measure.CUMULATIVE_ATTACKS.ordinal();
      for (int k = 0; k < stocks.length; k++) {
        int[] s = stocks[k];
        for (int j = 0; j < dispatched[k].length; j++) {
          int d = destinationOf[k][j];
          int operatives = s[dispatched[k][j]];
          values[d][at][month] += operatives;
          values[d][cumAttacks][month] += s[attack[k][j]];
          if (month < months) {
            foiled[d][month + 1] += operatives * foiledPerOperative[k];
          }
        }
      }
      if (month == months) {
        finish(stocks);
      }
    }

    private void finish(int[][] stocks) {
      int plots = Measure.PLOTS.ordinal();
      int attacks = Measure.ATTACKS.ordinal();
      int cumPlots = Measure.CUMULATIVE_PLOTS.ordinal();
      int cumAttacks = Measure.CUMULATIVE_ATTACKS.ordinal();
      for (int d = 0; d < values.length; d++) {
        double[][] v = values[d];
        double before = v[cumAttacks][0];
        double cum = 0;
        for (int t = 0; t <= months; t++) {
          v[cumAttacks][t] -= before;
          v[attacks][t] = t == 0 ? 0 : v[cumAttacks][t] - v[cumAttacks][t - 1];
          v[plots][t] = v[attacks][t] + foiled[d][t];
          cum += v[plots][t];
          v[cumPlots][t] = cum;
        }
      }
      double ever = 0;
      double home = 0;
      for (int k = 0; k < stocks.length; k++) {
        int[] s = stocks[k];
        for (int j = 0; j < dispatched[k].length; j++) {
          ever += s[dispatched[k][j]] + s[arrested[k][j]] + s[attack[k][j]];
        }
        home +=
            s[CompiledModel.RETURNED]
                + s[CompiledModel.PROSECUTED]
                + s[CompiledModel.COOPERATING]
                + s[CompiledModel.NOT_COOPERATING];
      }
      share = ever + home > 0 ? ever / (ever + home) : Double.NaN;
    }

    @Override
    public Replication result() {
      return new Replication(values, share);
    }
  }
}
