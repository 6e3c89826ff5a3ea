package org.dispersal.server.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.dispersal.analyst.ThreatOutlook;
import org.dispersal.engine.CompiledModel;
import org.dispersal.input.scenario.ScenarioValidator;
import org.dispersal.model.Scenario;
import org.dispersal.server.ApiException;
import org.dispersal.server.ApiException.FieldError;
import org.dispersal.server.Json;
import org.dispersal.store.RunStore;
import org.dispersal.store.StoreException;
import org.dispersal.store.StoredRun;
import org.dispersal.store.StoredScenario;

/**
 * Runs forecasts, threat outlooks and hypothesis updates one or a few at a time, in this process,
 * with the engine and the writers of the command line.
 *
 * <p>A submitted forecast or threat outlook is checked (scenario valid, replications and months in
 * range, replications x cohorts within the run size limit), an update has its scenario's hypotheses
 * and its events read ({@link UpdateExecution#prepare}); the run is recorded in the store as queued
 * and executed when a slot is free. Progress goes to the store (at most five times a second) and to
 * the {@link ProgressHub}. Cancelling a queued run ends it at once; a running one stops after the
 * replications in progress, since the progress callback then throws {@link
 * ForecastExecution.Cancelled} on every worker; threat outlooks tell progress and stop the same
 * way, and an update, which simulates nothing, goes from none done to done.
 */
public final class RunQueue implements AutoCloseable {

  /**
   * The most memory a threat outlook's per-replication measures may take (destinations x 5 measures
   * x (months + 1) doubles per replication, all kept until the summary). Assumption: a quarter of
   * the 1 GiB a small server gives the service; it allows about 2,600 replications of {@code
   * isis-2017} over 36 months (70 destinations), more than a threat outlook's intervals need.
   */
  public static final long THREAT_MEMORY_BYTES = 256L << 20;

  /** How often progress is written to the store and sent to watchers, at most. */
  private static final long PUBLISH_NANOS = Duration.ofMillis(200).toNanos();

  private final RunStore runs;
  private final ProgressHub hub;
  private final ScenarioLibrary library;
  private final Limits limits;
  private final String codeVersion;
  private final ExecutorService executor;
  private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  /**
   * The limits of the queue.
   *
   * @param maxRunSize the most replications x cohorts of one run
   * @param maxReplications the most replications of one run
   * @param concurrentRuns runs executed at once
   * @param queueLimit runs waiting beyond those
   * @param threadsPerRun worker threads of one run
   */
  public record Limits(
      long maxRunSize,
      int maxReplications,
      int concurrentRuns,
      int queueLimit,
      int threadsPerRun) {}

