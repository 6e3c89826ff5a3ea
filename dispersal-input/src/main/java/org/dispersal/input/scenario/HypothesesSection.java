package org.dispersal.input.scenario;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.hypotheses.EventQuery;
import org.dispersal.hypotheses.FigureQuery;
import org.dispersal.hypotheses.Hypothesis;
import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.hypotheses.Indicator;
import org.dispersal.model.ModelParameters;
import org.dispersal.model.Scenario;

/**
 * Reads the optional {@code hypotheses:} and {@code indicators:} sections of a pathway scenario
 * into a {@link HypothesisSet}, with every problem at its line and field (docs/SCENARIOS.md,
 * "Competing hypotheses and indicators"). For example:
 *
 * <pre>
 * hypotheses:
 *   - id: stay_and_fight
 *     name: Stay and fight
 *     prior: 0.40
 *     set: {insurgency_rate_collapse: 0.04..0.08}
 *     source: [EUCTC2016]
 *     assumption: The EU coordinator judged remaining the likeliest course.
 * indicators:
 *   - id: libya_attacks
 *     name: Islamic State attacks in Libya
 *     observe: {types: [attack], countries: [LBY], actor: Islamic State}
 *     at_least: 5
 *     window: {from: 2017-03-01, to: 2017-08-31}
 *     likelihoods: {stay_and_fight: 0.3, relocation: 0.8}
 *     coverage: 0.9
 *     assumption: Relocating fighters would raise the tempo in Libya.
 * </pre>
 *
 * <p>It is just over 500 lines because it reads two sections whose rules refer to each other
 * (indicators name hypotheses and event queries), and keeping them together keeps those
 * cross-checks in one place.
 */
final class HypothesesSection extends NodeReader {

  static final List<String> HYPOTHESIS_KEYS =
      List.of("id", "name", "prior", "set", "variant", "assumption", "source", "description");
  static final List<String> INDICATOR_KEYS =
      List.of(
          "id",
          "name",
          "observe",
          "at_least",
          "window",
          "likelihoods",
          "coverage",
          "assumption",
          "source",
          "description");
  static final List<String> OBSERVE_KEYS =
      List.of("types", "subtypes", "countries", "actor", "min_fatalities");
  static final List<String> FIGURE_KEYS = List.of("measure", "scope", "scope_id", "min", "max");
  static final List<String> SCOPES = List.of("world", "region", "country", "countries");
  static final List<String> WINDOW_KEYS = List.of("from", "to");

  /** How far the prior weights may sum from 1 before it is a problem (then they are normalised). */
  static final double WEIGHT_SUM_TOLERANCE = 0.001;

  private final Set<String> knownSources;
  private final Scenario scenario;
  private final Path directory;

  /** The ids of every hypothesis whose id could be read, even if the rest could not. */
  private final List<String> hypothesisIds = new ArrayList<>();

  private HypothesesSection(
      List<Problem> problems, Set<String> knownSources, Scenario scenario, Path directory) {
    super(problems);
    this.knownSources = knownSources;
    this.scenario = scenario;
    this.directory = directory;
  }

  /**
   * Reads both sections; null when the scenario declares no hypotheses (and no indicators).
   *
   * @param hypotheses the {@code hypotheses:} node, or null
   * @param indicators the {@code indicators:} node, or null
   * @param scenario the scenario read, to check parameter names; null to skip that check
   * @param knownSources the source ids a {@code source:} list may name
   * @param directory the scenario file's directory, for variant files; null if it is not a file
   * @param problems where problems go
   */
  static HypothesisSet read(
      Node hypotheses,
      Node indicators,
      Scenario scenario,
      Set<String> knownSources,
      Path directory,
      List<Problem> problems) {
    boolean noHypotheses = hypotheses == null || hypotheses.isNull();
    boolean noIndicators = indicators == null || indicators.isNull();
    if (noHypotheses && noIndicators) {
      return null;
    }
    HypothesesSection section = new HypothesesSection(problems, knownSources, scenario, directory);
    int before = problems.size();
    if (noHypotheses) {
      problems.add(
          Problem.at(indicators.at(), "indicators", null, "need a hypotheses section to weigh"));
      return null;
    }
    List<Hypothesis> hs = section.hypotheses(hypotheses);
    List<Indicator> is =
        noIndicators ? List.of() : section.indicators(indicators, section.hypothesisIds);
    if (problems.size() > before) {
      return null;
    }
    try {
      return new HypothesisSet(hs, is);
    } catch (IllegalArgumentException e) {
      problems.add(Problem.at(hypotheses.at(), "hypotheses", null, e.getMessage()));
      return null;
    }
  }

