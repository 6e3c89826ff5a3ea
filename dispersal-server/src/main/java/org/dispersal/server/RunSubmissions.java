package org.dispersal.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.dispersal.app.RunRequest;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.forecast.ForecastRequest;
import org.dispersal.app.threat.ThreatRequest;
import org.dispersal.app.update.Evidence;
import org.dispersal.app.update.UpdateRequest;
import org.dispersal.input.events.EventFile;
import org.dispersal.input.scenario.HypothesisScenario;
import org.dispersal.server.runs.ScenarioLibrary;
import org.dispersal.store.RunKind;
import org.dispersal.store.StoredScenario;

/**
 * Turns a posted run into the application layer's request of its kind, the one the command line
 * builds from its options: the thin adapter between {@code POST /api/runs} and {@link RunRequest}.
 * Settings the request refuses come back as 422 naming the field.
 */
final class RunSubmissions {

  /** The master seed when a request gives none, the same as the command line's. */
  static final long DEFAULT_SEED = 20170213L;

  private final ScenarioLibrary library;
  private final int threads;

  /**
   * A run to start. Every kind names the scenario; a forecast or threat outlook needs replications
   * (seed and months optional); an update needs the events (format, asOf, reliability and
   * duplicateDays optional) and ignores replications.
   */
  record Submission(
      Long scenarioId,
      Integer replications,
      Long seed,
      Integer months,
      String kind,
      String events,
      String format,
      String asOf,
      Double reliability,
      Integer duplicateDays) {}

  /**
   * A submission turned into a request, with what the store keeps of its settings and a line for
   * the audit log.
   */
  record Prepared(RunRequest<?> request, String parametersJson, String audit) {}

  RunSubmissions(ScenarioLibrary library, int threads) {
    this.library = library;
    this.threads = threads;
  }

  /** The kind a submission asks for: forecast when it names none. */
  static RunKind kind(Submission body) {
    if (body.kind() == null) {
      return RunKind.FORECAST;
    }
    for (RunKind k : RunKind.values()) {
      if (k.id().equals(body.kind())) {
        return k;
      }
    }
    throw ApiException.invalidField(
        "kind", "must be one of " + RunKind.ids() + ", not '" + body.kind() + "'");
  }

  /** The request of a submission for a stored scenario. */
  Prepared prepare(Submission body, StoredScenario stored) {
    RunKind kind = kind(body);
    ObjectNode parameters = Json.MAPPER.createObjectNode();
    parameters.put("scenarioId", stored.id());
    return switch (kind) {
      case FORECAST, THREAT -> {
        int replications = Bodies.required(body.replications(), "replications");
        long seed = body.seed() == null ? DEFAULT_SEED : body.seed();
        ScenarioInput in = scenario(stored).withMonths(body.months());
        parameters.put("months", body.months());
        RunRequest<?> request =
            kind == RunKind.THREAT
                ? new ThreatRequest(in, replications, seed, threads)
                : ForecastRequest.of(in, replications, seed, threads);
        yield new Prepared(
            request,
            parameters.toString(),
            (kind == RunKind.THREAT ? "threat outlook, " : "")
                + stored.name()
                + ", "
                + replications
                + " replications, seed "
                + seed);
      }
      case UPDATE -> {
        UpdateRequest request = update(body, stored);
        parameters.put("format", format(body.format()).id());
        parameters.put("asOf", request.asOf().toString());
        parameters.put("reliability", request.reliability());
        parameters.put("duplicateDays", request.duplicateDays());
        yield new Prepared(
            request,
            parameters.toString(),
            stored.name() + ", update on " + Evidence.POSTED_EVENTS);
      }
      default ->
          throw ApiException.invalidField("kind", "the service does not run " + kind.id() + " yet");
    };
  }

  private ScenarioInput scenario(StoredScenario stored) {
    return new ScenarioInput(library.parse(stored.yaml(), stored.name()), stored.yaml());
  }

  private UpdateRequest update(Submission body, StoredScenario stored) {
    EventFile.Format format = format(body.format());
    LocalDate asOf = null;
    if (body.asOf() != null) {
      try {
        asOf = LocalDate.parse(body.asOf());
      } catch (DateTimeParseException e) {
        throw ApiException.invalidField(
            "asOf", "must be a date written YYYY-MM-DD, not '" + body.asOf() + "'");
      }
    }
    double reliability =
        body.reliability() == null
            ? org.dispersal.output.analyst.HypothesesJson.DEFAULT_RELIABILITY
            : body.reliability();
    if (!(reliability >= 0 && reliability <= 1)) {
      throw ApiException.invalidField(
          "reliability", "must be between 0 and 1, not " + body.reliability());
    }
    HypothesisScenario read = library.parseWithHypotheses(stored.yaml(), stored.name());
    if (read.hypotheses() == null) {
      throw UpdateRequest.noHypotheses(stored.name());
    }
    return UpdateRequest.of(
        new ScenarioInput(read.scenario(), stored.yaml()),
        read.hypotheses(),
        Evidence.posted(body.events(), format, reliability),
        asOf,
        reliability,
        body.duplicateDays());
  }

  private static EventFile.Format format(String id) {
    if (id == null) {
      return EventFile.Format.OURS;
    }
    for (EventFile.Format f : EventFile.Format.values()) {
      if (f.id().equals(id.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw ApiException.invalidField("format", "must be ours, gtd or acled, not '" + id + "'");
  }
}
