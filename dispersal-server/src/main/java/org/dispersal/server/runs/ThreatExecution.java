package org.dispersal.server.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.dispersal.analyst.ThreatOutlook;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Origin;
import org.dispersal.model.Scenario;
import org.dispersal.output.analyst.ThreatOutputs;

/**
 * Runs one threat outlook exactly as {@code dispersal threat} does ({@link ThreatOutlook} on the
 * cohort engine, the same writers) and returns threat.json, threat.csv, threat.html and a small
 * manifest.json for the store. Progress is told after each replication, so a run can be watched and
 * cancelled as a forecast can.
 */
public final class ThreatExecution {

  private ThreatExecution() {}

  /**
   * Runs the outlook.
   *
   * @param scenario the valid scenario, with its horizon set
   * @param scenarioText the text it was read from (its hash goes in the manifest)
   * @param replications the number of replications
   * @param seed the master seed
   * @param threads worker threads
   * @param codeVersion the program version for the manifest
   * @param dataVersion the shipped data version for the manifest
   * @param progress told the number of finished replications; may throw {@link
   *     ForecastExecution.Cancelled}
   * @return the outputs (no summary rows)
   */
  public static ForecastExecution.Outputs run(
      Scenario scenario,
      String scenarioText,
      int replications,
      long seed,
      int threads,
      String codeVersion,
      String dataVersion,
      IntConsumer progress) {
    progress.accept(0);
    Instant started = Instant.now();
    ThreatOutlook.Outlook o =
        ThreatOutlook.run(new CompiledModel(scenario), replications, seed, threads, progress);
    Instant finished = Instant.now();
    Map<String, String> names = new LinkedHashMap<>();
    for (Origin origin : scenario.origins()) {
      names.put(origin.id(), origin.name());
    }
    ObjectNode manifest = TempFolder.manifest("threat", scenario, scenarioText);
    ObjectNode s = (ObjectNode) manifest.get("scenario");
    s.put("months", scenario.months());
    s.put("origins", scenario.origins().size());
    manifest.put("seed", seed);
    manifest.put("replications", replications);
    manifest.put("threads", threads);
    manifest.put("engine", "cohort");
    return TempFolder.outputs(
        "dispersal-threat",
        manifest,
        codeVersion,
        dataVersion,
        started,
        finished,
        dir -> {
          ThreatOutputs.writeJson(
              o, scenario.name(), names, scenario.start(), seed, dir.resolve("threat.json"));
          ThreatOutputs.writeCsv(o, names, scenario.start(), dir.resolve("threat.csv"));
          ThreatOutputs.writeHtml(
              o, scenario.name(), names, scenario.start(), dir.resolve("threat.html"));
          return List.of("threat.json", "threat.csv", "threat.html");
        });
  }
}
