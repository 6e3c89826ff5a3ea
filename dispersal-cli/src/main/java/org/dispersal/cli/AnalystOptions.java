package org.dispersal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options the analyst commands share (scenario, replications, seed, threads, overrides, output
 * folder), with their checks; mixed into each command.
 */
final class AnalystOptions {

  /** Replications when --runs is not given: enough for stable 90% intervals, fast enough. */
  static final int DEFAULT_RUNS = 200;

  @Mixin ScenarioOption scenario;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "" + DEFAULT_RUNS,
      description = "Number of replications (default: ${DEFAULT-VALUE}).")
  int runs;

  @Mixin SeedOption seed;

  @Mixin ThreadsOption threads;

  @Mixin OverrideOption overrides;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output folder (default: out/<command>-<scenario>-<timestamp>).")
  Path out;

  /** Checks --runs and returns it. */
  int runs() {
    if (runs < 1 || runs > 1_000_000) {
      throw new UserException("--runs must be between 1 and 1000000, not " + runs);
    }
    return runs;
  }

  /** Checks --threads and returns the number of workers. */
  int threads() {
    return threads.workers();
  }

  /** The output folder, created. */
  Path outDir(String command, String scenarioName) throws IOException {
    Path dir = out;
    if (dir == null) {
      String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
      dir = Path.of("out", command + "-" + scenarioName + "-" + stamp);
    }
    Files.createDirectories(dir);
    return dir;
  }
}
