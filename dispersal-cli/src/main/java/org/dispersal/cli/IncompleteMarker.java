package org.dispersal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@value #NAME} file of an output folder whose run has not written all its files: written when
 * the folder is created, before the run starts, and removed once every file is written. A folder
 * that still has it after its command ended (the process was killed, the run failed) is not a whole
 * set of outputs; README.md, "Outputs".
 */
final class IncompleteMarker {

  /** The marker's file name. */
  static final String NAME = "INCOMPLETE";

  private IncompleteMarker() {}

  /** Creates the folder if needed and marks it incomplete. */
  static void mark(Path folder, String command) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve(NAME),
        "This folder's run ("
            + command
            + ") has not written all its files: it is running, or it was stopped or failed.\n"
            + "The file is removed when every output is written.\n",
        StandardCharsets.UTF_8);
  }

  /** Removes the mark: every file of the run is written. */
  static void clear(Path folder) throws IOException {
    Files.deleteIfExists(folder.resolve(NAME));
  }
}
