package org.dispersal.hypotheses;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.dispersal.agent.EngineKind;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.MonthObserver;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.engine.SimulationModel;
import org.dispersal.ensemble.EnsembleRunner;
import org.dispersal.ensemble.EnsembleSummary;

/**
 * A forecast that mixes the hypotheses by weight: replications are allocated to the hypotheses by
 * the largest-remainder method ({@link Allocation}), each hypothesis runs its share with its own
 * compiled scenario, and the summaries are merged into one. The merged summary is an ensemble whose
 * replications come from hypothesis i with frequency (close to) w<sub>i</sub>, so its quantiles are
 * those of the mixture distribution.
 *
 * <p>The hypotheses take disjoint ranges of the mixture's replications: hypothesis i runs
 * replications n<sub>0</sub> + ... + n<sub>i−1</sub> onwards with the streams of (seed, index), as
 * {@link EnsembleRunner} does. Sharing replications 0 to n<sub>i</sub> − 1 would repeat the draws
 * of everything the hypotheses leave alone (the initial stocks above all) in every hypothesis, so
 * the mixture would rest on fewer distinct draws than its replication count. All hypotheses must
 * lay the scenario out the same way (same regions, origins, places, groups, start and horizon); a
 * hypothesis changes parameters, not structure.
 */
public final class MixtureForecast {

  private MixtureForecast() {}

  /**
   * The merged forecast and each hypothesis's part.
   *
   * @param runs replications per hypothesis
   * @param perHypothesis each hypothesis's summary, or null if it got no replications or was not
   *     kept ({@link #runMerged} keeps none)
   * @param mixture all replications merged
   */
  public record Result(int[] runs, List<EnsembleSummary> perHypothesis, EnsembleSummary mixture) {
    /** Copies the arrays, so the value cannot change after it is made. */
    public Result {
      runs = runs.clone();
    }

    /** Replications allocated to each hypothesis (a copy). */
    @Override
    public int[] runs() {
      return runs.clone();
    }
  }

  /**
   * Runs the mixture.
   *
   * @param models one compiled scenario per hypothesis, laid out alike
   * @param weights the hypotheses' weights
   * @param total the number of replications in all
   * @param seed the master seed
   * @param threads worker threads
   * @param progress called with the number of replications finished in all
   */
  public static Result run(
      List<CompiledModel> models,
      double[] weights,
      int total,
      long seed,
      int threads,
      IntConsumer progress) {
    int[] runs = allocate(models, weights, total);
    List<EnsembleSummary> parts = new ArrayList<>();
    EnsembleSummary mixture = new EnsembleSummary(models.get(0));
    AtomicInteger before = new AtomicInteger();
    for (int i = 0; i < models.size(); i++) {
      if (runs[i] == 0) {
        parts.add(null);
        continue;
      }
      int offset = before.get();
      CompiledModel model = models.get(i);
      EnsembleSummary s =
          EnsembleRunner.run(
              model,
              runs[i],
              seed,
              threads,
              n -> progress.accept(offset + n),
              shifted(() -> EngineKind.AUTO.create(model), offset));
      before.addAndGet(runs[i]);
      parts.add(s);
      mixture.combine(s);
    }
    return new Result(runs, parts, mixture);
  }

  /**
   * Makes the engines of one hypothesis's replications (for example engines that also record each
   * replication, for paired comparisons). The engines are given the mixture's replication indices.
   */
  @FunctionalInterface
  public interface Engines {
    /**
     * The engine factory of a hypothesis.
     *
     * @param model the hypothesis's compiled scenario
     */
    Supplier<? extends ReplicationEngine> of(CompiledModel model);
  }

  /**
   * Runs the mixture when only the merged summary is wanted (the default forecast): the same
   * allocation and the same merged summary as {@link #run}, byte for byte, but every hypothesis's
   * replications go into one pool of workers with one summary each ({@link
   * EnsembleRunner#runParts}), so memory holds one ensemble's working set, not one per hypothesis.
   *
   * @param models one compiled scenario per hypothesis, laid out alike
   * @param weights the hypotheses' weights
   * @param total the number of replications in all
   * @param seed the master seed
   * @param threads worker threads
   * @param progress called with the number of replications finished in all
   */
  public static Result runMerged(
      List<CompiledModel> models,
      double[] weights,
      int total,
      long seed,
      int threads,
      IntConsumer progress) {
    return runMerged(
        models, weights, total, seed, threads, progress, m -> () -> EngineKind.AUTO.create(m));
  }

  /**
   * {@link #runMerged(List, double[], int, long, int, IntConsumer)} with engines from {@code
   * engines}.
   */
  public static Result runMerged(
      List<CompiledModel> models,
      double[] weights,
      int total,
      long seed,
      int threads,
      IntConsumer progress,
      Engines engines) {
    int[] runs = allocate(models, weights, total);
    return new Result(
        runs,
        Collections.nCopies(runs.length, null),
        EnsembleRunner.runParts(
            models, runs, seed, threads, progress, p -> engines.of(models.get(p))));
  }

  /** The replications of each hypothesis, after checking that the hypotheses are laid out alike. */
  private static int[] allocate(List<CompiledModel> models, double[] weights, int total) {
    if (models.size() != weights.length || models.isEmpty()) {
      throw new IllegalArgumentException("one compiled scenario per hypothesis is needed");
    }
    for (CompiledModel m : models) {
      checkAlike(models.get(0), m);
    }
    return Allocation.largestRemainder(weights, total);
  }

  /**
   * Engines that run local replication i of a hypothesis as replication {@code first + i} of the
   * mixture (for {@link EnsembleRunner#run}, which counts from 0).
   */
  private static Supplier<ReplicationEngine> shifted(
      Supplier<? extends ReplicationEngine> engines, int first) {
    return () -> {
      ReplicationEngine inner = engines.get();
      return new ReplicationEngine() {
        @Override
        public SimulationModel model() {
          return inner.model();
        }

        @Override
        public void simulate(long seed, long replication, MonthObserver observer) {
          inner.simulate(seed, first + replication, observer);
        }

        @Override
        public void simulate(
            SimulationModel.Replication inputs,
            long seed,
            long replication,
            MonthObserver observer) {
          inner.simulate(inputs, seed, first + replication, observer);
        }
      };
    };
  }

  private static void checkAlike(CompiledModel a, CompiledModel b) {
    var s = a.scenario();
    var t = b.scenario();
    boolean alike =
        s.start().equals(t.start())
            && s.months() == t.months()
            && s.regions().equals(t.regions())
            && s.places().equals(t.places())
            && s.groups().equals(t.groups())
            && s.origins().stream()
                .map(o -> o.id())
                .toList()
                .equals(t.origins().stream().map(o -> o.id()).toList())
            && a.compartments().equals(b.compartments())
            && a.cohorts().size() == b.cohorts().size();
    if (!alike) {
      throw new IllegalArgumentException(
          "hypothesis scenario "
              + t.name()
              + " is laid out differently from "
              + s.name()
              + " (regions, origins, places, groups, start or horizon); a hypothesis may change"
              + " parameters only");
    }
  }
}
