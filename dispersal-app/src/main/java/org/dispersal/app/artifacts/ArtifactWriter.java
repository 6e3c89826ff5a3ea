package org.dispersal.app.artifacts;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the files of one run kind (report, tables, charts and whatever else its writers leave)
 * into a folder. Every file it leaves is an artifact of the run.
 */
@FunctionalInterface
public interface ArtifactWriter {

  /** Writes the files into an existing folder. */
  void write(Path folder) throws IOException;
}
