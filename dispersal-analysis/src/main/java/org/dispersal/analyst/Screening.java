package org.dispersal.analyst;

import java.util.ArrayList;
import java.util.List;
import org.dispersal.engine.Cohort;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.Realization;
import org.dispersal.model.ModelParameters.Base;
import org.dispersal.model.State;

/**
 * Returnee screening with the base rate taken from the forecast.
 *
 * <p>For one origin country and month M of each replication:
 *
 * <ul>
 *   <li><b>returnees screened</b> N: the country's people back home and at large in the community:
 *       returned and not yet assessed, disengaged (cooperating or not), and dispatched operatives
 *       at home. The prosecuted, the arrested and attackers are excluded: the authorities already
 *       know them.
 *   <li><b>committed</b> P: the dispatched operatives at home, plus the expected number of
 *       non-cooperating disengaged returnees who re-engage (move to dispatched) within the next W
 *       months. With the replication's monthly re-engagement hazard h(t) = reengagement_rate · (1 −
 *       rehabilitation(t)), a non-cooperating returnee re-engages within W months with q = 1 −
 *       exp(−Σ_{t=M}^{M+W−1} h(t)); beyond the horizon the last month's h is kept.
 * </ul>
 *
 * <p>The tool's expected outcome then follows from {@link ScreeningTest#apply}. Every number is
 * computed per replication and summarised as an {@link Interval}; the natural frequencies and the
 * trade-off curve use the ensemble-mean base rate. Aggregate numbers only: nothing here is about an
 * individual.
 */
public final class Screening {

  /** The default look-ahead window W in months. */
  public static final int DEFAULT_WINDOW = 12;

  /** The round number of the natural frequencies. */
  public static final int PER = 1000;

  private Screening() {}

  /**
   * The committed and the screened of one replication.
   *
   * @param returnees N
   * @param atLarge dispatched operatives at home
   * @param notCooperating non-cooperating disengaged returnees
   * @param reengaging expected re-engagers among them within the window
   */
  public record Counts(double returnees, double atLarge, double notCooperating, double reengaging) {

    /** P: at large plus expected re-engagers. */
    public double committed() {
      return atLarge + reengaging;
    }
  }

  /**
   * The screening of one country, summarised over replications.
   *
   * @param country the origin id
   * @param month M
   * @param window W
   * @param test the tool
   * @param runs replications
   * @param returnees N
   * @param committed P
   * @param baseRate P / N
   * @param flaggedCommitted TP
   * @param missed FN
   * @param wronglyFlagged FP
   * @param ppv TP / (TP + FP)
   * @param natural natural frequencies at the mean base rate
   * @param curve the trade-off curve at the mean base rate
   */
  public record Report(
      String country,
      int month,
      int window,
      ScreeningTest test,
      int runs,
      Interval returnees,
      Interval committed,
      Interval baseRate,
      Interval flaggedCommitted,
      Interval missed,
      Interval wronglyFlagged,
      Interval ppv,
      NaturalFrequencies natural,
      TradeOffCurve curve) {}

  /** Whether the model has an origin with this id. */
  public static boolean hasOrigin(CompiledModel model, String country) {
    return model.cohorts().stream().anyMatch(c -> c.origin().id().equals(country));
  }

  /**
   * Runs the replications and summarises the screening.
   *
   * @param model the compiled scenario
   * @param country an origin id of the scenario
   * @param month M, 0 to the horizon
   * @param window W, at least 1
   * @param test the tool
   * @param runs replications
   * @param seed master seed
   * @param threads worker threads
   * @throws IllegalArgumentException for an unknown country or a month outside the horizon
   */
  public static Report run(
      CompiledModel model,
      String country,
      int month,
      int window,
      ScreeningTest test,
      int runs,
      long seed,
      int threads) {
    List<Counts> counts = counts(model, country, month, window, runs, seed, threads);
    return summarise(country, month, window, test, counts);
  }

