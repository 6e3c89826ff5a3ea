package org.dispersal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.dispersal.app.BackgroundWork;
import org.dispersal.app.Cancellation;
import org.dispersal.app.RunRequest;
import org.dispersal.app.RunResult;
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
 * results. The store is opened and the run recorded on a thread of their own while the run computes
 * (docs/PERFORMANCE.md, "Session 11"). A store that cannot be opened (another process holds the
 * embedded file) costs a one-line warning, never the outputs.
 */
final class StoreOption {

  @Mixin DatabaseOption database;

  @Option(names = "--no-store", description = "Do not keep this run in the run store.")
  boolean noStore;

  /** Why a recorded run that did not finish failed. */
  private static final String STOPPED = "the command stopped before the run finished";

  /** The store being opened by {@link #openEarly}, until {@link #start} takes it. */
  private FutureTask<Store> opening;

  /**
   * Starts opening the store (loading the database driver, creating or migrating the tables) on a
   * thread of its own, so that it overlaps the command's reading of its inputs; {@link #run} then
   * records the run in it. A command that calls this must call {@link #discard} when it ends (a
   * no-op once {@link #run} has taken the store). Nothing with {@code --no-store}.
   */
  void openEarly() {
    if (!noStore && opening == null) {
      String url = database.url();
      opening = inBackground(() -> Store.open(url));
    }
  }

