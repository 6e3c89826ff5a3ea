package org.dispersal.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run that finished outside the store (a command-line run) and is to be kept as one succeeded
 * run: what was run, its manifest, its summary rows (none for kinds without a summary) and its
 * files.
 *
 * @param parametersJson the run's settings as a JSON object, or null
 * @param artifacts the run's files by name; each at most {@link RunRecorder#MAX_ARTIFACT_BYTES}
 * @param started when it started
 * @param finished when it finished, not before {@code started}
 */
public record FinishedRun(
    RunKind kind,
    String scenarioName,
    String scenarioYaml,
    String owner,
    int replications,
    long seed,
    String parametersJson,
    String manifestJson,
    List<SummaryRow> rows,
    Map<String, byte[]> artifacts,
    Instant started,
    Instant finished) {

  /** Checks what the store would refuse only after creating the run. */
  public FinishedRun {
    if (kind == null || manifestJson == null || started == null || finished == null) {
      throw new StoreException("a finished run needs a kind, a manifest and its times");
    }
    if (finished.isBefore(started)) {
      throw new StoreException("a run cannot finish (" + finished + ") before it starts");
    }
    rows = List.copyOf(rows);
    artifacts = Map.copyOf(artifacts);
    for (Map.Entry<String, byte[]> a : artifacts.entrySet()) {
      if (!ExportFormat.isSafeFileName(a.getKey())) {
        throw new StoreException("'" + a.getKey() + "' is not a file name the store keeps");
      }
      if (a.getValue().length > RunRecorder.MAX_ARTIFACT_BYTES) {
        throw new StoreException(
            a.getKey()
                + ": larger than "
                + (RunRecorder.MAX_ARTIFACT_BYTES >> 20)
                + " MB, too big to keep in the store");
      }
    }
  }
}
