package org.dispersal.assimilation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.dispersal.engine.Lineage;
import org.dispersal.ensemble.Workers;
import org.dispersal.random.RandomStreams;

/**
 * The month-by-month particle filter with rejuvenation, over any simulator of particles: a plain
 * algorithm, tested on a binomial chain whose posterior is exact and run on the model by {@link
 * Assimilation}.
 *
 * <p>A particle is a replication (its root: parameters, initial stocks, drivers and the dynamics up
 * to its first switch) and a {@link Lineage}. The figures are grouped by the model month they refer
 * to; at each such month k, in order, every particle is run from month 0 to k and weighted by the
 * likelihood of that month's figures, the particles are resampled (systematic, one uniform from
 * {@link RandomStreams#filterResampling}(seed, step)), and each chosen copy continues after k with
 * a fresh dynamics base ({@link RandomStreams#rejuvenationBase}(seed, step, slot)): copies of one
 * particle share everything up to k and diverge after it. Without a parameter move the static
 * inputs (parameters, drivers) are kept, so the distinct roots can only fall from step to step;
 * with a {@link LiuWest} move each copy's parameters move after the resampling and apply from month
 * k + 1 on, so the parameter vectors stay many.
 *
 * <p>A figure may read several counts of a particle (its targets: a figure defined as confirmed
 * deaths or as a residual reads two, {@code org.dispersal.reporting.FigureDefinitions}); passes
 * count targets, and a figure's likelihood sees all of its targets' counts.
 *
 * <p>The first pass runs the N roots to the last figure month and records every target's count
 * before any conditioning (the prior); it also serves as the first step's counts. Results depend
 * only on the seed: counts are stored by particle slot and slots are assigned in order.
 */
public final class ParticleFilter {

  private ParticleFilter() {}

  /** Runs one particle; one instance serves one worker thread. */
  public interface Simulator {
    /**
     * Runs a particle from month 0 to {@code last}.
     *
     * @param root the replication
     * @param lineage its switches to fresh dynamics
     * @param last the last month to run
     * @return the value of every target whose month is at most {@code last} (others undefined), in
     *     target order; the caller copies what it needs before the next call
     */
    double[] run(int root, Lineage lineage, int last);
  }

  /** One pass of the filter: particles run to a month, wherever they run. */
  @FunctionalInterface
  public interface Pass {
    /**
     * Runs each particle from month 0 to {@code last}.
     *
     * @return counts[target][particle] (undefined for targets after {@code last})
     */
    double[][] counts(int[] roots, Lineage[] lineages, int last);
  }

  /** The log probability of a figure's published value given the particle's counts. */
  public interface LogLikelihood {
    /**
     * ln P(figure | counts).
     *
     * @param figure the figure's index
     * @param counts the particle's count of each of the figure's targets, in the figure's order
     *     (one count for a figure of one target); read it before returning, the array is reused
     */
    double of(int figure, double[] counts);
  }

  /**
   * One step of the filter.
   *
   * @param month the model month of its figures
   * @param figures the figures' indices
   * @param effectiveSampleSize (Σw)² / Σw² of the step's weights
   * @param distinct how many particles the step's resampling chose at least once
   * @param parameterVectors how many distinct parameter vectors the particles hold after the step
   *     (after the Liu-West move when there is one; without it, the distinct roots)
   */
  public record Step(
      int month, int[] figures, double effectiveSampleSize, int distinct, int parameterVectors) {
    /** Copies the array. */
    public Step {
      figures = figures.clone();
    }

    /** A step whose particles hold as many parameter vectors as it chose particles. */
    public Step(int month, int[] figures, double effectiveSampleSize, int distinct) {
      this(month, figures, effectiveSampleSize, distinct, distinct);
    }

    /** The figures' indices (a copy). */
    @Override
    public int[] figures() {
      return figures.clone();
    }
  }

  /**
   * The filtered particles.
   *
   * @param roots each final particle's replication
   * @param lineages each final particle's lineage
   * @param steps the steps, in month order
   * @param prior prior[target][replication]: the counts of the unconditioned roots
   * @param expected expected[target][particle]: each final particle's count of each target, as its
   *     ancestor at its figure's step recorded it (a rerun must reproduce it)
   */
  public record Outcome(
      int[] roots, Lineage[] lineages, List<Step> steps, double[][] prior, double[][] expected) {}

  /**
   * Runs the filter.
   *
   * @param particles N
   * @param figureMonths each figure's model month (at least 1)
   * @param likelihood the figures' likelihood
   * @param seed the master seed
   * @param threads worker threads (the result does not depend on them)
   * @param simulators makes one simulator per worker
   * @param progress told each particle run of the filter's passes, with the count so far
   * @return the final particles and the diagnostics
   */
  public static Outcome run(
      int particles,
      int[] figureMonths,
      LogLikelihood likelihood,
      long seed,
      int threads,
      Supplier<? extends Simulator> simulators,
      IntConsumer progress) {
    return run(
        particles,
        figureMonths,
        single(figureMonths.length),
        likelihood,
        seed,
        threads,
        simulators,
        progress);
  }

