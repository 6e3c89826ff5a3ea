package org.dispersal.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import org.dispersal.assimilation.Assimilation;
import org.dispersal.calibration.Posterior;
import org.dispersal.model.ExitPropensity;
import org.dispersal.model.Origin;
import org.dispersal.model.Parameter;
import org.dispersal.model.Scenario;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.output.text.Json;
import org.dispersal.stocks.ExitPropensityEstimator;
import org.dispersal.store.RunKind;

/**
 * Builds {@code manifest.json}, the record of how a run of any kind was made: its kind, the
 * scenario (name, SHA-256 of its text, start month), what the kind adds (seed, replications,
 * engine, parameters with their priors and sources, ...), then the data and code versions and the
 * start and end times. The one place manifests are written.
 */
public final class ManifestBuilder {

  private static final ObjectMapper JSON = Json.MAPPER;

  private final ObjectNode root = JSON.createObjectNode();
  private final ObjectNode scenario;

  private ManifestBuilder(RunKind kind, ScenarioInput input) {
    root.put("kind", kind.id());
    scenario = root.putObject("scenario");
    scenario.put("name", input.name());
    scenario.put("sha256", sha256(input.text()));
    scenario.put("start", input.scenario().start().toString());
  }

  /** A manifest begun with the run's kind and scenario. */
  public static ManifestBuilder of(RunKind kind, ScenarioInput scenario) {
    return new ManifestBuilder(kind, scenario);
  }

  /** Adds a number to the scenario's entry (months, origins, hypotheses, ...). */
  public ManifestBuilder scenario(String field, long value) {
    scenario.put(field, value);
    return this;
  }

  /**
   * Adds what every ensemble records: the scenario's months and origins, then the seed, runs,
   * threads and engine.
   */
  public ManifestBuilder ensemble(Scenario s, long seed, int runs, int threads, String engine) {
    return scenario("months", s.months())
        .scenario("origins", s.origins().size())
        .exitPropensity(s)
        .put("seed", seed)
        .put("runs", runs)
        .put("threads", threads)
        .put("engine", engine);
  }

  /**
   * Adds the scenario's {@code exit_propensity}: how it was set ({@code basis}), the estimate's
   * pseudo-travellers k and pooled share S (when estimated), the clip, and every origin's
   * multiplier m in origin order (docs/MODEL.md, "Country propensity to leave the theatre").
   */
  public ManifestBuilder exitPropensity(Scenario s) {
    ExitPropensity p = s.exitPropensity();
    ObjectNode node = scenario.putObject("exit_propensity");
    node.put("basis", p.basis());
    if (Double.isFinite(p.pseudoTravellers())) {
      node.put("pseudo_travellers", p.pseudoTravellers());
    }
    if (Double.isFinite(p.pooledShare())) {
      node.put("pooled_share", p.pooledShare());
    }
    ArrayNode clip = node.putArray("clip");
    clip.add(ExitPropensityEstimator.MIN_MULTIPLIER).add(ExitPropensityEstimator.MAX_MULTIPLIER);
    ObjectNode origins = node.putObject("origins");
    for (Origin o : s.origins()) {
      origins.put(o.id(), p.of(o.id()));
    }
    return this;
  }

  /** Adds a top-level field. */
  public ManifestBuilder put(String field, String value) {
    root.put(field, value);
    return this;
  }

  /** Adds a top-level number. */
  public ManifestBuilder put(String field, long value) {
    root.put(field, value);
    return this;
  }

  /** Adds a top-level number. */
  public ManifestBuilder put(String field, double value) {
    root.put(field, value);
    return this;
  }

  /** Adds a top-level list of texts. */
  public ManifestBuilder put(String field, List<String> values) {
    ArrayNode a = root.putArray(field);
    values.forEach(a::add);
    return this;
  }

