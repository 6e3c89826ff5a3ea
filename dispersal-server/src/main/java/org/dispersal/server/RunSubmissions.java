package org.dispersal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.dispersal.agent.EngineKind;
import org.dispersal.analyst.Screening;
import org.dispersal.app.RunRequest;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.brief.BriefRequest;
import org.dispersal.app.calibration.CalibrationRequest;
import org.dispersal.app.comparison.ComparisonRequest;
import org.dispersal.app.forecast.AsOfForecastRequest;
import org.dispersal.app.forecast.DefaultMixture;
import org.dispersal.app.forecast.ForecastRequest;
import org.dispersal.app.forecast.MixtureRequest;
import org.dispersal.app.hindcast.ForecastStart;
import org.dispersal.app.hindcast.HindcastRequest;
import org.dispersal.app.hindcast.StockChoice;
import org.dispersal.app.problem.InputException;
import org.dispersal.app.problem.InputProblem;
import org.dispersal.app.screening.ScreeningRequest;
import org.dispersal.app.sensitivity.OutputSpec;
import org.dispersal.app.sensitivity.SensitivityRequest;
import org.dispersal.app.threat.ThreatRequest;
import org.dispersal.app.update.Evidence;
import org.dispersal.app.update.UpdateRequest;
import org.dispersal.assimilation.Assimilation;
import org.dispersal.assimilation.LiuWest;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.input.data.DataException;
import org.dispersal.input.events.EventFile;
import org.dispersal.input.observations.ObservationsReader;
import org.dispersal.input.scenario.HypothesisScenario;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.sensitivity.SensitivityAnalysis;
import org.dispersal.sensitivity.Sobol;
import org.dispersal.server.runs.ScenarioLibrary;
import org.dispersal.store.RunKind;
import org.dispersal.store.StoredRun;
import org.dispersal.store.StoredScenario;
import org.dispersal.store.SummaryRow;

/**
 * Turns a posted run of any of the eight kinds into the application layer's request of its kind,
 * the one the command line builds from its options: the thin adapter between {@code POST /api/runs}
 * and {@link RunRequest}. Defaults are the command line's; settings a request refuses come back as
 * 422 naming the field. Posted observations are read as {@value #POSTED_OBSERVATIONS}, posted
 * events as {@code events-input.csv}.
 */
final class RunSubmissions {

  /** The master seed when a request gives none, the same as the command line's. */
  static final long DEFAULT_SEED = 20170213L;

  private final ScenarioLibrary library;
  private final int threads;

  /**
   * A run to start; openapi.yaml documents which fields each kind reads. Every kind names the
   * scenario (a comparison its variants, the first being the base) and takes an optional seed.
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
      Integer duplicateDays,
      JsonNode observations,
      Integer particles,
      Integer simulations,
      Integer checkRuns,
      List<Variant> variants,
      List<Integer> compareMonths,
      Integer month,
      String country,
      Integer window,
      Double sensitivity,
      Double specificity,
      List<String> outputs,
      Integer trajectories,
      Integer levels,
      Integer top,
      Integer baseSamples,
      Integer bootstrap,
      String sampling,
      Boolean single,
      String filter,
      JsonNode filterDiscount,
      Boolean definitions,
      String stocks,
      String startAt) {}

  /**
   * One variant of a comparison: a stored scenario with parameter overrides.
   *
   * @param set {@code NAME=VALUE} overrides, as {@code --set} on the command line; may be null
   */
  record Variant(Long scenarioId, List<String> set) {}

  /**
   * The policymaker's brief of a stored forecast run, as {@code dispersal brief --run ID} makes it
   * ({@link BriefRequest#ofStoredRun}), screened with the run's seed on this service's threads. The
   * caller checks that the run is a forecast that succeeded.
   */
  BriefRequest brief(StoredRun run, String yaml, List<SummaryRow> rows) {
    HypothesisScenario read = library.parseWithHypotheses(yaml, run.scenarioName());
    return BriefRequest.ofStoredRun(
        run, yaml, read, rows, run.seed(), threads, BriefRequest.DEFAULT_TRAJECTORIES);
  }

