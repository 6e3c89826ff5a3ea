package org.dispersal.app.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.dispersal.app.BackgroundWork;
import org.dispersal.app.RunResult;
import org.dispersal.store.ReplicationValues;
import org.dispersal.store.RunStore;
import org.dispersal.store.StoredRun;

/**
 * Keeps a run in the run store: its manifest, its summary rows straight from the ensemble summary
 * (no file in between) and every file it wrote, into the run recorded when it was queued (the
 * service) or started (the command line), which it marks succeeded; a forecast's per-replication
 * values go with them (paired comparisons).
 */
public abstract sealed class StoreSink implements ArtifactSink<StoredRun> {

  private StoreSink() {}

  /**
   * Keeps a run whose files were already rendered into memory ({@link MemorySink}), so a run that
   * is written to a folder and stored is rendered once (the command line's {@code --out}).
   */
  public abstract StoredRun keep(RunResult<?> result, Artifacts rendered);

  /**
   * Keeps a run whose files are still being made elsewhere, in one transaction: its summary rows
   * (rendered first: {@link SummaryTable#renderOnce}) go in at once, its per-replication values are
   * made meanwhile on a thread of their own, and its files go in when {@code files} gives them
   * ({@link RunStore#succeededWhenReady}). A {@code files} that throws leaves nothing stored
   * (docs/PERFORMANCE.md, "Session 14: the tail").
   *
   * @param files gives every file of the run by name ({@link MemorySink#files}); may block until
   *     they are made
   */
  public abstract StoredRun keepWhileWriting(
      RunResult<?> result, Supplier<Map<String, byte[]>> files);

  /** Completes the queued or running run {@code id}. */
  public static StoreSink completing(RunStore runs, long id) {
    return new Completing(runs, id);
  }

  private static final class Completing extends StoreSink {
    private final RunStore runs;
    private final long id;

    Completing(RunStore runs, long id) {
      this.runs = runs;
      this.id = id;
    }

    @Override
    public StoredRun keep(RunResult<?> result) throws IOException {
      return keep(result, new MemorySink().keep(result));
    }

    @Override
    public StoredRun keep(RunResult<?> result, Artifacts rendered) {
      runs.succeeded(
          id, rendered.manifestJson(), rendered.rows(), rendered.files(), rendered.values());
      return runs.find(id).orElseThrow();
    }

    @Override
    public StoredRun keepWhileWriting(RunResult<?> result, Supplier<Map<String, byte[]>> files) {
      FutureTask<ReplicationValues> values = MemorySink.values(result);
      runs.succeededWhenReady(
          id,
          result.manifestJson(),
          result.summaryRows(),
          () -> {
            try {
              return BackgroundWork.result(values, "the replication values were made");
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          },
          files);
      return runs.find(id).orElseThrow();
    }
  }
}
