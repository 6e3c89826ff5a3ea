package org.dispersal.app.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.engine.Cohort;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.MonthObserver;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.engine.SimulationModel;
import org.dispersal.ensemble.CompositeState;
import org.dispersal.ensemble.Scope;
import org.dispersal.ensemble.Workers;
import org.dispersal.model.Region;
import org.dispersal.model.State;
import org.dispersal.store.ReplicationValues;

/**
 * Keeps the values a paired comparison needs while a forecast runs: for each replication and month,
 * the world's and each region's total of every state and composite state, all people together (the
 * cells of {@code /api/compare}). It wraps the ensemble's engines, so the ensemble's summary is
 * made exactly as before, and each engine writes its replication's values, as varints, into that
 * replication's own slot: the result does not depend on the threads. Composite states follow {@link
 * CompositeState}'s definitions (within each replication: everyone home, home after the start, born
 * since the start).
 *
 * <p>Memory: about 1.3 bytes per cell, replication and month while the run lasts (about 10 MB for
 * 1,000 replications of 36 months of {@code isis-2017}); forecasts over {@link #MAX_REPLICATIONS}
 * keep no values and compare side by side.
 */
final class ReplicationCapture {

  /** The most replications whose values a forecast keeps. */
  static final int MAX_REPLICATIONS = ForecastRequest.MAX_PAIRED_REPLICATIONS;

  private final CompiledModel model;
  private final int replications;
  private final int months;
  private final List<String> scopeKinds = new ArrayList<>();
  private final List<String> scopeIds = new ArrayList<>();
  private final List<String> measures = new ArrayList<>();
  private final int cellsPerMonth;
  private final int[][] localMeasure;
  private final boolean[][] home;
  private final byte[][][] slots;

  private ReplicationCapture(CompiledModel model, int replications) {
    this.model = model;
    this.replications = replications;
    this.months = model.scenario().months();
    scopeKinds.add(Scope.WORLD);
    scopeIds.add("");
    for (Region r : model.scenario().regions()) {
      scopeKinds.add(Scope.REGION);
      scopeIds.add(r.name());
    }
    for (State s : State.values()) {
      measures.add(s.id());
    }
    for (CompositeState c : CompositeState.values()) {
      measures.add(c.id());
    }
    cellsPerMonth = scopeKinds.size() * measures.size();
    List<Cohort> cohorts = model.cohorts();
    localMeasure = new int[cohorts.size()][];
    home = new boolean[cohorts.size()][];
    for (Cohort c : cohorts) {
      int[] m = new int[c.size()];
      boolean[] h = new boolean[c.size()];
      for (int j = 0; j < c.size(); j++) {
        var comp = model.compartments().get(c.compartment(j));
        m[j] = comp.state().ordinal();
        h[j] = ObservedMeasure.RETURNED.includes(comp, c.origin());
      }
      localMeasure[c.index()] = m;
      home[c.index()] = h;
    }
    slots = new byte[replications][][];
  }

  /**
   * A capture for {@code replications} replications laid out as {@code model}, or null when the
   * forecast is too large to keep its values ({@link #MAX_REPLICATIONS}).
   */
  static ReplicationCapture of(CompiledModel model, int replications) {
    return replications > MAX_REPLICATIONS ? null : new ReplicationCapture(model, replications);
  }

  /**
   * Engines that run as {@code inner}'s do and also keep each replication's values under the
   * replication index they are given (a mixture's hypotheses run disjoint ranges of the forecast's
   * replications, see {@code MixtureForecast}).
   */
  Supplier<ReplicationEngine> engines(Supplier<? extends ReplicationEngine> inner) {
    return () -> new Recording(inner.get());
  }

  /**
   * The values in the store's form, month by month.
   *
   * @param layout how replications map to scenarios (see {@link ReplicationValues#layout})
   * @throws IllegalStateException if a replication was not run
   */
  ReplicationValues values(String layout) {
    for (int r = 0; r < replications; r++) {
      if (slots[r] == null) {
        throw new IllegalStateException("replication " + r + " kept no values");
      }
    }
    // Months are independent: each is decoded and deflated on its own, on as many threads as the
    // machine has (the store's tail of a forecast, docs/PERFORMANCE.md "Session 9"), into its own
    // slot, so the bytes do not depend on the threads.
    byte[][] encoded = new byte[months + 1][];
    Workers.run(
        "dispersal-values",
        "replication values",
        months + 1,
        Runtime.getRuntime().availableProcessors(),
        () -> new int[cellsPerMonth][replications],
        (column, m) -> encoded[m] = month(m, column));
    return new ReplicationValues(layout, replications, Arrays.asList(encoded));
  }