  /** The name posted observations are read and cited by. */
  static final String POSTED_OBSERVATIONS = "observations-input.csv";

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

  /**
   * The request of a submission for a stored scenario.
   *
   * @param visible the stored scenario of an id if the caller may see it (for a comparison's
   *     variants)
   */
  Prepared prepare(Submission body, StoredScenario stored, LongFunction<StoredScenario> visible) {
    RunKind kind = kind(body);
    long seed = body.seed() == null ? DEFAULT_SEED : body.seed();
    ObjectNode parameters = Json.MAPPER.createObjectNode();
    parameters.put("scenarioId", stored.id());
    parameters.put("seed", seed);
    boolean asOfForecast =
        kind == RunKind.FORECAST && (body.asOf() != null || present(body.observations()));
    if (body.stocks() != null && !asOfForecast && kind != RunKind.HINDCAST) {
      throw ApiException.invalidField(
          "stocks",
          kind == RunKind.FORECAST
              ? "applies to a forecast as of a date only: give asOf too"
              : "applies to a hindcast or a forecast as of a date only, not to a run of kind "
                  + kind.id());
    }
    if (body.startAt() != null && kind != RunKind.HINDCAST) {
      throw ApiException.invalidField(
          "startAt",
          "applies to a hindcast only (a forecast as of a date always starts at its date), not to"
              + " a run of kind "
              + kind.id());
    }
    return switch (kind) {
      case FORECAST, THREAT -> {
        int replications = Bodies.required(body.replications(), "replications");
        if (asOfForecast) {
          yield asOfForecast(body, stored, replications, seed, parameters);
        }
        if (kind == RunKind.FORECAST && body.filter() != null) {
          throw ApiException.invalidField(
              "filter", "applies to a forecast as of a date only: give asOf too");
        }
        if (kind == RunKind.FORECAST && present(body.filterDiscount())) {
          throw ApiException.invalidField(
              "filterDiscount", "applies to a forecast as of a date only: give asOf too");
        }
        ScenarioInput in = scenario(stored).withMonths(body.months());
        parameters.put("months", body.months());
        boolean single = Boolean.TRUE.equals(body.single());
        if (single) {
          parameters.put("single", true);
        }
        Optional<MixtureRequest> mixture =
            kind == RunKind.FORECAST && !single
                ? mixture(stored, in, body.months(), replications, seed)
                : Optional.empty();
        mixture.ifPresent(m -> parameters.put("mixture", m.weightsNote()));
        RunRequest<?> request =
            kind == RunKind.THREAT
                ? new ThreatRequest(in, replications, seed, threads)
                : mixture.isPresent()
                    ? mixture.get()
                    : ForecastRequest.of(in, replications, seed, threads);
        yield new Prepared(
            request,
            parameters.toString(),
            (kind == RunKind.THREAT ? "threat outlook, " : "")
                + stored.name()
                + mixture
                    .map(m -> ", mixture of " + m.hypotheses().size() + " hypotheses")
                    .orElse("")
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
      case CALIBRATION -> {
        LocalDate asOf = body.asOf() == null ? null : date(body.asOf());
        int checkRuns = or(body.checkRuns(), 400);
        parameters.put("asOf", body.asOf());
        boolean definitions = definitions(body, parameters);
        Budget budget = budget(body, parameters);
        yield new Prepared(
            new CalibrationRequest(
                scenario(stored, asOf, List.of()),
                observations(body),
                asOf,
                budget.particles(),
                budget.simulations(),
                checkRuns,
                seed,
                threads,
                "POST /api/runs kind=calibration " + parameters,
                null,
                definitions),
            parameters.toString(),
            "calibration, "
                + stored.name()
                + ", "
                + budget.simulations()
                + " simulations, seed "
                + seed);
      }
      case HINDCAST -> {
        LocalDate asOf = date(Bodies.required(body.asOf(), "asOf"));
        int runs = or(body.replications(), 1000);
        parameters.put("asOf", body.asOf());
        parameters.put("replications", runs);
        boolean definitions = definitions(body, parameters);
        Budget budget = budget(body, parameters);
        StockChoice rule = stocks(body, parameters);
        ForecastStart start = startAt(body, parameters);
        yield new Prepared(
            new HindcastRequest(
                scenario(stored, asOf, List.of(), rule),
                observations(body),
                new Hindcast.Settings(
                    asOf, runs, seed, threads, budget.particles(), budget.simulations()),
                "POST /api/runs kind=hindcast " + parameters,
                true,
                definitions,
                rule,
                start),
            parameters.toString(),
            "hindcast, " + stored.name() + " as of " + asOf + ", seed " + seed);
      }
      case COMPARISON -> {
        List<Variant> variants = Bodies.required(body.variants(), "variants");
        List<ComparisonRequest.Variant> list = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
          Variant v = variants.get(i);
          StoredScenario s =
              i == 0 && v.scenarioId() == null
                  ? stored
                  : visible.apply(Bodies.required(v.scenarioId(), "variants.scenarioId"));
          List<String> set = v.set() == null ? List.of() : v.set();
          String name = s.name() + (set.isEmpty() ? "" : ";" + String.join(";", set));
          ScenarioInput in = scenario(s, null, set);
          String description =
              in.scenario().description() == null ? "" : in.scenario().description().trim();
          if (!set.isEmpty()) {
            description += " Overrides: " + String.join(", ", set);
          }
          list.add(new ComparisonRequest.Variant(name, in, description));
        }
        int replications = Bodies.required(body.replications(), "replications");
        List<Integer> months =
            body.compareMonths() != null && !body.compareMonths().isEmpty()
                ? body.compareMonths()
                : body.month() != null
                    ? List.of(body.month())
                    : ComparisonRequest.defaultMonths(list);
        months.forEach(parameters.putArray("compareMonths")::add);
        yield new Prepared(
            new ComparisonRequest(list, months, replications, seed, threads),
            parameters.toString(),
            "comparison of " + list.size() + " variants, " + replications + " replications");
      }
      case SENSITIVITY -> {
        ScenarioInput in = scenario(stored);
        List<OutputSpec> outputs = new ArrayList<>();
        for (String o : Bodies.required(body.outputs(), "outputs")) {
          outputs.add(OutputSpec.parse(o, in.scenario()));
        }
        var settings =
            new SensitivityAnalysis.Settings(
                or(body.trajectories(), 10),
                or(body.levels(), 4),
                or(body.top(), 6),
                or(body.baseSamples(), 256),
                or(body.replications(), 4),
                or(body.bootstrap(), 500),
                seed,
                threads,
                sampling(body.sampling()));
        parameters.set("outputs", Json.MAPPER.valueToTree(body.outputs()));
        yield new Prepared(
            new SensitivityRequest(
                in, outputs, settings, "POST /api/runs kind=sensitivity " + parameters, null),
            parameters.toString(),
            "sensitivity, " + stored.name() + ", " + outputs.size() + " outputs, seed " + seed);
      }
      case SCREENING -> {
        ScenarioInput in = scenario(stored);
        int replications = Bodies.required(body.replications(), "replications");
        String country = Bodies.required(body.country(), "country");
        parameters.put("country", country);
        yield new Prepared(
            new ScreeningRequest(
                in,
                country,
                or(body.month(), 24),
                or(body.window(), Screening.DEFAULT_WINDOW),
                Bodies.required(body.sensitivity(), "sensitivity"),
                Bodies.required(body.specificity(), "specificity"),
                replications,
                seed,
                threads),
            parameters.toString(),
            "screening of "
                + country
                + ", "
                + stored.name()
                + ", "
                + replications
                + " replications");
      }
    };
  }

  /**
   * The default forecast of a stored scenario with competing hypotheses and shipped stacking
   * weights: their mixture ({@link DefaultMixture}, as {@code dispersal forecast} runs it), or
   * empty when the scenario runs alone. A hypothesis's variant is a built-in scenario.
   */
  private Optional<MixtureRequest> mixture(
      StoredScenario stored, ScenarioInput in, Integer months, int replications, long seed) {
    HypothesisScenario read = library.parseWithHypotheses(stored.yaml(), stored.name());
    return DefaultMixture.request(
        read.hypotheses(),
        in,
        (variant, overrides) -> {
          if (variant == null) {
            return library.parse(stored.yaml(), stored.name(), null, overrides);
          }
          String text = ScenarioLibrary.builtIns().get(variant);
          if (text == null) {
            throw ApiException.invalidField(
                "scenarioId",
                "a hypothesis of "
                    + stored.name()
                    + " runs the variant '"
                    + variant
                    + "', which is not a built-in scenario; post \"single\": true to run the"
                    + " scenario alone");
          }
          return library.parse(text, variant, null, overrides);
        },
        List.of(),
        months,
        replications,
        seed,
        threads);
  }

  private ScenarioInput scenario(StoredScenario stored, LocalDate asOf, List<String> overrides) {
    return scenario(stored, asOf, overrides, StockChoice.LATEST);
  }

  /** A stored scenario as of a date, its shared-data origins built by a stock rule. */
  private ScenarioInput scenario(
      StoredScenario stored, LocalDate asOf, List<String> overrides, StockChoice stocks) {
    return new ScenarioInput(
        library.parse(stored.yaml(), stored.name(), asOf, overrides, stocks), stored.yaml());
  }

  /** The most observation files one forecast takes. */
  static final int MAX_OBSERVATION_FILES = 20;

  /** The longest name of a posted observation file. */
  static final int MAX_FILE_NAME = 120;

  /**
   * A forecast as of a date ({@code asOf}, required) conditioned on posted observation files, as
   * {@code dispersal forecast --as-of DATE --observations FILE...} makes it.
   */
  private Prepared asOfForecast(
      Submission body, StoredScenario stored, int replications, long seed, ObjectNode parameters) {
    LocalDate asOf = date(Bodies.required(body.asOf(), "asOf"));
    AsOfForecastRequest.checkAsOf(asOf);
    List<ObservationRecord> rows =
        present(body.observations()) ? observationFiles(body.observations()) : List.of();
    parameters.put("months", body.months());
    parameters.put("asOf", asOf.toString());
    StockChoice rule = stocks(body, parameters);
    ScenarioInput in = scenario(stored, asOf, List.of(), rule).withMonths(body.months());
    List<String> names = new ArrayList<>();
    if (present(body.observations()) && body.observations().isArray()) {
      body.observations().forEach(f -> names.add(f.path("name").asText().trim()));
    } else if (present(body.observations())) {
      names.add(POSTED_OBSERVATIONS);
    }
    names.forEach(parameters.putArray("observations")::add);
    Assimilation.Filter filter = filter(body.filter());
    if (filter != null) {
      parameters.put("filter", filter.id());
    }
    LiuWest move = filterDiscount(body.filterDiscount());
    if (move != null) {
      if (move.off()) {
        parameters.put("filterDiscount", "off");
      } else {
        parameters.put("filterDiscount", move.discount());
      }
    }
    return new Prepared(
        new AsOfForecastRequest(
            in,
            rows,
            asOf,
            replications,
            seed,
            threads,
            EngineKind.AUTO,
            List.of(),
            null,
            filter,
            null,
            move,
            rule),
        parameters.toString(),
        stored.name()
            + " as of "
            + asOf
            + ", "
            + rows.size()
            + " figures, "
            + replications
            + " replications, seed "
            + seed);
  }

  /** The longest posted value (a filter or a stock rule) a refusal quotes back. */
  static final int QUOTED_FILTER = 40;

  /**
   * The filter a forecast as of a date asks for, as {@code --filter} on the command line: {@code
   * monthly} (the particle filter month by month) or {@code one-step}; null leaves the request's
   * default (monthly with the cohort engine, one step with the agent engine).
   *
   * @throws ApiException 422 naming the field and the allowed values, quoting at most {@value
   *     #QUOTED_FILTER} characters of what was posted
   */
  static Assimilation.Filter filter(String posted) {
    if (posted == null) {
      return null;
    }
    for (Assimilation.Filter f : Assimilation.Filter.values()) {
      if (f.id().equals(posted)) {
        return f;
      }
    }
    throw ApiException.invalidField(
        "filter",
        "must be "
            + Assimilation.Filter.MONTHLY.id()
            + " or "
            + Assimilation.Filter.ONE_STEP.id()
            + ", not '"
            + quoted(posted)
            + "'");
  }

  /**
   * The rule that builds the initial stocks of a hindcast or a forecast as of a date, as {@code
   * --stocks} on the command line: {@code latest} (each quantity's latest figure, the default when
   * absent) or {@code pooled} ({@link StockChoice}); a posted rule is kept in the run's parameters.
   *
   * @throws ApiException 422 naming the field and the two rules, quoting at most {@value
   *     #QUOTED_FILTER} characters of what was posted
   */
  private static StockChoice stocks(Submission body, ObjectNode parameters) {
    return choice(
        "stocks",
        body.stocks(),
        StockChoice.LATEST,
        StockChoice.values(),
        StockChoice::id,
        "latest (each quantity's latest figure, the default) or pooled (every series' figures"
            + " pooled)",
        parameters);
  }

  /** The posted {@code startAt} of a hindcast: {@code date} (the default) or {@code scenario}. */
  private static ForecastStart startAt(Submission body, ObjectNode parameters) {
    return choice(
        "startAt",
        body.startAt(),
        ForecastStart.DATE,
        ForecastStart.values(),
        ForecastStart::id,
        "date (month 0 at the forecast date, the default) or scenario (month 0 at the scenario's"
            + " start)",
        parameters);
  }

  /**
   * A posted choice among named values: the default when nothing was posted, else the value of that
   * name, kept in the run's stored parameters.
   *
   * @param allowed what the refusal says the field must be
   * @throws ApiException 422 naming the field and what it may be, quoting at most {@value
   *     #QUOTED_FILTER} characters of what was posted
   */
  private static <T> T choice(
      String field,
      String posted,
      T absent,
      T[] values,
      Function<T, String> id,
      String allowed,
      ObjectNode parameters) {
    if (posted == null) {
      return absent;
    }
    for (T v : values) {
      if (id.apply(v).equals(posted)) {
        parameters.put(field, posted);
        return v;
      }
    }
    throw ApiException.invalidField(field, "must be " + allowed + ", not '" + quoted(posted) + "'");
  }

  /**
   * A posted value as a refusal quotes it: at most {@value #QUOTED_FILTER} characters (then its
   * length), control characters shown as {@code ?}.
   */
  private static String quoted(String shown) {
    String cut =
        shown.length() > QUOTED_FILTER
            ? shown.substring(0, QUOTED_FILTER) + "... (" + shown.length() + " characters)"
            : shown;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  /**
   * The Liu-West move a forecast as of a date asks for, as {@code --filter-discount} on the command
   * line: a JSON number δ, checked by {@link LiuWest#of} (above 1/3 and at most 1), or the string
   * {@code off} ({@link LiuWest#OFF}); absent or null leaves the request's default (δ = {@link
   * LiuWest#DEFAULT_DISCOUNT} with the monthly filter, none with one step). The request refuses a
   * move with the one-step filter.
   *
   * @throws ApiException 422 naming the field: any other string (quoted as {@link #filter} quotes),
   *     a boolean, list or object, or a number outside the range
   */
  static LiuWest filterDiscount(JsonNode posted) {
    if (!present(posted)) {
      return null;
    }
    if (posted.isTextual() && posted.asText().equals("off")) {
      return LiuWest.OFF;
    }
    if (!posted.isNumber()) {
      throw ApiException.invalidField(
          "filterDiscount",
          "must be a number above 1/3 and at most 1, or 'off', not "
              + (posted.isTextual()
                  ? "'" + quoted(posted.asText()) + "'"
                  : quoted(posted.toString())));
    }
    try {
      return LiuWest.of(posted.doubleValue());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField("filterDiscount", e.getMessage());
    }
  }

  /**
   * The figures of posted observations: the CSV text itself (read as {@value
   * #POSTED_OBSERVATIONS}), or a list of files {@code {"name": ..., "text": ...}}, each read under
   * its name (a plain file name, unique in the list, at most {@value #MAX_FILE_NAME} characters; at
   * most {@value #MAX_OBSERVATION_FILES} files).
   */
  static List<ObservationRecord> observationFiles(JsonNode posted) {
    if (posted.isTextual()) {
      return parse(POSTED_OBSERVATIONS, posted.asText());
    }
    if (!posted.isArray()) {
      throw ApiException.invalidField(
          "observations", "must be the CSV text or a list of files {\"name\", \"text\"}");
    }
    if (posted.size() > MAX_OBSERVATION_FILES) {
      throw ApiException.invalidField(
          "observations", "at most " + MAX_OBSERVATION_FILES + " files, not " + posted.size());
    }
    List<ObservationRecord> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < posted.size(); i++) {
      JsonNode f = posted.get(i);
      String at = "observations[" + i + "]";
      if (!f.isObject() || !f.path("name").isTextual() || !f.path("text").isTextual()) {
        throw ApiException.invalidField(at, "must be {\"name\": \"file.csv\", \"text\": \"...\"}");
      }
      String name = f.path("name").asText().trim();
      if (name.isEmpty()
          || name.length() > MAX_FILE_NAME
          || name.contains("/")
          || name.contains("\\")
          || name.startsWith(".")
          || name.chars().anyMatch(Character::isISOControl)) {
        throw ApiException.invalidField(
            at + ".name",
            "must be a plain file name of 1 to "
                + MAX_FILE_NAME
                + " characters, not '"
                + name
                + "'");
      }
      if (!seen.add(name)) {
        throw ApiException.invalidField(at + ".name", "'" + name + "' is posted twice");
      }
      rows.addAll(parse(name, f.path("text").asText()));
    }
    return rows;
  }

  private static boolean present(JsonNode n) {
    return n != null && !n.isNull() && !n.isMissingNode();
  }

  private static List<ObservationRecord> parse(String name, String text) {
    try {
      return ObservationsReader.parse(name, text);
    } catch (DataException e) {
      throw new InputException(List.of(InputProblem.of(e)));
    }
  }

  private static List<ObservationRecord> observations(Submission body) {
    if (!present(body.observations())
        || body.observations().isTextual() && body.observations().asText().isBlank()) {
      throw ApiException.invalidField("observations", "is required");
    }
    return observationFiles(body.observations());
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidField(
          "asOf", "must be a date written YYYY-MM-DD, not '" + text + "'");
    }
  }

