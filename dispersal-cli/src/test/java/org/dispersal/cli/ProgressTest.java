package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Finding 6 of issue #16: long commands show a bar with the time left, unless quiet. */
class ProgressTest {

  @Test
  void theBarEstimatesTheTimeLeftFromTheElapsedTime() {
    StringWriter text = new StringWriter();
    AtomicLong now = new AtomicLong(0);
    Progress p = new Progress(new PrintWriter(text), 200, "replications", true, now::get);
    p.accept(0);
    now.set(10_000_000_000L);
    p.accept(50);
    assertThat(text.toString())
        .contains("estimating time left")
        .contains(" 25% 50/200 replications, about 30 s left");
    now.set(40_000_000_000L);
    p.accept(200);
    assertThat(text.toString()).contains("100% 200/200 replications, done in 40 s").endsWith("\n");
    assertThat(Progress.duration(200_000_000_000L)).isEqualTo("3 min 20 s");
  }

  @Test
  void aDisabledBarWritesNothingAndQuietDisablesIt() {
    StringWriter text = new StringWriter();
    try (Progress p = new Progress(new PrintWriter(text), 10, "replications", false, () -> 0)) {
      p.accept(5);
    }
    try (Progress w = Progress.working(new PrintWriter(text), "sensitivity analysis", false)) {
      w.accept(1);
    }
    assertThat(text.toString()).isEmpty();
    assertThat(Progress.enabled(true)).isFalse();
  }

  @Test
  void everyLongCommandAcceptsQuiet() {
    for (String command :
        new String[] {
          "forecast",
          "calibrate",
          "hindcast",
          "sensitivity",
          "compare",
          "threat",
          "screening",
          "update"
        }) {
      CliTest.Result r = CliTest.run(command, "--help");
      assertThat(r.out()).as(command).contains("--quiet");
    }
  }
}