  /** Month m's values in the store's form, with {@code column} as room for its cells. */
  private byte[] month(int m, int[][] column) {
    for (int r = 0; r < replications; r++) {
      byte[] b = slots[r][m];
      int pos = 0;
      for (int cell = 0; cell < cellsPerMonth; cell++) {
        int v = 0;
        int shift = 0;
        int x;
        do {
          x = b[pos++];
          v |= (x & 0x7F) << shift;
          shift += 7;
        } while ((x & 0x80) != 0);
        column[cell][r] = v;
      }
    }
    List<ReplicationValues.Cell> cells = new ArrayList<>(cellsPerMonth);
    for (int s = 0; s < scopeKinds.size(); s++) {
      for (int k = 0; k < measures.size(); k++) {
        cells.add(
            new ReplicationValues.Cell(
                scopeKinds.get(s),
                scopeIds.get(s),
                measures.get(k),
                column[s * measures.size() + k]));
      }
    }
    return ReplicationValues.encode(replications, cells);
  }

  /** An engine that records its replications' cells besides reporting to the summary. */
  private final class Recording implements ReplicationEngine {
    private final ReplicationEngine inner;
    private final int[] month = new int[cellsPerMonth];
    private final int[] homeAtStart = new int[model.cohorts().size()];
    private final int[] peopleAtStart = new int[model.cohorts().size()];
    private final byte[] buffer = new byte[cellsPerMonth * 5];

    Recording(ReplicationEngine inner) {
      this.inner = inner;
    }

    @Override
    public SimulationModel model() {
      return inner.model();
    }

    @Override
    public void simulate(
        SimulationModel.Replication inputs, long seed, long replication, MonthObserver observer) {
      byte[][] kept = new byte[months + 1][];
      inner.simulate(
          inputs,
          seed,
          replication,
          new MonthObserver() {
            @Override
            public void observe(int m, int[][] stocks) {
              observer.observe(m, stocks);
              kept[m] = record(m, stocks);
            }

            @Override
            public void births(int m, int[][] born) {
              observer.births(m, born);
            }

            @Override
            public void arrivals(int m, int[][] arrived) {
              observer.arrivals(m, arrived);
            }
          });
      slots[Math.toIntExact(replication)] = kept;
    }

    private byte[] record(int m, int[][] stocks) {
      Arrays.fill(month, 0);
      int width = measures.size();
      int states = State.values().length;
      int returnedTotal = states + CompositeState.RETURNED_TOTAL.ordinal();
      int returnedAfter = states + CompositeState.RETURNED_AFTER_START.ordinal();
      int bornSince = states + CompositeState.BORN_IN_TERRITORY.ordinal();
      for (Cohort c : model.cohorts()) {
        int[] s = stocks[c.index()];
        int[] measure = localMeasure[c.index()];
        boolean[] h = home[c.index()];
        int region = (1 + c.regionIndex()) * width;
        int atHome = 0;
        int people = 0;
        for (int j = 0; j < s.length; j++) {
          int n = s[j];
          if (n == 0) {
            continue;
          }
          people += n;
          if (h[j]) {
            atHome += n;
          }
          month[measure[j]] += n;
          month[region + measure[j]] += n;
        }
        if (m == 0) {
          homeAtStart[c.index()] = atHome;
          peopleAtStart[c.index()] = people;
        }
        int after = atHome - homeAtStart[c.index()];
        int born = people - peopleAtStart[c.index()];
        month[returnedTotal] += atHome;
        month[region + returnedTotal] += atHome;
        month[returnedAfter] += after;
        month[region + returnedAfter] += after;
        month[bornSince] += born;
        month[region + bornSince] += born;
      }
      int pos = 0;
      for (int v : month) {
        while ((v & ~0x7F) != 0) {
          buffer[pos++] = (byte) ((v & 0x7F) | 0x80);
          v >>>= 7;
        }
        buffer[pos++] = (byte) v;
      }
      return Arrays.copyOf(buffer, pos);
    }
  }
}
