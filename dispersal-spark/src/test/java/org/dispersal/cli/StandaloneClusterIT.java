package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dispersal.cli.Commands.run;
import static org.dispersal.cli.Commands.with;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dispersal forecast --spark spark://127.0.0.1:PORT} against a real standalone cluster: a
 * master and two workers started as separate JVMs from the Spark jars, executors that see Dispersal
 * only through the job jar in {@code spark.jars}. The summary must equal the local run's. Runs
 * after {@code package} (failsafe), since it needs the job jar; fails after 150 s rather than hang.
 */
@Tag("spark")
class StandaloneClusterIT {

  /**
   * A safety net against a hung cluster, not a speed test: on an idle 2-core machine the test takes
   * about a minute, but starting three JVMs and the local forecast under a heavy load took over two
   * minutes of this limit before the cluster job began.
   */
  private static final Duration LIMIT = Duration.ofMinutes(6);

  @TempDir Path tmp;

  @Test
  void forecastOnAStandaloneClusterWritesTheLocalSummary() throws Exception {
    Path jobJar = Path.of(System.getProperty("dispersal.jobJar"));
    List<String> sparkJars =
        List.of(
            Files.readString(Path.of(System.getProperty("dispersal.sparkClasspath")))
                .strip()
                .split(java.io.File.pathSeparator));
    assertThat(jobJar).isRegularFile();
    // A Spark home whose jars/ folder is the executors' class path, as in a Spark distribution;
    // in the build folder, since it holds links to the local Maven repository.
    Path home = Path.of(System.getProperty("dispersal.sparkHome"));
    Path jars = home.resolve("jars");
    Files.createDirectories(jars);
    try (var old = Files.list(jars)) {
      for (Path link : old.toList()) {
        Files.delete(link);
      }
    }
    for (String jar : sparkJars) {
      Files.createSymbolicLink(jars.resolve(Path.of(jar).getFileName()), Path.of(jar));
    }
    List<Process> started = new ArrayList<>();
    try {
      assertTimeoutPreemptively(
          LIMIT, () -> runOnCluster(home, jobJar, started), "cluster test over " + LIMIT);
    } finally {
      for (Process p : started) {
        p.destroyForcibly().waitFor();
      }
      System.clearProperty("spark.jars");
    }
  }

  private void runOnCluster(Path home, Path jobJar, List<Process> started) throws Exception {
    int port = freePort();
    String master = "spark://127.0.0.1:" + port;
    started.add(
        start(
            home,
            "master",
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            "" + port,
            "--webui-port",
            "" + freePort()));
    for (int w = 1; w <= 2; w++) {
      started.add(
          start(
              home,
              "worker" + w,
              "org.apache.spark.deploy.worker.Worker",
              "--host",
              "127.0.0.1",
              "--cores",
              "1",
              "--memory",
              "1g",
              "--webui-port",
              "" + freePort(),
              "--work-dir",
              tmp.resolve("work" + w).toString(),
              master));
    }
    for (int w = 1; w <= 2; w++) {
      awaitLog(tmp.resolve("worker" + w + ".log"), "Successfully registered with master");
    }
    String[] forecast = {"forecast", "--runs", "13", "--months", "6", "--seed", "11"};
    Commands.Result local =
        run(with(forecast, "--single", "--threads", "2", "--out", tmp.resolve("local").toString()));
    assertThat(local.code()).as(local.err()).isZero();
    // The executors get Dispersal only from the job jar, as with spark-submit.
    System.setProperty("spark.jars", jobJar.toString());
    System.setProperty("spark.executor.memory", "512m");
    System.setProperty("spark.driver.host", "127.0.0.1");
    try {
      Commands.Result cluster =
          run(with(forecast, "--spark", master, "--out", tmp.resolve("c").toString()));
      assertThat(cluster.code()).as(cluster.err()).isZero();
    } finally {
      System.clearProperty("spark.executor.memory");
      System.clearProperty("spark.driver.host");
    }
    assertThat(Files.readString(tmp.resolve("c/summary.csv")))
        .isEqualTo(Files.readString(tmp.resolve("local/summary.csv")));
    // Both workers ran executors for the job.
    for (int w = 1; w <= 2; w++) {
      assertThat(Files.readString(tmp.resolve("worker" + w + ".log")))
          .contains("Asked to launch executor");
    }
  }

  private Process start(Path home, String name, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(List.of(org.dispersal.spark.SparkRunner.MODULE_OPTIONS.split(" ")));
    command.add("-cp");
    command.add(home.resolve("jars") + "/*");
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    // What a distribution's load-spark-env.sh sets; the worker needs it to launch executors.
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.redirectErrorStream(true);
    pb.redirectOutput(tmp.resolve(name + ".log").toFile());
    return pb.start();
  }

  private static void awaitLog(Path log, String text) {
    await("'" + text + "' in " + log)
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
