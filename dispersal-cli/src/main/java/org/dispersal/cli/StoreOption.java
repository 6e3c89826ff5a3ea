package org.dispersal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.dispersal.app.Cancellation;
import org.dispersal.app.RunRequest;
import org.dispersal.app.RunResult;
import org.dispersal.app.artifacts.Artifacts;
import org.dispersal.app.artifacts.FolderSink;
import org.dispersal.app.artifacts.MemorySink;
import org.dispersal.app.artifacts.StoreSink;
import org.dispersal.store.Store;
import org.dispersal.store.StoredRun;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --db} and {@code --no-store} options of commands whose outputs are kept in the run
 * store, and the one call that keeps them: a run is recorded as it starts and completed with its
 * results. A store that cannot be opened (another process holds the embedded file) costs a one-line
 * warning, never the outputs.
 */
final class StoreOption {

  @Mixin DatabaseOption database;

  @Option(names = "--no-store", description = "Do not keep this run in the run store.")
  boolean noStore;

  /**
   * Records a run in the store as it starts (running, under this process's key), so a run whose
   * process is killed is listed by {@code dispersal runs} as failed ("interrupted") rather than not
   * at all. The store stays open until the returned run is closed: the embedded DuckDB file is this
   * process's while it runs, which is how another process knows the run is alive. A store that
   * cannot be opened costs a one-line warning; the run then goes on unrecorded.
   *
   * @param request the run about to start: its kind, scenario, replications and seed are stored
   * @param parametersJson the run's settings as the command knows them at the start (may be null)
   */
  Started start(RunRequest<?> request, String parametersJson, PrintWriter err) {
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
                  request.kind(),
                  request.scenario().scenario().name(),
                  request.scenario().text(),
                  "cli",
                  request.replications(),
                  request.seed(),
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
   * Runs a request as every recorded command does (issue #18): recorded in the store as running
   * before it starts, its folder marked incomplete until every file is written, then {@code print}
   * shows the results on the terminal and the stored run is completed with them.
   *
   * @param parametersJson the run's settings as the command knows them at the start (may be null)
   * @param dir the output folder the run's files go to
   * @param command the command named in the folder's incomplete marker, e.g. "dispersal threat"
   * @param bar the progress bar, made once the run is recorded and closed when it has run
   */
  <T> RunResult<T> run(
      RunRequest<T> request,
      String parametersJson,
      Path dir,
      String command,
      CommandSpec spec,
      Supplier<Progress> bar,
      Consumer<RunResult<T>> print)
      throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    try (Started stored = start(request, parametersJson, err)) {
      IncompleteMarker.mark(dir, command);
      RunResult<T> run;
      try (Progress progress = bar.get()) {
        run = request.execute(Versions.provenance(), progress, Cancellation.NEVER);
      }
      // A stored run is rendered once, into memory, and the same bytes go to the folder and the
      // store (docs/PERFORMANCE.md, "Session 9"); an unstored one is written straight to disk.
      Artifacts rendered = stored.storing() ? new MemorySink().keep(run) : null;
      if (rendered != null) {
        MemorySink.writeTo(rendered, dir);
      } else {
        run.keep(new FolderSink(dir));
      }
      IncompleteMarker.clear(dir);
      print.accept(run);
      stored.complete(run, rendered, spec.commandLine().getOut(), err);
      return run;
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

    /** Whether the run is being recorded (false with --no-store or when the store failed). */
    boolean storing() {
      return store != null;
    }

    /**
     * Keeps the finished run's manifest, rows and files in its stored run and prints its id; its
     * files as already rendered into memory, or null to render them now.
     */
    void complete(RunResult<?> result, Artifacts rendered, PrintWriter out, PrintWriter err)
        throws IOException {
      if (store == null) {
        return;
      }
      try {
        StoreSink sink = StoreSink.completing(store.runs(), id);
        StoredRun run = rendered == null ? result.keep(sink) : sink.keep(result, rendered);
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
}
