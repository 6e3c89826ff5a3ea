package org.dispersal.server.runs;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.dispersal.analyst.ThreatOutlook;
import org.dispersal.app.Cancellation;
import org.dispersal.app.Provenance;
import org.dispersal.app.RunRequest;
import org.dispersal.app.RunResult;
import org.dispersal.app.artifacts.StoreSink;
import org.dispersal.app.comparison.ComparisonRequest;
import org.dispersal.app.forecast.ForecastRequest;
import org.dispersal.app.forecast.MixtureRequest;
import org.dispersal.app.problem.InputException;
import org.dispersal.app.threat.ThreatRequest;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Scenario;
import org.dispersal.server.ApiException;
import org.dispersal.server.ApiException.FieldError;
import org.dispersal.store.RunStore;
import org.dispersal.store.StoreException;
import org.dispersal.store.StoredRun;
import org.dispersal.store.StoredScenario;

/**
 * Executes the application layer's run requests one or a few at a time, in this process: the same
 * requests the command line runs, kept in the store with a {@link StoreSink}.
 *
 * <p>A submitted request has been validated by its constructor; here it is checked against the
 * service's limits (replications, replications x cohorts, the memory {@link RunMemory} estimates it
 * needs, a threat outlook's memory, the user's share of the queue), recorded in the store as queued
 * and executed when a slot is free. A run ends as failed on anything its execution throws, errors
 * such as {@link OutOfMemoryError} included, so its job, its stream and its row are never left
 * behind. Progress goes to the store (at most five times a second) and to the {@link ProgressHub}.
 * Cancelling a queued run ends it at once; a running one stops after the replications in progress,
 * since its {@link Cancellation} then says so to every worker; a run that simulates nothing goes
 * from none done to done.
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
  private final Limits limits;
  private final Provenance provenance;
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
   * @param runMemoryBytes the heap all runs executing at once may take; one run may take this over
   *     {@code concurrentRuns}
   */
  public record Limits(
      long maxRunSize,
      int maxReplications,
      int concurrentRuns,
      int queueLimit,
      int threadsPerRun,
      long runMemoryBytes) {

    /** The heap one run may take: the runs' memory shared by the runs executing at once. */
    public long memoryPerRun() {
      return runMemoryBytes / concurrentRuns;
    }

    /** The runs one user may have queued or running at once: half the queue, at least one. */
    public int perUser() {
      return Math.max(1, queueLimit / 2);
    }
  }

  /**
   * Creates the queue.
   *
   * @param runs where runs are recorded
   * @param hub where progress is sent
   * @param library gives the shipped data's version for manifests
   * @param limits the limits
   * @param codeVersion the program version for manifests
   */
  public RunQueue(
      RunStore runs, ProgressHub hub, ScenarioLibrary library, Limits limits, String codeVersion) {
    this.runs = runs;
    this.hub = hub;
    this.limits = limits;
    this.provenance = new Provenance(codeVersion, library.dataVersion());
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

  /** The program's and the shipped data's versions, for manifests and a brief's footer. */
  public Provenance provenance() {
    return provenance;
  }

  /** Worker threads of one run, for the requests this queue is given. */
  public int threadsPerRun() {
    return limits.threadsPerRun();
  }

  /**
   * Checks a request against the service's limits and queues it.
   *
   * @param owner who asked
   * @param ownerId the account id of who asked (the per-user share counts by it), or null
   * @param scenario the stored scenario the request runs
   * @param request the validated request
   * @param parametersJson the run's settings as the service stores them
   * @return the queued run
   * @throws ApiException 422 for replications over the service's limit, 413 for a run over the size
   *     limit or whose estimated memory exceeds {@link Limits#memoryPerRun()} (or a threat outlook
   *     over {@link #THREAT_MEMORY_BYTES}), 429 when the user already has their share of the queue,
   *     503 when the queue is full
   */
  public StoredRun submit(
      String owner,
      Long ownerId,
      StoredScenario scenario,
      RunRequest<?> request,
      String parametersJson) {
    if (request.replications() > 0) {
      checkLimits(request);
    }
    return enqueue(owner, ownerId, scenario, request, parametersJson);
  }

  /**
   * The estimated heap of a request's ensembles ({@link RunMemory}): one per variant of a
   * comparison; for a mixture one of its scenario with a summary more (the merged one); else one of
   * its scenario.
   */
  long memoryBytes(RunRequest<?> request) {
    int threads = limits.threadsPerRun();
    if (request instanceof ComparisonRequest c) {
      long sum = 0;
      for (ComparisonRequest.Variant v : c.variants()) {
        sum +=
            RunMemory.ensembleBytes(
                new CompiledModel(v.scenario().scenario()), request.replications(), threads);
      }
      return sum;
    }
    if (request instanceof MixtureRequest m) {
      // The hypotheses run one after another (laid out alike), each ensemble merged into the
      // mixture as it ends: one summary more than a single forecast of all the replications.
      return RunMemory.ensembleBytes(
          new CompiledModel(m.scenario().scenario()), m.replications(), threads + 1);
    }
    return RunMemory.ensembleBytes(
        new CompiledModel(request.scenario().scenario()), request.replications(), threads);
  }

  /**
   * Checks replications and the run size (and for a threat outlook its memory) against the limits.
   */
  private void checkLimits(RunRequest<?> request) {
    int replications = request.replications();
    if (replications > limits.maxReplications()) {
      throw ApiException.invalidField(
          "replications",
          "must be between 1 and " + limits.maxReplications() + ", not " + replications);
    }
    Scenario s = request.scenario().scenario();
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
    // Forecasts and comparisons keep ensemble summaries over the whole horizon; the other kinds
    // keep their own results (a threat outlook has its own limit below).
    boolean ensemble =
        request instanceof ForecastRequest
            || request instanceof MixtureRequest
            || request instanceof ComparisonRequest;
    long memory = ensemble ? memoryBytes(request) : 0;
    if (memory > limits.memoryPerRun()) {
      long perReplication = Math.max(1, memory / replications);
      long most = Math.max(1, limits.memoryPerRun() / perReplication);
      throw new ApiException(
          413,
          "Run too large",
          "the run needs an estimated "
              + RunMemory.mib(memory)
              + " MiB ("
              + replications
              + " replications of "
              + (s.months() + 1)
              + " months x "
              + RunMemory.reachablePerMonth(model)
              + " summary cells a month), over the "
              + RunMemory.mib(limits.memoryPerRun())
              + " MiB this server gives one run; ask for fewer months or replications (about "
              + most
              + ")",
          List.of(
              new FieldError(
                  null,
                  "replications",
                  "estimated " + RunMemory.mib(memory) + " MiB, over the server's limit")),
          null);
    }
    if (request instanceof ThreatRequest) {
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
  }

  /** Records a run as queued and hands its work to the executor. */
  private StoredRun enqueue(
      String owner,
      Long ownerId,
      StoredScenario scenario,
      RunRequest<?> request,
      String parametersJson) {
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
      if (ownerId != null) {
        long mine = jobs.values().stream().filter(j -> ownerId.equals(j.ownerId)).count();
        if (mine >= limits.perUser()) {
          throw ApiException.tooMany(
              "you have "
                  + mine
                  + " runs running or waiting, your share of this server's queue; wait for one"
                  + " to finish or cancel one",
              Duration.ofSeconds(30));
        }
      }
      // A run of a team scenario belongs to its team; a shared scenario has no team (null).
      run =
          runs.create(
              request.kind(),
              scenario.name(),
              scenario.yaml(),
              owner,
              request.replications(),
              request.seed(),
              parametersJson,
              scenario.team());
      job = new Job(run.id(), ownerId, request);
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

  private void publishStored(long id) {
    runs.find(id).ifPresent(r -> hub.publish(RunProgress.of(r)));
  }

  private enum JobState {
    QUEUED,
    RUNNING,
    CANCELLING,
    CANCELLED
  }

  /** One run waiting for or holding an executor thread. */
  private final class Job {
    final long id;
    final Long ownerId;
    final int replications;
    final RunRequest<?> request;
    final AtomicReference<JobState> state = new AtomicReference<>(JobState.QUEUED);
    private long lastPublish;

    Job(long id, Long ownerId, RunRequest<?> request) {
      this.id = id;
      this.ownerId = ownerId;
      this.replications = request.replications();
      this.request = request;
    }

    void execute() {
      if (!state.compareAndSet(JobState.QUEUED, JobState.RUNNING)) {
        finish();
        return;
      }
      try {
        runs.started(id);
        publishStored(id);
        Cancellation cancellation = () -> state.get() != JobState.RUNNING;
        RunResult<?> result = request.execute(provenance, this::progress, cancellation);
        cancellation.check();
        result.keep(StoreSink.completing(runs, id));
      } catch (Cancellation.Cancelled e) {
        if (stopping) {
          runs.failed(id, "interrupted: the server stopped");
        } else {
          runs.cancelled(id);
        }
      } catch (StoreException | InputException e) {
        runs.failed(id, e.getMessage());
      } catch (IOException e) {
        runs.failed(id, "the run's files could not be written: " + e.getMessage());
      } catch (RuntimeException e) {
        runs.failed(id, "the run failed: " + e);
      } catch (Throwable e) {
        // An Error (OutOfMemoryError above all) ends this run, not the service: by now the run's
        // memory is unreachable, so the store can be told, and the next run gets a clean heap.
        runs.failed(id, "the run failed: " + e);
      } finally {
        finish();
      }
    }

    /**
     * Forgets the job and sends its last event. When the store could not be told how the run ended,
     * the stream still gets a last event (failed), so no watcher waits for ever.
     */
    private void finish() {
      jobs.remove(id);
      RunProgress last;
      try {
        last = runs.find(id).map(RunProgress::of).orElse(null);
      } catch (RuntimeException e) {
        last = null;
      }
      if (last == null || !last.last()) {
        String why = stopping ? ProgressHub.INTERRUPTED : "the run failed";
        try {
          runs.failed(id, why);
        } catch (RuntimeException e) {
          // the row stays as it is until markInterrupted at the next start; the stream still ends
        }
        last = new RunProgress(id, "failed", last == null ? 0 : last.done(), replications, why);
      }
      hub.publish(last);
    }

    private void progress(int done) {
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
