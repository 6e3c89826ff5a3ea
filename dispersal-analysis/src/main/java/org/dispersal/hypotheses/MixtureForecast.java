package org.dispersal.hypotheses;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.EnsembleRunner;
import org.dispersal.ensemble.EnsembleSummary;

/**
 * A forecast that mixes the hypotheses by weight: replications are allocated to the hypotheses by
 * the largest-remainder method ({@link Allocation}), each hypothesis runs its share with its own
 * compiled scenario, and the summaries are merged into one. The merged summary is an ensemble whose
 * replications come from hypothesis i with frequency (close to) w<sub>i</sub>, so its quantiles are
 * those of the mixture distribution.
 *
 * <p>Hypothesis i runs replications 0 to n<sub>i</sub> − 1 with the streams of (seed, index), as
 * {@link EnsembleRunner} does: the hypotheses share common random numbers, so their headlines
 * differ by the hypothesis rather than by noise. All hypotheses must lay the scenario out the same
 * way (same regions, origins, places, groups, start and horizon); a hypothesis changes parameters,
 * not structure.
 */
public final class MixtureForecast {

  private MixtureForecast() {}

  /**
   * The merged forecast and each hypothesis's part.
   *
   * @param runs replications per hypothesis
   * @param perHypothesis each hypothesis's summary, or null if it got no replications
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
    return run(models, weights, total, seed, threads, progress, true);
  }

  /**
   * Runs the mixture and keeps only the merged summary ({@link Result#perHypothesis()} holds
   * nulls): the heap holds one hypothesis's ensemble at a time besides the merged one, about one
   * summary more than a single forecast. The merged summary is the same as {@link #run}'s.
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
    return run(models, weights, total, seed, threads, progress, false);
  }

  private static Result run(
      List<CompiledModel> models,
      double[] weights,
      int total,
      long seed,
      int threads,
      IntConsumer progress,
      boolean keepParts) {
    if (models.size() != weights.length || models.isEmpty()) {
      throw new IllegalArgumentException("one compiled scenario per hypothesis is needed");
    }
    CompiledModel first = models.get(0);
    for (CompiledModel m : models) {
      checkAlike(first, m);
    }
    int[] runs = Allocation.largestRemainder(weights, total);
    List<EnsembleSummary> parts = new ArrayList<>();
    EnsembleSummary mixture = new EnsembleSummary(first);
    AtomicInteger before = new AtomicInteger();
    for (int i = 0; i < models.size(); i++) {
      if (runs[i] == 0) {
        parts.add(null);
        continue;
      }
      int offset = before.get();
      EnsembleSummary s =
          EnsembleRunner.run(
              models.get(i), runs[i], seed, threads, n -> progress.accept(offset + n));
      before.addAndGet(runs[i]);
      parts.add(keepParts ? s : null);
      mixture.combine(s);
    }
    return new Result(runs, parts, mixture);
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
