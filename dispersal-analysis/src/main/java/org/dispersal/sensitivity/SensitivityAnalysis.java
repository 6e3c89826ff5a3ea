package org.dispersal.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.dispersal.calibration.ModelCalibration;
import org.dispersal.calibration.Target;
import org.dispersal.engine.CompiledModel;
import org.dispersal.random.RandomStreams;

/**
 * Two-stage global sensitivity analysis of one model output: Morris screening of every free
 * parameter, then Sobol' first-order and total indices for the most influential ones (by μ*), all
 * with common random numbers ({@link ModelFunction}). In the Sobol' stage the parameters that were
 * screened out stay at their prior's central value.
 */
public final class SensitivityAnalysis {

  private SensitivityAnalysis() {}

  /**
   * Settings.
   *
   * @param trajectories Morris trajectories r
   * @param levels Morris grid levels p
   * @param top how many parameters go on to the Sobol' stage
   * @param baseSamples Saltelli base sample size N
   * @param replications replications averaged per design point (common random numbers)
   * @param bootstrap bootstrap resamples for the Sobol' intervals
   * @param seed master seed
   * @param threads worker threads
   * @param sampling how the Saltelli base matrices are drawn
   */
  public record Settings(
      int trajectories,
      int levels,
      int top,
      int baseSamples,
      int replications,
      int bootstrap,
      long seed,
      int threads,
      Sobol.Sampling sampling) {}

  /**
   * One parameter's result.
   *
   * @param name the parameter
   * @param muStar Morris μ*
   * @param mu Morris μ
   * @param sigma Morris σ
   * @param rank 1 for the largest μ*
   * @param sobol the Sobol' indices, or null if screened out
   */
  public record ParameterResult(
      String name, double muStar, double mu, double sigma, int rank, Sobol.Index sobol) {}

  /**
   * The result for one output.
   *
   * @param parameters every free parameter, by Morris rank
   * @param morrisEvaluations design points of the Morris stage
   * @param sobolEvaluations design points of the Sobol' stage
   * @param replications replications per point
   */
  public record Result(
      List<ParameterResult> parameters,
      int morrisEvaluations,
      int sobolEvaluations,
      int replications) {}

  /**
   * Runs the analysis.
   *
   * @param model the compiled scenario, cut to the target's month
   * @param target the output
   * @param s settings
   */
  public static Result run(CompiledModel model, Target target, Settings s) {
    return run(
        model,
        target,
        s,
        names -> new ModelFunction(model, names, target, s.replications(), s.seed(), s.threads()));
  }

  /**
   * Evaluates a design: for the varied parameters, the model function of {@link ModelFunction} (the
   * mean of the target over the replications at each point), computed on local threads or on a
   * cluster. Every implementation must give the same value at a point as {@link ModelFunction}.
   */
  @FunctionalInterface
  public interface Design {
    /** The function of the points of the unit hypercube over {@code names}. */
    Function<double[][], double[]> over(List<String> names);
  }

  /**
   * Runs the analysis with the design points evaluated by {@code design}, for example on a cluster.
   *
   * @param model the compiled scenario, cut to the target's month
   * @param target the output
   * @param s settings (the threads are the local design's only)
   * @param design evaluates the points
   */
  public static Result run(CompiledModel model, Target target, Settings s, Design design) {
    List<String> names = ModelCalibration.freeParameters(model);
    int k = names.size();
    Function<double[][], double[]> all = design.over(names);
    Morris.Result m =
        Morris.screen(k, s.trajectories(), s.levels(), RandomStreams.morrisDesign(s.seed()), all);
    List<Integer> byMu = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      byMu.add(i);
    }
    byMu.sort(Comparator.comparingDouble((Integer i) -> -m.muStar()[i]).thenComparing(i -> i));
    int top = Math.min(s.top(), k);
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < top; i++) {
      chosen.add(names.get(byMu.get(i)));
    }
    Sobol.Index[] idx = new Sobol.Index[0];
    int sobolEvals = 0;
    if (top > 0 && s.baseSamples() > 1) {
      Function<double[][], double[]> f = design.over(chosen);
      idx =
          Sobol.indices(
              s.baseSamples(),
              top,
              s.sampling(),
              s.bootstrap(),
              RandomStreams.sobolDesign(s.seed()),
              f);
      sobolEvals = s.baseSamples() * (top + 2);
    }
    List<ParameterResult> out = new ArrayList<>();
    for (int r = 0; r < k; r++) {
      int i = byMu.get(r);
      Sobol.Index sob = r < idx.length ? idx[r] : null;
      out.add(
          new ParameterResult(names.get(i), m.muStar()[i], m.mu()[i], m.sigma()[i], r + 1, sob));
    }
    return new Result(out, m.evaluations(), sobolEvals, s.replications());
  }
}
