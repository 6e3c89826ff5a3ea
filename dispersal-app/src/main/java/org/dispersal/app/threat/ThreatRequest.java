package org.dispersal.app.threat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import org.dispersal.analyst.ThreatOutlook;
import org.dispersal.app.Cancellation;
import org.dispersal.app.ManifestBuilder;
import org.dispersal.app.Provenance;
import org.dispersal.app.RunRequest;
import org.dispersal.app.RunResult;
import org.dispersal.app.ScenarioInput;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Origin;
import org.dispersal.model.Scenario;
import org.dispersal.output.analyst.ThreatOutputs;
import org.dispersal.output.text.Json;
import org.dispersal.store.RunKind;

/**
 * A threat outlook: per destination country and month, operatives at large, plots and attacks with
 * intervals ({@link ThreatOutlook}, cohort engine); writes threat.json, threat.csv and threat.html.
 *
 * @param scenario the scenario as run
 * @param replications 1 to {@link #MAX_REPLICATIONS}
 * @param seed the master seed
 * @param threads worker threads, at least 1
 */
public record ThreatRequest(ScenarioInput scenario, int replications, long seed, int threads)
    implements RunRequest<ThreatOutlook.Outlook> {

  /** The most replications of one outlook (each keeps its measures until the summary). */
  public static final int MAX_REPLICATIONS = 1_000_000;

  /** Validates the settings. */
  public ThreatRequest {
    RunRequest.requireScenario(scenario);
    RunRequest.checkReplications(replications, MAX_REPLICATIONS);
    RunRequest.checkThreads(threads);
  }

  @Override
  public RunKind kind() {
    return RunKind.THREAT;
  }

  /** The origins' names by id, as the outputs show them. */
  public Map<String, String> originNames() {
    Map<String, String> names = new LinkedHashMap<>();
    for (Origin origin : scenario.scenario().origins()) {
      names.put(origin.id(), origin.name());
    }
    return names;
  }

  @Override
  public RunResult<ThreatOutlook.Outlook> execute(
      Provenance provenance, IntConsumer progress, Cancellation cancellation) {
    IntConsumer checked = RunRequest.checked(progress, cancellation);
    checked.accept(0);
    Instant started = Instant.now();
    Scenario s = scenario.scenario();
    ThreatOutlook.Outlook o =
        ThreatOutlook.run(new CompiledModel(s), replications, seed, threads, checked);
    cancellation.check();
    Instant finished = Instant.now();
    Map<String, String> names = originNames();
    String manifest =
        ManifestBuilder.of(kind(), scenario)
            .ensemble(s, seed, replications, threads, "cohort")
            .build(provenance, started, finished);
    return new RunResult<>(
        kind(),
        scenario,
        replications,
        seed,
        Json.MAPPER.createObjectNode().put("threads", threads).toString(),
        o,
        manifest,
        null,
        dir -> {
          ThreatOutputs.writeJson(o, s.name(), names, s.start(), seed, dir.resolve("threat.json"));
          ThreatOutputs.writeCsv(o, names, s.start(), dir.resolve("threat.csv"));
          ThreatOutputs.writeHtml(o, s.name(), names, s.start(), dir.resolve("threat.html"));
        },
        started,
        finished);
  }
}
