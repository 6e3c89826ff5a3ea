package org.dispersal.engine;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.random.Multinomial;
import org.dispersal.random.RandomStreams;
import org.dispersal.random.RandomStreams.Purpose;

/**
 * The cohort engine: exact stochastic simulation of the multi-state model, cohort by cohort and
 * month by month.
 *
 * <p>Each month, the people in each compartment are split among the compartments they can reach
 * with one multinomial draw (conditional binomials, exact) over the probabilities of the {@link
 * MonthlyKernel}, using the stocks at the start of the month: nobody moves twice in a month. A
 * cohort of n people therefore behaves like n independent people following the same monthly
 * probabilities.
 *
 * <p>One instance serves one thread; {@link #run} is deterministic for a given seed and replication
 * index. Cohorts and compartments are visited in a fixed order, which fixes which random numbers
 * go where.
 */
public final class CohortEngine {

  private final CompiledModel model;
  private final MonthlyKernel kernel;
  private final int cohortCount;
  private final int[][] stocks;
  private final int[][] next;
  private final TransitionRows[] rows;
  private final int[] drawn;

  /** Creates an engine for a model. */
  public CohortEngine(CompiledModel model) {
    this.model = model;
    this.kernel = new MonthlyKernel(model);
    List<Cohort> cohorts = model.cohorts();
    cohortCount = cohorts.size();
    stocks = new int[cohortCount][];
    next = new int[cohortCount][];
    rows = new TransitionRows[cohortCount];
    int max = 0;
    for (Cohort c : cohorts) {
      int size = c.compartments().length;
      stocks[c.index()] = new int[size];
      next[c.index()] = new int[size];
      rows[c.index()] = new TransitionRows(size);
      max = Math.max(max, size);
    }
    drawn = new int[max];
  }

  /** The model this engine runs. */
  public CompiledModel model() {
    return model;
  }

  /**
   * Runs one replication with streams derived from (seed, replication).
   *
   * @return the realization that was drawn, for manifests and diagnostics
   */
  public Realization run(long seed, long replication, MonthObserver observer) {
    Realization r =
        Realization.draw(
            model,
            RandomStreams.stream(seed, replication, Purpose.PARAMETERS),
            RandomStreams.stream(seed, replication, Purpose.DRIVERS));
    run(
        r,
        RandomStreams.stream(seed, replication, Purpose.INITIAL_STOCKS),
        RandomStreams.stream(seed, replication, Purpose.DYNAMICS),
        observer);
    return r;
  }

  /** Runs one replication for a given realization and streams. */
  public void run(
      Realization r,
      UniformRandomProvider initialStream,
      UniformRandomProvider dynamics,
      MonthObserver observer) {
    InitialStocks.fill(model, r, initialStream, stocks);
    observer.observe(0, stocks);
    int months = model.scenario().months();
    for (int t = 1; t <= months; t++) {
      for (int c = 0; c < cohortCount; c++) {
        step(r, c, t - 1, dynamics);
      }
      observer.observe(t, stocks);
    }
  }

  private void step(Realization r, int c, int t, UniformRandomProvider rng) {
    int[] s = stocks[c];
    int[] nx = next[c];
    System.arraycopy(s, 0, nx, 0, s.length);
    TransitionRows row = rows[c];
    kernel.fill(r, c, t, row, s);
    for (int src = 0; src < s.length; src++) {
      int k = row.count(src);
      if (k == 0 || s[src] == 0) {
        continue;
      }
      Multinomial.sample(rng, s[src], row.probabilities(src), k, drawn);
      int[] targets = row.targets(src);
      int moved = 0;
      for (int j = 0; j < k; j++) {
        nx[targets[j]] += drawn[j];
        moved += drawn[j];
      }
      nx[src] -= moved;
    }
    stocks[c] = nx;
    next[c] = s;
  }
}
