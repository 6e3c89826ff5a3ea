package org.dispersal.cli;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dispersal.store.RunStatus;
import org.dispersal.store.Store;
import org.dispersal.store.StoreException;
import org.dispersal.store.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dispersal runs}: lists the runs in the run store, newest first. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "List the runs in the run store, newest first.",
      "Runs left queued or running by a process that has died are marked failed (interrupted)."
    })
final class RunsCommand implements Callable<Integer> {

  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Mixin DatabaseOption database;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    List<StoredRun> runs;
    try (Store store = Store.open(database.url())) {
      store.runs().markInterrupted();
      runs = store.runs().list();
    } catch (StoreException e) {
      throw new UserException(e.getMessage());
    }
    if (runs.isEmpty()) {
      out.println("No runs stored in " + database.url() + ".");
      return 0;
    }
    String format = "%6s  %-11s  %-9s  %-32s  %-12s  %12s  %-16s  %9s%n";
    out.printf(
        Locale.ROOT,
        format,
        "id",
        "kind",
        "status",
        "scenario",
        "owner",
        "replications",
        "created (UTC)",
        "duration");
    for (StoredRun r : runs) {
      out.printf(
          Locale.ROOT,
          format,
          r.id(),
          r.kind().id(),
          r.status().id(),
          clip(r.scenarioName(), 32),
          clip(r.owner() == null ? "-" : r.owner(), 12),
          r.replications(),
          CREATED.format(r.created()),
          duration(r.duration()));
      if (r.status() == RunStatus.FAILED && r.error() != null) {
        // Why it failed, on its own line: "interrupted" for a run whose process died.
        out.println("        failed: " + clip(r.error().lines().findFirst().orElse(""), 100));
      }
    }
    return 0;
  }

  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }

  /** A duration as 12.3s, 4m05s or 2h03m; "-" while unfinished. */
  static String duration(Duration d) {
    if (d == null) {
      return "-";
    }
    long ms = d.toMillis();
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }
    long s = ms / 1000;
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
