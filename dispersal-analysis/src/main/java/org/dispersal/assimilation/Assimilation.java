package org.dispersal.assimilation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.calibration.Target;
import org.dispersal.calibration.TargetResolver;
import org.dispersal.engine.CohortEngine;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.Lineage;
import org.dispersal.engine.MonthObserver;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.engine.SimulationModel;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.ensemble.Workers;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.observation.ObservationTargets;
import org.dispersal.observation.Publication;
import org.dispersal.random.RandomStreams;
import org.dispersal.reporting.FigureDefinitions;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.reporting.SourceType;

/**
 * A forecast conditioned on the figures published by its as-of date: importance resampling of the
 * ensemble's replications (one step of a particle filter) with the reporting model's likelihood.
 *
 * <p>{@link #plan} sorts the figures: those published by the as-of date whose reference month falls
 * inside the model's run (month 1 or later, within the horizon) and that resolve to a model target
 * are used; every other figure is set aside with its reason, so nothing is dropped silently.
 * Figures published after the as-of date are never used.
 *
 * <p>{@link #run} then makes two passes over the same replications 0 to N − 1 (replication i is
 * fixed by the seed and i, so a rerun is the same trajectory):
 *
 * <ol>
 *   <li>Each replication records only the used figures' targets ({@link Target.Recorder}; a figure
 *       read under a definition other than {@code count} has more than one, {@link
 *       FigureDefinitions}); its log weight is the sum over the used figures of {@link
 *       #logProbability}: the chance that the figure's source, with its type's bias and the
 *       reporting error's mixture, publishes what it did, given the replication's counts of the
 *       figure's targets, the definitions' mixture and thinning marginalised exactly.
 *   <li>{@link #systematic} resampling draws N replication indices with probabilities proportional
 *       to the weights, from the named stream {@link RandomStreams#assimilationResampling}; each
 *       chosen replication is run again into the full {@link EnsembleSummary} and counted as many
 *       times as it was chosen.
 * </ol>
 *
 * <p>The summary is an equally weighted sample of N from the weighted ensemble, so as N grows it is
 * a sample of the forecast given the figures. How much information the figures carried, and how
 * much the ensemble lost to them, is the effective sample size (Σw)² / Σw² of the weights; below
 * {@link #ESS_WARNING_SHARE} of N the resampled ensemble rests on few distinct replications and the
 * run says so. Results do not depend on the thread count: weights are stored by replication index
 * and summaries merge exactly.
 */
public final class Assimilation {

  /**
   * The share of the replications below which the effective sample size is flagged: 10%, a rule of
   * thumb of particle filtering (an assumption, range 5% to 50%), not a source's number.
   */
  public static final double ESS_WARNING_SHARE = 0.10;

  private Assimilation() {}

  /**
   * A figure the forecast is conditioned on.
   *
   * @param record the figure
   * @param mapping the figure laid out on the model under its definition(s) ({@link
   *     FigureDefinitions#map}): one or more targets, a mixture of definitions and Binomial
   *     thinning
   * @param type its source's type, whose bias the likelihood applies
   */
  public record Used(ObservationRecord record, FigureDefinitions.Mapping mapping, SourceType type) {

    /** A figure read as a plain count of one target (definition {@code count}). */
    public Used(ObservationRecord record, Target target, SourceType type) {
      this(record, counted(target), type);
    }

    /** The figure's targets, in the order of {@link FigureDefinitions.Mapping#targets()}. */
    public List<Target> targets() {
      return mapping.targets();
    }

    /** The first of its targets (for a count figure, its only one). */
    public Target target() {
      return mapping.targets().get(0);
    }

    /**
     * The definition(s) used, for assimilation.csv: the id when there is one ({@code count}, {@code
     * confirmed}, {@code residual}, {@code reporting_countries}), else each id with its weight,
     * e.g. {@code count=0.70|confirmed=0.30}.
     */
    public String definition() {
      List<FigureDefinitions.Alternative> alts = mapping.alternatives();
      if (alts.size() == 1) {
        return alts.get(0).definition().id();
      }
      StringBuilder b = new StringBuilder();
      for (FigureDefinitions.Alternative a : alts) {
        if (b.length() > 0) {
          b.append('|');
        }
        b.append(a.definition().id())
            .append('=')
            .append(String.format(java.util.Locale.ROOT, "%.2f", a.weight()));
      }
      return b.toString();
    }
  }

  /** The mapping that reads a figure as the plain count of one target. */
  static FigureDefinitions.Mapping counted(Target target) {
    return new FigureDefinitions.Mapping(
        List.of(
            new FigureDefinitions.Alternative(
                org.dispersal.reporting.Definition.COUNT, 1.0, target, null, 0)),
        "definition count (as read)");
  }

  /**
   * A figure the forecast is not conditioned on, and why.
   *
   * @param record the figure
   * @param reason in words, for the manifest and assimilation.csv
   */
  public record SetAside(ObservationRecord record, String reason) {}

