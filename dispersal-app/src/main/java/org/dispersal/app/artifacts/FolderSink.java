package org.dispersal.app.artifacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dispersal.app.RunResult;

/**
 * Writes a run's files into a folder, created if needed (the command line's {@code --out}).
 *
 * @param folder the folder
 */
public record FolderSink(Path folder) implements ArtifactSink<Path> {

  @Override
  public Path keep(RunResult<?> result) throws IOException {
    Files.createDirectories(folder);
    result.writeTo(folder);
    return folder;
  }
}
