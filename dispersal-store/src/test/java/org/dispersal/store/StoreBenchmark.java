package org.dispersal.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times the store on a real forecast's output folder: recording it, reading its summary whole and
 * filtered, and the three exports. Not a test; run by hand (docs/STORE.md shows how): {@code java
 * -cp TEST_CLASSPATH org.dispersal.store.StoreBenchmark FOLDER URL...}.
 */
public final class StoreBenchmark {

  private StoreBenchmark() {}

  /** Arguments: the output folder of a forecast, then one or more JDBC URLs. */
  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    Path exports = Files.createTempDirectory("store-bench");
    for (int i = 1; i < args.length; i++) {
      String url = args[i];
      System.out.println("store " + Store.redact(url));
      try (Store store = time("open and migrate", () -> Store.open(url))) {
        StoredRun run = time("record " + folder, () -> record(store.runs(), folder));
        int rows = time("read all rows", () -> store.runs().summary(run.id(), null)).size();
        System.out.printf(Locale.ROOT, "  (%,d rows)%n", rows);
        for (int repeat = 0; repeat < 3; repeat++) {
          time(
              "read world, month 12 (repeat " + repeat + ")",
              () ->
                  store.runs().summary(run.id(), new SummaryFilter("world", null, null, 12, null)));
        }
        for (ExportFormat f : ExportFormat.values()) {
          Path out = exports.resolve(f.fileName(run.id()));
          time(
              "export " + f.id(),
              () -> {
                store.runs().export(run.id(), f.id(), out);
                return out;
              });
          System.out.printf(Locale.ROOT, "  (%,d bytes)%n", Files.size(out));
        }
        time("delete run", () -> store.runs().delete(run.id()));
      }
    }
  }

  /** Stores the folder's summary as one succeeded forecast, the way a finished run is kept. */
  private static StoredRun record(RunStore runs, Path folder) {
    StoredRun run =
        runs.create(RunKind.FORECAST, folder.getFileName().toString(), null, null, 0, 0, null);
    runs.started(run.id());
    runs.succeeded(run.id(), "{}", SummaryCsvReader.read(folder.resolve("summary.csv")), Map.of());
    return run;
  }

  private static <T> T time(String what, Supplier<T> work) {
    long t0 = System.nanoTime();
    T result = work.get();
    System.out.printf(Locale.ROOT, "  %-40s %8.0f ms%n", what, (System.nanoTime() - t0) / 1e6);
    return result;
  }
}
