package org.dispersal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.dispersal.app.ManifestBuilder;
import org.dispersal.app.RunResult;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.artifacts.StoreSink;
import org.dispersal.model.Scenario;
import org.dispersal.store.RunKind;
import org.dispersal.store.Store;
import org.dispersal.store.StoredRun;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --db} and {@code --no-store} options of commands whose outputs are kept in the run
 * store, and the one call that keeps them. The files are written first; a store that cannot be
 * opened (another process holds the embedded file) costs a one-line warning, never the outputs.
 */
final class StoreOption {

  @Mixin DatabaseOption database;

  @Option(names = "--no-store", description = "Do not keep this run in the run store.")
  boolean noStore;

  /**
   * Keeps the outputs of a command that computes its run itself rather than through a request of
   * the application layer: writes a {@code manifest.json} naming the command, scenario,
   * replications, seed and times, then keeps every file of the folder as a run without summary
   * rows.
   *
   * @param scenarioSource the built-in name or file the scenario was read from
   */
  void recordFiles(
      RunKind kind,
      Path folder,
      Scenario scenario,
      String scenarioSource,
      int runs,
      long seed,
      Instant started,
      String command,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    if (noStore) {
      return;
    }
    ScenarioInput input = new ScenarioInput(scenario, ScenarioSource.text(scenarioSource));
    Instant finished = Instant.now();
    String manifest =
        ManifestBuilder.of(kind, input)
            .put("command", command)
            .put("runs", runs)
            .put("seed", seed)
            .build(Versions.provenance(), started, finished);
    Files.writeString(folder.resolve(RunResult.MANIFEST), manifest + "\n", StandardCharsets.UTF_8);
    record(
        new RunResult<>(
            kind,
            input,
            runs,
            seed,
            null,
            null,
            manifest,
            null,
            dir -> copyOutputs(folder, dir),
            started,
            finished),
        out,
        err);
  }

  /** Copies the files a command wrote (all but the manifest, which a run writes itself). */
  private static void copyOutputs(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (Files.isRegularFile(f) && !name.equals(RunResult.MANIFEST)) {
          Files.copy(f, to.resolve(name));
        }
      }
    }
  }

  /** Keeps a finished run in the store; prints the run's id. */
  void record(RunResult<?> result, PrintWriter out, PrintWriter err) throws IOException {
    if (noStore) {
      return;
    }
    String url = database.url();
    try (Store store = Store.open(url)) {
      StoredRun run = result.keep(StoreSink.recording(store, "cli"));
      out.println(
          "Stored as run " + run.id() + " in " + url + " (dispersal runs, dispersal export)");
    } catch (RuntimeException e) {
      err.println("warning: run not stored in " + url + ": " + e.getMessage());
    }
  }
}
