package org.dispersal.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.dispersal.agent.EngineKind;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.model.Parameter;
import org.dispersal.model.Prior;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.random.RandomStreams;
import org.dispersal.random.RandomStreams.Purpose;
import org.dispersal.reporting.Definition;
import org.dispersal.reporting.FigureDefinitions;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.reporting.SourceType;
import org.dispersal.stats.Normal;
import org.hipparchus.stat.correlation.SpearmansCorrelation;

/**
 * Calibrates a scenario's free parameters (every parameter whose prior is not fixed) to observed
 * figures with {@link AbcSmc}, simulating with the cohort engine.
 *
 * <p>Each simulation runs only to the last month any figure describes, and its observer records
 * only the figures' cells, never a full summary; that is what makes tens of thousands of
 * simulations affordable. Simulation number s draws its driver paths, initial stocks and dynamics
 * from the streams (seed, s, purpose), so a calibration is reproducible for any number of threads.
 */
public final class ModelCalibration {

  private ModelCalibration() {}

  /**
   * The result.
   *
   * @param posterior the posterior over the calibrated parameters
   * @param abc the ABC-SMC diagnostics (simulations include the pilot)
   * @param names the calibrated parameters
   * @param free every free parameter
   * @param screen each free parameter's largest |Spearman ρ| with a figure in the pilot
   */
  public record Result(
      Posterior posterior,
      AbcSmc.Result abc,
      List<String> names,
      List<String> free,
      double[] screen) {
    /** Copies the arrays, so the value cannot change after it is made. */
    public Result {
      screen = screen.clone();
    }

    /** The largest |Spearman ρ| of each free parameter in the pilot (a copy). */
    @Override
    public double[] screen() {
      return screen.clone();
    }
  }

  /** The names of the free parameters of a model, in model order. */
  public static List<String> freeParameters(CompiledModel model) {
    List<String> names = new ArrayList<>();
    for (Parameter p : model.scenario().parameters().values()) {
      if (PriorMath.isFree(p.prior())) {
        names.add(p.name());
      }
    }
    return names;
  }

  /** Family-wise false-alarm rate of the screening (over all parameters and figures). */
  public static final double SCREEN_ALPHA = 0.01;

  /**
   * The smallest |Spearman ρ| that screens a parameter in: under independence ρ·sqrt(N − 1) is
   * close to standard normal, and a Bonferroni correction over k parameters and m figures gives the
   * threshold z(1 − α/(2km)) / sqrt(N − 1).
   */
  static double screenThreshold(int n, int k, int m) {
    return Normal.quantile(1 - SCREEN_ALPHA / (2.0 * k * m)) / Math.sqrt(n - 1);
  }

  /**
   * Calibrates.
   *
   * <p>Two stages. A pilot of N prior draws (N = the population size, counted in the budget)
   * screens the free parameters: a parameter is calibrated if the Spearman rank correlation between
   * its value and some figure's simulated value is significant at the family-wise level {@link
   * #SCREEN_ALPHA} (Bonferroni over parameters and figures; about 0.14 for N = 1000, 64 parameters
   * and 15 figures). The others cannot be learnt from these figures; they are drawn from their
   * priors in every simulation and keep their priors in the posterior (the posterior file leaves
   * them out, and forecasts draw them from the priors). Importance weights over dozens of
   * parameters the data do not inform would only collapse the effective sample size. ABC-SMC then
   * runs on the screened parameters with the rest of the budget.
   *
   * @param model the compiled scenario (its horizon is cut to the last target month)
   * @param targets the figures, resolved on a model of the same scenario
   * @param settings ABC-SMC settings
   */
  public static Result calibrate(
      CompiledModel model, List<Target> targets, AbcSmc.Settings settings) {
    return calibrate(model, targets, settings, (Reported) null);
  }

  /**
   * How the calibration's figures were reported: with a reporting model, each simulation's value of
   * a figure is a published figure drawn from it ({@link ReportingModel#publish}) for the figure's
   * source type, so that ABC compares published with published and a tolerance of 0 accepts exactly
   * the simulations whose published figures fall in the observed ranges: the reporting model is the
   * likelihood. With definitions, the value that goes through the reporting model is the figure
   * under its definition ({@link FigureDefinitions}: a residual, confirmed deaths, a sum over the
   * reporting countries, or a mixture over them) instead of the count of its measure.
   *
   * @param model the reporting model, or null to compare the (defined) counts themselves
   * @param types the source type of each target, in the targets' order (unused without a model)
   * @param definitions each target's definition, in the targets' order, or null to compare the
   *     count of each figure's measure
   */
  public record Reported(ReportingModel model, List<SourceType> types, List<Defined> definitions) {
    /** Copies the lists. */
    public Reported {
      types = List.copyOf(types);
      definitions = definitions == null ? null : List.copyOf(definitions);
    }