  /** Adds a top-level list of whole numbers. */
  public ManifestBuilder putNumbers(String field, List<Integer> values) {
    ArrayNode a = root.putArray(field);
    values.forEach(a::add);
    return this;
  }

  /** Adds a top-level object for the caller to fill. */
  public ObjectNode object(String field) {
    return root.putObject(field);
  }

  /**
   * Adds the {@code assimilation} entry of a forecast made as of a date: {@code as_of}, {@code
   * model_start} (the month the model runs from: the scenario's start), {@code forecast_from}
   * (where the forecast starts: month 0 of summary.csv), {@code particles}, {@code
   * effective_sample_size}, {@code distinct}, {@code filter}, {@code steps}, {@code
   * low_effective_sample_size} with a {@code warning} when it is, {@code ess_warning_share} (the
   * share of the replications below which a step's effective sample size warns), {@code
   * reporting_model}, {@code note}, {@code month_0} (the same as {@code forecast_from}), {@code
   * known_at_date}, then {@code used} (each figure's {@code file}, {@code line}, {@code source},
   * {@code target}, {@code value} as written, {@code published}) and {@code set_aside} (the same
   * and {@code reason}).
   *
   * @param plan the figures used and set aside
   * @param result the resampling's diagnostics
   * @param reportingModel the reporting model in one line
   * @param note what month 0 and the months before the as-of date mean, in words
   */
  public ManifestBuilder assimilation(
      Assimilation.Plan plan, Assimilation.Result result, String reportingModel, String note) {
    return assimilation(plan, result, reportingModel, note, List.of());
  }

  /**
   * The {@code assimilation} entry of a forecast that starts at its as-of date, with {@code
   * known_at_date}: the drivers changed to what was known on the date, in words (strongholds lost,
   * fall-month priors cut).
   *
   * @param plan the figures used and set aside
   * @param result the resampling's diagnostics
   * @param reportingModel the reporting model in one line
   * @param note what month 0 and the months before the as-of date mean, in words
   * @param knownAtDate the drivers as known on the date
   */
  public ManifestBuilder assimilation(
      Assimilation.Plan plan,
      Assimilation.Result result,
      String reportingModel,
      String note,
      List<String> knownAtDate) {
    ObjectNode a = root.putObject("assimilation");
    a.put("as_of", plan.asOf().toString());
    YearMonth start = YearMonth.parse(scenario.get("start").asText());
    YearMonth asOf = YearMonth.from(plan.asOf());
    a.put("model_start", start.toString());
    YearMonth month0 = asOf.isAfter(plan.start()) ? asOf : plan.start();
    a.put("forecast_from", month0.toString());
    a.put("particles", result.particles());
    a.put("effective_sample_size", result.effectiveSampleSize());
    a.put("distinct", result.distinct());
    a.put("filter", result.filter().id());
    ArrayNode steps = a.putArray("steps");
    for (var step : result.steps()) {
      ObjectNode st = steps.addObject();
      if (step.month() >= 0) {
        st.put("month", plan.start().plusMonths(step.month()).toString());
      }
      st.put("figures", step.figures().length);
      st.put("ess", step.effectiveSampleSize());
      st.put("distinct", step.distinct());
      st.put("parameter_vectors", step.parameterVectors());
    }
    a.put("low_effective_sample_size", result.lowEffectiveSampleSize());
    a.put("ess_warning_share", Assimilation.ESS_WARNING_SHARE);
    if (result.lowEffectiveSampleSize()) {
      a.put(
          "warning",
          "effective sample size below "
              + Math.round(100 * Assimilation.ESS_WARNING_SHARE)
              + "% of the replications: the intervals rest on few distinct replications");
    }
    a.put("reporting_model", reportingModel);
    a.put("note", note);
    a.put("month_0", month0.toString());
    ArrayNode known = a.putArray("known_at_date");
    knownAtDate.forEach(known::add);
    ArrayNode used = a.putArray("used");
    for (Assimilation.Used u : plan.used()) {
      figure(used.addObject(), u.record());
    }
    ArrayNode aside = a.putArray("set_aside");
    for (Assimilation.SetAside s : plan.setAside()) {
      figure(aside.addObject(), s.record()).put("reason", s.reason());
    }
    return this;
  }

