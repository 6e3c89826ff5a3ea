package org.dispersal.store;

import java.time.temporal.ChronoUnit;

/**
 * Keeps a run that finished outside the store (a command-line run) as one succeeded run with its
 * manifest, summary rows, files and its own start and end times, so it can be listed, exported and
 * compared like a run of the service.
 */
public final class RunRecorder {

  /** The largest file kept as an artifact. */
  public static final long MAX_ARTIFACT_BYTES = 64L << 20;

  private RunRecorder() {}

  /**
   * Stores the run as succeeded and returns it. A failure while storing its rows or files leaves
   * the run marked failed with the reason.
   */
  public static StoredRun record(Store store, FinishedRun finished) {
    JdbcRunStore runs = store.jdbcRuns();
    StoredRun run =
        runs.create(
            finished.kind(),
            finished.scenarioName(),
            finished.scenarioYaml(),
            finished.owner(),
            finished.replications(),
            finished.seed(),
            finished.parametersJson());
    try {
      runs.started(run.id());
      runs.succeeded(run.id(), finished.manifestJson(), finished.rows(), finished.artifacts());
    } catch (RuntimeException e) {
      runs.failed(run.id(), "recording failed: " + e.getMessage());
      throw e;
    }
    runs.setTimes(
        run.id(),
        finished.started().truncatedTo(ChronoUnit.MICROS),
        finished.finished().truncatedTo(ChronoUnit.MICROS));
    return runs.find(run.id()).orElseThrow();
  }
}
