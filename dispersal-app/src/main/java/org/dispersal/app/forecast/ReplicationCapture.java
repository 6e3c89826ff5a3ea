package org.dispersal.app.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** The number of states, without the new array of {@code State.values()} at every month. */
  private static final int STATES = State.values().length;

  private final int replications;
  private final int months;
  private final List<String> scopeKinds = new ArrayList<>();
  private final List<String> scopeIds = new ArrayList<>();
  private final List<String> measures = new ArrayList<>();
  private final int cellsPerMonth;
  private final int regions;

  /**
   * Cohorts laid out alike: the same region, and at each local index the same state and the same
   * answer to "at home" (isis-2017: 243 cohorts, 14 groups). A month's stocks are first added up
   * group by group, index by index (a plain loop over two arrays, without a branch), and only the
   * groups' sums are spread over the cells: a cell's total is the same sum in another order, so the
   * same int (docs/PERFORMANCE.md, "Session 13: the tail").
   */
  private final int[] groupOf;

  /** Each group's cell at each local index: (1 + region) * width + state. */
  private final int[][] groupCell;

  /** Each group's mask at each local index: all ones where the compartment counts as home. */
  private final int[][] groupHome;

  private final int[] groupRegion;

  /** Each replication's months of varints, one after another, in one array. */
  private final byte[][] slots;

  /** Where each month of each replication starts in its slot (months + 1 offsets). */
  private final int[][] starts;

  private ReplicationCapture(CompiledModel model, int replications) {
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
    regions = scopeKinds.size() - 1;
    int width = measures.size();
    List<Cohort> cohorts = model.cohorts();
    groupOf = new int[cohorts.size()];
    Map<List<Integer>, Integer> groups = new HashMap<>();
    List<int[]> cells = new ArrayList<>();
    List<int[]> homes = new ArrayList<>();
    List<Integer> groupRegions = new ArrayList<>();
    for (Cohort c : cohorts) {
      int[] cell = new int[c.size()];
      int[] h = new int[c.size()];
      List<Integer> key = new ArrayList<>(1 + 2 * c.size());
      key.add(c.regionIndex());
      for (int j = 0; j < c.size(); j++) {
        var comp = model.compartments().get(c.compartment(j));
        cell[j] = (1 + c.regionIndex()) * width + comp.state().ordinal();
        h[j] = ObservedMeasure.RETURNED.includes(comp, c.origin()) ? -1 : 0;
        key.add(cell[j]);
        key.add(h[j]);
      }
      Integer g = groups.get(key);
      if (g == null) {
        g = groups.size();
        groups.put(key, g);
        cells.add(cell);
        homes.add(h);
        groupRegions.add(c.regionIndex());
      }
      groupOf[c.index()] = g;
    }
    groupCell = cells.toArray(new int[0][]);
    groupHome = homes.toArray(new int[0][]);
    groupRegion = groupRegions.stream().mapToInt(Integer::intValue).toArray();
    slots = new byte[replications][];
    starts = new int[replications][];
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
      byte[] b = slots[r];
      int pos = starts[r][m];
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
    private final int[][] sums = new int[groupCell.length][];
    private final int[] home = new int[regions];
    private final int[] people = new int[regions];
    private final int[] homeAtStart = new int[regions];
    private final int[] peopleAtStart = new int[regions];

    /** A replication's varints, month after month (5 bytes at most a cell). */
    private final byte[] buffer = new byte[(months + 1) * cellsPerMonth * 5];

    /** Bytes of the replication's varints in {@link #buffer} so far. */
    private int used;

    Recording(ReplicationEngine inner) {
      this.inner = inner;
      for (int g = 0; g < sums.length; g++) {
        sums[g] = new int[groupCell[g].length];
      }
    }

    @Override
    public SimulationModel model() {
      return inner.model();
    }

    @Override
    public void simulate(
        SimulationModel.Replication inputs, long seed, long replication, MonthObserver observer) {
      int[] start = new int[months + 1];
      used = 0;
      inner.simulate(
          inputs,
          seed,
          replication,
          new MonthObserver() {
            @Override
            public void observe(int m, int[][] stocks) {
              observer.observe(m, stocks);
              start[m] = used;
              record(m, stocks, null);
            }

            @Override
            public void observeOccupied(int m, int[][] stocks, long[][] occupied) {
              observer.observeOccupied(m, stocks, occupied);
              start[m] = used;
              record(m, stocks, occupied);
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
      int r = Math.toIntExact(replication);
      slots[r] = Arrays.copyOf(buffer, used);
      starts[r] = start;
    }

    /**
     * Appends month m's cells as varints to {@link #buffer}. The composite states are sums over a
     * region's cohorts, so they are taken region by region: home after the start is the region's
     * people at home less those at home at month 0, born since the start its people less those at
     * month 0.
     *
     * @param occupied the engine's bits of the non-zero stocks, cohort by cohort, or null to read
     *     every stock
     */
    private void record(int m, int[][] stocks, long[][] occupied) {
      for (int[] sum : sums) {
        Arrays.fill(sum, 0);
      }
      for (int c = 0; c < groupOf.length; c++) {
        int[] s = stocks[c];
        int[] sum = sums[groupOf[c]];
        if (occupied == null) {
          for (int j = 0; j < s.length; j++) {
            sum[j] += s[j];
          }
        } else {
          // Only the non-zero stocks, which the engine lists (integer sums: the same in any order).
          long[] words = occupied[c];
          for (int w = 0; w < words.length; w++) {
            for (long bits = words[w]; bits != 0; bits &= bits - 1) {
              int j = (w << 6) + Long.numberOfTrailingZeros(bits);
              sum[j] += s[j];
            }
          }
        }
      }
      Arrays.fill(month, 0);
      Arrays.fill(home, 0);
      Arrays.fill(people, 0);
      for (int g = 0; g < sums.length; g++) {
        int[] sum = sums[g];
        int[] cell = groupCell[g];
        int[] mask = groupHome[g];
        int atHome = 0;
        int all = 0;
        for (int j = 0; j < sum.length; j++) {
          int n = sum[j];
          all += n;
          atHome += n & mask[j];
          month[cell[j]] += n;
        }
        home[groupRegion[g]] += atHome;
        people[groupRegion[g]] += all;
      }
      if (m == 0) {
        System.arraycopy(home, 0, homeAtStart, 0, regions);
        System.arraycopy(people, 0, peopleAtStart, 0, regions);
      }
      int width = measures.size();
      int states = STATES;
      for (int r = 0; r < regions; r++) {
        int region = (1 + r) * width + states;
        month[region + CompositeState.RETURNED_TOTAL.ordinal()] += home[r];
        month[region + CompositeState.RETURNED_AFTER_START.ordinal()] += home[r] - homeAtStart[r];
        month[region + CompositeState.BORN_IN_TERRITORY.ordinal()] += people[r] - peopleAtStart[r];
      }
      // The world's cells: the sum of the regions' (each cohort is in one region).
      for (int region = width; region < cellsPerMonth; region += width) {
        for (int k = 0; k < width; k++) {
          month[k] += month[region + k];
        }
      }
      int pos = used;
      for (int v : month) {
        while ((v & ~0x7F) != 0) {
          buffer[pos++] = (byte) ((v & 0x7F) | 0x80);
          v >>>= 7;
        }
        buffer[pos++] = (byte) v;
      }
      used = pos;
    }
  }
}
