package org.dispersal.app.artifacts;

import java.io.IOException;
import org.dispersal.app.RunResult;
import org.dispersal.store.FinishedRun;
import org.dispersal.store.RunRecorder;
import org.dispersal.store.RunStore;
import org.dispersal.store.Store;
import org.dispersal.store.StoredRun;

/**
 * Keeps a run in the run store: its manifest, its summary rows straight from the ensemble summary
 * (no file in between) and every file it wrote. Either completes a run the service queued, or
 * records a run that finished elsewhere (the command line) as a new succeeded run.
 */
public abstract sealed class StoreSink implements ArtifactSink<StoredRun> {

  private StoreSink() {}

  /** Completes the queued or running run {@code id} of the service. */
  public static StoreSink completing(RunStore runs, long id) {
    return new Completing(runs, id);
  }

  /** Records a finished run as a new succeeded run owned by {@code owner} (may be null). */
  public static StoreSink recording(Store store, String owner) {
    return new Recording(store, owner);
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
      Artifacts a = new MemorySink().keep(result);
      runs.succeeded(id, a.manifestJson(), a.rows(), a.files());
      return runs.find(id).orElseThrow();
    }
  }

  private static final class Recording extends StoreSink {
    private final Store store;
    private final String owner;

    Recording(Store store, String owner) {
      this.store = store;
      this.owner = owner;
    }

    @Override
    public StoredRun keep(RunResult<?> result) throws IOException {
      Artifacts a = new MemorySink().keep(result);
      return RunRecorder.record(
          store,
          new FinishedRun(
              result.kind(),
              result.scenario().name(),
              result.scenario().text(),
              owner,
              result.replications(),
              result.seed(),
              result.parametersJson(),
              a.manifestJson(),
              a.rows(),
              a.files(),
              result.started(),
              result.finished()));
    }
  }
}