  /**
   * The figures sorted for a forecast as of a date.
   *
   * @param asOf the as-of date
   * @param start the month the model runs from (the scenario's start)
   * @param used the figures the forecast is conditioned on, in file order
   * @param setAside every other figure with its reason, in file order
   */
  public record Plan(LocalDate asOf, YearMonth start, List<Used> used, List<SetAside> setAside) {
    /** Copies the lists. */
    public Plan {
      used = List.copyOf(used);
      setAside = List.copyOf(setAside);
    }

    /**
     * Every target of the used figures, flattened in figure order: figure f's targets are the
     * {@link #targetCount}(f) entries from {@link #firstTarget}(f) on. Passes count every one.
     */
    public List<Target> targets() {
      return used.stream().flatMap(u -> u.targets().stream()).toList();
    }

    /** The index in {@link #targets()} of figure {@code f}'s first target. */
    public int firstTarget(int f) {
      int k = 0;
      for (int g = 0; g < f; g++) {
        k += used.get(g).targets().size();
      }
      return k;
    }

    /** How many targets figure {@code f} has. */
    public int targetCount(int f) {
      return used.get(f).targets().size();
    }

    /** Each figure's target indices in {@link #targets()}. */
    public int[][] figureTargets() {
      int[][] out = new int[used.size()][];
      int k = 0;
      for (int f = 0; f < out.length; f++) {
        out[f] = IntStream.range(k, k + targetCount(f)).toArray();
        k += out[f].length;
      }
      return out;
    }

    /**
     * Each used figure's mean under its definition(s), from the mean count of each target: Σ_a w_a
     * (base_a + keep_a · thinned_a) ({@link #expectation}).
     *
     * @param targetMeans the mean of each target of {@link #targets()}
     */
    public double[] figureMeans(double[] targetMeans) {
      double[] out = new double[used.size()];
      int k = 0;
      for (int f = 0; f < out.length; f++) {
        int size = targetCount(f);
        out[f] = expectation(used.get(f).mapping(), Arrays.copyOfRange(targetMeans, k, k + size));
        k += size;
      }
      return out;
    }
  }

  /**
   * The mean of a mapped figure given its targets' (mean) counts: Σ_a w_a (base_a + keep_a ·
   * thinned_a), the expectation over the mixture's choice and the Binomial thinning.
   *
   * @param mapping the figure's mapping
   * @param counts the count (or mean count) of each target of {@link
   *     FigureDefinitions.Mapping#targets()}
   */
  public static double expectation(FigureDefinitions.Mapping mapping, double[] counts) {
    double total = 0;
    int k = 0;
    for (FigureDefinitions.Alternative a : mapping.alternatives()) {
      double base = a.base() == null ? 0 : counts[k++];
      double thinned = a.thinned() == null ? 0 : a.keep() * counts[k++];
      total += a.weight() * (base + thinned);
    }
    return total;
  }

  /**
   * How the figures condition the ensemble ({@code --filter}).
   *
   * <ul>
   *   <li>{@link #ONE_STEP}: one importance resampling over all the figures at once, then each
   *       chosen replication rerun as it was (copies are identical).
   *   <li>{@link #MONTHLY}: the month-by-month particle filter with rejuvenation ({@link
   *       ParticleFilter}): the figures of each model month weight and resample the particles in
   *       turn, and every chosen copy continues with fresh dynamics after that month. Needs the
   *       cohort engine.
   * </ul>
   */
  public enum Filter {
    /** One importance-resampling step over all figures. */
    ONE_STEP("one-step"),
    /** The month-by-month particle filter with rejuvenation. */
    MONTHLY("monthly");

    private final String id;

    Filter(String id) {
      this.id = id;
    }

    /** The name used by the command line, the manifest and the service. */
    public String id() {
      return id;
    }

    /**
     * The filter of a name.
     *
     * @throws IllegalArgumentException naming the possible values
     */
    public static Filter of(String id) {
      for (Filter f : values()) {
        if (f.id.equals(id)) {
          return f;
        }
      }
      throw new IllegalArgumentException("'" + id + "' is not a filter: one-step or monthly");
    }
  }

  /**
   * A replication's inputs (parameters, initial stocks, drivers), for example drawn from a
   * posterior sample instead of the priors; must depend only on (seed, replication).
   */
  @FunctionalInterface
  public interface Inputs {
    /** The inputs of replication {@code replication} of master seed {@code seed}. */
    SimulationModel.Replication of(long seed, long replication);
  }

