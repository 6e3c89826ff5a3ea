package org.dispersal.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dispersal.app.artifacts.ArtifactSink;
import org.dispersal.app.artifacts.ArtifactWriter;
import org.dispersal.app.artifacts.SummaryTable;
import org.dispersal.store.ReplicationValues;
import org.dispersal.store.RunKind;
import org.dispersal.store.SummaryRow;

/**
 * A finished run of any kind: what was run, the kind's own result for the caller to show, the
 * manifest, the summary table when the kind has one, and the writer of its files. An {@link
 * ArtifactSink} keeps it in a folder, in memory or in the store.
 *
 * @param <T> the kind's own result (an ensemble summary, a threat outlook, ...)
 * @param kind what was run
 * @param scenario the scenario as run
 * @param replications replications simulated (0 for a kind that simulates nothing)
 * @param seed the master seed (0 for a kind without randomness)
 * @param parametersJson the run's settings as a JSON object, for the store
 * @param value the kind's own result
 * @param manifestJson manifest.json
 * @param summary the summary table, or null for a kind without one
 * @param files writes the kind's files (everything but summary.csv and manifest.json)
 * @param started when the run started
 * @param finished when it finished
 */
public record RunResult<T>(
    RunKind kind,
    ScenarioInput scenario,
    int replications,
    long seed,
    String parametersJson,
    T value,
    String manifestJson,
    SummaryTable summary,
    ArtifactWriter files,
    Instant started,
    Instant finished) {

  /** The name of the manifest file. */
  public static final String MANIFEST = "manifest.json";

  /** The summary rows for the store; empty for a kind without a summary table. */
  public List<SummaryRow> summaryRows() {
    return summary == null ? List.of() : summary.rows();
  }

  /**
   * A forecast's per-replication values for the store, or null for a run without them (see {@link
   * SummaryTable#values()}).
   */
  public ReplicationValues replicationValues() {
    return summary == null ? null : summary.values();
  }

  /** Writes every file of the run into an existing folder: summary.csv, the kind's, manifest. */
  public void writeTo(Path folder) throws IOException {
    if (summary != null) {
      summary.write(folder);
    }
    files.write(folder);
    Files.writeString(folder.resolve(MANIFEST), manifestJson + "\n", StandardCharsets.UTF_8);
  }

  /** Keeps the run with a sink. */
  public <K> K keep(ArtifactSink<K> sink) throws IOException {
    return sink.keep(this);
  }
}
