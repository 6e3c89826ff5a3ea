package org.dispersal.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The runs: created queued, marked running, then finished. A run's summary rows and artifacts are
 * written in the same transaction that marks it succeeded, so a run is either succeeded with all
 * its rows or not succeeded with none.
 */
public interface RunStore {
  /**
   * Records a new queued run with a copy of its scenario text, visible to every user (no team).
   *
   * @param kind what the run computes; threat and update since migration V2, sensitivity and
   *     screening since V5 (an update simulates nothing and has zero replications)
   * @param parametersJson the run's settings as a JSON object (may be null)
   */
  default StoredRun create(
      RunKind kind,
      String scenarioName,
      String scenarioYaml,
      String owner,
      int replications,
      long seed,
      String parametersJson) {
    return create(
        kind, scenarioName, scenarioYaml, owner, replications, seed, parametersJson, null);
  }

  /**
   * Records a new queued run with a copy of its scenario text, as {@link #create(RunKind, String,
   * String, String, int, long, String)}, belonging to a team.
   *
   * @param team the team of the scenario it runs when that is a team scenario (since migration V4),
   *     or null for a run every user may see
   */
  StoredRun create(
      RunKind kind,
      String scenarioName,
      String scenarioYaml,
      String owner,
      int replications,
      long seed,
      String parametersJson,
      String team);

  /**
   * The account id of the run's owner (since migration V8): the id of the user named {@code owner}
   * when the run was created, empty when there was none (a command-line run, a deleted owner) or no
   * such run. Decides who may cancel the run, never the name: an account created later under a
   * deleted user's name owns none of their runs.
   */
  Optional<Long> ownerId(long id);

  /** Marks a queued run running. */
  void started(long id);

  /** Records how many replications are done. */
  void progress(long id, int done);

  /**
   * Stores the results and marks the run succeeded, all in one transaction. Throws {@link
   * StoreException} when the run is not queued or running (for example cancelled meanwhile).
   *
   * @param artifacts files of the run by name ("report.html", "summary.csv", ...)
   */
  void succeeded(
      long id, String manifestJson, List<SummaryRow> rows, Map<String, byte[]> artifacts);

  /**
   * Stores the results as {@link #succeeded(long, String, List, Map)} does, and with them a
   * forecast's per-replication values (since migration V9), in the same transaction. A store that
   * keeps no such values (a test double) stores the rest.
   *
   * @param values the values, or null for a run without them
   */
  default void succeeded(
      long id,
      String manifestJson,
      List<SummaryRow> rows,
      Map<String, byte[]> artifacts,
      ReplicationValues values) {
    succeeded(id, manifestJson, rows, artifacts);
  }

  /**
   * Stores the results as {@link #succeeded(long, String, List, Map, ReplicationValues)} does, in
   * one transaction, asking for the values and then the files only once the rows are in it, so that
   * a caller can still be making them meanwhile (the command line renders its report while the rows
   * go in: docs/PERFORMANCE.md, "Session 14: the tail"). A supplier that throws rolls the
   * transaction back: nothing is stored and the run stays as it was.
   *
   * @param values gives the per-replication values, or null for a run without them; may block
   * @param artifacts gives the files of the run by name; may block until they are made
   */
  default void succeededWhenReady(
      long id,
      String manifestJson,
      List<SummaryRow> rows,
      Supplier<ReplicationValues> values,
      Supplier<Map<String, byte[]>> artifacts) {
    ReplicationValues v = values.get();
    succeeded(id, manifestJson, rows, artifacts.get(), v);
  }

  /** Whether the run kept per-replication values, and for how many replications in which layout. */
  default Optional<ReplicationValues.Header> replicationHeader(long id) {
    return Optional.empty();
  }

  /**
   * The run's per-replication values at one month: the cells that are not zero in every replication
   * (others are zero throughout); empty for a run without values.
   */
  default List<ReplicationValues.Cell> replicationValues(long id, int month) {
    return List.of();
  }

  /** Marks an unfinished run failed with a message; does nothing to a finished run. */
  void failed(long id, String message);

  /** Marks an unfinished run cancelled; does nothing to a finished run. */
  void cancelled(long id);

  /**
   * Marks failed ("interrupted") every queued or running run whose process has died, and returns
   * how many. Runs of live processes (this one, or other servers on a shared PostgreSQL) are left
   * alone.
   */
  int markInterrupted();

  /**
   * Marks failed with the message every queued or running run of this process (at shutdown, when
   * the runs cannot be stopped in time), and returns how many. Runs of other processes are left
   * alone.
   */
  int failUnfinished(String message);

  /** Every run, newest first, without manifests ({@link #find} has them). */
  List<StoredRun> list();

  Optional<StoredRun> find(long id);

  /** The scenario text the run was started with. */
  Optional<String> scenarioYaml(long id);

  /** The run's settings as given to {@link #create}. */
  Optional<String> parametersJson(long id);

  /** The run's summary rows that match the filter, in file order; empty for an unknown run. */
  List<SummaryRow> summary(long id, SummaryFilter f);

  Optional<byte[]> artifact(long id, String name);

  List<String> artifactNames(long id);

  /**
   * Writes the run's summary to a file: csv (the summary.csv format), parquet, or json (the run,
   * its manifest and rows). Throws {@link StoreException} for an unknown run or format or a file
   * that cannot be written; the file appears whole or not at all.
   */
  void export(long id, String format, Path out);

  /** Removes a run with its rows and artifacts; false when there was none. */
  boolean delete(long id);
}