  private static Sobol.Sampling sampling(String id) {
    if (id == null || id.equals("sobol")) {
      return Sobol.Sampling.SOBOL_SEQUENCE;
    }
    if (id.equals("random")) {
      return Sobol.Sampling.MONTE_CARLO;
    }
    throw ApiException.invalidField("sampling", "must be sobol or random, not '" + id + "'");
  }

  /**
   * Whether a calibration or hindcast reads each figure under its definition: the body's {@code
   * definitions}, true when absent, as {@code calibrate}/{@code hindcast} without {@code
   * --no-definitions}. An explicit false is kept in the run's parameters.
   */
  private static boolean definitions(Submission body, ObjectNode parameters) {
    boolean on = !Boolean.FALSE.equals(body.definitions());
    if (!on) {
      parameters.put("definitions", false);
    }
    return on;
  }

  /** The simulation budget of a calibration: particles and simulations. */
  private record Budget(int particles, int simulations) {}

  /**
   * The budget a calibration or hindcast asks for, 1,000 particles and 20,000 simulations when it
   * does not say, recorded in the run's parameters.
   */
  private static Budget budget(Submission body, ObjectNode parameters) {
    Budget b = new Budget(or(body.particles(), 1000), or(body.simulations(), 20_000));
    parameters.put("particles", b.particles());
    parameters.put("simulations", b.simulations());
    return b;
  }

  private static int or(Integer value, int otherwise) {
    return value == null ? otherwise : value;
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
    // The stacking weights, where shipped, are the update's starting weights, as on the command
    // line (docs/ANALYST.md).
    return UpdateRequest.of(
        new ScenarioInput(read.scenario(), stored.yaml()),
        DefaultMixture.startingWeights(read.scenario().name(), read.hypotheses()),
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
