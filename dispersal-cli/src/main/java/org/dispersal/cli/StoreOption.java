package org.dispersal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.dispersal.app.ManifestBuilder;
import org.dispersal.app.RunResult;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.artifacts.StoreSink;
import org.dispersal.model.Scenario;
import org.dispersal.store.RunKind;
import org.dispersal.store.Store;
import org.dispersal.store.StoredRun;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --db} and {@code --no-store} options of commands whose outputs are kept in the run
 * store, and the one call that keeps them. The files are written first; a store that cannot be
 * opened (another process holds the embedded file) costs a one-line warning, never the outputs.
 */
final class StoreOption {

  @Mixin DatabaseOption database;

  @Option(names = "--no-store", description = "Do not keep this run in the run store.")
  boolean noStore;

  /**
   * Keeps the outputs of a command that computes its run itself rather than through a request of
   * the application layer: writes a {@code manifest.json} naming the command, scenario,
   * replications, seed and times, then keeps every file of the folder as a run without summary
   * rows.
   *
   * @param scenarioSource the built-in name or file the scenario was read from
   */
  void recordFiles(
      RunKind kind,
      Path folder,
      Scenario scenario,
      String scenarioSource,
      int runs,
      long seed,
      Instant started,
      String command,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    if (noStore) {
      return;
    }
    ScenarioInput input = new ScenarioInput(scenario, ScenarioSource.text(scenarioSource));
    Instant finished = Instant.now();
    String manifest =
        ManifestBuilder.of(kind, input)
            .put("command", command)
            .put("runs", runs)
            .put("seed", seed)
            .build(Versions.provenance(), started, finished);
    Files.writeString(folder.resolve(RunResult.MANIFEST), manifest + "\n", StandardCharsets.UTF_8);
    record(
        new RunResult<>(
            kind,
            input,
            runs,
            seed,
            null,
            null,
            manifest,
            null,
            dir -> copyOutputs(folder, dir),
            started,
            finished),
        out,
        err);
  }

  /** Copies the files a command wrote (all but the manifest, which a run writes itself). */
  private static void copyOutputs(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (Files.isRegularFile(f) && !name.equals(RunResult.MANIFEST)) {
          Files.copy(f, to.resolve(name));
        }
      }
    }
  }

  /**
   * Records a run in the store as it starts (running, under this process's key), so a run whose
   * process is killed is listed by {@code dispersal runs} as failed ("interrupted") rather than not
   * at all. The store stays open until the returned run is closed: the embedded DuckDB file is this
   * process's while it runs, which is how another process knows the run is alive. A store that
   * cannot be opened costs a one-line warning; the run then goes on unrecorded.
   *
   * @param parametersJson the run's settings as the command knows them at the start (may be null)
   */
  Started start(
      RunKind kind,
      ScenarioInput input,
      int replications,
      long seed,
      String parametersJson,
      PrintWriter err) {
    if (noStore) {
      return new Started(null, -1, null);
    }
    String url = database.url();
    Store store = null;
    try {
      store = Store.open(url);
      StoredRun run =
          store
              .runs()
              .create(
                  kind,
                  input.scenario().name(),
                  input.text(),
                  "cli",
                  replications,
                  seed,
                  parametersJson);
      store.runs().started(run.id());
      return new Started(store, run.id(), url);
    } catch (RuntimeException e) {
      if (store != null) {
        store.close();
      }
      err.println("warning: run not stored in " + url + ": " + e.getMessage());
      return new Started(null, -1, null);
    }
  }

  /**
   * A run recorded at its start: {@link #complete} keeps its results and marks it succeeded;
   * closing it unfinished marks it failed; either way the store is closed.
   */
  static final class Started implements AutoCloseable {
    private final Store store;
    private final long id;
    private final String url;
    private boolean finished;

    private Started(Store store, long id, String url) {
      this.store = store;
      this.id = id;
      this.url = url;
    }

    /** Keeps the finished run's manifest, rows and files in its stored run; prints its id. */
    void complete(RunResult<?> result, PrintWriter out, PrintWriter err) throws IOException {
      if (store == null) {
        return;
      }
      try {
        StoredRun run = result.keep(StoreSink.completing(store.runs(), id));
        finished = true;
        out.println(
            "Stored as run " + run.id() + " in " + url + " (dispersal runs, dispersal export)");
      } catch (RuntimeException e) {
        err.println("warning: run not stored in " + url + ": " + e.getMessage());
      }
    }

    @Override
    public void close() {
      if (store == null) {
        return;
      }
      try {
        if (!finished) {
          store.runs().failed(id, "the command stopped before the run finished");
        }
      } finally {
        store.close();
      }
    }
  }

  /** Keeps a finished run in the store; prints the run's id. */
  void record(RunResult<?> result, PrintWriter out, PrintWriter err) throws IOException {
    if (noStore) {
      return;
    }
    String url = database.url();
    try (Store store = Store.open(url)) {
      StoredRun run = result.keep(StoreSink.recording(store, "cli"));
      out.println(
          "Stored as run " + run.id() + " in " + url + " (dispersal runs, dispersal export)");
    } catch (RuntimeException e) {
      err.println("warning: run not stored in " + url + ": " + e.getMessage());
    }
  }
}
