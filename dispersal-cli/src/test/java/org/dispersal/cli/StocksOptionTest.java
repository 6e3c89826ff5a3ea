package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --stocks latest|pooled} of {@code dispersal hindcast} and {@code forecast --as-of}. */
class StocksOptionTest {

  @TempDir Path tmp;

  @Test
  void aHindcastOfPooledStocksRecordsTheRuleInItsManifest() throws Exception {
    Path dir = tmp.resolve("pooled");
    CliTest.Result r =
        CliTest.run(
            CliTest.smallHindcast("2017-02-13", CliTest.KNOWN),
            "--stocks",
            "pooled",
            "--out",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(dir.resolve("manifest.json"), StandardCharsets.UTF_8))
        .contains("\"stocks\" : \"pooled: latest figure of each series")
        .contains("revision trend a year travelled");
  }

  @Test
  void aForecastAsOfADateTakesTheRuleToo() throws Exception {
    Path dir = tmp.resolve("asof");
    CliTest.Result r =
        CliTest.run(
            "forecast",
            "--as-of",
            "2017-02-13",
            "--stocks",
            "pooled",
            "--runs",
            "20",
            "--months",
            "3",
            "--no-store",
            "--quiet",
            "--out",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(dir.resolve("manifest.json"), StandardCharsets.UTF_8))
        .contains("\"stocks\" : \"pooled: ");
  }

  @Test
  void anUnknownRuleIsOneLineAndExitTwo() {
    CliTest.Result hindcast =
        CliTest.run(
            "hindcast",
            "--as-of",
            "2017-02-13",
            "--observations",
            CliTest.KNOWN.toString(),
            "--stocks",
            "newest",
            "--out",
            tmp.resolve("h").toString());
    assertThat(hindcast.code()).isEqualTo(UserErrors.USER);
    assertThat(hindcast.err().strip().lines()).hasSize(1);
    assertThat(hindcast.err()).contains("'newest' is not a stock rule: give latest");
    CliTest.Result forecast =
        CliTest.run(
            "forecast", "--as-of", "2017-02-13", "--stocks", "newest", "--out", tmp.toString());
    assertThat(forecast.code()).isEqualTo(UserErrors.USER);
    assertThat(forecast.err().strip().lines()).hasSize(1);
    CliTest.Result noDate = CliTest.run("forecast", "--stocks", "pooled", "--out", tmp.toString());
    assertThat(noDate.code()).isEqualTo(UserErrors.USER);
    assertThat(noDate.err().strip()).isEqualTo("dispersal: --stocks needs --as-of DATE");
  }
}