    /** Figures through a reporting model, each compared as the count of its measure. */
    public Reported(ReportingModel model, List<SourceType> types) {
      this(model, types, null);
    }
  }

  /**
   * One figure laid out under its definition(s), and the key of its stream: each simulation draws
   * the thinning and the mixture's choice from the substream {@code key} of the simulation's
   * definitions stream, so a figure's draws depend neither on the threads nor on the other figures.
   *
   * @param mapping the figure's mapping
   * @param key the figure's stream key ({@link #key(ObservationRecord)})
   */
  public record Defined(FigureDefinitions.Mapping mapping, long key) {}

  /**
   * The stream key of a figure: its file's name (not its folder), line and source, the key the
   * hindcast uses for the figure's other draws, with its own suffix.
   */
  public static long key(ObservationRecord r) {
    return RandomStreams.key(
        r.file().substring(r.file().lastIndexOf('/') + 1)
            + ":"
            + r.line()
            + ":"
            + r.sourceId()
            + "|calibration-definition");
  }

  /**
   * Lays the calibration's figures out under their definitions. A figure none of whose definitions
   * can be laid out on the model (a {@code reporting_countries} total when no country of its scope
   * had reported) keeps its count, the reading calibration used before definitions, and its note
   * says so.
   *
   * @param model the compiled scenario
   * @param records the figures, in the targets' order
   * @param targets each figure's count target, resolved on the model
   * @param reportingCountries for each measure id, the countries that had published a figure of it
   *     by the as-of date
   * @return one definition per figure, in order
   */
  public static List<Defined> define(
      CompiledModel model,
      List<ObservationRecord> records,
      List<Target> targets,
      Map<String, Set<String>> reportingCountries) {
    TargetResolver resolver = new TargetResolver(model);
    List<Defined> out = new ArrayList<>();
    for (int k = 0; k < records.size(); k++) {
      ObservationRecord r = records.get(k);
      FigureDefinitions.Mapping m;
      try {
        m = FigureDefinitions.map(resolver, r, reportingCountries);
      } catch (TargetResolver.UnresolvableException e) {
        m =
            new FigureDefinitions.Mapping(
                List.of(
                    new FigureDefinitions.Alternative(
                        Definition.COUNT, 1, targets.get(k), null, 0)),
                "count: no definition could be laid out (" + e.getMessage() + ")");
      }
      out.add(new Defined(m, key(r)));
    }
    return List.copyOf(out);
  }

