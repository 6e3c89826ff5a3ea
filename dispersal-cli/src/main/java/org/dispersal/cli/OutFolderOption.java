package org.dispersal.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --out} option of the validation commands named after their output folder: {@code
 * out/hindcast} for hindcast, {@code out/sensitivity} for sensitivity.
 */
final class OutFolderOption {

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out/${COMMAND-NAME}",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;
}
