package org.dispersal.server.runs;

import org.dispersal.store.RunStatus;
import org.dispersal.store.StoredRun;

/**
 * One progress event of a run, as sent to event-stream clients: the run, its status, replications
 * done out of the total, and the error of a failed run.
 *
 * @param id the run
 * @param status queued, running, succeeded, failed or cancelled
 * @param done replications finished
 * @param total replications asked for
 * @param error why the run failed, or null
 */
public record RunProgress(long id, String status, int done, int total, String error) {

  /** The event that describes a stored run as it is now. */
  public static RunProgress of(StoredRun run) {
    return new RunProgress(
        run.id(), run.status().id(), run.done(), run.replications(), run.error());
  }

  /** True for the last event of a run: succeeded, failed or cancelled. */
  public boolean last() {
    return RunStatus.of(status).finished();
  }
}
