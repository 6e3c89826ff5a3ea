package org.dispersal.cli;

import java.io.PrintWriter;
import java.util.function.IntConsumer;

/**
 * A progress bar for an ensemble, drawn on standard error when it is a terminal and silent when
 * output is piped or redirected.
 */
final class Progress implements IntConsumer {

  private final PrintWriter err;
  private final int total;
  private final boolean enabled;
  private int shownPercent = -1;

  Progress(PrintWriter err, int total, boolean enabled) {
    this.err = err;
    this.total = total;
    this.enabled = enabled;
  }

  /** Whether this process writes to an interactive terminal. */
  static boolean onTerminal() {
    return System.console() != null && System.getenv("CI") == null;
  }

  @Override
  public synchronized void accept(int done) {
    if (!enabled) {
      return;
    }
    int percent = (int) (100L * done / total);
    if (percent == shownPercent) {
      return;
    }
    shownPercent = percent;
    int width = 40;
    int filled = width * percent / 100;
    err.print(
        "\r["
            + "#".repeat(filled)
            + " ".repeat(width - filled)
            + "] "
            + percent
            + "% "
            + done
            + "/"
            + total
            + " replications");
    if (done == total) {
      err.println();
    }
    err.flush();
  }
}