  /**
   * Runs the filter on local threads, figures reading several targets.
   *
   * @param particles N
   * @param figureMonths each figure's model month (at least 1)
   * @param figureTargets each figure's target indices (the simulator's values)
   * @param likelihood the figures' likelihood
   * @param seed the master seed
   * @param threads worker threads (the result does not depend on them)
   * @param simulators makes one simulator per worker
   * @param progress told each particle run of the filter's passes, with the count so far
   * @return the final particles and the diagnostics
   */
  public static Outcome run(
      int particles,
      int[] figureMonths,
      int[][] figureTargets,
      LogLikelihood likelihood,
      long seed,
      int threads,
      Supplier<? extends Simulator> simulators,
      IntConsumer progress) {
    return run(
        particles,
        figureMonths,
        figureTargets,
        likelihood,
        seed,
        threads,
        simulators,
        progress,
        null);
  }

  /**
   * Runs the filter on local threads, figures reading several targets, with a Liu-West move of the
   * static parameters at each step.
   *
   * @param particles N
   * @param figureMonths each figure's model month (at least 1)
   * @param figureTargets each figure's target indices (the simulator's values)
   * @param likelihood the figures' likelihood
   * @param seed the master seed
   * @param threads worker threads (the result does not depend on them)
   * @param simulators makes one simulator per worker
   * @param progress told each particle run of the filter's passes, with the count so far
   * @param move the parameter move, or null for none (static parameters kept)
   * @return the final particles and the diagnostics
   */
  public static Outcome run(
      int particles,
      int[] figureMonths,
      int[][] figureTargets,
      LogLikelihood likelihood,
      long seed,
      int threads,
      Supplier<? extends Simulator> simulators,
      IntConsumer progress,
      LiuWest.Mover move) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    int targets = targets(figureTargets);
    java.util.concurrent.atomic.AtomicInteger done =
        new java.util.concurrent.atomic.AtomicInteger();
    return run(
        particles,
        figureMonths,
        figureTargets,
        likelihood,
        seed,
        (roots, lineages, last) ->
            pass(roots, lineages, last, targets, threads, simulators, progress, done),
        move);
  }

  /** Each of n figures reading the one target of its own index. */
  private static int[][] single(int n) {
    int[][] out = new int[n][];
    for (int f = 0; f < n; f++) {
      out[f] = new int[] {f};
    }
    return out;
  }

  private static int targets(int[][] figureTargets) {
    int n = 0;
    for (int[] ts : figureTargets) {
      for (int t : ts) {
        n = Math.max(n, t + 1);
      }
    }
    return n;
  }

  /**
   * Runs the filter over passes that run anywhere (local threads, a cluster).
   *
   * @param particles N
   * @param figureMonths each figure's model month (at least 1)
   * @param likelihood the figures' likelihood
   * @param seed the master seed
   * @param pass runs particles to a month
   * @return the final particles and the diagnostics
   */
  public static Outcome run(
      int particles, int[] figureMonths, LogLikelihood likelihood, long seed, Pass pass) {
    return run(particles, figureMonths, single(figureMonths.length), likelihood, seed, pass);
  }

  /**
   * Runs the filter over passes that run anywhere, figures reading several targets.
   *
   * @param particles N
   * @param figureMonths each figure's model month (at least 1)
   * @param figureTargets each figure's target indices (rows of the passes' counts); every target
   *     belongs to exactly one figure
   * @param likelihood the figures' likelihood, given each figure's targets' counts
   * @param seed the master seed
   * @param pass runs particles to a month
   * @return the final particles and the diagnostics
   */
  public static Outcome run(
      int particles,
      int[] figureMonths,
      int[][] figureTargets,
      LogLikelihood likelihood,
      long seed,
      Pass pass) {
    return run(particles, figureMonths, figureTargets, likelihood, seed, pass, null);
  }

  /**
   * Runs the filter over passes that run anywhere, figures reading several targets, with a Liu-West
   * move of the static parameters at each step: after the resampling, each copy's parameters move
   * ({@link LiuWest#move}) under the step's weights, and the copy runs with the moved values from
   * the month after the step on (its lineage carries them, {@link Lineage#then(int, long,
   * double[])}).
   *
   * @param particles N
   * @param figureMonths each figure's model month (at least 1)
   * @param figureTargets each figure's target indices (rows of the passes' counts)
   * @param likelihood the figures' likelihood, given each figure's targets' counts
   * @param seed the master seed
   * @param pass runs particles to a month
   * @param move the parameter move, or null for none (static parameters kept)
   * @return the final particles and the diagnostics
   */
  public static Outcome run(
      int particles,
      int[] figureMonths,
      int[][] figureTargets,
      LogLikelihood likelihood,
      long seed,
      Pass pass,
      LiuWest.Mover move) {
    if (figureTargets.length != figureMonths.length) {
      throw new IllegalArgumentException("every figure needs its targets");
    }
    if (particles < 1 || figureMonths.length == 0) {
      throw new IllegalArgumentException("a filter needs particles, threads and figures");
    }
    TreeMap<Integer, List<Integer>> byMonth = new TreeMap<>();
    for (int f = 0; f < figureMonths.length; f++) {
      if (figureMonths[f] < 1) {
        throw new IllegalArgumentException("figure " + f + " is at month " + figureMonths[f]);
      }
      byMonth.computeIfAbsent(figureMonths[f], m -> new ArrayList<>()).add(f);
    }
    int targetCount = targets(figureTargets);
    int[] roots = new int[particles];
    Lineage[] lineages = new Lineage[particles];
    for (int j = 0; j < particles; j++) {
      roots[j] = j;
      lineages[j] = Lineage.ROOT;
    }
    double[][] rootValues = new double[particles][];
    int lastMonth = byMonth.lastKey();
    double[][] prior = pass.counts(roots, lineages, lastMonth);
    double[][] expected = new double[targetCount][];
    List<Step> steps = new ArrayList<>();
    int step = 0;
    for (var e : byMonth.entrySet()) {
      int month = e.getKey();
      int[] fs = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      double[][] counts = step == 0 ? prior : pass.counts(roots, lineages, month);
      double[] lw = new double[particles];
      for (int f : fs) {
        int[] ts = figureTargets[f];
        double[] c = new double[ts.length];
        for (int j = 0; j < particles; j++) {
          for (int t = 0; t < ts.length; t++) {
            c[t] = counts[ts[t]][j];
          }
          lw[j] += likelihood.of(f, c);
        }
      }
      double ess = Assimilation.effectiveSampleSize(lw);
      int[] chosen =
          Assimilation.systematic(lw, particles, RandomStreams.filterResampling(seed, step));
      int[] parent = new int[particles];
      int[] newRoots = new int[particles];
      int distinct = 0;
      int slot = 0;
      for (int j = 0; j < particles; j++) {
        if (chosen[j] > 0) {
          distinct++;
        }
        for (int c = 0; c < chosen[j]; c++) {
          parent[slot] = j;
          newRoots[slot] = roots[j];
          slot++;
        }
      }
      double[][] movedValues = null;
      if (move != null) {
        double[][] current = new double[particles][];
        for (int j = 0; j < particles; j++) {
          current[j] = lineages[j].latestValues();
          if (current[j] == null) {
            if (rootValues[roots[j]] == null) {
              rootValues[roots[j]] = move.rootValues().apply(roots[j]);
            }
            current[j] = rootValues[roots[j]];
          }
        }
        movedValues =
            move.kernel()
                .move(current, Assimilation.normalised(lw), parent, move.space(), seed, step);
      }
      Lineage[] newLineages = new Lineage[particles];
      for (int s = 0; s < particles; s++) {
        long base = RandomStreams.rejuvenationBase(seed, step, s);
        newLineages[s] =
            movedValues == null
                ? lineages[parent[s]].then(month, base)
                : lineages[parent[s]].then(month, base, movedValues[s]);
      }
      int vectors = movedValues == null ? distinctRoots(newRoots) : distinctVectors(movedValues);
      // Earlier steps' expectations follow the new slots.
      for (int t = 0; t < targetCount; t++) {
        if (expected[t] != null) {
          double[] moved = new double[particles];
          for (int s = 0; s < particles; s++) {
            moved[s] = expected[t][parent[s]];
          }
          expected[t] = moved;
        }
      }
      // The counts of this step's figures' targets, carried to the final particles through their
      // parents.
      for (int f : fs) {
        for (int t : figureTargets[f]) {
          expected[t] = new double[particles];
          for (int s = 0; s < particles; s++) {
            expected[t][s] = counts[t][parent[s]];
          }
        }
      }
      roots = newRoots;
      lineages = newLineages;
      steps.add(new Step(month, fs, ess, distinct, vectors));
      step++;
    }
    return new Outcome(roots, lineages, steps, prior, expected);
  }

  private static int distinctRoots(int[] roots) {
    return (int) java.util.Arrays.stream(roots).distinct().count();
  }

  private static int distinctVectors(double[][] values) {
    java.util.Set<java.util.List<Double>> seen = new java.util.HashSet<>();
    for (double[] v : values) {
      seen.add(java.util.Arrays.stream(v).boxed().toList());
    }
    return seen.size();
  }

  /** counts[figure][particle] of every particle run to month {@code last}. */
  private static double[][] pass(
      int[] roots,
      Lineage[] lineages,
      int last,
      int figures,
      int threads,
      Supplier<? extends Simulator> simulators,
      IntConsumer progress,
      java.util.concurrent.atomic.AtomicInteger done) {
    int n = roots.length;
    double[][] counts = new double[figures][n];
    Workers.run(
        "dispersal-assimilation",
        "filter",
        n,
        threads,
        simulators::get,
        (sim, j) -> {
          double[] v = sim.run(roots[j], lineages[j], last);
          for (int f = 0; f < figures; f++) {
            counts[f][j] = v[f];
          }
          progress.accept(done.incrementAndGet());
        });
    return counts;
  }
}
