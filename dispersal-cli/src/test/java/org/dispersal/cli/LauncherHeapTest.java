package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's sized heap ({@code ./dispersal}, {@code heap_opts}) holds the default forecast:
 * the JVM options it picks for {@code forecast} (the mixture of hypotheses, 1,000 replications,
 * store on) run that forecast to the end in a child JVM, with no more than two workers' summaries
 * in the estimate. Other commands and forecasts whose size the launcher cannot know keep 4 GiB.
 */
class LauncherHeapTest {

  private static final Path LAUNCHER = Path.of("..", "dispersal").toAbsolutePath().normalize();

  @Test
  void theSizedHeapRunsTheDefaultMixtureForecast(@TempDir Path dir) throws Exception {
    // Two workers, as on the 2-core machine the estimate was measured on; more workers get more.
    List<String> opts = launcherOptions("forecast", "--threads", "2");
    assertThat(heapMb(opts)).isBetween(256, 1024);
    assertThat(opts)
        .contains(
            "-Xmn32m",
            "-XX:+UseSerialGC",
            "-XX:TrimNativeHeapInterval=200",
            "-Djdk.nio.maxCachedBufferSize=262144",
            "-Ddispersal.duckdb.threads=1");
    // a memory limit made DuckDB fail to checkpoint a store that already held runs
    assertThat(opts).noneMatch(o -> o.contains("memory_limit"));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(opts);
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "forecast",
            "--threads",
            "2",
            "--out",
            dir.resolve("out").toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("DISPERSAL_HOME", dir.resolve("home").toString());
    pb.redirectOutput(dir.resolve("log").toFile());
    Process p = pb.start();
    if (!p.waitFor(20, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the default forecast did not finish in 20 minutes");
    }
    String log = Files.readString(dir.resolve("log"), StandardCharsets.UTF_8);
    assertThat(log).doesNotContain("OutOfMemoryError");
    assertThat(p.exitValue()).as(log).isZero();
    assertThat(log).contains("Mixture of", "1000 replications", "Stored as run");
    assertThat(dir.resolve("out/summary.csv")).isNotEmptyFile();
  }

  @Test
  void theHeapFollowsRunsThreadsAndMonthsAndOtherCommandsKeepFourGigabytes() throws Exception {
    int base = heapMb(launcherOptions("forecast", "--threads", "2"));
    assertThat(base).isEqualTo(80 + 40 * 2 + 120);
    assertThat(heapMb(launcherOptions("forecast", "--threads", "2", "--runs", "2000")))
        .isEqualTo(base + 120);
    assertThat(heapMb(launcherOptions("forecast", "--threads=4"))).isEqualTo(base + 80);
    assertThat(heapMb(launcherOptions("forecast", "--threads", "2", "--months", "72")))
        .isEqualTo(80 + 2 * (80 + 120));
    assertThat(heapMb(launcherOptions("forecast", "isis-2017", "--threads", "2", "--single")))
        .isEqualTo(base);
    assertThat(heapMb(launcherOptions("forecast", "--runs", "50000", "--threads", "2")))
        .isEqualTo(4096);
    for (String[] other :
        new String[][] {
          {"serve"},
          {"forecast", "my-scenario.yaml"},
          {"forecast", "mali-2013"},
          {"forecast", "--as-of", "2017-06-01"},
          {"forecast", "--posterior", "p.csv"},
          {"forecast", "--engine", "agent"},
          {"hindcast"}
        }) {
      assertThat(launcherOptions(other)).as(Arrays.toString(other)).containsExactly("-Xmx4g");
    }
  }

  @Test
  void theSizedForecastRunsC1AloneOnOpenJdk17Only(@TempDir Path dir) throws Exception {
    Path jdk17 = fakeJdk(dir.resolve("jdk-17"), "17.0.15");
    Path jdk25 = fakeJdk(dir.resolve("jdk-25"), "25.0.3");
    assertThat(launcherOptions(jdk17, "forecast")).contains("-XX:TieredStopAtLevel=1");
    assertThat(launcherOptions(jdk25, "forecast"))
        .contains("-XX:+UseSerialGC")
        .doesNotContain("-XX:TieredStopAtLevel=1");
    assertThat(launcherOptions(jdk17, "serve")).containsExactly("-Xmx4g");
  }

  /**
   * A folder laid out as a JDK of that version (its release file, a bin/java that does nothing).
   */
  private static Path fakeJdk(Path home, String version) throws IOException {
    Path java = home.resolve("bin").resolve("java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!/bin/sh\nexit 0\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    return home;
  }

  /** The JVM options the launcher picks for these arguments (it prints them and exits). */
  static List<String> launcherOptions(String... args) throws IOException, InterruptedException {
    return launcherOptions(null, args);
  }

  /** The same with {@code jdk}'s bin first on the path (null: the path as it is). */
  private static List<String> launcherOptions(Path jdk, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (jdk != null) {
      pb.environment().put("PATH", jdk.resolve("bin") + ":" + System.getenv("PATH"));
    }
    pb.environment().put("DISPERSAL_PRINT_JAVA_OPTS", "1");
    pb.environment().remove("DISPERSAL_JAVA_OPTS");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor()).as(out).isZero();
    return List.of(out.split("\\s+"));
  }

  private static int heapMb(List<String> opts) {
    for (String o : opts) {
      Matcher m = Pattern.compile("-Xmx(\\d+)([mg])").matcher(o);
      if (m.matches()) {
        return Integer.parseInt(m.group(1)) * (m.group(2).equals("g") ? 1024 : 1);
      }
    }
    throw new AssertionError("no -Xmx in " + opts);
  }
}
