package org.dispersal.app.artifacts;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
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
   * Keeps a run whose summary rows are already rendered ({@link SummaryTable#renderOnce}) while its
   * files are still being made elsewhere: the rows go into the store's transaction first, then the
   * files when {@code files} gives them, and the per-replication values, made on threads of their
   * own meanwhile; nothing is committed before all are in, and a {@code files} that throws leaves
   * nothing stored (docs/PERFORMANCE.md, "Session 11").
   *
   * @param files gives every file of the run by name; may block until they are made
   */
  public abstract StoredRun keepWhileRendering(
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
          id,
          rendered.manifestJson(),
          rendered.rows(),
          rendered.files(),
          result.replicationValues());
      return runs.find(id).orElseThrow();
    }

    @Override
    public StoredRun keepWhileRendering(RunResult<?> result, Supplier<Map<String, byte[]>> files) {
      FutureTask<ReplicationValues> values = new FutureTask<>(result::replicationValues);
      new Thread(values, "dispersal-values").start();
      runs.succeeded(id, result.manifestJson(), result.summaryRows(), files, () -> join(values));
      return runs.find(id).orElseThrow();
    }

    private static ReplicationValues join(FutureTask<ReplicationValues> values) {
      try {
        return values.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the replication values were made", e);
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
  }
}
