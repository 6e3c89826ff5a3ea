package org.dispersal.cli;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.dispersal.agent.AgentFeatures;
import org.dispersal.agent.EngineKind;
import org.dispersal.app.forecast.AsOfForecastRequest;
import org.dispersal.app.hindcast.StockChoice;
import org.dispersal.assimilation.Assimilation;
import org.dispersal.calibration.Target;
import org.dispersal.engine.Lineage;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.ensemble.DistributedRunner;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.input.observations.ObservationsReader;
import org.dispersal.input.scenario.ScenarioReader;
import org.dispersal.model.Scenario;
import org.dispersal.observation.ObservationRecord;

/**
 * The passes of {@code dispersal forecast --as-of --spark} on executors: each worker rebuilds the
 * forecast's {@link AsOfForecastRequest.Setup} from the scenario (built-in name or file text, with
 * the same {@code --set} overrides and horizon), the date and the observation files' text, then
 * runs chunks of particles (a root replication and a {@link Lineage}) with the same code as the
 * local threads ({@link Assimilation#count}, {@link Assimilation#rerun}). The weights and the
 * resampling stay on the driver, so the result is the local run's, byte for byte. A value, so
 * workers build the setup once per job.
 *
 * @param scenario the built-in name or the file name given
 * @param text the file's text, or null for a built-in
 * @param sets the {@code --set} overrides, in order
 * @param months the horizon, or 0 for the scenario's own
 * @param engine the resolved engine
 * @param asOf the as-of date (ISO)
 * @param files the observation files: name and text, in order
 * @param seed the master seed
 * @param finish whether the chunks run into the summary (the last pass) or only to a month
 * @param posterior the posterior sample the replications draw their parameters from ({@code
 *     --posterior}), or null for the priors; workers leave out the parameters whose prior the date
 *     changed, as the request does ({@link AsOfForecastRequest#sample})
 * @param stocks the rule that builds the initial stocks, as the command built them
 */