  /** The counts of each replication (index i for replication i). */
  public static List<Counts> counts(
      CompiledModel model,
      String country,
      int month,
      int window,
      int runs,
      long seed,
      int threads) {
    if (!hasOrigin(model, country)) {
      throw new IllegalArgumentException("unknown origin " + country);
    }
    if (month < 0 || month > model.months()) {
      throw new IllegalArgumentException("month must be in [0, " + model.months() + "]");
    }
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1");
    }
    return PerReplication.run(
        model, runs, seed, threads, (m, r) -> new Probe(m, r, country, month, window));
  }

  /** Summarises per-replication counts. */
  public static Report summarise(
      String country, int month, int window, ScreeningTest test, List<Counts> counts) {
    int n = counts.size();
    double[] ret = new double[n];
    double[] com = new double[n];
    double[] base = new double[n];
    double[] tp = new double[n];
    double[] fn = new double[n];
    double[] fp = new double[n];
    double[] ppv = new double[n];
    for (int i = 0; i < n; i++) {
      Counts c = counts.get(i);
      ScreeningOutcome o = test.apply(c.returnees(), Math.min(c.committed(), c.returnees()));
      ret[i] = o.returnees();
      com[i] = o.committed();
      base[i] = o.baseRate();
      tp[i] = o.flaggedCommitted();
      fn[i] = o.missed();
      fp[i] = o.wronglyFlagged();
      ppv[i] = o.ppv();
    }
    Interval baseRate = Interval.of(base);
    double p = baseRate.defined() > 0 ? baseRate.mean() : 0;
    return new Report(
        country,
        month,
        window,
        test,
        n,
        Interval.of(ret),
        Interval.of(com),
        baseRate,
        Interval.of(tp),
        Interval.of(fn),
        Interval.of(fp),
        Interval.of(ppv),
        NaturalFrequencies.of(test, p, PER),
        TradeOffCurve.through(test, p, PER, 101));
  }

  /** Measures N and P of one country at month M in one replication. */
  private static final class Probe implements ReplicationProbe<Counts> {
    private final int month;
    private final int[] cohorts;
    private final int[] home;
    private final double[] q;
    private Counts result = new Counts(0, 0, 0, 0);

    Probe(CompiledModel model, Realization r, String country, int month, int window) {
      this.month = month;
      List<Integer> mine = new ArrayList<>();
      for (Cohort c : model.cohorts()) {
        if (c.origin().id().equals(country)) {
          mine.add(c.index());
        }
      }
      cohorts = mine.stream().mapToInt(Integer::intValue).toArray();
      home = new int[cohorts.length];
      q = new double[cohorts.length];
      double[] rehab = r.rehabilitation();
      for (int k = 0; k < cohorts.length; k++) {
        Cohort c = model.cohorts().get(cohorts[k]);
        home[k] = model.locals(c.index(), State.DISPATCHED)[0];
        double rate = value(model, r, c, Base.REENGAGEMENT_RATE);
        double h = 0;
        for (int t = month; t < month + window; t++) {
          double rh = rehab[Math.min(t, rehab.length - 1)];
          h += rate * (1 - Math.min(1, Math.max(0, rh)));
        }
        q[k] = 1 - Math.exp(-h);
      }
    }

    @Override
    public void observe(int m, int[][] stocks) {
      if (m != month) {
        return;
      }
      double n = 0;
      double atLarge = 0;
      double notCoop = 0;
      double reengaging = 0;
      for (int k = 0; k < cohorts.length; k++) {
        int[] s = stocks[cohorts[k]];
        n +=
            s[CompiledModel.RETURNED]
                + s[CompiledModel.COOPERATING]
                + s[CompiledModel.NOT_COOPERATING]
                + s[home[k]];
        atLarge += s[home[k]];
        notCoop += s[CompiledModel.NOT_COOPERATING];
        reengaging += s[CompiledModel.NOT_COOPERATING] * q[k];
      }
      result = new Counts(n, atLarge, notCoop, reengaging);
    }

    @Override
    public Counts result() {
      return result;
    }
  }

  /** A cohort's value of a base parameter in a replication, after its region's override. */
  static double value(CompiledModel model, Realization r, Cohort c, Base base) {
    int i = model.parameterIndex(base.id() + "." + c.origin().region());
    if (i < 0) {
      i = model.parameterIndex(base.id());
    }
    return r.value(i);
  }
}
