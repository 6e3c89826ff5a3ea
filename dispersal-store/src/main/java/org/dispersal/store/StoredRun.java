package org.dispersal.store;

import java.time.Instant;

/**
 * One run in the store: what was run (kind, scenario, replications, seed), by whom, how far it got
 * and how it ended. {@code manifestJson} is the run's manifest once it succeeded, else null.
 *
 * @param kind what the run computed
 * @param team the team of the team scenario it ran, or null for a run every user may see
 * @param done replications finished so far
 * @param error why the run failed ("interrupted" when its process died), else null
 */
public record StoredRun(
    long id,
    RunKind kind,
    RunStatus status,
    String scenarioName,
    String owner,
    String team,
    int replications,
    long seed,
    int done,
    Instant created,
    Instant started,
    Instant finished,
    String error,
    String manifestJson) {

  /**
   * The file that holds this run's table when it keeps no summary rows: {@code threat.csv} for a
   * threat outlook, {@code update.csv} for a hypothesis update; null for every other kind.
   */
  public String tableFile() {
    return kind.tableFile();
  }

  /**
   * The file of this run's HTML report: {@code threat.html}, {@code update.html} or report.html.
   */
  public String reportFile() {
    return kind.reportFile();
  }

  /** Time from start to end (or null while unfinished or never started). */
  public java.time.Duration duration() {
    return started == null || finished == null
        ? null
        : java.time.Duration.between(started, finished);
  }
}