  /**
   * The outcome.
   *
   * @param summary the resampled ensemble's summary (N replications, duplicates counted as chosen)
   * @param effectiveSampleSize (Σw)² / Σw² of the first pass's weights
   * @param particles N
   * @param distinct how many different replications the resampling kept
   * @param logWeights each replication's log weight (0 for all when no figure is used)
   * @param prior prior[target][replication], the counts of the used figures' targets ({@link
   *     Plan#targets()}) before resampling
   * @param chosen chosen[replication], how many times the resampling chose it (with the monthly
   *     filter: how many final particles descend from it)
   * @param filter how the figures conditioned the ensemble
   * @param steps each resampling step: its month, figures, effective sample size and distinct
   *     particles chosen (one step for {@link Filter#ONE_STEP}, none without figures)
   * @param posteriorMeans each used figure's mean under its definition(s) over the resampled
   *     ensemble ({@link Plan#figureMeans})
   */
  public record Result(
      EnsembleSummary summary,
      double effectiveSampleSize,
      int particles,
      int distinct,
      double[] logWeights,
      double[][] prior,
      int[] chosen,
      Filter filter,
      List<ParticleFilter.Step> steps,
      double[] posteriorMeans) {

    /** Copies the list. */
    public Result {
      steps = List.copyOf(steps);
    }

    /**
     * The outcome of one importance-resampling step: the posterior means follow from the counts and
     * the choices.
     */
    public Result(
        EnsembleSummary summary,
        double effectiveSampleSize,
        int particles,
        int distinct,
        double[] logWeights,
        double[][] prior,
        int[] chosen) {
      this(
          summary,
          effectiveSampleSize,
          particles,
          distinct,
          logWeights,
          prior,
          chosen,
          Filter.ONE_STEP,
          oneStep(prior, chosen, effectiveSampleSize, distinct),
          means(prior, chosen));
    }

    /** Whether the effective sample size is below {@link #ESS_WARNING_SHARE} of N. */
    public boolean lowEffectiveSampleSize() {
      return effectiveSampleSize < ESS_WARNING_SHARE * particles;
    }
  }

  private static List<ParticleFilter.Step> oneStep(
      double[][] prior, int[] chosen, double ess, int distinct) {
    if (prior.length == 0) {
      return List.of();
    }
    return List.of(
        new ParticleFilter.Step(-1, IntStream.range(0, prior.length).toArray(), ess, distinct));
  }

  private static double[] means(double[][] counts, int[] chosen) {
    double[] m = new double[counts.length];
    for (int f = 0; f < counts.length; f++) {
      double sum = 0;
      long n = 0;
      for (int i = 0; i < chosen.length; i++) {
        sum += chosen[i] * counts[f][i];
        n += chosen[i];
      }
      m[f] = sum / n;
    }
    return m;
  }

  /**
   * Sorts figures into those the forecast is conditioned on and those set aside.
   *
   * @param model the compiled scenario (its month 0 is the scenario's start)
   * @param records every figure, in file order
   * @param asOf the as-of date
   * @param publication when each figure became public
   * @param sourceType the type of a {@code source_id}
   * @return the plan
   */
  public static Plan plan(
      CompiledModel model,
      List<ObservationRecord> records,
      LocalDate asOf,
      Publication publication,
      Function<String, SourceType> sourceType) {
    return plan(model, records, asOf, publication, sourceType, null);
  }

  /**
   * Sorts figures into those the forecast is conditioned on and those set aside, each used figure
   * laid out under its definition(s) ({@link FigureDefinitions#map}): a figure that does not count
   * what the model counts (confirmed deaths, a residual, the reporting countries' total) is read as
   * its source defines it.
   *
   * @param model the compiled scenario (its month 0 is the scenario's start)
   * @param records every figure, in file order
   * @param asOf the as-of date
   * @param publication when each figure became public
   * @param sourceType the type of a {@code source_id}
   * @param reportingCountries for each measure id, the countries that had published a figure of it
   *     by the as-of date ({@link FigureDefinitions#reportingCountries}); null reads every figure
   *     as a plain count of its target (the reading before definitions)
   * @return the plan
   */
  public static Plan plan(
      CompiledModel model,
      List<ObservationRecord> records,
      LocalDate asOf,
      Publication publication,
      Function<String, SourceType> sourceType,
      Map<String, Set<String>> reportingCountries) {
    TargetResolver resolver = new TargetResolver(model);
    YearMonth start = model.scenario().start();
    List<Used> used = new ArrayList<>();
    List<SetAside> aside = new ArrayList<>();
    for (ObservationRecord r : records) {
      if (!r.publishedBy(asOf, publication)) {
        aside.add(
            new SetAside(
                r, "published " + r.published() + ", after the as-of date " + asOf + ": not used"));
        continue;
      }
      if (!r.month().isAfter(start)) {
        aside.add(
            new SetAside(
                r,
                "dated "
                    + r.date()
                    + ", not after the model's start "
                    + start
                    + ": not conditioned on (the initial stocks are the shared data known by "
                    + asOf
                    + ")"));
        continue;
      }
      try {
        FigureDefinitions.Mapping m =
            reportingCountries == null
                ? counted(ObservationTargets.resolve(resolver, r).target())
                : FigureDefinitions.map(resolver, r, reportingCountries);
        used.add(new Used(r, m, sourceType.apply(r.sourceId())));
      } catch (TargetResolver.UnresolvableException e) {
        aside.add(new SetAside(r, "not a model target: " + e.getMessage()));
      }
    }
    return new Plan(asOf, start, used, aside);
  }

