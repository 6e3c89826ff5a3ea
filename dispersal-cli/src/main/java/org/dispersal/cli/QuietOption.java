package org.dispersal.cli;

import picocli.CommandLine.Option;

/**
 * {@code --quiet}: no progress bar on standard error (it is off anyway when that is no terminal).
 */
final class QuietOption {

  @Option(
      names = {"-q", "--quiet"},
      description = "Draw no progress bar on standard error.")
  boolean quiet;

  /** Whether to draw a progress bar. */
  boolean progress() {
    return Progress.enabled(quiet);
  }
}
