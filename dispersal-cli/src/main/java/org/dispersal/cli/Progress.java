package org.dispersal.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * A progress bar with an estimate of the time left, drawn on standard error for commands that can
 * take more than two seconds. Off when standard error is not a terminal (piped, redirected, CI) or
 * with {@code --quiet}, so that logs and scripts see no carriage returns.
 *
 * <p>The estimate is the elapsed time scaled by the work left, elapsed × (total − done) / done: the
 * replications of one run take about the same time each. For work whose steps the command cannot
 * count (a sensitivity analysis's model evaluations), {@link #working} shows the elapsed time
 * instead, refreshed every second until {@link #close()}.
 */
final class Progress implements IntConsumer, AutoCloseable {

  private final PrintWriter err;
  private final int total;
  private final String unit;
  private final boolean enabled;
  private final LongSupplier nanos;
  private final long start;
  private int shownPercent = -1;
  private long shownSecond = -1;
  private Thread ticker;
  private boolean closed;

  Progress(PrintWriter err, int total, boolean enabled) {
    this(err, total, "replications", enabled, System::nanoTime);
  }

  Progress(PrintWriter err, int total, String unit, boolean enabled, LongSupplier nanos) {
    this.err = err;
    this.total = Math.max(total, 1);
    this.unit = unit;
    this.enabled = enabled;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
  }

  /** Whether this process writes to an interactive terminal. */
  static boolean onTerminal() {
    return System.console() != null && System.getenv("CI") == null;
  }

  /** Whether to draw: on a terminal and not asked to be quiet. */
  static boolean enabled(boolean quiet) {
    return !quiet && onTerminal();
  }

  /**
   * A line for work that cannot be counted: "what… 12 s elapsed", refreshed every second on a
   * daemon thread until closed.
   */
  static Progress working(PrintWriter err, String what, boolean enabled) {
    Progress p = new Progress(err, 1, what, enabled, System::nanoTime);
    if (enabled) {
      p.ticker =
          new Thread(
              () -> {
                try {
                  while (!Thread.currentThread().isInterrupted()) {
                    p.tick();
                    Thread.sleep(1000);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "dispersal-progress");
      p.ticker.setDaemon(true);
      p.ticker.start();
    }
    return p;
  }

  private synchronized void tick() {
    if (closed) {
      return;
    }
    long s = (nanos.getAsLong() - start) / 1_000_000_000L;
    err.print("\r" + unit + "... " + s + " s elapsed ");
    err.flush();
  }

  @Override
  public synchronized void accept(int done) {
    if (!enabled || closed) {
      return;
    }
    String line = line(done, nanos.getAsLong() - start);
    int percent = (int) (100L * done / total);
    long second = (nanos.getAsLong() - start) / 1_000_000_000L;
    if (percent == shownPercent && second == shownSecond && done != total) {
      return;
    }
    shownPercent = percent;
    shownSecond = second;
    err.print("\r" + line);
    if (done >= total) {
      err.println();
      closed = true;
    }
    err.flush();
  }

  /** The bar for {@code done} of the total after {@code elapsedNanos}. */
  String line(int done, long elapsedNanos) {
    int percent = (int) (100L * Math.min(done, total) / total);
    int width = 30;
    int filled = width * percent / 100;
    String left;
    if (done <= 0) {
      left = "estimating time left";
    } else if (done >= total) {
      left = "done in " + duration(elapsedNanos);
    } else {
      left = "about " + duration(elapsedNanos / done * (total - done)) + " left";
    }
    return String.format(
        Locale.ROOT,
        "[%s%s] %3d%% %d/%d %s, %s ",
        "#".repeat(filled),
        " ".repeat(width - filled),
        percent,
        done,
        total,
        unit,
        left);
  }

  /** 45 s, 3 min 20 s, 1 h 05 min. */
  static String duration(long nanos) {
    long s = Math.round(nanos / 1e9);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return s / 60 + " min " + String.format(Locale.ROOT, "%02d", s % 60) + " s";
    }
    return s / 3600 + " h " + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + " min";
  }

  /** Ends the line (if one was drawn) and stops the ticker. */
  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.interrupt();
    }
    if (enabled && !closed) {
      err.println();
      err.flush();
    }
    closed = true;
  }
}
