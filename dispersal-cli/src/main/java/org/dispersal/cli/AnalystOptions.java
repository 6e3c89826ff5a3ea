package org.dispersal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options the analyst commands share (scenario, replications, seed, threads, overrides, output
 * folder), with their checks; mixed into each command.
 */
final class AnalystOptions {

  /** Replications when --runs is not given: enough for stable 90% intervals, fast enough. */
  static final int DEFAULT_RUNS = 200;

  @Option(
      names = "--scenario",
      paramLabel = "NAME|FILE",
      defaultValue = "isis-2017",
      description = "Built-in scenario name or scenario file (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "" + DEFAULT_RUNS,
      description = "Number of replications (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "" + ForecastCommand.DEFAULT_SEED,
      description =
          "Master seed; the same seed gives the same numbers (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Worker threads (default: all cores); results do not depend on it.")
  Integer threads;

  @Option(
      names = "--set",
      paramLabel = "NAME=VALUE",
      description =
          "Override a parameter: a number (fixed), LOW..HIGH (uniform) or dist(args). Repeatable.")
  List<String> sets = new ArrayList<>();

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
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1 || workers > 1024) {
      throw new UserException("--threads must be between 1 and 1024, not " + workers);
    }
    return workers;
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