record AsOfJob(
    String scenario,
    String text,
    List<String> sets,
    int months,
    EngineKind engine,
    String asOf,
    List<File> files,
    long seed,
    boolean finish,
    PosteriorSample posterior,
    StockChoice stocks)
    implements DistributedRunner.BatchJob<AsOfJob.Worker, AsOfJob.Chunk, AsOfJob.Answer> {

  AsOfJob {
    sets = List.copyOf(sets);
    files = List.copyOf(files);
  }

  /** An observation file's name and text. */
  record File(String name, String text) implements Serializable {}

  /**
   * Particles of one task.
   *
   * @param roots each particle's replication
   * @param months each particle's lineage's switch months
   * @param bases each particle's lineage's bases
   * @param values each particle's lineage's moved parameter values (null where a switch keeps them)
   * @param last the last month to run (counts only)
   * @param times how many times each counts in the summary (the last pass only)
   */
  record Chunk(
      int[] roots, int[][] months, long[][] bases, double[][][] values, int last, int[] times)
      implements Serializable {}

  /**
   * What a task returns.
   *
   * @param values values[figure][particle of the chunk]
   * @param summary the chunk's summary as canonical bytes (the last pass), or null
   */
  record Answer(double[][] values, byte[] summary) implements Serializable {}

  /**
   * What a worker builds once per job.
   *
   * @param setup the forecast's setup
   * @param engine the engine
   * @param inputs the replications' inputs from the posterior sample, or null for the priors
   */
  record Worker(AsOfForecastRequest.Setup setup, EngineKind engine, Assimilation.Inputs inputs) {}

  /** The same job for the last pass. */
  AsOfJob finishing() {
    return new AsOfJob(
        scenario, text, sets, months, engine, asOf, files, seed, true, posterior, stocks);
  }

  /** The scenario read as of the date, as the command read it. */
  Scenario read() {
    ScenarioReader reader = ScenarioSource.reader(sets, stocks).withAsOf(LocalDate.parse(asOf));
    Scenario s = text == null ? reader.read(scenario) : reader.parse(text, scenario);
    return months > 0 ? s.withMonths(months) : s;
  }

  /** The figures of every file, in order. */
  List<ObservationRecord> observations() {
    List<ObservationRecord> rows = new ArrayList<>();
    for (File f : files) {
      rows.addAll(ObservationsReader.parse(f.name(), f.text()));
    }
    return rows;
  }

  @Override
  public Worker prepare() {
    Scenario s = read();
    AsOfForecastRequest.Setup setup =
        AsOfForecastRequest.setup(s, LocalDate.parse(asOf), observations());
    Assimilation.Inputs inputs =
        posterior == null
            ? null
            : AsOfForecastRequest.inputs(
                setup.model(), AsOfForecastRequest.sample(s, setup, posterior.posterior()));
    return new Worker(setup, engine, inputs);
  }

  @Override
  public List<Answer> evaluate(Worker w, List<Chunk> items) {
    AsOfForecastRequest.Setup s = w.setup();
    ReplicationEngine e = w.engine().create(s.model(), AgentFeatures.of(s.start().run()));
    List<Target> targets = s.plan().targets();
    Target.Recorder recorder = new Target.Recorder(targets);
    int from = s.start().offset();
    int last = Assimilation.lastShown(s.model(), s.shown(), from);
    List<Answer> out = new ArrayList<>();
    for (Chunk c : items) {
      double[][] values = new double[targets.size()][c.roots().length];
      EnsembleSummary summary = finish ? new EnsembleSummary(s.shown()) : null;
      for (int j = 0; j < c.roots().length; j++) {
        Lineage lineage = new Lineage(c.months()[j], c.bases()[j], c.values()[j]);
        double[] v =
            finish
                ? Assimilation.rerun(
                    e,
                    w.inputs(),
                    recorder,
                    summary,
                    from,
                    last,
                    seed,
                    c.roots()[j],
                    lineage,
                    c.times()[j])
                : Assimilation.count(
                    e, w.inputs(), recorder, seed, c.roots()[j], lineage, c.last());
        for (int t = 0; t < v.length; t++) {
          values[t][j] = v[t];
        }
      }
      out.add(new Answer(values, summary == null ? null : summary.toBytes()));
    }
    return out;
  }

  /**
   * The passes on a cluster session: particles split into the session's tasks of consecutive
   * particles, answers put back in particle order, summaries merged as canonical bytes.
   */
  AsOfForecastRequest.Cluster on(DistributedRunner.Session session) {
    AsOfJob counting = this;
    AsOfJob last = finishing();
    return setup ->
        new Assimilation.Passes() {
          @Override
          public double[][] counts(int[] roots, Lineage[] lineages, int upTo, IntConsumer done) {
            List<Chunk> chunks = chunks(roots, lineages, upTo, null, session.defaultTasks());
            List<Answer> answers = session.map(counting, chunks, chunks.size());
            done.accept(roots.length);
            return values(setup, answers, roots.length);
          }

          @Override
          public Assimilation.Finished finish(
              int[] roots, Lineage[] lineages, int[] times, IntConsumer done) {
            List<Chunk> chunks = chunks(roots, lineages, 0, times, session.defaultTasks());
            List<Answer> answers = session.map(last, chunks, chunks.size());
            byte[] merged = answers.get(0).summary();
            for (int k = 1; k < answers.size(); k++) {
              merged = EnsembleSummary.mergeBytes(merged, answers.get(k).summary());
            }
            int total = 0;
            for (int t : times) {
              total += t;
            }
            done.accept(total);
            return new Assimilation.Finished(
                EnsembleSummary.fromBytes(setup.shown(), merged),
                values(setup, answers, roots.length));
          }
        };
  }

  private static List<Chunk> chunks(
      int[] roots, Lineage[] lineages, int last, int[] times, int tasks) {
    int n = roots.length;
    int parts = Math.max(1, Math.min(tasks, n));
    List<Chunk> chunks = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      int a = (int) ((long) n * p / parts);
      int b = (int) ((long) n * (p + 1) / parts);
      int[] r = new int[b - a];
      int[][] m = new int[b - a][];
      long[][] bs = new long[b - a][];
      double[][][] vs = new double[b - a][][];
      int[] t = new int[b - a];
      for (int j = a; j < b; j++) {
        r[j - a] = roots[j];
        m[j - a] = lineages[j].months();
        bs[j - a] = lineages[j].bases();
        vs[j - a] = lineages[j].values();
        t[j - a] = times == null ? 1 : times[j];
      }
      chunks.add(new Chunk(r, m, bs, vs, last, t));
    }
    return chunks;
  }

  private static double[][] values(
      AsOfForecastRequest.Setup setup, List<Answer> answers, int particles) {
    int figures = setup.plan().targets().size();
    double[][] v = new double[figures][particles];
    int at = 0;
    for (Answer a : answers) {
      int size = figures == 0 ? 0 : a.values()[0].length;
      for (int f = 0; f < figures; f++) {
        System.arraycopy(a.values()[f], 0, v[f], at, size);
      }
      at += size;
    }
    return v;
  }
}
