package org.dispersal.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dispersal.store.ExportFormat;
import org.dispersal.store.Store;
import org.dispersal.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dispersal export RUN --format csv|parquet|json}: writes a stored run's summary to a file.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write a stored run's summary to a file: csv (as summary.csv), parquet, or json (the run,"
          + " its manifest and its rows)."
    })
final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN", description = "Run id (see dispersal runs).")
  long run;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "csv, parquet or json.")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "File to write (default: run-RUN-summary.FORMAT in the current folder).")
  Path out;

  @Mixin DatabaseOption database;

  @Override
  public Integer call() throws Exception {
    Path file;
    try {
      ExportFormat f = ExportFormat.of(format);
      file = out != null ? out : Path.of(f.fileName(run));
      try (Store store = Store.open(database.url())) {
        store.runs().export(run, f.id(), file);
      }
    } catch (StoreException e) {
      throw new UserException(e.getMessage());
    }
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "Run %d exported to %s (%s, %,d bytes).%n",
            run,
            file,
            format.toLowerCase(Locale.ROOT),
            Files.size(file));
    return 0;
  }
}