  /**
   * Creates the queue.
   *
   * @param runs where runs are recorded
   * @param hub where progress is sent
   * @param library reads scenario text
   * @param limits the limits
   * @param codeVersion the program version for manifests
   */
  public RunQueue(
      RunStore runs, ProgressHub hub, ScenarioLibrary library, Limits limits, String codeVersion) {
    this.runs = runs;
    this.hub = hub;
    this.library = library;
    this.limits = limits;
    this.codeVersion = codeVersion;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            limits.concurrentRuns(),
            limits.concurrentRuns(),
            0,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "dispersal-run-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Checks and queues a forecast of a stored scenario.
   *
   * @param owner who asked
   * @param scenario the scenario
   * @param replications how many replications
   * @param seed the master seed
   * @param months the horizon, or null for the scenario's
   * @return the queued run
   * @throws ApiException 422 for an invalid scenario or setting, 413 for a run over the size limit,
   *     503 when the queue is full
   */
  public StoredRun submit(
      String owner, StoredScenario scenario, int replications, long seed, Integer months) {
    return submitSimulation(
        "forecast", ForecastExecution::run, owner, scenario, replications, seed, months, false);
  }

  /**
   * Checks and queues a threat outlook of a stored scenario, under the limits of a forecast and
   * {@link #THREAT_MEMORY_BYTES}.
   *
   * @param owner who asked
   * @param scenario the scenario
   * @param replications how many replications
   * @param seed the master seed
   * @param months the horizon, or null for the scenario's
   * @return the queued run
   * @throws ApiException as {@link #submit}, and 413 for an outlook that would hold more than
   *     {@link #THREAT_MEMORY_BYTES} of measures
   */
  public StoredRun submitThreat(
      String owner, StoredScenario scenario, int replications, long seed, Integer months) {
    return submitSimulation(
        "threat", ThreatExecution::run, owner, scenario, replications, seed, months, true);
  }

  /** Checks and queues a run that simulates replications of a stored scenario. */
  private StoredRun submitSimulation(
      String kind,
      Simulation simulation,
      String owner,
      StoredScenario scenario,
      int replications,
      long seed,
      Integer months,
      boolean threat) {
    Scenario s = checked(scenario, replications, months, threat);
    return enqueue(
        kind,
        owner,
        scenario,
        replications,
        seed,
        parameters(scenario, months),
        progress ->
            simulation.run(
                s,
                scenario.yaml(),
                replications,
                seed,
                limits.threadsPerRun(),
                codeVersion,
                library.dataVersion(),
                progress));
  }

  /**
   * Checks and queues a hypothesis update of a stored scenario against posted events. The events
   * are read here, so a broken row is refused at once; the update itself simulates nothing and is
   * stored with zero replications.
   *
   * @param owner who asked
   * @param scenario the scenario, which must declare hypotheses
   * @param request the events and the update's settings
   * @return the queued run
   * @throws ApiException 422 for a scenario without hypotheses, a broken event row (with its line
   *     and column name) or a bad setting; 503 when the queue is full
   */
  public StoredRun submitUpdate(
      String owner, StoredScenario scenario, UpdateExecution.Request request) {
    UpdateExecution.Prepared prepared = UpdateExecution.prepare(library, scenario, request);
    return enqueue(
        "update",
        owner,
        scenario,
        0,
        0,
        prepared.parametersJson(),
        progress -> prepared.run(codeVersion, library.dataVersion()));
  }

  /**
   * The scenario with its horizon, once replications, months and the run size (and for a threat
   * outlook its memory) are in range.
   */
  private Scenario checked(
      StoredScenario scenario, int replications, Integer months, boolean threat) {
    if (replications < 1 || replications > limits.maxReplications()) {
      throw ApiException.invalidField(
          "replications",
          "must be between 1 and " + limits.maxReplications() + ", not " + replications);
    }
    if (months != null && (months < 1 || months > ScenarioValidator.MAX_MONTHS)) {
      throw ApiException.invalidField(
          "months", "must be between 1 and " + ScenarioValidator.MAX_MONTHS + ", not " + months);
    }
    Scenario parsed = library.parse(scenario.yaml(), scenario.name());
    Scenario s = months == null ? parsed : parsed.withMonths(months);
    CompiledModel model = new CompiledModel(s);
    int cohorts = model.cohortCount();
    long size = (long) replications * cohorts;
    if (size > limits.maxRunSize()) {
      long most = Math.max(1, limits.maxRunSize() / Math.max(1, cohorts));
      throw new ApiException(
          413,
          "Run too large",
          replications
              + " replications x "
              + cohorts
              + " cohorts = "
              + size
              + " exceeds the limit of "
              + limits.maxRunSize()
              + "; ask for at most "
              + most
              + " replications of this scenario",
          List.of(new FieldError(null, "replications", "at most " + most + " for this scenario")),
          null);
    }
    if (threat) {
      long perReplication =
          8L
              * ThreatOutlook.destinations(model).size()
              * ThreatOutlook.Measure.values().length
              * (s.months() + 1);
      if (perReplication * replications > THREAT_MEMORY_BYTES) {
        long most = Math.max(1, THREAT_MEMORY_BYTES / Math.max(1, perReplication));
        throw new ApiException(
            413,
            "Run too large",
            "a threat outlook keeps every replication's measures until it summarises them: "
                + replications
                + " replications of this scenario need "
                + perReplication * replications / (1 << 20)
                + " MiB, over the limit of "
                + THREAT_MEMORY_BYTES / (1 << 20)
                + " MiB; ask for at most "
                + most
                + " replications",
            List.of(
                new FieldError(
                    null,
                    "replications",
                    "at most " + most + " for a threat outlook of this scenario")),
            null);
      }
    }
    return s;
  }

  /** Records a run as queued and hands its work to the executor. */
  private StoredRun enqueue(
      String kind,
      String owner,
      StoredScenario scenario,
      int replications,
      long seed,
      String parametersJson,
      Work work) {
    StoredRun run;
    Job job;
    synchronized (this) {
      if (stopping) {
        throw ApiException.unavailable("the server is stopping", Duration.ofSeconds(30));
      }
      if (jobs.size() >= limits.concurrentRuns() + limits.queueLimit()) {
        throw ApiException.unavailable(
            jobs.size() + " runs are running or waiting, the most this server takes; try later",
            Duration.ofSeconds(30));
      }
      // A run of a team scenario belongs to its team; a shared scenario has no team (null).
      run =
          runs.create(
              kind,
              scenario.name(),
              scenario.yaml(),
              owner,
              replications,
              seed,
              parametersJson,
              scenario.team());
      job = new Job(run.id(), replications, work);
      jobs.put(run.id(), job);
    }
    hub.publish(RunProgress.of(run));
    executor.execute(job::execute);
    return run;
  }

  /**
   * Cancels a queued or running run of this server.
   *
   * @return the run as it is now (a running run ends shortly after)
   * @throws ApiException 404 for an unknown run, 409 for a finished run or one this server does not
   *     execute
   */
  public StoredRun cancel(long id) {
    StoredRun run = runs.find(id).orElseThrow(() -> ApiException.notFound("no run " + id));
    if (run.status().finished()) {
      throw ApiException.conflict("run " + id + " has already " + run.status().id());
    }
    Job job = jobs.get(id);
    if (job == null) {
      throw ApiException.conflict("run " + id + " is not executed by this server");
    }
    if (job.state.compareAndSet(JobState.QUEUED, JobState.CANCELLED)) {
      jobs.remove(id);
      runs.cancelled(id);
      publishStored(id);
    } else {
      job.state.compareAndSet(JobState.RUNNING, JobState.CANCELLING);
    }
    return runs.find(id).orElse(run);
  }

  /** How many runs are running or waiting. */
  public int active() {
    return jobs.size();
  }

  /**
   * Stops taking runs, stops the running ones after their current replications and marks every
   * unfinished run failed with "interrupted: the server stopped".
   */
  @Override
  public void close() {
    synchronized (this) {
      stopping = true;
    }
    for (Job job : jobs.values()) {
      job.state.compareAndSet(JobState.QUEUED, JobState.CANCELLED);
      job.state.compareAndSet(JobState.RUNNING, JobState.CANCELLING);
    }
    executor.shutdown();
    try {
      executor.awaitTermination(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
    for (Long id : jobs.keySet()) {
      runs.failed(id, "interrupted: the server stopped");
    }
    jobs.clear();
  }

  private static String parameters(StoredScenario scenario, Integer months) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("scenarioId", scenario.id());
    p.put("months", months);
    try {
      return Json.MAPPER.writeValueAsString(p);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void publishStored(long id) {
    runs.find(id).ifPresent(r -> hub.publish(RunProgress.of(r)));
  }

  private enum JobState {
    QUEUED,
    RUNNING,
    CANCELLING,
    CANCELLED
  }

  /** The signature of {@link ForecastExecution#run} and {@link ThreatExecution#run}. */
  @FunctionalInterface
  private interface Simulation {
    ForecastExecution.Outputs run(
        Scenario scenario,
        String scenarioText,
        int replications,
        long seed,
        int threads,
        String codeVersion,
        String dataVersion,
        IntConsumer progress);
  }

  /** What a run computes: its outputs, telling progress (which may throw to cancel). */
  @FunctionalInterface
  private interface Work {
    ForecastExecution.Outputs run(IntConsumer progress);
  }

  /** One run waiting for or holding an executor thread. */
  private final class Job {
    final long id;
    final int replications;
    final Work work;
    final AtomicReference<JobState> state = new AtomicReference<>(JobState.QUEUED);
    private long lastPublish;

    Job(long id, int replications, Work work) {
      this.id = id;
      this.replications = replications;
      this.work = work;
    }

    void execute() {
      if (!state.compareAndSet(JobState.QUEUED, JobState.RUNNING)) {
        finish();
        return;
      }
      try {
        runs.started(id);
        publishStored(id);
        ForecastExecution.Outputs out = work.run(this::progress);
        if (state.get() != JobState.RUNNING) {
          throw new ForecastExecution.Cancelled();
        }
        runs.succeeded(id, out.manifestJson(), out.rows(), out.artifacts());
      } catch (ForecastExecution.Cancelled e) {
        if (stopping) {
          runs.failed(id, "interrupted: the server stopped");
        } else {
          runs.cancelled(id);
        }
      } catch (StoreException e) {
        runs.failed(id, e.getMessage());
      } catch (RuntimeException e) {
        runs.failed(id, "the run failed: " + e);
      } finally {
        finish();
      }
    }

    private void finish() {
      jobs.remove(id);
      publishStored(id);
    }

    private void progress(int done) {
      if (state.get() != JobState.RUNNING) {
        throw new ForecastExecution.Cancelled();
      }
      long now = System.nanoTime();
      synchronized (this) {
        if (done < replications && now - lastPublish < PUBLISH_NANOS) {
          return;
        }
        lastPublish = now;
      }
      runs.progress(id, done);
      hub.publish(new RunProgress(id, "running", done, replications, null));
    }
  }
}
