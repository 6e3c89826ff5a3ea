package org.dispersal.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.dispersal.output.text.Json;
import org.dispersal.store.RunRecorder;
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
   * Keeps the outputs of a command that writes no manifest of its own (hindcast, comparison):
   * writes a {@code manifest.json} naming the command, scenario, replications, seed and times, then
   * keeps the folder's files and the scenario's text as a run without summary rows.
   *
   * @param scenarioSource the built-in name or file the scenario was read from
   */
  void recordFiles(
      String kind,
      Path folder,
      String scenarioName,
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
    ObjectNode m = Json.MAPPER.createObjectNode();
    m.put("kind", kind);
    m.put("command", command);
    m.putObject("scenario").put("name", scenarioName);
    m.put("runs", runs);
    m.put("seed", seed);
    m.put("started", started.toString());
    m.put("finished", Instant.now().toString());
    m.put("code_version", Versions.codeVersion());
    m.put("data_version", ScenarioSource.dataVersion());
    Files.writeString(
        folder.resolve("manifest.json"),
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n",
        StandardCharsets.UTF_8);
    record(kind, folder, ScenarioSource.text(scenarioSource), out, err);
  }

  /** Keeps the outputs in {@code folder} as a run of the given kind; prints the run's id. */
  void record(String kind, Path folder, String scenarioYaml, PrintWriter out, PrintWriter err) {
    if (noStore) {
      return;
    }
    String url = database.url();
    try (Store store = Store.open(url)) {
      StoredRun run = RunRecorder.record(store, kind, folder, scenarioYaml, "cli");
      out.println(
          "Stored as run " + run.id() + " in " + url + " (dispersal runs, dispersal export)");
    } catch (RuntimeException e) {
      err.println("warning: run not stored in " + url + ": " + e.getMessage());
    }
  }
}
