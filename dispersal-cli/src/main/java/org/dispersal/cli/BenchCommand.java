package org.dispersal.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.dispersal.agent.AgentEngine;
import org.dispersal.agent.AgentFeatures;
import org.dispersal.agent.EngineKind;
import org.dispersal.agent.ReferenceFloor;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.MarkovModel;
import org.dispersal.engine.MonthObserver;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.ensemble.EnsembleRunner;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.ensemble.IntHistogram;
import org.dispersal.input.scenario.MarkovScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dispersal bench}: times both engines on the reference model ({@code reference-7node}) and
 * on the default scenario against the floor of docs/PERFORMANCE.md measured in the same run, and
 * (without {@code --quick}) a scaling series in agents and replications written as CSV and SVG.
 *
 * <p>Rates are reported as ratios to the floor because the machine is shared and noisy: the floor's
 * own rate moves with the load, the ratio much less. Each figure is the best of a few timed rounds
 * after a warm-up, the usual way to discount interference from other processes.
 *
 * <p>It is over 500 lines because it measures several things a user asks of the engines (the floor,
 * both engines on the reference and the default scenario, thread scaling, the SVG series) and
 * prints them as text or JSON; each measurement is a short method.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Time the engines against the reference floor; write a scaling series.")
final class BenchCommand implements Callable<Integer> {

  private static final String REFERENCE = "reference-7node";
  private static final String DEFAULT = "isis-2017";
  private static final long SEED = 20170213L;

  @Spec CommandSpec spec;

  @Option(names = "--quick", description = "Headline figures only, in under a minute.")
  boolean quick;