  /**
   * Closes the store opened by {@link #openEarly} if no run took it (the command failed before it
   * ran), once it is open.
   */
  void discard() {
    FutureTask<Store> unused = opening;
    opening = null;
    if (unused == null) {
      return;
    }
    try {
      unused.get().close();
    } catch (ExecutionException e) {
      // It did not open: nothing to close, and the command's own error is the one to report.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Records a run in the store as it starts (running, under this process's key), so a run whose
   * process is killed is listed by {@code dispersal runs} as failed ("interrupted") rather than not
   * at all, then marks its folder incomplete ({@link IncompleteMarker}): on a thread of its own,
   * while the run computes, so a marked folder's run is always recorded. The store stays open until
   * the returned run is closed: the embedded DuckDB file is this process's while it runs, which is
   * how another process knows the run is alive. A store that cannot be opened costs a one-line
   * warning ({@link Started#await}); the run then goes on unrecorded. With {@code --no-store} the
   * folder is marked at once.
   *
   * @param request the run about to start: its kind, scenario, replications and seed are stored
   * @param parametersJson the run's settings as the command knows them at the start (may be null)
   * @param dir the output folder, created here (so a folder that cannot be made fails at once)
   * @param command the command named in the folder's incomplete marker
   */
  Started start(RunRequest<?> request, String parametersJson, Path dir, String command)
      throws IOException {
    Files.createDirectories(dir);
    if (noStore) {
      IncompleteMarker.mark(dir, command);
      return new Started(null, null);
    }
    String url = database.url();
    FutureTask<Store> opened = opening;
    opening = null;
    FutureTask<Recorded> recording =
        inBackground(
            () -> {
              Recorded recorded = record(opened, url, request, parametersJson);
              try {
                IncompleteMarker.mark(dir, command);
              } catch (IOException e) {
                if (recorded.store() != null) {
                  try {
                    recorded.store().runs().failed(recorded.id(), STOPPED);
                  } finally {
                    recorded.store().close();
                  }
                }
                throw e;
              }
              return recorded;
            });
    return new Started(recording, url);
  }

  /** The run recorded in an open store, or why it could not be. */
  private record Recorded(Store store, long id, String problem) {}

  private static Recorded record(
      FutureTask<Store> opened, String url, RunRequest<?> request, String parametersJson)
      throws InterruptedException {
    Store store = null;
    try {
      store = opened != null ? opened(opened) : Store.open(url);
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
      return new Recorded(store, run.id(), null);
    } catch (RuntimeException e) {
      if (store != null) {
        store.close();
      }
      return new Recorded(null, -1, e.getMessage());
    }
  }

  /** The store opened early, or the exception that kept it from opening. */
  private static Store opened(FutureTask<Store> opened) throws InterruptedException {
    try {
      return opened.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Runs work on a new thread named dispersal-store; its result is the returned task's. */
  private static <V> FutureTask<V> inBackground(Callable<V> work) {
    FutureTask<V> task = new FutureTask<>(work);
    new Thread(task, "dispersal-store").start();
    return task;
  }

  /**
   * Runs a request as every recorded command does (issue #18): recorded in the store as running
   * while it starts, its folder marked incomplete until every file is written, then {@code print}
   * shows the results on the terminal and the stored run is completed with them.
   *
   * @param parametersJson the run's settings as the command knows them at the start (may be null)
   * @param dir the output folder the run's files go to
   * @param command the command named in the folder's incomplete marker, e.g. "dispersal threat"
   * @param bar the progress bar, made as the run starts and closed when it has run
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
    try (Started stored = start(request, parametersJson, dir, command)) {
      RunResult<T> run;
      try (Progress progress = bar.get()) {
        run = request.execute(Versions.provenance(), progress, Cancellation.NEVER);
      }
      stored.await(err);
      if (!stored.storing()) {
        run.keep(new FolderSink(dir));
        IncompleteMarker.clear(dir);
        print.accept(run);
        return run;
      }
      // A stored run is rendered once, into memory, and the same bytes go to the folder and the
      // store (docs/PERFORMANCE.md, "Session 9"). Its rows go into the store's transaction on the
      // store's thread, and its values are made on another, while its files are made and written
      // here; the transaction takes the files once the folder has them, and commits nothing if it
      // never does ("Session 14: the tail").
      if (run.summary() != null) {
        run.summary().renderOnce();
      }
      CompletableFuture<Map<String, byte[]>> files = new CompletableFuture<>();
      stored.completeWhileWriting(run, files::join);
      try {
        Map<String, byte[]> written = MemorySink.files(run);
        MemorySink.writeTo(written, dir);
        IncompleteMarker.clear(dir);
        // The store takes the files before the results are printed (the headline reads the
        // summary again), so the commit does not wait for the terminal.
        files.complete(written);
        print.accept(run);
      } finally {
        // A no-op once the files are given; otherwise the store's transaction rolls back.
        files.completeExceptionally(new IllegalStateException("the run's files were not written"));
      }
      stored.completed(spec.commandLine().getOut(), err);
      return run;
    }
  }

  /**
   * A run being recorded at its start: {@link #await} waits until it is recorded and its folder
   * marked, {@link #completeWhileWriting} keeps its results and marks it succeeded; closing it
   * unfinished marks it failed; either way the store is closed.
   */
  static final class Started implements AutoCloseable {
    private final FutureTask<Recorded> recording;
    private final String url;
    private boolean awaited;
    private Store store;
    private long id = -1;
    private FutureTask<StoredRun> completing;
    private boolean finished;

    private Started(FutureTask<Recorded> recording, String url) {
      this.recording = recording;
      this.url = url;
    }

    /**
     * Waits until the run is recorded and its folder marked; prints the one-line warning of a store
     * that could not record it. Throws what marking the folder threw.
     */
    void await(PrintWriter err) throws IOException {
      if (recording == null || awaited) {
        return;
      }
      awaited = true;
      Recorded recorded = BackgroundWork.result(recording, "the run was being recorded");
      store = recorded.store();
      id = recorded.id();
      if (recorded.problem() != null) {
        err.println("warning: run not stored in " + url + ": " + recorded.problem());
      }
    }

    /** Whether the run is being recorded (false with --no-store or when the store failed). */
    boolean storing() {
      return store != null;
    }

    /**
     * Starts keeping the finished run in its stored run on a thread of its own: its rows at once
     * (rendered already), its values as they are made, its files when {@code files} gives them
     * ({@link StoreSink#keepWhileWriting}). {@link #completed} waits for it.
     */
    void completeWhileWriting(RunResult<?> result, Supplier<Map<String, byte[]>> files) {
      StoreSink sink = StoreSink.completing(store.runs(), id);
      completing = inBackground(() -> sink.keepWhileWriting(result, files));
    }

    /**
     * Waits until the stored run is completed and prints its id, or the one-line warning of a store
     * that could not keep it.
     */
    void completed(PrintWriter out, PrintWriter err) throws IOException {
      try {
        StoredRun run = BackgroundWork.result(completing, "the run was being stored");
        completing = null;
        finished = true;
        out.println(
            "Stored as run " + run.id() + " in " + url + " (dispersal runs, dispersal export)");
      } catch (RuntimeException e) {
        completing = null;
        err.println("warning: run not stored in " + url + ": " + e.getMessage());
      }
    }

    @Override
    public void close() {
      if (!awaited && recording != null) {
        // The run failed before it was awaited: wait for the store (whatever marking the folder
        // threw, the run's own failure is the one to report) so that the run is marked failed.
        try {
          await(new PrintWriter(java.io.Writer.nullWriter()));
        } catch (IOException | RuntimeException e) {
          // See above.
        }
      }
      if (store == null) {
        return;
      }
      if (completing != null) {
        // The command failed while the run was being stored: the transaction ends (rolled back,
        // its files never given) before the run is marked failed.
        try {
          completing.get();
          finished = true;
        } catch (ExecutionException e) {
          // Rolled back; the command's own failure is the one to report.
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      try {
        if (!finished) {
          store.runs().failed(id, STOPPED);
        }
      } finally {
        store.close();
      }
    }
  }
}
