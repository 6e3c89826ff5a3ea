package org.dispersal.server.runs;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dispersal.engine.Cohort;
import org.dispersal.engine.Compartment;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.ensemble.IntHistogram;
import org.dispersal.model.Origin;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;

/**
 * An estimate of the heap a run needs, for the service's admission check (issue #18, finding 2).
 *
 * <p>A run's memory is dominated by its {@link EnsembleSummary}: one per worker thread plus the
 * combined one. Each allocates at once an array of references to its cells' histograms, counted
 * here as one slot per month (0 to the horizon), scope (world, each region, each origin),
 * demographic (4) and key (every compartment, then one total per state): {@value #REFERENCE_BYTES}
 * bytes a slot with compressed pointers (the summary's own array has slots only for the cells a
 * cohort can reach, and a rank per cell of a month: less). Only the cells a cohort can reach get a
 * histogram ({@link IntHistogram}: an object of about 48 bytes whose dense table of values below 64
 * grows to 272 bytes), counted here exactly from the model's cohorts. A histogram also keeps an
 * open-addressing table of the larger values it has seen, two {@code int}s per slot at most half
 * full: up to {@value #DISTINCT_VALUE_BYTES} bytes per distinct value. A cell sees at most one new
 * value per replication; the estimate takes {@value #DISTINCT_SHARE_PERCENT}% of the replications
 * as an average reachable cell's distinct large values (most cells are small stocks that repeat a
 * few values; the world and region totals see nearly one value per replication), counted once for
 * the workers' summaries together and once for the combined one. While recording, each worker's
 * summary also stages the values of {@link EnsembleSummary#BATCH} replications per reachable cell
 * and month before adding them to the histograms (4 bytes each). It is an upper estimate, not a
 * measurement (for {@code isis-2017}, 24 months x 200 replications on one thread: about 180 MiB
 * estimated while running, 43 MiB kept by the finished summary; RunMemoryTest): it grows with
 * months, cohorts and replications as the heap does, refuses what would fill the heap and accepts
 * the documented default sizes (docs/SERVICE.md, "Limits").
 */
public final class RunMemory {

  /** Bytes of one slot of a summary's cell array (a compressed pointer). */
  static final long REFERENCE_BYTES = 4;

  /** Bytes of a histogram with its full dense table: object 48, int[64] 272. */
  static final long HISTOGRAM_BYTES = 48 + 272;

  /** Bytes per distinct large value of a histogram: two ints per slot, at most half full. */
  static final long DISTINCT_VALUE_BYTES = 32;

  /** The share of replications taken as an average cell's distinct large values, in percent. */
  static final int DISTINCT_SHARE_PERCENT = 1;

  /** Bytes a run needs besides its summaries: engines, buffers, the result's files. */
  static final long BASE_BYTES = 32L << 20;

  private RunMemory() {}

  /** The slots of one month of a summary: scopes x 4 demographics x keys. */
  public static long slotsPerMonth(CompiledModel model) {
    Scenario s = model.scenario();
    long scopes = 1L + s.regions().size() + s.origins().size();
    return scopes * 4 * keys(model);
  }

  /**
   * The cells of one month that can hold a histogram: those a cohort's compartment adds to (its
   * origin, region and the world, by key and by its state's total), as {@link
   * EnsembleSummary#observe} does.
   */
  public static long reachablePerMonth(CompiledModel model) {
    int compartments = model.compartments().size();
    int regions = model.scenario().regions().size();
    List<Origin> origins = model.scenario().origins();
    Set<Long> cells = new HashSet<>();
    for (Cohort c : model.cohorts()) {
      long origin = 1L + regions + origins.indexOf(c.origin());
      long region = 1L + c.regionIndex();
      int demo = EnsembleSummary.demographicIndex(c.demographic());
      for (int j = 0; j < c.size(); j++) {
        int key = c.compartment(j);
        Compartment comp = model.compartments().get(key);
        int total = key;
        if (!comp.destination().isEmpty()) {
          total = compartments + comp.state().ordinal();
          for (long scope : new long[] {origin, region, 0}) {
            cells.add(cell(scope, 0, key, model));
          }
        }
        cells.add(cell(origin, 0, total, model));
        for (long scope : new long[] {region, 0}) {
          cells.add(cell(scope, demo, total, model));
          cells.add(cell(scope, 0, total, model));
        }
      }
    }
    return cells.size();
  }

  private static long cell(long scope, int demo, int key, CompiledModel model) {
    return (scope * 4 + demo) * keys(model) + key;
  }

  private static long keys(CompiledModel model) {
    return (long) model.compartments().size() + State.values().length;
  }

  /**
   * The estimated bytes of an ensemble of a scenario.
   *
   * @param model the compiled scenario, at the horizon the run uses
   * @param replications replications of the run
   * @param threads worker threads, each with its own summary
   */
  public static long ensembleBytes(CompiledModel model, int replications, int threads) {
    long months = model.scenario().months() + 1L;
    long reachable = months * reachablePerMonth(model);
    long summaries = Math.max(1, threads) + 1L;
    long fixed =
        summaries * (months * slotsPerMonth(model) * REFERENCE_BYTES + reachable * HISTOGRAM_BYTES);
    long distinct = Math.max(1, replications * (long) DISTINCT_SHARE_PERCENT / 100);
    long spread = 2 * reachable * distinct * DISTINCT_VALUE_BYTES;
    long stage = Math.max(1, threads) * reachable * EnsembleSummary.BATCH * (long) Integer.BYTES;
    return BASE_BYTES + fixed + spread + stage;
  }

  /** Bytes as mebibytes, rounded up, for messages. */
  public static long mib(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }
}