  /**
   * Adds {@code parameter_move} to the {@code assimilation} entry (call after {@link
   * #assimilation}): {@code method} ({@code liu-west} or {@code off}), and for a move its {@code
   * discount}, {@code shrinkage} (a), {@code bandwidth_squared} (h²), {@code covariance} ({@code
   * diagonal}) and a {@code note} in words. Nothing when {@code move} is null (the one-step
   * filter).
   *
   * @param move the monthly filter's move of the static parameters, or null
   */
  public ManifestBuilder parameterMove(org.dispersal.assimilation.LiuWest move) {
    if (move == null || !(root.get("assimilation") instanceof ObjectNode a)) {
      return this;
    }
    ObjectNode m = a.putObject("parameter_move");
    if (move.off()) {
      m.put("method", "off");
    } else {
      m.put("method", "liu-west");
      m.put("discount", move.discount());
      m.put("shrinkage", move.shrinkage());
      m.put("bandwidth_squared", move.bandwidthSquared());
      m.put("covariance", "diagonal");
    }
    m.put("note", move.describe());
    return this;
  }

  /**
   * Adds the {@code posterior} entry of a forecast as of a date drawn from a posterior sample:
   * {@code particles} (the sample's size), {@code parameters} (the names drawn from it) and {@code
   * from_as_of_prior} (the sample's names drawn from their as-of prior instead, because the date
   * changed their prior). Nothing when there is no sample.
   *
   * @param sample the sample as read, or null
   * @param used the sample the replications drew from (without the as-of priors' names)
   * @param asOfPriors the parameters whose prior the as-of start changed
   */
  public ManifestBuilder asOfPosterior(Posterior sample, Posterior used, List<String> asOfPriors) {
    if (sample == null) {
      return this;
    }
    ObjectNode p = root.putObject("posterior");
    p.put("particles", sample.size());
    ArrayNode names = p.putArray("parameters");
    used.names().forEach(names::add);
    ArrayNode asOf = p.putArray("from_as_of_prior");
    sample.names().stream().filter(asOfPriors::contains).forEach(asOf::add);
    p.put(
        "note",
        "each replication's parameters were drawn from the posterior sample, then weighted and"
            + " resampled on the figures published by the as-of date");
    return this;
  }

  private static ObjectNode figure(ObjectNode n, ObservationRecord r) {
    n.put("file", r.file());
    n.put("line", r.line());
    n.put("source", r.sourceId());
    n.put("target", r.label());
    n.put("value", r.describe());
    n.put("published", r.published());
    return n;
  }

  /** Adds every parameter of the scenario with its prior, unit, sources and assumption. */
  public ManifestBuilder parameters(Scenario s) {
    ObjectNode params = root.putObject("parameters");
    for (Parameter p : s.parameters().values()) {
      ObjectNode n = params.putObject(p.name());
      n.put("prior", p.prior().describe());
      n.put("unit", p.unit());
      ArrayNode src = n.putArray("sources");
      p.sources().forEach(src::add);
      if (p.assumption() != null) {
        n.put("assumption", p.assumption());
      }
    }
    return this;
  }

  /**
   * Ends the manifest with the versions and times and returns it as indented JSON.
   *
   * @param provenance the code and data versions
   * @param started when the run started
   * @param finished when it finished
   */
  public String build(Provenance provenance, Instant started, Instant finished) {
    root.put("data_version", provenance.dataVersion());
    root.put("code_version", provenance.codeVersion());
    root.put("started", started.toString());
    root.put("finished", finished.toString());
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a manifest is always JSON", e);
    }
  }

  /** The SHA-256 of a text, in lower-case hex. */
  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
