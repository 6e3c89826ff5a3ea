package org.dispersal.cli;

import picocli.CommandLine.Option;

/** The {@code --threads} option with its check, mixed into every command that runs in parallel. */
final class ThreadsOption {

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Worker threads (default: all cores); results do not depend on it.")
  Integer threads;

  /** Checks --threads and returns the number of workers. */
  int workers() {
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1 || workers > 1024) {
      throw new UserException("--threads must be between 1 and 1024, not " + workers);
    }
    return workers;
  }
}
