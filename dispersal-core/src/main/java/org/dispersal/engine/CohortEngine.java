package org.dispersal.engine;

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
 * <p>One instance serves one thread; {@link #simulate} is deterministic for a given seed and
 * replication index. Each cohort's month draws from its own substream, keyed by the cohort's
 * identity and the month, so a change to one cohort or one month leaves every other cohort-month's
 * random numbers unchanged: compared variants differ only where they really differ.
 *
 * <p>Callers outside the engine packages get it from {@code org.dispersal.agent.EngineKind}, the
 * one factory of engines, so a scenario's agent-only features are never silently dropped.
 */
public final class CohortEngine implements ReplicationEngine {

  private final SimulationModel model;
  private final int cohortCount;
  private final int[][] stocks;
  private final int[][] next;
  private final TransitionRows[] rows;
  private final int[] drawn;
  private final long[] cohortKeys;

  /** Creates an engine for a model. */
  public CohortEngine(SimulationModel model) {
    this.model = model;
    cohortCount = model.cohortCount();
    stocks = new int[cohortCount][];
    next = new int[cohortCount][];
    rows = new TransitionRows[cohortCount];
    int max = 0;
    for (int c = 0; c < cohortCount; c++) {
      int size = model.compartmentCount(c);
      stocks[c] = new int[size];
      next[c] = new int[size];
      rows[c] = new TransitionRows(size);
      max = Math.max(max, size);
    }
    drawn = new int[max];
    cohortKeys = new long[cohortCount];
    for (int c = 0; c < cohortCount; c++) {
      cohortKeys[c] = model.cohortKey(c);
    }
  }

  @Override
  public SimulationModel model() {
    return model;
  }

  @Override
  public void simulate(
      SimulationModel.Replication rep, long seed, long replication, MonthObserver observer) {
    UniformRandomProvider dynamics = RandomStreams.stream(seed, replication, Purpose.DYNAMICS);
    rep.initialStocks(stocks);
    observer.observe(0, stocks);
    long base = dynamics.nextLong();
    int months = model.months();
    for (int t = 1; t <= months; t++) {
      boolean keep = rep.sameRows(t - 1);
      for (int c = 0; c < cohortCount; c++) {
        long key = RandomStreams.cohortMonthKey(cohortKeys[c], t);
        step(rep, c, t - 1, keep, RandomStreams.substream(base, key));
      }
      observer.observe(t, stocks);
    }
  }

  private void step(
      SimulationModel.Replication rep, int c, int t, boolean keep, UniformRandomProvider rng) {
    int[] s = stocks[c];
    int[] nx = next[c];
    System.arraycopy(s, 0, nx, 0, s.length);
    TransitionRows row = rows[c];
    if (!keep) {
      // All rows, not only those of occupied compartments, so later months can keep them.
      rep.fill(c, t, row, null);
    }
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
