package org.dispersal.engine;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * One replication of the pathway model: its {@link Realization} (parameter values and driver
 * paths), the stream its initial stocks are drawn from, and the {@link MonthlyKernel} that turns
 * them into monthly rows.
 */
public final class PathwayReplication implements SimulationModel.Replication {

  private final CompiledModel model;
  private final Realization realization;
  private final UniformRandomProvider initialStream;
  private final MonthlyKernel kernel;

  /** Each cohort's birth probability (the same every month), NaN until first asked for. */
  private final double[] births;

  /**
   * Creates a replication.
   *
   * @param model the compiled scenario
   * @param realization the replication's parameter values and driver paths
   * @param initialStream the stream the initial stocks are drawn from
   */
  public PathwayReplication(
      CompiledModel model, Realization realization, UniformRandomProvider initialStream) {
    this.model = model;
    this.realization = realization;
    this.initialStream = initialStream;
    this.kernel = new MonthlyKernel(model);
    births = new double[model.cohortCount()];
    java.util.Arrays.fill(births, Double.NaN);
  }

  /** The replication's parameter values and driver paths. */
  public Realization realization() {
    return realization;
  }

  @Override
  public void initialStocks(int[][] stocks) {
    InitialStocks.fill(model, realization, initialStream, stocks);
  }

  /**
   * True when no driver the kernel reads (territory and its decayed pressure, levers, repatriation
   * policies, merger) changes at month t.
   */
  @Override
  public boolean sameRows(int month) {
    Realization r = realization;
    int p = month - 1;
    return month > 0
        && r.territory(month) == r.territory(p)
        && r.collapse(month) == r.collapse(p)
        && model.samePolicies(month)
        && r.borderClosure(month) == r.borderClosure(p)
        && r.routeScreening(month) == r.routeScreening(p)
        && r.prosecutionMultiplier(month) == r.prosecutionMultiplier(p)
        && r.rehabilitation(month) == r.rehabilitation(p)
        && r.merged(month) == r.merged(p);
  }

  @Override
  public boolean sameRow(int month, int local) {
    return kernel.sameRow(realization, month, local);
  }

  @Override
  public double birthProbability(int cohort, int month, int local) {
    if (!MonthlyKernel.givesBirth(local)) {
      return 0;
    }
    double p = births[cohort];
    if (p != p) {
      p = kernel.birthProbability(realization, cohort);
      births[cohort] = p;
    }
    return p;
  }

  @Override
  public double arrivalMean(int cohort, int month, int local) {
    return kernel.arrivalMean(realization, cohort, month, local);
  }

  @Override
  public void fill(int cohort, int month, TransitionRows rows, int[] stocks) {
    kernel.fill(realization, cohort, month, rows, stocks);
  }
}