  /**
   * Each replication's log weight: the sum over the figures of the log probability that the
   * figure's source publishes what it did, given the replication's counts of its targets ({@link
   * #logProbability}).
   *
   * @param reporting the reporting model
   * @param used the figures
   * @param counts counts[target][replication], the targets of the figures flattened in order (as
   *     {@link Plan#targets()})
   * @return the log weights, one per replication
   */
  public static double[] logWeights(ReportingModel reporting, List<Used> used, double[][] counts) {
    int n = counts.length == 0 ? 0 : counts[0].length;
    double[] lw = new double[n];
    int k = 0;
    for (Used u : used) {
      int size = u.targets().size();
      double[] c = new double[size];
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < size; t++) {
          c[t] = counts[k + t][i];
        }
        lw[i] += logProbability(reporting, u, c);
      }
      k += size;
    }
    return lw;
  }

  /**
   * The log probability that a figure's source publishes what it did, given one replication's
   * counts of the figure's targets: ln {@link FigureDefinitions#probability} of the figure's
   * mapping with P(published | x) = exp {@link Likelihood#logProbability}(x), the mixture of
   * definitions and the Binomial thinning marginalised exactly.
   *
   * <p>No floor is applied (Likelihood has none; its tails are finite on the log scale): the terms
   * are scaled by the largest of their log probabilities before exponentiating and the scale is
   * added back, so a figure far from every version of the count gives a very negative, finite log
   * weight instead of ln 0. A figure read as a plain count (one alternative, no thinning) returns
   * Likelihood's value itself, so such plans weight exactly as before definitions.
   *
   * @param reporting the reporting model
   * @param u the figure
   * @param counts the replication's count of each of its targets
   */
  public static double logProbability(ReportingModel reporting, Used u, double[] counts) {
    Integer low = u.record().low();
    Integer high = u.record().high();
    List<FigureDefinitions.Alternative> alts = u.mapping().alternatives();
    if (alts.size() == 1 && alts.get(0).thinned() == null && alts.get(0).base() != null) {
      return Likelihood.logProbability(reporting, u.type(), low, high, counts[0]);
    }
    // FigureDefinitions.probability asks for the same counts in the same order on every call
    // (its loops stop on the binomial's terms alone): the first call records their log
    // probabilities and their maximum, the second replays them scaled by it.
    Terms terms = new Terms();
    FigureDefinitions.probability(
        u.mapping(),
        counts,
        x -> terms.add(Likelihood.logProbability(reporting, u.type(), low, high, x)));
    if (terms.max == Double.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    double p = FigureDefinitions.probability(u.mapping(), counts, x -> terms.next());
    return terms.max + Math.log(p);
  }

  /** The log probabilities of one figure's terms, recorded once and replayed scaled. */
  private static final class Terms {
    private double[] logs = new double[64];
    private int size;
    private int read;
    private double max = Double.NEGATIVE_INFINITY;

    double add(double lp) {
      if (size == logs.length) {
        logs = Arrays.copyOf(logs, 2 * size);
      }
      logs[size++] = lp;
      max = Math.max(max, lp);
      return 0;
    }

    double next() {
      return Math.exp(logs[read++] - max);
    }
  }

  /**
   * The effective sample size (Σw)² / Σw² of log weights (N when they are all equal).
   *
   * @param logWeights the log weights, at least one finite
   */
  public static double effectiveSampleSize(double[] logWeights) {
    double[] w = normalised(logWeights);
    double squares = 0;
    for (double x : w) {
      squares += x * x;
    }
    return 1 / squares;
  }

  /**
   * Systematic resampling: one uniform u, and the N points (k + u) / N, k = 0 to N − 1, each
   * choosing the replication whose share of the cumulative normalised weight holds it. Each
   * replication is chosen ⌊N w⌋ or ⌈N w⌉ times, with expectation exactly N w.
   *
   * @param logWeights the log weights, at least one finite
   * @param n how many to draw
   * @param rng the stream of the one uniform
   * @return chosen[replication], how many times each was chosen (they add up to n)
   */
  public static int[] systematic(double[] logWeights, int n, UniformRandomProvider rng) {
    double[] w = normalised(logWeights);
    int[] chosen = new int[w.length];
    double u = rng.nextDouble();
    double cumulative = 0;
    int i = 0;
    for (int k = 0; k < n; k++) {
      double point = (k + u) / n;
      while (i < w.length - 1 && cumulative + w[i] <= point) {
        cumulative += w[i];
        i++;
      }
      chosen[i]++;
    }
    return chosen;
  }

  /** The weights divided by their sum, computed from the largest log weight down. */
  static double[] normalised(double[] logWeights) {
    double max = Double.NEGATIVE_INFINITY;
    for (double x : logWeights) {
      max = Math.max(max, x);
    }
    if (!(max > Double.NEGATIVE_INFINITY) || Double.isNaN(max) || Double.isInfinite(max)) {
      throw new IllegalArgumentException("no replication has a finite log weight");
    }
    double[] w = new double[logWeights.length];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.exp(logWeights[i] - max);
      sum += w[i];
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= sum;
    }
    return w;
  }

  /**
   * Runs the two passes (see the class comment).
   *
   * @param model the compiled scenario
   * @param plan the figures sorted by {@link #plan} on this model
   * @param reporting the reporting model estimated from the figures published by the as-of date
   * @param particles N, the replications of each pass
   * @param seed the master seed
   * @param threads worker threads (the result does not depend on them)
   * @param engines makes one engine per worker; replication i must depend only on (seed, i)
   * @param progress told how far the run is, out of N: each pass counts for half (the second counts
   *     each rerun as many times as it was chosen); the whole of N when no figure is used
   * @return the resampled summary and the diagnostics
   * @throws IllegalStateException if a rerun replication does not reproduce its first-pass counts
   */
  public static Result run(
      CompiledModel model,
      Plan plan,
      ReportingModel reporting,
      int particles,
      long seed,
      int threads,
      Supplier<? extends ReplicationEngine> engines,
      IntConsumer progress) {
    return run(model, plan, reporting, particles, seed, threads, engines, progress, model, 0);
  }

  /**
   * Runs the two passes and keeps in the summary only the months from {@code from} on, renumbered
   * from 0 (a forecast that starts at its as-of date, {@link AsOfStart}): the months before are run
   * and conditioned on, but not shown.
   *
   * @param model the compiled scenario the engine runs
   * @param plan the figures sorted by {@link #plan} on {@code model}
   * @param reporting the reporting model estimated from the figures published by the as-of date
   * @param particles N, the replications of each pass
   * @param seed the master seed
   * @param threads worker threads (the result does not depend on them)
   * @param engines makes one engine per worker; replication i must depend only on (seed, i)
   * @param progress told how far the run is, out of N
   * @param shown the compiled scenario of the summary: the same compartments, its horizon at most
   *     {@code model}'s minus {@code from}
   * @param from the first month of {@code model} the summary keeps (its month 0)
   * @return the resampled summary and the diagnostics
   */
  public static Result run(
      CompiledModel model,
      Plan plan,
      ReportingModel reporting,
      int particles,
      long seed,
      int threads,
      Supplier<? extends ReplicationEngine> engines,
      IntConsumer progress,
      CompiledModel shown,
      int from) {
    return run(
        model,
        plan,
        reporting,
        particles,
        seed,
        threads,
        engines,
        progress,
        shown,
        from,
        Filter.ONE_STEP,
        null);
  }

  /**
   * Runs the chosen filter and keeps in the summary only the months from {@code from} on,
   * renumbered from 0.
   *
   * @param model the compiled scenario the engine runs
   * @param plan the figures sorted by {@link #plan} on {@code model}
   * @param reporting the reporting model estimated from the figures published by the as-of date
   * @param particles N, the replications (particles) of each pass
   * @param seed the master seed
   * @param threads worker threads (the result does not depend on them)
   * @param engines makes one engine per worker (the cohort engine for {@link Filter#MONTHLY})
   * @param progress told how far the run is, out of N
   * @param shown the compiled scenario of the summary
   * @param from the first month of {@code model} the summary keeps (its month 0)
   * @param filter one step or month by month
   * @param inputs each replication's inputs, or null for the model's own (priors)
   * @return the resampled summary and the diagnostics
   */
  public static Result run(
      CompiledModel model,
      Plan plan,
      ReportingModel reporting,
      int particles,
      long seed,
      int threads,
      Supplier<? extends ReplicationEngine> engines,
      IntConsumer progress,
      CompiledModel shown,
      int from,
      Filter filter,
      Inputs inputs) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    Passes passes = local(model, plan.targets(), seed, threads, engines, inputs, shown, from);
    return run(plan, reporting, particles, seed, filter, passes, progress);
  }

  /**
   * Runs the chosen filter over passes that run particles on local threads ({@link #local}) or on a
   * cluster: the filter's weights and resampling stay here, with the same named streams, so the
   * result depends only on the seed.
   *
   * @param plan the figures sorted by {@link #plan}
   * @param reporting the reporting model estimated from the figures published by the as-of date
   * @param particles N
   * @param seed the master seed
   * @param filter one step or month by month
   * @param passes where the particles run
   * @param progress told how far the run is, out of N
   * @return the resampled summary and the diagnostics
   */
  public static Result run(
      Plan plan,
      ReportingModel reporting,
      int particles,
      long seed,
      Filter filter,
      Passes passes,
      IntConsumer progress) {
    return run(plan, reporting, particles, seed, filter, passes, progress, null);
  }

  /**
   * Runs the chosen filter over passes that run anywhere, the monthly filter with a Liu-West move
   * of the static parameters at each step ({@link ParticleFilter}, {@link LiuWest}).
   *
   * @param plan the figures sorted by {@link #plan}
   * @param reporting the reporting model estimated from the figures published by the as-of date
   * @param particles N
   * @param seed the master seed
   * @param filter one step or month by month
   * @param passes where the particles run
   * @param progress told how far the run is, out of N
   * @param move the monthly filter's parameter move, or null for none (ignored by one step)
   * @return the resampled summary and the diagnostics
   */
  public static Result run(
      Plan plan,
      ReportingModel reporting,
      int particles,
      long seed,
      Filter filter,
      Passes passes,
      IntConsumer progress,
      LiuWest.Mover move) {
    if (particles < 1) {
      throw new IllegalArgumentException("particles must be at least 1");
    }
    if (filter == Filter.MONTHLY && !plan.used().isEmpty()) {
      return monthly(plan, reporting, particles, seed, passes, progress, move);
    }
    return oneStep(plan, reporting, particles, seed, passes, progress);
  }

  /**
   * The passes of a filter: particles (a root replication and a {@link Lineage}) run on local
   * threads or on a cluster. Each result depends only on its particle.
   */
  public interface Passes {
    /**
     * Runs each particle from month 0 to {@code last}.
     *
     * @param roots each particle's replication
     * @param lineages each particle's lineage
     * @param last the last month to run
     * @param done told the number of particles finished, as they finish
     * @return counts[figure][particle], the used figures' counts (undefined after {@code last})
     */
    double[][] counts(int[] roots, Lineage[] lineages, int last, IntConsumer done);

    /**
     * Runs each particle to the summary's last month into the summary, counted {@code times[j]}
     * times.
     *
     * @param roots each particle's replication
     * @param lineages each particle's lineage
     * @param times how many times each particle counts in the summary
     * @param done told the summary's replications finished, as they finish
     * @return the summary and values[figure][particle], the used figures' counts of the rerun
     */
    Finished finish(int[] roots, Lineage[] lineages, int[] times, IntConsumer done);
  }

  /**
   * The last pass's outcome.
   *
   * @param summary the summary of the particles, each counted as often as asked
   * @param values values[figure][particle], the used figures' counts
   */
  public record Finished(EnsembleSummary summary, double[][] values) {}

  /**
   * The passes on local worker threads.
   *
   * @param model the compiled scenario the engine runs
   * @param targets the used figures' targets on it
   * @param seed the master seed
   * @param threads worker threads (the result does not depend on them)
   * @param engines makes one engine per worker
   * @param inputs each replication's inputs, or null for the model's own
   * @param shown the compiled scenario of the summary
   * @param from the first month of {@code model} the summary keeps (its month 0)
   */
  public static Passes local(
      CompiledModel model,
      List<Target> targets,
      long seed,
      int threads,
      Supplier<? extends ReplicationEngine> engines,
      Inputs inputs,
      CompiledModel shown,
      int from) {
    int last = lastShown(model, shown, from);
    return new Passes() {
      @Override
      public double[][] counts(int[] roots, Lineage[] lineages, int upTo, IntConsumer done) {
        double[][] c = new double[targets.size()][roots.length];
        Workers.run(
            "dispersal-assimilation",
            "assimilation",
            roots.length,
            threads,
            () -> new Probe(engines.get(), new Target.Recorder(targets)),
            (probe, j) -> {
              double[] v =
                  count(
                      probe.engine(), inputs, probe.recorder(), seed, roots[j], lineages[j], upTo);
              for (int t = 0; t < v.length; t++) {
                c[t][j] = v[t];
              }
              done.accept(1);
            });
        return c;
      }

      @Override
      public Finished finish(int[] roots, Lineage[] lineages, int[] times, IntConsumer done) {
        double[][] values = new double[targets.size()][roots.length];
        List<Rerun> workers =
            Workers.run(
                "dispersal-assimilation",
                "assimilation",
                roots.length,
                threads,
                () ->
                    new Rerun(
                        engines.get(), new EnsembleSummary(shown), new Target.Recorder(targets)),
                (w, j) -> {
                  double[] v =
                      rerun(
                          w.engine(),
                          inputs,
                          w.recorder(),
                          w.summary(),
                          from,
                          last,
                          seed,
                          roots[j],
                          lineages[j],
                          times[j]);
                  for (int t = 0; t < v.length; t++) {
                    values[t][j] = v[t];
                  }
                  done.accept(times[j]);
                });
        EnsembleSummary total = workers.get(0).summary();
        for (int k = 1; k < workers.size(); k++) {
          total.combine(workers.get(k).summary());
        }
        return new Finished(total, values);
      }
    };
  }

  /**
   * The last month of {@code model} the summary keeps.
   *
   * @throws IllegalArgumentException if {@code shown} does not fit {@code model} from {@code from}
   */
  public static int lastShown(CompiledModel model, CompiledModel shown, int from) {
    if (from < 0
        || shown.scenario().months() + from > model.scenario().months()
        || shown.compartments().size() != model.compartments().size()
        || shown.cohorts().size() != model.cohorts().size()) {
      throw new IllegalArgumentException(
          "the summary's model must have the run's compartments and fit in its months from "
              + from);
    }
    return from + shown.scenario().months();
  }

  /**
   * Runs one particle from month 0 to {@code last} (a pass of the filter; also what a cluster's
   * worker runs).
   *
   * @param engine the worker's engine (the cohort engine when the lineage switches)
   * @param inputs the replications' inputs, or null for the engine's model's own
   * @param recorder records the used figures' cells
   * @param seed the master seed
   * @param root the replication
   * @param lineage its switches to fresh dynamics
   * @param last the last month to run
   * @return the recorder's values (its array: copy it before the next call)
   */
  public static double[] count(
      ReplicationEngine engine,
      Inputs inputs,
      Target.Recorder recorder,
      long seed,
      int root,
      Lineage lineage,
      int last) {
    SimulationModel.Replication rep = inputs(engine, inputs, seed, root);
    if (engine instanceof CohortEngine c) {
      c.simulate(rep, seed, root, lineage, withValues(engine, lineage, seed, root), last, recorder);
    } else if (lineage.months().length == 0) {
      engine.simulate(rep, seed, root, recorder);
    } else {
      cohort(engine);
    }
    return recorder.values();
  }

  /**
   * Runs one particle into a summary, counted {@code times} times, keeping months {@code from} to
   * {@code last} renumbered from 0 (the last pass; also what a cluster's worker runs).
   *
   * @return the recorder's values (its array: copy it before the next call)
   */
  public static double[] rerun(
      ReplicationEngine engine,
      Inputs inputs,
      Target.Recorder recorder,
      EnsembleSummary summary,
      int from,
      int last,
      long seed,
      int root,
      Lineage lineage,
      int times) {
    MonthObserver observer =
        new MonthObserver() {
          @Override
          public void arrivals(int month, int[][] arrived) {
            if (month > from && month <= last) {
              // Once: the copies counted below share the count of arrivals.
              summary.arrivals(month - from, arrived);
            }
          }

          @Override
          public void observe(int month, int[][] stocks) {
            if (month >= from && month <= last) {
              for (int c = 0; c < times; c++) {
                summary.observe(month - from, stocks);
              }
            }
            recorder.observe(month, stocks);
          }
        };
    SimulationModel.Replication rep = inputs(engine, inputs, seed, root);
    if (lineage.months().length == 0) {
      engine.simulate(rep, seed, root, observer);
    } else {
      cohort(engine)
          .simulate(
              rep, seed, root, lineage, withValues(engine, lineage, seed, root), last, observer);
    }
    return recorder.values();
  }

  /**
   * How a particle whose lineage moves its parameters gets its inputs for moved values: the
   * replication rebuilt from them with its own driver stream ({@link
   * CompiledModel#replication(long, long, double[])}), as a replication drawn from a posterior
   * sample is built; null for a lineage that moves nothing.
   */
  private static java.util.function.Function<double[], SimulationModel.Replication> withValues(
      ReplicationEngine engine, Lineage lineage, long seed, int root) {
    if (!lineage.movesParameters()) {
      return null;
    }
    if (engine.model() instanceof CompiledModel m) {
      return v -> m.replication(seed, root, v);
    }
    throw new IllegalArgumentException("a parameter move needs the pathway model");
  }

  /**
   * A replication's own parameter values: its draw from the priors, or from its inputs (a posterior
   * sample), in the order of {@link CompiledModel#parameterNames()}; what the Liu-West move starts
   * from.
   *
   * @param model the compiled scenario
   * @param inputs the replications' inputs, or null for the model's own
   * @param seed the master seed
   * @param root the replication
   */
  public static double[] rootValues(CompiledModel model, Inputs inputs, long seed, int root) {
    SimulationModel.Replication rep =
        inputs == null ? model.replication(seed, root) : inputs.of(seed, root);
    if (rep instanceof org.dispersal.engine.PathwayReplication p) {
      return p.realization().values();
    }
    throw new IllegalArgumentException("a parameter move needs the pathway model's replications");
  }

  /**
   * The Liu-West move of a model's parameters, for the monthly filter.
   *
   * @param kernel the move (its discount)
   * @param model the compiled scenario the particles run
   * @param inputs the replications' inputs, or null for the model's own (priors)
   * @param seed the master seed
   */
  public static LiuWest.Mover mover(LiuWest kernel, CompiledModel model, Inputs inputs, long seed) {
    List<org.dispersal.model.Prior> priors =
        model.scenario().parameters().values().stream().map(p -> p.prior()).toList();
    if (priors.size() != model.parameterNames().size()) {
      throw new IllegalStateException("the model's parameters and priors differ");
    }
    return new LiuWest.Mover(
        kernel, LiuWest.Space.of(priors), r -> rootValues(model, inputs, seed, r));
  }

  /** One importance-resampling step over all figures, then the chosen replications rerun. */
  private static Result oneStep(
      Plan plan,
      ReportingModel reporting,
      int particles,
      long seed,
      Passes passes,
      IntConsumer progress) {
    List<Target> targets = plan.targets();
    int lastFigure = targets.stream().mapToInt(Target::month).max().orElse(0);
    int share = targets.isEmpty() ? 1 : 2;
    java.util.concurrent.atomic.AtomicLong units = new java.util.concurrent.atomic.AtomicLong();
    IntConsumer done = x -> progress.accept((int) (units.addAndGet(x) / share));
    Lineage[] roots = new Lineage[particles];
    Arrays.fill(roots, Lineage.ROOT);
    double[][] counts =
        targets.isEmpty()
            ? new double[0][particles]
            : passes.counts(IntStream.range(0, particles).toArray(), roots, lastFigure, done);
    double[] lw =
        targets.isEmpty() ? new double[particles] : logWeights(reporting, plan.used(), counts);
    double ess = effectiveSampleSize(lw);
    int[] chosen =
        targets.isEmpty()
            ? ones(particles)
            : systematic(lw, particles, RandomStreams.assimilationResampling(seed));
    int[] distinct = IntStream.range(0, particles).filter(i -> chosen[i] > 0).toArray();
    int[] times = Arrays.stream(distinct).map(i -> chosen[i]).toArray();
    Lineage[] same = Arrays.copyOf(roots, distinct.length);
    Finished f = passes.finish(distinct, same, times, done);
    for (int k = 0; k < distinct.length; k++) {
      for (int t = 0; t < targets.size(); t++) {
        if (f.values()[t][k] != counts[t][distinct[k]]) {
          throw new IllegalStateException(
              "replication " + distinct[k] + " did not reproduce its first pass");
        }
      }
    }
    List<ParticleFilter.Step> steps =
        targets.isEmpty()
            ? List.of()
            : List.of(
                new ParticleFilter.Step(
                    lastFigure,
                    IntStream.range(0, plan.used().size()).toArray(),
                    ess,
                    distinct.length));
    return new Result(
        f.summary(),
        ess,
        particles,
        distinct.length,
        lw,
        counts,
        chosen,
        Filter.ONE_STEP,
        steps,
        plan.figureMeans(means(counts, chosen)));
  }

  /** The month-by-month particle filter ({@link ParticleFilter}) and the final pass. */
  private static Result monthly(
      Plan plan,
      ReportingModel reporting,
      int particles,
      long seed,
      Passes passes,
      IntConsumer progress,
      LiuWest.Mover move) {
    List<Target> targets = plan.targets();
    List<Used> used = plan.used();
    int[] months = used.stream().mapToInt(u -> u.target().month()).toArray();
    int[][] figureTargets = plan.figureTargets();
    long share = 1 + Arrays.stream(months).distinct().count();
    java.util.concurrent.atomic.AtomicLong units = new java.util.concurrent.atomic.AtomicLong();
    IntConsumer done = x -> progress.accept((int) (units.addAndGet(x) / share));
    ParticleFilter.LogLikelihood likelihood =
        (f, counts) -> logProbability(reporting, used.get(f), counts);
    ParticleFilter.Outcome o =
        ParticleFilter.run(
            particles,
            months,
            figureTargets,
            likelihood,
            seed,
            (roots, lineages, upTo) -> passes.counts(roots, lineages, upTo, done),
            move);
    int[] roots = o.roots();
    double[][] expected = o.expected();
    Finished fin = passes.finish(roots, o.lineages(), ones(particles), done);
    double[][] values = fin.values();
    for (int j = 0; j < particles; j++) {
      for (int t = 0; t < targets.size(); t++) {
        if (values[t][j] != expected[t][j]) {
          throw new IllegalStateException(
              "particle " + j + " did not reproduce its ancestor's counts");
        }
      }
    }
    int[] chosen = new int[particles];
    for (int r : roots) {
      chosen[r]++;
    }
    int distinct = (int) IntStream.range(0, particles).filter(i -> chosen[i] > 0).count();
    double ess = Double.POSITIVE_INFINITY;
    for (ParticleFilter.Step s : o.steps()) {
      ess = Math.min(ess, s.effectiveSampleSize());
    }
    double[] lw = new double[particles];
    double[][] prior = o.prior();
    for (int f : o.steps().get(0).figures()) {
      double[] c = new double[figureTargets[f].length];
      for (int i = 0; i < particles; i++) {
        for (int t = 0; t < c.length; t++) {
          c[t] = prior[figureTargets[f][t]][i];
        }
        lw[i] += likelihood.of(f, c);
      }
    }
    double[] targetMeans = new double[targets.size()];
    for (int t = 0; t < targetMeans.length; t++) {
      double sum = 0;
      for (double x : values[t]) {
        sum += x;
      }
      targetMeans[t] = sum / particles;
    }
    double[] means = plan.figureMeans(targetMeans);
    return new Result(
        fin.summary(),
        ess,
        particles,
        distinct,
        lw,
        prior,
        chosen,
        Filter.MONTHLY,
        o.steps(),
        means);
  }

  /** The replication's inputs: the given ones, or the engine's model's own draws. */
  private static SimulationModel.Replication inputs(
      ReplicationEngine engine, Inputs inputs, long seed, long replication) {
    return inputs == null
        ? engine.model().replication(seed, replication)
        : inputs.of(seed, replication);
  }

  private static CohortEngine cohort(ReplicationEngine engine) {
    if (engine instanceof CohortEngine c) {
      return c;
    }
    throw new IllegalArgumentException(
        "the monthly filter needs the cohort engine (the agent engine cannot rejuvenate)");
  }

  private static int[] ones(int n) {
    int[] a = new int[n];
    Arrays.fill(a, 1);
    return a;
  }

  private record Probe(ReplicationEngine engine, Target.Recorder recorder) {}

  private record Rerun(
      ReplicationEngine engine, EnsembleSummary summary, Target.Recorder recorder) {}
}