  @Option(names = "--json", description = "Print one JSON object instead of lines.")
  boolean json;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "All-threads figures use T threads (default: all cores).")
  Integer threads;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where the scaling CSV and SVG go (default: out/bench-<timestamp>).")
  Path out;

  private final Map<String, Object> figures = new LinkedHashMap<>();
  private ExecutorService pool;
  private int workers;

  @Override
  public Integer call() throws Exception {
    workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1 || workers > 1024) {
      throw new UserException("--threads must be between 1 and 1024, not " + workers);
    }
    pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "dispersal-bench");
              t.setDaemon(true);
              return t;
            });
    try {
      PrintWriter o = spec.commandLine().getOut();
      figures.put("threads", workers);
      MarkovModel ref = MarkovScenarioReader.read(REFERENCE);
      reference(ref);
      defaultScenario(ref);
      endToEnd(figures, ForecastProcess.ownJar());
      if (!quick) {
        Path dir =
            out != null
                ? out
                : Path.of(
                    "out",
                    "bench-"
                        + LocalDateTime.now()
                            .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        scaling(ref, dir);
      }
      if (json) {
        o.println(toJson(figures));
      } else {
        figures.forEach((k, v) -> o.printf(Locale.ROOT, "%-40s %s%n", k, format(v)));
      }
      return 0;
    } finally {
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ headline figures

  private void reference(MarkovModel ref) throws Exception {
    long steps = (long) ref.population() * ref.months();
    int rounds = quick ? 2 : 5;
    double floor1 = best(rounds, () -> floorReps(ref, 1, 2));
    double floorAll = best(rounds, () -> floorReps(ref, workers, 2 * workers));
    double agent1 = referenceReps(rounds, ref, EngineKind.AGENT, 1, 10);
    double agentAll = referenceReps(rounds, ref, EngineKind.AGENT, workers, 10 * workers);
    double cohort1 = referenceReps(rounds, ref, EngineKind.COHORT, 1, 400);
    double cohortAll = referenceReps(rounds, ref, EngineKind.COHORT, workers, 400 * workers);
    figures.put("floor_steps_per_s_1t", floor1 * steps);
    figures.put("floor_steps_per_s_all", floorAll * steps);
    figures.put("agent_steps_per_s_1t", agent1 * steps);
    figures.put("agent_steps_per_s_all", agentAll * steps);
    // How many cores the run really had: the floor's all-threads speed-up over one thread.
    figures.put("effective_cores", floorAll / floor1);
    figures.put("agent_ratio_to_floor_1t", agent1 / floor1);
    figures.put("agent_ratio_to_floor_all", agentAll / floorAll);
    // The same 1-thread ratio on the thread's CPU time instead of the wall clock: other people's
    // processes lengthen the wall time of a round but barely its CPU time, so on a busy machine
    // this
    // figure moves much less (each is the best of the rounds after a warm-up round).
    ReferenceFloor cpuFloor = new ReferenceFloor(ref);
    int population = ref.population();
    double floorCpu =
        cpuReps(
            rounds + 1,
            2,
            rep ->
                cpuFloor.run(
                    cpuFloor.places(population),
                    0,
                    population,
                    new SplittableRandom(SEED + 1_000_003L * rep)));
    MonthObserver none = (month, stocks) -> {};
    ReplicationEngine cpuAgent = EngineKind.AGENT.create(ref, AgentFeatures.NONE);
    double agentCpu = cpuReps(rounds + 1, 20, rep -> cpuAgent.simulate(SEED, rep, none));
    figures.put("agent_ratio_to_floor_1t_cpu", agentCpu / floorCpu);
    figures.put("cohort_reps_per_s_reference", cohort1);
    figures.put("cohort_reps_per_s_reference_all", cohortAll);
    figures.put("cohort_ms_per_rep_reference", 1000 / cohort1);
    figures.put("cohort_ratio_to_floor_1t", cohort1 / floor1);
    AgentEngine probe = EngineKind.agentEngine(ref, AgentFeatures.NONE, null, 1);
    probe.simulate(SEED, 0, (m, s) -> {});
    figures.put("bytes_per_agent", probe.bytesPerAgent());
    int n = quick ? 1_000_000 : 10_000_000;
    figures.put("measured_heap_bytes_per_agent", measuredBytesPerAgent(ref, n));
  }

  private void defaultScenario(MarkovModel ref) throws Exception {
    CompiledModel model = new CompiledModel(ScenarioSource.load(DEFAULT, List.of()).scenario());
    // Warm the JIT as for every other figure; a cold command-line run pays a few seconds more.
    EnsembleRunner.run(model, 100, SEED + 1, workers, i -> {});
    long t0 = System.nanoTime();
    EnsembleRunner.run(model, 1000, SEED, workers, i -> {});
    double forecast = (System.nanoTime() - t0) / 1e9;
    figures.put("default_forecast_1000_runs_s", forecast);
    AgentEngine probe = EngineKind.agentEngine(model, AgentFeatures.of(model.scenario()), null, 1);
    probe.simulate(SEED, 0, (m, s) -> {});
    long steps = (long) probe.agents() * model.months();
    MarkovModel floorModel = ref.withPopulation(probe.agents()).withMonths(model.months());
    int rounds = quick ? 2 : 5;
    double floor1 = best(rounds, () -> floorReps(floorModel, 1, 10));
    double floorAll = best(rounds, () -> floorReps(floorModel, workers, 10 * workers));
    double agent1 =
        best(rounds, () -> engineReps(model, 1, 20, i -> EngineKind.AGENT.create(model)));
    double agentAll =
        best(
            rounds,
            () -> engineReps(model, workers, 20 * workers, i -> EngineKind.AGENT.create(model)));
    double cohort1 =
        best(rounds, () -> engineReps(model, 1, 20, i -> EngineKind.COHORT.create(model)));
    figures.put("default_agents", probe.agents());
    figures.put("default_floor_steps_per_s_1t", floor1 * steps);
    figures.put("default_floor_steps_per_s_all", floorAll * steps);
    figures.put("default_agent_steps_per_s_1t", agent1 * steps);
    figures.put("default_agent_steps_per_s_all", agentAll * steps);
    figures.put("default_agent_ratio_to_floor_1t", agent1 / floor1);
    figures.put("default_agent_ratio_to_floor_all", agentAll / floorAll);
    figures.put("default_cohort_reps_per_s_1t", cohort1);
    figures.put("default_cohort_ratio_to_floor_1t", cohort1 / floor1);
  }

  /**
   * The README's first command in a child process ({@link ForecastProcess}): its wall time and peak
   * resident memory, JVM start, store and files included; -1 when the bench does not run from a jar
   * (the classes of a test) or the child fails.
   */
  static void endToEnd(Map<String, Object> figures, java.nio.file.Path jar) throws Exception {
    if (jar == null) {
      figures.put("forecast_end_to_end_s", -1.0);
      figures.put("forecast_peak_rss_mb", -1.0);
      figures.put("forecast_command", "(not run: the bench is not running from a jar)");
      return;
    }
    record(figures, ForecastProcess.forecast(jar));
  }

  /** Puts a child forecast's figures. */
  static void record(Map<String, Object> figures, ForecastProcess.Measurement m) {
    boolean ok = m.exitCode() == 0;
    figures.put("forecast_end_to_end_s", ok ? m.seconds() : -1.0);
    figures.put("forecast_peak_rss_mb", ok ? m.peakRssMb() : -1.0);
    figures.put(
        "forecast_command",
        String.join(" ", m.command())
            + (ok ? "" : " (failed with exit code " + m.exitCode() + ")"));
  }

  /** Replications per second of the floor, {@code reps} replications over {@code w} threads. */
  private double floorReps(MarkovModel m, int w, int reps) throws Exception {
    ReferenceFloor floor = new ReferenceFloor(m);
    int n = m.population();
    return parallel(
        w,
        reps,
        (worker, rep) -> {
          int[] places = floor.places(n);
          floor.run(places, 0, n, new SplittableRandom(SEED + 1_000_003L * rep));
        });
  }

  /** Replications per second of an engine, {@code reps} replications over {@code w} threads. */
  /** The best of {@code rounds} rates of one engine on the reference model, in replications/s. */
  private double referenceReps(int rounds, MarkovModel ref, EngineKind kind, int w, int reps)
      throws Exception {
    return best(rounds, () -> engineReps(ref, w, reps, i -> kind.create(ref, AgentFeatures.NONE)));
  }

  private double engineReps(
      org.dispersal.engine.SimulationModel m, int w, int reps, IntFunction<ReplicationEngine> make)
      throws Exception {
    ReplicationEngine[] engines = new ReplicationEngine[w];
    for (int i = 0; i < w; i++) {
      engines[i] = make.apply(i);
    }
    MonthObserver none = (month, stocks) -> {};
    return parallel(w, reps, (worker, rep) -> engines[worker].simulate(SEED, rep, none));
  }

  private interface Job {
    void run(int worker, int rep) throws Exception;
  }

  /** Runs reps jobs, worker i taking reps i, i + w, ...; returns jobs per second. */
  private double parallel(int w, int reps, Job job) throws Exception {
    long t0 = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int k = 0; k < w; k++) {
      int worker = k;
      fs.add(
          pool.submit(
              () -> {
                for (int r = worker; r < reps; r += w) {
                  job.run(worker, r);
                }
                return null;
              }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    return reps / ((System.nanoTime() - t0) / 1e9);
  }

  /**
   * The best of {@code rounds} rates, after one warm-up round, of {@code reps} jobs run on the
   * calling thread, in jobs per second of that thread's CPU time.
   */
  private static double cpuReps(int rounds, int reps, java.util.function.IntConsumer job)
      throws Exception {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return best(
        rounds,
        () -> {
          long t0 = threads.getCurrentThreadCpuTime();
          for (int rep = 0; rep < reps; rep++) {
            job.accept(rep);
          }
          return reps / ((threads.getCurrentThreadCpuTime() - t0) / 1e9);
        });
  }

  private interface Rate {
    double measure() throws Exception;
  }

  /** The best of {@code rounds} timed rounds after one warm-up round. */
  private static double best(int rounds, Rate rate) throws Exception {
    rate.measure();
    double best = 0;
    for (int i = 0; i < rounds; i++) {
      best = Math.max(best, rate.measure());
    }
    return best;
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private double measuredBytesPerAgent(MarkovModel ref, int n) {
    long before = usedHeap();
    AgentEngine e =
        EngineKind.agentEngine(ref.withPopulation(n), AgentFeatures.NONE, pool, workers);
    e.simulate(SEED, 0, (m, s) -> {});
    long after = usedHeap();
    double per = (double) (after - before) / e.agents();
    return Math.max(0, per);
  }

  // ------------------------------------------------------------------ scaling series

  private void scaling(MarkovModel ref, Path dir) throws Exception {
    Files.createDirectories(dir);
    List<String[]> rows = new ArrayList<>();
    for (int exp = 3; exp <= 8; exp++) {
      int n = (int) Math.pow(10, exp);
      MarkovModel m = ref.withPopulation(n);
      long steps = (long) n * m.months();
      int reps = Math.max(1, (int) (2e7 / steps));
      AgentEngine par = EngineKind.agentEngine(m, AgentFeatures.NONE, pool, workers);
      double agentRate = best(1, () -> engineReps(m, 1, reps, i -> par));
      rows.add(
          row(
              "agent_all_threads",
              n,
              reps,
              reps / agentRate,
              steps * agentRate,
              agentRate,
              heapMb()));
      if (exp <= 7) {
        double floorRate = best(1, () -> floorReps(m, 1, reps));
        rows.add(
            row(
                "floor_1_thread",
                n,
                reps,
                reps / floorRate,
                steps * floorRate,
                floorRate,
                heapMb()));
      }
      double cohortRate =
          best(
              1,
              () ->
                  engineReps(
                      m,
                      1,
                      Math.max(reps, 20),
                      i -> EngineKind.COHORT.create(m, AgentFeatures.NONE)));
      rows.add(
          row(
              "cohort_1_thread",
              n,
              Math.max(reps, 20),
              Math.max(reps, 20) / cohortRate,
              steps * cohortRate,
              cohortRate,
              heapMb()));
    }
    for (int reps : new int[] {10, 100, 1000, 10_000}) {
      double[] peak = new double[1];
      long t0 = System.nanoTime();
      IntHistogram[] finals = new IntHistogram[ref.states().size()];
      for (int j = 0; j < finals.length; j++) {
        finals[j] = new IntHistogram();
      }
      ReplicationEngine e = EngineKind.COHORT.create(ref, AgentFeatures.NONE);
      for (int r = 0; r < reps; r++) {
        e.simulate(
            SEED,
            r,
            (month, stocks) -> {
              if (month == ref.months()) {
                for (int j = 0; j < finals.length; j++) {
                  finals[j].add(stocks[0][j]);
                }
              }
            });
        if (r % Math.max(1, reps / 10) == 0) {
          peak[0] = Math.max(peak[0], heapMb());
        }
      }
      double s = (System.nanoTime() - t0) / 1e9;
      rows.add(
          row(
              "ensemble_reference_cohort",
              ref.population(),
              reps,
              s,
              (double) ref.population() * ref.months() * reps / s,
              reps / s,
              peak[0]));
    }
    CompiledModel model = new CompiledModel(ScenarioSource.load(DEFAULT, List.of()).scenario());
    for (int reps : new int[] {10, 100, 1000}) {
      long t0 = System.nanoTime();
      EnsembleSummary summary = EnsembleRunner.run(model, reps, SEED, workers, i -> {});
      double s = (System.nanoTime() - t0) / 1e9;
      double heap = heapMb();
      rows.add(
          row("ensemble_default_summary", 0, (int) summary.replications(), s, 0, reps / s, heap));
    }
    StringBuilder csv =
        new StringBuilder(
            "series,agents,replications,seconds,agent_steps_per_s,reps_per_s,heap_mb\n");
    for (String[] r : rows) {
      csv.append(String.join(",", r)).append('\n');
    }
    Files.writeString(dir.resolve("scaling.csv"), csv, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("scaling.svg"), ScalingChart.svg(rows), StandardCharsets.UTF_8);
    figures.put("scaling_csv", dir.resolve("scaling.csv").toString());
    figures.put("scaling_svg", dir.resolve("scaling.svg").toString());
  }

  private static double heapMb() {
    return usedHeap() / 1048576.0;
  }

  private static String[] row(
      String series, int n, int reps, double s, double stepsPerS, double repsPerS, double heapMb) {
    return new String[] {
      series,
      Integer.toString(n),
      Integer.toString(reps),
      fmt(s),
      fmt(stepsPerS),
      fmt(repsPerS),
      fmt(heapMb)
    };
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  private static String format(Object v) {
    if (v instanceof Double d) {
      return Math.abs(d) >= 1e5
          ? String.format(Locale.ROOT, "%.3e", d)
          : String.format(Locale.ROOT, "%.4f", d);
    }
    return String.valueOf(v);
  }

  private static String toJson(Map<String, Object> m) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append('"').append(e.getKey()).append("\": ");
      Object v = e.getValue();
      if (v instanceof Number num) {
        sb.append(v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : num.toString());
      } else {
        sb.append('"')
            .append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\""))
            .append('"');
      }
    }
    return sb.append('}').toString();
  }

  /** The scaling chart: cost per replication against agents, and heap against replications. */
  static final class ScalingChart {

    private static final String[] COLOURS = {"#1b6ca8", "#d1495b", "#2e933c", "#8e6c8a"};

    private ScalingChart() {}

    static String svg(List<String[]> rows) {
      StringBuilder sb = new StringBuilder();
      sb.append(
          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"960\" height=\"420\""
              + " font-family=\"sans-serif\" font-size=\"12\">\n");
      panel(
          sb,
          rows,
          0,
          "Seconds per replication vs agents (log-log)",
          1,
          3,
          List.of("agent_all_threads", "floor_1_thread", "cohort_1_thread"),
          true);
      panel(
          sb,
          rows,
          480,
          "Heap (MB) vs replications (log x)",
          2,
          6,
          List.of("ensemble_reference_cohort", "ensemble_default_summary"),
          false);
      return sb.append("</svg>\n").toString();
    }

    private static void panel(
        StringBuilder sb,
        List<String[]> rows,
        int x0,
        String title,
        int xCol,
        int yCol,
        List<String> series,
        boolean perRep) {
      double left = x0 + 60;
      double right = x0 + 460;
      double top = 40;
      double bottom = 360;
      double xmin = Double.MAX_VALUE;
      double xmax = -Double.MAX_VALUE;
      double ymin = Double.MAX_VALUE;
      double ymax = -Double.MAX_VALUE;
      for (String[] r : rows) {
        if (series.contains(r[0])) {
          double x = Math.log10(Double.parseDouble(r[xCol]));
          double y = value(r, yCol, perRep);
          xmin = Math.min(xmin, x);
          xmax = Math.max(xmax, x);
          ymin = Math.min(ymin, y);
          ymax = Math.max(ymax, y);
        }
      }
      if (xmax <= xmin) {
        xmax = xmin + 1;
      }
      if (ymax <= ymin) {
        ymax = ymin + 1;
      }
      sb.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"20\">%s</text>%n", left, title));
      sb.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" stroke=\"#999\"/>%n",
              left,
              top,
              right - left,
              bottom - top));
      for (int e = (int) Math.ceil(xmin); e <= Math.floor(xmax); e++) {
        double x = left + (e - xmin) / (xmax - xmin) * (right - left);
        sb.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">1e%d</text>%n",
                x,
                bottom + 16,
                e));
      }
      for (int i = 0; i <= 4; i++) {
        double v = ymin + (ymax - ymin) * i / 4;
        double y = bottom - (v - ymin) / (ymax - ymin) * (bottom - top);
        String label =
            perRep
                ? String.format(Locale.ROOT, "1e%.1f", v)
                : String.format(Locale.ROOT, "%.0f", v);
        sb.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">%s</text>%n",
                left - 4,
                y + 4,
                label));
      }
      for (int k = 0; k < series.size(); k++) {
        StringBuilder pts = new StringBuilder();
        for (String[] r : rows) {
          if (r[0].equals(series.get(k))) {
            double x =
                left
                    + (Math.log10(Double.parseDouble(r[xCol])) - xmin)
                        / (xmax - xmin)
                        * (right - left);
            double y = bottom - (value(r, yCol, perRep) - ymin) / (ymax - ymin) * (bottom - top);
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            sb.append(
                String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                    x,
                    y,
                    COLOURS[k]));
          }
        }
        sb.append(
            String.format(
                Locale.ROOT,
                "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                pts.toString().trim(),
                COLOURS[k]));
        sb.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.0f\" y=\"%.0f\" fill=\"%s\">%s</text>%n",
                left + 10,
                top + 16 + 14 * k,
                COLOURS[k],
                series.get(k)));
      }
    }

    /** log10 of seconds per replication, or heap in MB. */
    private static double value(String[] r, int col, boolean perRep) {
      double v = Double.parseDouble(r[col]);
      return perRep ? Math.log10(v / Double.parseDouble(r[2])) : v;
    }
  }
}