  private List<Hypothesis> hypotheses(Node node) {
    List<Hypothesis> out = new ArrayList<>();
    if (!(node instanceof Node.Sequence seq)) {
      problems.add(Problem.at(node.at(), "hypotheses", node.render(), "must be a list"));
      return out;
    }
    if (seq.items().size() < 2) {
      problems.add(
          Problem.at(node.at(), "hypotheses", null, "needs at least two competing hypotheses"));
    }
    Set<String> seen = new HashSet<>();
    double sum = 0;
    for (int i = 0; i < seq.items().size(); i++) {
      String path = "hypotheses[" + i + "]";
      Node item = seq.items().get(i);
      Node.Mapping m = mapping(item, path, HYPOTHESIS_KEYS, List.of("id", "name", "prior"));
      if (m == null) {
        continue;
      }
      int before = problems.size();
      String id = identifier(m.get("id"), path + ".id");
      if (firstUse(id, m.get("id"), path + ".id", seen)) {
        hypothesisIds.add(id);
      }
      String name = text(m.get("name"), path + ".name");
      Double prior = number(m.get("prior"), path + ".prior");
      if (prior != null && !(prior > 0)) {
        problem(m.get("prior"), path + ".prior", "must be positive");
      } else if (prior != null) {
        sum += prior;
      }
      List<String> overrides = overrides(m.get("set"), path + ".set");
      String variant = variant(m.get("variant"), path + ".variant");
      List<String> sources = sources(m.get("source"), path + ".source");
      String basis = basis(m, path, sources);
      if (problems.size() == before) {
        out.add(new Hypothesis(id, name, variant, overrides, prior, basis, sources));
      }
    }
    if (out.size() == seq.items().size()
        && !out.isEmpty()
        && Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      problems.add(
          Problem.at(
              node.at(),
              "hypotheses",
              null,
              String.format(
                  java.util.Locale.ROOT,
                  "prior weights sum to %.4f; they must sum to 1 (within %s)",
                  sum,
                  WEIGHT_SUM_TOLERANCE)));
    }
    return out;
  }