  /**
   * Calibrates as {@link #calibrate(CompiledModel, List, AbcSmc.Settings)} does, on figures that
   * went through a reporting model.
   *
   * @param model the compiled scenario (its horizon is cut to the last target month)
   * @param targets the figures, resolved on a model of the same scenario
   * @param settings ABC-SMC settings
   * @param reported how the figures were reported, or null to compare the model's counts
   */
  public static Result calibrate(
      CompiledModel model, List<Target> targets, AbcSmc.Settings settings, Reported reported) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("no observations to calibrate against");
    }
    CompiledModel short_ = throughLastTarget(model, targets);
    ExecutorService pool = AbcSmc.pool(settings.threads(), "dispersal-calibration");
    try {
      return calibrate(
          short_,
          targets,
          settings,
          calibrated ->
              AbcSmc.onThreads(
                  pool,
                  settings.threads(),
                  simulators(short_, targets, settings.seed(), calibrated, reported)));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Where the simulations of a calibration run: the local threads, or a cluster with {@code
   * --spark}. Both stages (pilot and ABC-SMC) ask for their own batch simulator.
   */
  @FunctionalInterface
  public interface Batches {
    /**
     * Simulates the batches of one stage.
     *
     * @param calibrated the parameters the stage's theta holds, in that order; every other free
     *     parameter is drawn from its prior in each simulation, as {@link #simulators} does
     */
    AbcSmc.BatchSimulator stage(List<String> calibrated);
  }

  /**
   * Makes simulators of one stage of a calibration: what each batch simulator evaluates, on
   * whichever machine it runs.
   *
   * @param model the compiled scenario (its horizon is cut to the last target month)
   * @param targets the figures
   * @param seed the master seed of the calibration
   * @param calibrated the parameters theta holds, in that order; the other free ones are drawn from
   *     their priors
   * @return a maker of simulators, one per thread; safe to call from several threads
   */
  public static Supplier<AbcSmc.Simulator> simulators(
      CompiledModel model, List<Target> targets, long seed, List<String> calibrated) {
    return simulators(model, targets, seed, calibrated, null);
  }

  /**
   * Makes simulators as {@link #simulators(CompiledModel, List, long, List)} does, whose figures go
   * through a reporting model.
   *
   * @param reported how the figures were reported, or null to return the model's counts
   */
  public static Supplier<AbcSmc.Simulator> simulators(
      CompiledModel model,
      List<Target> targets,
      long seed,
      List<String> calibrated,
      Reported reported) {
    if (reported != null && reported.model() != null && reported.types().size() != targets.size()) {
      throw new IllegalArgumentException("one source type per target");
    }
    if (reported != null
        && reported.definitions() != null
        && reported.definitions().size() != targets.size()) {
      throw new IllegalArgumentException("one definition per target");
    }
    CompiledModel short_ = throughLastTarget(model, targets);
    List<String> free = freeParameters(short_);
    int[] index = calibrated.stream().mapToInt(short_::parameterIndex).toArray();
    List<String> rest = free.stream().filter(n -> !calibrated.contains(n)).toList();
    int[] restIndex = rest.stream().mapToInt(short_::parameterIndex).toArray();
    List<Prior> restPriors =
        rest.stream().map(n -> short_.scenario().parameters().get(n).prior()).toList();
    return new Simulators(short_, targets, seed, index, restIndex, restPriors, reported)::create;
  }

  private static CompiledModel throughLastTarget(CompiledModel model, List<Target> targets) {
    int horizon = 1;
    for (Target t : targets) {
      horizon = Math.max(horizon, t.month());
    }
    return horizon == model.scenario().months()
        ? model
        : new CompiledModel(model.scenario().withMonths(horizon));
  }

  /**
   * Calibrates as {@link #calibrate(CompiledModel, List, AbcSmc.Settings)} does, simulating with
   * {@code batches}; the batches are the same, so is the result.
   *
   * @param model the compiled scenario (its horizon is cut to the last target month)
   * @param targets the figures, resolved on a model of the same scenario
   * @param settings ABC-SMC settings ({@code threads} sets the batch size)
   * @param batches where the simulations run
   */
  public static Result calibrate(
      CompiledModel model, List<Target> targets, AbcSmc.Settings settings, Batches batches) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("no observations to calibrate against");
    }
    CompiledModel short_ = throughLastTarget(model, targets);
    List<String> free = freeParameters(short_);
    List<Prior> freePriors = new ArrayList<>();
    for (String n : free) {
      freePriors.add(short_.scenario().parameters().get(n).prior());
    }
    long seed = settings.seed();
    int pilot = settings.particles();
    // Pilot: prior draws of every free parameter, simulated as ordinary replications.
    double[][] pilotTheta = new double[pilot][];
    double[][] pilotX = new double[pilot][];
    runPilot(batches.stage(free), freePriors, pilotTheta, pilotX, seed);
    List<String> names = new ArrayList<>();
    List<Prior> priors = new ArrayList<>();
    double[] rho = new double[free.size()];
    double threshold = screenThreshold(pilot, free.size(), targets.size());
    for (int j = 0; j < free.size(); j++) {
      rho[j] = maxAbsSpearman(pilotTheta, pilotX, j);
      if (rho[j] >= threshold) {
        names.add(free.get(j));
        priors.add(freePriors.get(j));
      }
    }
    if (names.isEmpty()) {
      int best = 0;
      for (int j = 1; j < rho.length; j++) {
        best = rho[j] > rho[best] ? j : best;
      }
      names.add(free.get(best));
      priors.add(freePriors.get(best));
    }
    AbcSmc.Settings rest2 =
        new AbcSmc.Settings(
            settings.particles(),
            Math.max(settings.particles(), settings.budget() - pilot),
            settings.quantile(),
            settings.threads(),
            RandomStreams.afterPilotSeed(seed));
    AbcSmc.Result abc =
        AbcSmc.run(
            priors, targets.stream().map(Target::observed).toList(), batches.stage(names), rest2);
    AbcSmc.Result withPilot =
        new AbcSmc.Result(
            abc.priors(),
            abc.particles(),
            abc.weights(),
            abc.distances(),
            abc.generations(),
            abc.simulations() + pilot);
    return new Result(Posterior.of(names, withPilot), withPilot, names, free, rho);
  }

  private static void runPilot(
      AbcSmc.BatchSimulator sims, List<Prior> priors, double[][] theta, double[][] x, long seed) {
    int n = theta.length;
    long[] simulations = new long[n];
    for (int i = 0; i < n; i++) {
      var rng = RandomStreams.stream(seed, i, Purpose.PARAMETERS);
      double[] t = new double[priors.size()];
      for (int j = 0; j < t.length; j++) {
        t[j] = priors.get(j).sample(rng);
      }
      theta[i] = t;
      simulations[i] = RandomStreams.pilotSimulation(i);
    }
    double[][] simulated = sims.simulate(theta, simulations);
    System.arraycopy(simulated, 0, x, 0, n);
  }

  /**
   * The largest |Spearman ρ| between column j of theta and any column of x (Hipparchus, average
   * ranks for ties); a constant column has no correlation and is skipped.
   */
  static double maxAbsSpearman(double[][] theta, double[][] x, int j) {
    int n = theta.length;
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = theta[i][j];
    }
    SpearmansCorrelation spearman = new SpearmansCorrelation();
    double best = 0;
    for (int t = 0; t < x[0].length; t++) {
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        b[i] = x[i][t];
      }
      double r = Math.abs(spearman.correlation(a, b));
      best = Double.isNaN(r) ? best : Math.max(best, r);
    }
    return best;
  }

  /** Makes per-thread simulators: calibrated values from theta, the rest from their priors. */
  private record Simulators(
      CompiledModel model,
      List<Target> targets,
      long seed,
      int[] index,
      int[] restIndex,
      List<Prior> restPriors,
      Reported reported) {

    AbcSmc.Simulator create() {
      ReplicationEngine engine = EngineKind.AUTO.create(model);
      List<Defined> defs = reported == null ? null : reported.definitions();
      // With definitions the recorder observes every target of every figure's mapping;
      // first[k] is the index of figure k's first one and width[k] how many it has.
      List<Target> observed = targets;
      int[] first = null;
      int[] width = null;
      if (defs != null) {
        observed = new ArrayList<>();
        first = new int[defs.size()];
        width = new int[defs.size()];
        for (int k = 0; k < defs.size(); k++) {
          List<Target> own = defs.get(k).mapping().targets();
          first[k] = observed.size();
          width[k] = own.size();
          observed.addAll(own);
        }
      }
      Target.Recorder recorder = new Target.Recorder(observed);
      double[] base = new double[model.parameterNames().size()];
      int i = 0;
      for (Parameter p : model.scenario().parameters().values()) {
        base[i++] = p.prior().central();
      }
      int[] firsts = first;
      int[] widths = width;
      return (theta, simulation) -> {
        double[] v = base.clone();
        for (int j = 0; j < index.length; j++) {
          v[index[j]] = theta[j];
        }
        if (restIndex.length > 0) {
          var rng = RandomStreams.stream(seed, simulation, Purpose.PARAMETERS);
          for (int j = 0; j < restIndex.length; j++) {
            v[restIndex[j]] = restPriors.get(j).sample(rng);
          }
        }
        engine.simulate(model.replication(seed, simulation, v), seed, simulation, recorder);
        if (reported == null) {
          return recorder.values().clone();
        }
        // The simulation's reporting stream gives two bases: the first for the reporting errors,
        // the second for the definitions. Each figure's draws come from its own substream of them
        // (errors keyed by the figure's position, definitions by the figure), the same for any
        // thread count or batch.
        var streams = RandomStreams.stream(seed, simulation, Purpose.REPORTING);
        long errors = streams.nextLong();
        double[] values;
        if (defs == null) {
          values = recorder.values().clone();
        } else {
          long definitions = streams.nextLong();
          double[] raw = recorder.values();
          values = new double[defs.size()];
          for (int k = 0; k < values.length; k++) {
            double[][] own = new double[widths[k]][1];
            for (int j = 0; j < widths[k]; j++) {
              own[j][0] = raw[firsts[k] + j];
            }
            Defined d = defs.get(k);
            values[k] = d.mapping().sample(own, RandomStreams.substream(definitions, d.key()))[0];
          }
        }
        if (reported.model() != null) {
          for (int k = 0; k < values.length; k++) {
            values[k] =
                reported
                    .model()
                    .publish(
                        values[k], reported.types().get(k), RandomStreams.substream(errors, k));
          }
        }
        return values;
      };
    }
  }
}
