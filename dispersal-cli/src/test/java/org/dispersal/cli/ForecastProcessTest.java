package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's child-process measurement: the figures it reports are present and positive, the
 * command is the launcher or {@code java -jar}; nothing here is timed against a threshold.
 */
class ForecastProcessTest {

  @Test
  void measuresWallTimeAndPeakMemoryOfAChild(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ForecastProcess.Measurement m =
        ForecastProcess.run(List.of(java, "-version"), Map.of(), dir.resolve("log"));
    assertThat(m.exitCode()).isZero();
    assertThat(m.seconds()).isPositive();
    if (Files.isDirectory(Path.of("/proc/self"))) {
      assertThat(m.peakRssMb()).isPositive();
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    BenchCommand.record(figures, m);
    assertThat(figures)
        .containsKeys("forecast_end_to_end_s", "forecast_peak_rss_mb", "forecast_command");
    assertThat((Double) figures.get("forecast_end_to_end_s")).isPositive();
  }

  @Test
  void aFailedChildReportsMinusOne(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ForecastProcess.Measurement m =
        ForecastProcess.run(List.of(java, "-no-such-option"), Map.of(), dir.resolve("log"));
    assertThat(m.exitCode()).isNotZero();
    Map<String, Object> figures = new LinkedHashMap<>();
    BenchCommand.record(figures, m);
    assertThat(figures.get("forecast_end_to_end_s")).isEqualTo(-1.0);
    assertThat((String) figures.get("forecast_command")).contains("failed with exit code");
  }

  @Test
  void usesTheCheckoutsLauncherWhenTheJarIsItsBuild(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("dispersal-cli/target/dispersal.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "");
    Path out = dir.resolve("out");
    assertThat(ForecastProcess.forecastCommand(jar, out)).containsSequence("-jar", jar.toString());
    Files.writeString(dir.resolve("dispersal"), "#!/bin/sh\n");
    assertThat(ForecastProcess.forecastCommand(jar, out))
        .containsExactly(
            "bash", dir.resolve("dispersal").toString(), "forecast", "--out", out.toString());
  }
}
