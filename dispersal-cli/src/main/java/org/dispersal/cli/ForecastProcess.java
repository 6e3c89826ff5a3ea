package org.dispersal.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a command in a child process and measures its wall time and peak resident memory: for {@code
 * dispersal bench}, the README's first command ({@code ./dispersal forecast}) end to end, JVM start
 * and store included. Peak memory is the kernel's high-water mark of the child's resident set
 * ({@code VmHWM} in {@code /proc/<pid>/status}), read every {@value #POLL_MS} ms; it is monotonic,
 * so the last reading is the peak up to the last few milliseconds of the run. Where {@code /proc}
 * is missing the peak is reported as -1.
 */
final class ForecastProcess {

  /** How often the child's high-water mark is read, in milliseconds. */
  static final int POLL_MS = 20;

  private ForecastProcess() {}

  /**
   * What a run of the child cost.
   *
   * @param seconds wall time from start to exit
   * @param peakRssMb peak resident memory in MiB, or -1 where it cannot be read
   * @param exitCode the child's exit code
   * @param command the command as run
   */
  record Measurement(double seconds, double peakRssMb, int exitCode, List<String> command) {}

  /**
   * The README's first command, {@code ./dispersal forecast}, writing into {@code out}: through the
   * launcher next to the build when there is one (the launcher then picks the heap as for a user,
   * and runs {@code jar} without rebuilding), otherwise {@code java -jar jar forecast}.
   */
  static List<String> forecastCommand(Path jar, Path out) {
    List<String> cmd = new ArrayList<>();
    Path launcher = launcherFor(jar);
    if (launcher != null) {
      cmd.add("bash");
      cmd.add(launcher.toString());
    } else {
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-jar");
      cmd.add(jar.toString());
    }
    cmd.add("forecast");
    cmd.add("--out");
    cmd.add(out.toString());
    return cmd;
  }

  /** The launcher script of the checkout a built jar lives in, or null. */
  static Path launcherFor(Path jar) {
    // dispersal-cli/<target>/dispersal.jar -> the checkout's ./dispersal
    Path target = jar.toAbsolutePath().getParent();
    if (target == null || target.getParent() == null || target.getParent().getParent() == null) {
      return null;
    }
    Path launcher = target.getParent().getParent().resolve("dispersal");
    return Files.isRegularFile(launcher) ? launcher : null;
  }

  /** The jar this class was loaded from, or null when it runs from class folders (tests). */
  static Path ownJar() {
    try {
      Path p =
          Path.of(
              ForecastProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Runs the default forecast of the jar in a temporary {@code DISPERSAL_HOME} and output folder,
   * deleted afterwards, so the bench leaves nothing behind.
   */
  static Measurement forecast(Path jar) throws IOException, InterruptedException {
    Path tmp = Files.createTempDirectory("dispersal-bench-forecast");
    try {
      List<String> cmd = forecastCommand(jar, tmp.resolve("out"));
      return run(
          cmd,
          Map.of("DISPERSAL_HOME", tmp.resolve("home").toString(), "DISPERSAL_JAR", jar.toString()),
          tmp.resolve("forecast.log"));
    } finally {
      delete(tmp);
    }
  }

  /** Runs a command with extra environment variables, its output to {@code log}. */
  static Measurement run(List<String> command, Map<String, String> env, Path log)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    Process p = pb.start();
    Path status = Path.of("/proc", Long.toString(p.pid()), "status");
    long peakKb = Files.isRegularFile(status) ? 0 : -1;
    while (!p.waitFor(POLL_MS, TimeUnit.MILLISECONDS)) {
      if (peakKb >= 0) {
        peakKb = Math.max(peakKb, highWaterKb(status));
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Measurement(
        seconds, peakKb < 0 ? -1 : peakKb / 1024.0, p.exitValue(), List.copyOf(command));
  }

  /** The VmHWM line of a /proc status file in kB, or 0 if the process is gone. */
  static long highWaterKb(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      // The child exited between two readings.
    }
    return 0;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