  private List<String> overrides(Node node, String path) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!(node instanceof Node.Mapping m)) {
      problem(node, path, "must map parameter names to values such as 0.3 or 0.2..0.5");
      return out;
    }
    for (Node.Entry e : m.entries()) {
      String p = path + "." + e.key();
      if (scenario != null && !ModelParameters.isKnown(scenario, e.key())) {
        problems.add(
            Problem.at(
                e.keyAt(),
                p,
                e.key(),
                ScenarioValidator.UNKNOWN_PARAMETER,
                KnownIds.nearest(e.key(), ScenarioValidator.parameterNames(scenario))));
        continue;
      }
      if (!(e.value() instanceof Node.Scalar s) || s.isNull()) {
        problems.add(
            Problem.at(e.value().at(), p, e.value().render(), "must be a value", Setting.FORMS));
        continue;
      }
      try {
        Setting.prior(s.text());
        out.add(e.key() + "=" + s.text());
      } catch (IllegalArgumentException ex) {
        boolean form = ex instanceof Setting.MalformedValue;
        problems.add(
            Problem.at(s.at(), p, s.text(), ex.getMessage(), form ? Setting.FORMS : List.of()));
      }
    }
    return out;
  }

  private String variant(Node node, String path) {
    String v = text(node, path);
    if (v == null) {
      return null;
    }
    boolean isPath =
        v.endsWith(".yaml") || v.endsWith(".yml") || v.contains("/") || v.contains("\\");
    if (!isPath) {
      if (!ScenarioReader.builtInNames().contains(v)) {
        problem(node, path, "is not a built-in scenario", ScenarioReader.builtInNames());
        return null;
      }
      return v;
    }
    if (directory == null) {
      problem(node, path, "is a path, but this scenario is not a file; name a built-in scenario");
      return null;
    }
    try {
      Path file = directory.resolve(v).normalize();
      if (!Files.isRegularFile(file)) {
        problem(node, path, "does not exist");
        return null;
      }
      return file.toString();
    } catch (InvalidPathException e) {
      problem(node, path, "is not a valid path");
      return null;
    }
  }

  private List<Indicator> indicators(Node node, List<String> hypothesisIds) {
    List<Indicator> out = new ArrayList<>();
    if (!(node instanceof Node.Sequence seq)) {
      problems.add(Problem.at(node.at(), "indicators", node.render(), "must be a list"));
      return out;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < seq.items().size(); i++) {
      String path = "indicators[" + i + "]";
      Node.Mapping m =
          mapping(
              seq.items().get(i),
              path,
              INDICATOR_KEYS,
              List.of("id", "name", "observe", "window", "likelihoods"));
      if (m == null) {
        continue;
      }
      int before = problems.size();
      String id = identifier(m.get("id"), path + ".id");
      firstUse(id, m.get("id"), path + ".id", seen);
      String name = text(m.get("name"), path + ".name");
      Node observed = m.get("observe");
      boolean figure = observed instanceof Node.Mapping om && om.get("measure") != null;
      EventQuery query = figure ? null : observe(observed, path + ".observe");
      FigureQuery figureQuery = figure ? figure(observed, path + ".observe") : null;
      Integer atLeast = whole(m.get("at_least"), path + ".at_least");
      if (atLeast != null && atLeast < 1) {
        problem(m.get("at_least"), path + ".at_least", "must be at least 1");
      }
      LocalDate[] window = window(m.get("window"), path + ".window");
      List<Double> likelihoods =
          likelihoods(m.get("likelihoods"), path + ".likelihoods", hypothesisIds);
      Double coverage = number(m.get("coverage"), path + ".coverage");
      if (coverage != null && !(coverage >= 0 && coverage <= 1)) {
        problem(m.get("coverage"), path + ".coverage", "must be between 0 and 1");
      }
      List<String> sources = sources(m.get("source"), path + ".source");
      String basis = basis(m, path, sources);
      if (problems.size() == before && (query != null || figureQuery != null) && window != null) {
        out.add(
            new Indicator(
                id,
                name,
                query,
                figureQuery,
                atLeast == null ? 1 : atLeast,
                window[0],
                window[1],
                likelihoods,
                coverage,
                basis));
      }
    }
    return out;
  }

  private EventQuery observe(Node node, String path) {
    Node.Mapping m = mapping(node, path, OBSERVE_KEYS, List.of("types"));
    if (m == null) {
      return null;
    }
    int before = problems.size();
    List<String> types = texts(m.get("types"), path + ".types");
    List<String> subtypes = texts(m.get("subtypes"), path + ".subtypes");
    List<String> countries = new ArrayList<>();
    Node cs = m.get("countries");
    List<String> given = texts(cs, path + ".countries");
    for (int k = 0; k < given.size(); k++) {
      String c = given.get(k);
      if (!KnownIds.isCountry(c)) {
        Node at = cs instanceof Node.Sequence s ? s.items().get(k) : cs;
        problems.add(
            Problem.at(
                at.at(),
                path + ".countries",
                c,
                ScenarioValidator.NOT_A_COUNTRY,
                KnownIds.nearest(c, KnownIds.allCountries())));
      } else {
        countries.add(c);
      }
    }
    String actor = text(m.get("actor"), path + ".actor");
    Integer min = whole(m.get("min_fatalities"), path + ".min_fatalities");
    if (min != null && min < 0) {
      problem(m.get("min_fatalities"), path + ".min_fatalities", "must not be negative");
    }
    if (problems.size() > before || types.isEmpty()) {
      return null;
    }
    return new EventQuery(
        new LinkedHashSet<>(types),
        new LinkedHashSet<>(subtypes),
        new LinkedHashSet<>(countries),
        actor,
        min == null ? 0 : min);
  }

  private FigureQuery figure(Node node, String path) {
    Node.Mapping m = mapping(node, path, FIGURE_KEYS, List.of("measure", "scope"));
    if (m == null) {
      return null;
    }
    int before = problems.size();
    String measure = text(m.get("measure"), path + ".measure");
    if (measure != null && ObservedMeasure.byId(measure) == null) {
      List<String> ids = new ArrayList<>();
      for (ObservedMeasure om : ObservedMeasure.values()) {
        ids.add(om.id());
      }
      problem(
          m.get("measure"), path + ".measure", "is not a measure of the observations format", ids);
    }
    String scope = text(m.get("scope"), path + ".scope");
    if (scope != null && !SCOPES.contains(scope)) {
      problem(m.get("scope"), path + ".scope", "is not a scope", SCOPES);
    }
    String scopeId = text(m.get("scope_id"), path + ".scope_id");
    Integer min = whole(m.get("min"), path + ".min");
    Integer max = whole(m.get("max"), path + ".max");
    if ((min == null) == (max == null) && problems.size() == before) {
      problem(node, path, "needs exactly one of min and max", List.of("min", "max"));
    }
    if (problems.size() > before) {
      return null;
    }
    return new FigureQuery(measure, scope, scopeId, min, max);
  }

  private LocalDate[] window(Node node, String path) {
    Node.Mapping m = mapping(node, path, WINDOW_KEYS, WINDOW_KEYS);
    if (m == null) {
      return null;
    }
    LocalDate from = date(m.get("from"), path + ".from");
    LocalDate to = date(m.get("to"), path + ".to");
    if (from == null || to == null) {
      return null;
    }
    if (to.isBefore(from)) {
      problem(m.get("to"), path + ".to", "is before the window's start " + from);
      return null;
    }
    return new LocalDate[] {from, to};
  }

  private List<Double> likelihoods(Node node, String path, List<String> hypothesisIds) {
    List<Double> out = new ArrayList<>();
    Node.Mapping m = mapping(node, path, hypothesisIds, hypothesisIds);
    if (m == null) {
      return out;
    }
    for (String id : hypothesisIds) {
      Node v = m.get(id);
      Double p = number(v, path + "." + id);
      if (p != null && !(p > 0 && p < 1)) {
        problem(
            v,
            path + "." + id,
            "must be strictly between 0 and 1 (no evidence is certain under a hypothesis)");
      }
      out.add(p == null ? Double.NaN : p);
    }
    return out;
  }

  // ---------------------------------------------------------------- values

  private String basis(Node.Mapping m, String path, List<String> sources) {
    String assumption = text(m.get("assumption"), path + ".assumption");
    if (sources.isEmpty() && (assumption == null || assumption.isBlank())) {
      problems.add(
          Problem.at(
              m.at(),
              path,
              null,
              "needs a source or an assumption with its reasoning",
              List.of("source", "assumption")));
      return "";
    }
    StringBuilder out = new StringBuilder(assumption == null ? "" : assumption.strip());
    if (!sources.isEmpty()) {
      out.append(out.length() == 0 ? "" : " ")
          .append("Sources: ")
          .append(String.join(", ", sources));
    }
    return out.toString();
  }

  private List<String> sources(Node node, String path) {
    List<String> out = texts(node, path);
    for (int k = 0; k < out.size(); k++) {
      if (!knownSources.contains(out.get(k))) {
        Node at = node instanceof Node.Sequence s ? s.items().get(k) : node;
        problems.add(
            Problem.at(
                at.at(),
                path,
                out.get(k),
                ScenarioValidator.UNKNOWN_SOURCE,
                KnownIds.nearest(out.get(k), knownSources)));
      }
    }
    return out;
  }

  /**
   * Whether {@code id}, read from {@code node}, is used here for the first time: adds it to {@code
   * seen}, or reports an id an earlier entry has. A null id (missing or invalid) is not.
   */
  private boolean firstUse(String id, Node node, String path, Set<String> seen) {
    if (id == null) {
      return false;
    }
    if (!seen.add(id)) {
      problem(node, path, ScenarioValidator.DUPLICATE_ID);
      return false;
    }
    return true;
  }

  /** A list of texts, or one text standing for a list of one. */
  private List<String> texts(Node node, String path) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node instanceof Node.Scalar s) {
      out.add(s.text());
      return out;
    }
    if (!(node instanceof Node.Sequence seq)) {
      problem(node, path, "must be a list");
      return out;
    }
    for (Node item : seq.items()) {
      String t = text(item, path);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }
}
