package org.dispersal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dispersal.calibration.Posterior;
import org.dispersal.input.data.DataException;
import org.dispersal.model.Parameter;
import org.dispersal.model.Prior;
import org.dispersal.model.Scenario;
import org.dispersal.output.page.InlineHashes;
import org.dispersal.output.validation.PosteriorCsv;
import org.dispersal.server.runs.ScenarioLibrary;
import org.dispersal.server.security.Access;
import org.dispersal.server.security.Caller;
import org.dispersal.server.security.Gate;
import org.dispersal.server.security.VisibilityRule;
import org.dispersal.store.AuditLog;
import org.dispersal.store.RunStatus;
import org.dispersal.store.RunStore;
import org.dispersal.store.StoredRun;

/**
 * The stored files of a run by name ({@code GET /api/runs/{id}/files/{name}}: scorecard.json,
 * hindcast.csv, compare.csv, sensitivity.csv, screening.csv, posterior.csv, ...) and a
 * calibration's posterior set against its priors ({@code GET /api/runs/{id}/calibration}), for the
 * dashboard's views of comparison, hindcast, calibration, sensitivity and screening runs. Each
 * route sees only the runs the {@link VisibilityRule} lets the caller see.
 */
final class RunFileRoutes {

  /** The quantiles of prior and posterior the calibration document gives, as fractions. */
  static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};

  /** Bins of the prior and posterior histograms of each parameter. */
  static final int BINS = 24;

  /** Points of the prior's quantile function averaged into each histogram (its resolution). */
  static final int PRIOR_POINTS = 4000;

  private final RunStore runs;
  private final VisibilityRule rule;
  private final AuditLog audit;
  private final ScenarioLibrary library;

  RunFileRoutes(RunStore runs, VisibilityRule rule, AuditLog audit, ScenarioLibrary library) {
    this.runs = runs;
    this.rule = rule;
    this.audit = audit;
    this.library = library;
  }

  void register(JavalinDefaultRoutingApi r) {
    r.get("/api/runs/{id}/files/{name}", this::file, Access.VIEWER);
    r.get("/api/runs/{id}/calibration", this::calibration, Access.VIEWER);
  }

  /**
   * One stored file of a finished run, as listed in the run's {@code artifacts}: JSON and CSV
   * inline, HTML reports as an attachment under their own Content-Security-Policy, anything else as
   * an attachment. Content-Security-Policy sidecars ({@code .csp}) are not served.
   */
  private void file(Context ctx) {
    Caller c = Gate.caller(ctx);
    StoredRun r = finished(ctx);
    String name = ctx.pathParam("name");
    if (name.endsWith(InlineHashes.SUFFIX) || !runs.artifactNames(r.id()).contains(name)) {
      throw ApiException.notFound("run " + r.id() + " has no file '" + name + "'");
    }
    byte[] bytes =
        runs.artifact(r.id(), name)
            .orElseThrow(() -> ApiException.notFound("run " + r.id() + " has no file " + name));
    String lower = name.toLowerCase(Locale.ROOT);
    String disposition = "attachment; filename=\"run-" + r.id() + "-" + name + "\"";
    if (lower.endsWith(".json")) {
      ctx.contentType("application/json");
    } else if (lower.endsWith(".csv")) {
      ctx.contentType("text/csv; charset=utf-8");
      ctx.header("Content-Disposition", disposition.replace("attachment", "inline"));
    } else if (lower.endsWith(".html")) {
      ctx.header("Content-Security-Policy", ReportPolicy.of(runs, r.id(), name));
      ctx.header("Content-Disposition", disposition);
      ctx.contentType("text/html; charset=utf-8");
    } else {
      ctx.header("Content-Disposition", disposition);
      ctx.contentType("application/octet-stream");
    }
    if (!lower.endsWith(".json")) {
      audit.record(c.username(), "export", "run:" + r.id(), name);
    }
    ctx.result(bytes);
  }

  /**
   * A calibration's or a hindcast's posterior.csv set against the priors of the run's scenario: for
   * every calibrated parameter its prior (as written in the scenario), the prior's and the weighted
   * posterior's 5th, 25th, 50th, 75th and 95th percentiles, the share of the prior's 90% width the
   * posterior keeps, and both as histograms over the prior's range.
   */
  private void calibration(Context ctx) {
    StoredRun r = finished(ctx);
    byte[] csv =
        runs.artifact(r.id(), "posterior.csv")
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "run " + r.id() + " (" + r.kind().id() + ") has no posterior.csv"));
    Posterior posterior = readPosterior(csv);
    Scenario scenario = scenario(r);
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("run", r.id());
    root.put("kind", r.kind().id());
    root.put("scenario", r.scenarioName());
    root.put("particles", posterior.size());
    root.put("effectiveParticles", effectiveSize(posterior.weights()));
    ArrayNode quantiles = root.putArray("quantiles");
    for (double q : QUANTILES) {
      quantiles.add(q);
    }
    ArrayNode list = root.putArray("parameters");
    for (int j = 0; j < posterior.names().size(); j++) {
      String name = posterior.names().get(j);
      Parameter parameter = scenario == null ? null : scenario.parameters().get(name);
      list.add(parameter(posterior, j, name, parameter == null ? null : parameter.prior()));
    }
    ctx.json(root);
  }

  static ObjectNode parameter(Posterior posterior, int j, String name, Prior prior) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("name", name);
    ArrayNode post = o.putArray("posterior");
    for (double q : QUANTILES) {
      post.add(posterior.quantile(j, q));
    }
    double mean = 0;
    double total = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < posterior.size(); i++) {
      double v = posterior.value(i, j);
      mean += posterior.weight(i) * v;
      total += posterior.weight(i);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    o.put("posteriorMean", mean / total);
    double low = min;
    double high = max;
    if (prior == null) {
      o.putNull("prior");
      o.putNull("priorQuantiles");
      o.putNull("kept");
    } else {
      o.put("prior", prior.describe());
      ArrayNode pq = o.putArray("priorQuantiles");
      for (double q : QUANTILES) {
        pq.add(prior.quantile(q));
      }
      double priorWidth = prior.quantile(0.95) - prior.quantile(0.05);
      double postWidth = posterior.quantile(j, 0.95) - posterior.quantile(j, 0.05);
      if (priorWidth > 0) {
        o.put("kept", postWidth / priorWidth);
      } else {
        o.putNull("kept");
      }
      low = Math.min(low, prior.low());
      high = Math.max(high, prior.high());
    }
    if (!(high > low)) {
      high = low + 1;
    }
    double width = (high - low) / BINS;
    ArrayNode edges = o.putArray("edges");
    for (int b = 0; b <= BINS; b++) {
      edges.add(low + b * width);
    }
    double[] postMass = new double[BINS];
    for (int i = 0; i < posterior.size(); i++) {
      postMass[bin(posterior.value(i, j), low, width)] += posterior.weight(i) / total;
    }
    ArrayNode ph = o.putArray("posteriorHistogram");
    for (double m : postMass) {
      ph.add(m);
    }
    if (prior == null) {
      o.putNull("priorHistogram");
    } else {
      // The prior's mass in each bin, from its quantile function at evenly spaced probabilities.
      double[] priorMass = new double[BINS];
      for (int k = 0; k < PRIOR_POINTS; k++) {
        priorMass[bin(prior.quantile((k + 0.5) / PRIOR_POINTS), low, width)] += 1.0 / PRIOR_POINTS;
      }
      ArrayNode h = o.putArray("priorHistogram");
      for (double m : priorMass) {
        h.add(m);
      }
    }
    return o;
  }

  private static int bin(double value, double low, double width) {
    int b = (int) Math.floor((value - low) / width);
    return Math.max(0, Math.min(BINS - 1, b));
  }

  /** Kish's effective sample size of the weights. */
  static double effectiveSize(double[] weights) {
    double sum = 0;
    double squares = 0;
    for (double w : weights) {
      sum += w;
      squares += w * w;
    }
    return squares == 0 ? 0 : sum * sum / squares;
  }

  /** The run's scenario as it ran (with the run's as-of date), or null if it cannot be read. */
  private Scenario scenario(StoredRun r) {
    String yaml = runs.scenarioYaml(r.id()).orElse(null);
    if (yaml == null) {
      return null;
    }
    LocalDate asOf = null;
    if (r.manifestJson() != null) {
      try {
        JsonNode m = Json.MAPPER.readTree(r.manifestJson());
        String text = m.path("asOf").asText("");
        asOf = text.isEmpty() ? null : LocalDate.parse(text);
      } catch (IOException | RuntimeException e) {
        asOf = null;
      }
    }
    try {
      return library.parse(yaml, r.scenarioName(), asOf, List.of());
    } catch (RuntimeException e) {
      try {
        return library.parse(yaml, r.scenarioName());
      } catch (RuntimeException again) {
        return null;
      }
    }
  }

  private static Posterior readPosterior(byte[] csv) {
    try {
      Path dir = Files.createTempDirectory("dispersal-posterior");
      Path file = dir.resolve("posterior.csv");
      try {
        Files.write(file, csv);
        return PosteriorCsv.read(file);
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DataException e) {
      throw new IllegalStateException("stored posterior.csv does not read: " + e.getMessage(), e);
    }
  }

  private StoredRun finished(Context ctx) {
    StoredRun r = rule.run(Gate.caller(ctx), Paths.id(ctx, "id"));
    if (r.status() != RunStatus.SUCCEEDED) {
      throw ApiException.conflict("run " + r.id() + " has not succeeded (" + r.status().id() + ")");
    }
    return r;
  }
}
