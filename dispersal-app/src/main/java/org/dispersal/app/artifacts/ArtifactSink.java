package org.dispersal.app.artifacts;

import java.io.IOException;
import org.dispersal.app.RunResult;

/**
 * Where a finished run's files go: a folder ({@link FolderSink}), memory ({@link MemorySink}) or
 * the run store ({@link StoreSink}). Every sink keeps every file the run's writers leave, whatever
 * its name.
 *
 * @param <K> what keeping gives back: the folder, the files, the stored run
 */
@FunctionalInterface
public interface ArtifactSink<K> {

  /** Keeps the run's files. */
  K keep(RunResult<?> result) throws IOException;
}
