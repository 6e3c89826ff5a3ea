package org.dispersal.cli;

import org.dispersal.ensemble.DistributedRunner;
import picocli.CommandLine.Option;

/**
 * The {@code --spark MASTER} option, mixed into the commands whose work can run on Apache Spark
 * (forecast, sensitivity, calibrate). The Spark runner is found on the class path at run time, so
 * this jar never contains Spark; see docs/SPARK.md.
 */
final class SparkOption {

  @Option(
      names = "--spark",
      paramLabel = "MASTER",
      description =
          "Run the replications on Apache Spark: local[N], spark://HOST:PORT, yarn, or submit"
              + " (the master spark-submit set). Same numbers as without it. See docs/SPARK.md.")
  String master;

  /** Whether --spark was given. */
  boolean enabled() {
    return master != null;
  }

  /** Connects to the cluster, or fails with one line when Spark is missing or the master is bad. */
  DistributedRunner.Session open() {
    DistributedRunner runner;
    try {
      runner = DistributedRunner.find();
    } catch (IllegalStateException e) {
      throw new UserException("--spark: " + e.getMessage());
    }
    try {
      return runner.open(master);
    } catch (Exception e) { // Spark throws checked exceptions it does not declare
      throw new UserException("--spark " + master + ": " + e.getMessage());
    }
  }
}
