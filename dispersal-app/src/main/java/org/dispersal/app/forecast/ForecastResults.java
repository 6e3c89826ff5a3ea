package org.dispersal.app.forecast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.dispersal.app.Provenance;
import org.dispersal.app.RunResult;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.artifacts.ArtifactWriter;
import org.dispersal.app.artifacts.SummaryTable;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.output.forecast.ForecastRun;
import org.dispersal.output.text.Json;
import org.dispersal.store.ReplicationValues;
import org.dispersal.store.RunKind;

/**
 * The common end of every forecast request (a single scenario, as of a date, a mixture of
 * hypotheses): the run the report reads, the start parameters the store keeps, and the result.
 */
final class ForecastResults {

  private ForecastResults() {}

  /** What one forecast ran: its ensemble settings, as the report and the store show them. */
  record Settings(
      ScenarioInput scenario, long seed, int replications, int threads, String engine) {}

  /** The run a report is written from; {@code facts} are the overrides or what replaced them. */
  static ForecastRun run(
      Settings s,
      EnsembleSummary summary,
      List<String> facts,
      Provenance provenance,
      Instant started,
      Instant finished) {
    return new ForecastRun(
        s.scenario().scenario(),
        s.scenario().text(),
        summary,
        s.seed(),
        s.replications(),
        s.threads(),
        s.engine(),
        facts,
        provenance.codeVersion(),
        provenance.dataVersion(),
        started,
        finished);
  }

  /** The start parameters the store keeps: engine, threads and overrides; callers may add more. */
  static ObjectNode parameters(Settings s, List<String> overrides) {
    ObjectNode parameters = Json.MAPPER.createObjectNode();
    parameters.put("engine", s.engine());
    parameters.put("threads", s.threads());
    overrides.forEach(parameters.putArray("overrides")::add);
    return parameters;
  }

  /** The result of a forecast: its summary rows, manifest and the files {@code files} writes. */
  static RunResult<EnsembleSummary> result(
      Settings s,
      ObjectNode parameters,
      EnsembleSummary summary,
      String manifest,
      ArtifactWriter files,
      Instant started,
      Instant finished) {
    return result(s, parameters, summary, manifest, files, started, finished, null);
  }

  /**
   * The result of a forecast that kept per-replication values: {@code values} makes them for the
   * store (null for none).
   */
  static RunResult<EnsembleSummary> result(
      Settings s,
      ObjectNode parameters,
      EnsembleSummary summary,
      String manifest,
      ArtifactWriter files,
      Instant started,
      Instant finished,
      Supplier<ReplicationValues> values) {
    return new RunResult<>(
        RunKind.FORECAST,
        s.scenario(),
        s.replications(),
        s.seed(),
        parameters.toString(),
        summary,
        manifest,
        new SummaryTable(summary, s.scenario().scenario().start(), values),
        files,
        started,
        finished);
  }
}
