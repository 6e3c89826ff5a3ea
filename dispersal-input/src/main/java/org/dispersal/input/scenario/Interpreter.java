package org.dispersal.input.scenario;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.dispersal.model.Drivers;
import org.dispersal.model.Group;
import org.dispersal.model.Origin;
import org.dispersal.model.Parameter;
import org.dispersal.model.Place;
import org.dispersal.model.Prior;
import org.dispersal.model.Range;
import org.dispersal.model.Region;
import org.dispersal.model.Repatriation;
import org.dispersal.model.RepatriationPolicy;
import org.dispersal.model.State;
import org.dispersal.model.Step;
import org.dispersal.model.Stronghold;

/**
 * Turns the node tree of a scenario file into the parts of a scenario, checking the shape of every
 * section: known keys, required keys, value types, the forms of dates, ranges and priors, and the
 * order of driver steps. Every problem is recorded and reading goes on, so that one pass finds them
 * all; a part that cannot be read is left out.
 *
 * <p>It also records where each field was written, so that the semantic rules of {@link
 * ScenarioValidator} can place their problems.
 *
 * <p>It is long (about 700 lines) because it holds one small reader per section of the format, in
 * the order of docs/SCENARIOS.md; each reader is a few lines, and splitting them across classes
 * would scatter the one list of keys that the format allows.
 */
final class Interpreter extends NodeReader {

  /** The value of {@code origins:} that asks for the origins of the shared data set. */
  static final String SHARED_DATA = "shared-data";

  static final List<String> TOP_KEYS =
      List.of(
          "name",
          "description",
          "extends",
          "start",
          "months",
          "origins",
          "regions",
          "places",
          "groups",
          "dispatch_targets",
          "drivers",
          "repatriation",
          "exit_propensity",
          "parameters",
          "agents",
          "hypotheses",
          "indicators");
  static final List<String> TOP_REQUIRED =
      List.of(
          "name",
          "start",
          "months",
          "origins",
          "regions",
          "places",
          "groups",
          "drivers",
          "parameters");
  static final List<String> REGION_KEYS = List.of("id", "name", "near_theatres");
  static final List<String> PLACE_KEYS = List.of("id", "name", "kind", "countries");
  static final List<String> GROUP_KEYS = List.of("id", "name", "joinable");
  static final List<String> DRIVER_KEYS =
      List.of(
          "strongholds",
          "border_closure",
          "route_screening",
          "prosecution_multiplier",
          "rehabilitation");
  static final List<String> STRONGHOLD_KEYS =
      List.of("id", "name", "country", "weight", "lost", "source", "fall_parameter");
  static final List<String> STEP_KEYS = List.of("from", "parameter");
  static final List<String> REPATRIATION_KEYS = List.of("default", "policies");
  static final List<String> POLICY_STEP_KEYS = List.of("origin", "from", "policy");
  static final List<String> POLICIES =
      java.util.Arrays.stream(RepatriationPolicy.values()).map(RepatriationPolicy::id).toList();
  static final List<String> EXIT_PROPENSITY_KEYS =
      List.of("method", "pseudo_travellers", "origins");
  static final List<String> EXIT_PROPENSITY_METHODS = List.of("estimated", "none");
  static final List<String> ORIGIN_KEYS =
      List.of("id", "name", "region", "travelled", "women", "minors", "stocks", "source", "note");
  static final List<String> ORIGIN_REQUIRED = List.of("id", "name", "region", "travelled");
  static final List<String> PARAMETER_KEYS =
      List.of("prior", "unit", "source", "assumption", "description");
  static final List<String> DISTRIBUTIONS = List.of("uniform", "triangular", "loguniform", "fixed");
  static final List<String> PLACE_KINDS = List.of("core_theatre", "third_theatre", "transit");

  /** The states an origin's {@code stocks:} may set; everyone else starts in theatre. */
  static final List<String> STOCK_STATES = List.of(State.KILLED.id(), State.RETURNED.id());

  static final String IDENTIFIER_RULE = "a letter, then letters, digits, '_' or '-'";

  /** The words YAML 1.1 reads as true; the others of a boolean token read as false. */
  private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "y", "on");

  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Map<String, List<String>> PRIOR_KEYS =
      Map.of(
          "uniform", List.of("low", "high"),
          "loguniform", List.of("low", "high"),
          "triangular", List.of("low", "mode", "high"),
          "fixed", List.of("value"));

  /**
   * What a file says, as far as it could be read.
   *
   * @param name the scenario name, or null
   * @param description the description, empty if not given
   * @param start the start month, or null
   * @param months the horizon, 1 if it could not be read
   * @param regions the regions read
   * @param places the places read
   * @param groups the groups read
   * @param dispatchTargets the dispatch targets
   * @param drivers the drivers, or null if any part of them could not be read
   * @param origins the explicit origins read, or null if the file asks for the shared data or gives
   *     none
   * @param sharedOrigins whether the file asks for the origins of the shared data
   * @param parameters the parameters read, in file order
   * @param invalid names of parameters given but not read
   * @param exitPropensity what the {@code exit_propensity:} section says, or null if it is absent
   *     or could not be read
   */
  record Parts(
      String name,
      String description,
      YearMonth start,
      int months,
      List<Region> regions,
      List<Place> places,
      List<Group> groups,
      List<String> dispatchTargets,
      Drivers drivers,
      List<Origin> origins,
      boolean sharedOrigins,
      Map<String, Parameter> parameters,
      Set<String> invalid,
      ExitPropensitySection exitPropensity) {}

  /**
   * The {@code exit_propensity:} section: {@code none}, {@code estimated}, or a mapping with an
   * optional {@code method}, {@code pseudo_travellers} and per-origin multipliers {@code origins}.
   *
   * @param method {@code estimated} or {@code none}, or null for the default ({@code none})
   * @param pseudoTravellers k of the estimate, or null for the estimator's default
   * @param origins origin id → multiplier set by the file, in file order
   * @param at where the section was written
   */
  record ExitPropensitySection(
      String method, Double pseudoTravellers, Map<String, Double> origins, Location at) {}

  private final Map<String, Location> locations = new HashMap<>();
  private final Map<String, String> renames = new HashMap<>();

  /**
   * Creates an interpreter.
   *
   * @param problems where problems go
   */
  Interpreter(List<Problem> problems) {
    super(problems);
  }

  /** Where each field path was written, for the fields seen so far. */
  Map<String, Location> locations() {
    return locations;
  }

  /**
   * The path in the file of a path into the scenario read. They differ where list items that could
   * not be read were left out: the third origin read may be the fourth in the file.
   */
  String filePath(String path) {
    StringBuilder done = new StringBuilder();
    int from = 0;
    for (int close = path.indexOf(']'); close >= 0; close = path.indexOf(']', from)) {
      String prefix = done + path.substring(from, close + 1);
      done = new StringBuilder(renames.getOrDefault(prefix, prefix));
      from = close + 1;
    }
    return done.append(path.substring(from)).toString();
  }

  /** Reads the sections of a whole scenario. */
  Parts interpret(Node.Mapping root) {
    locations.put("", root.at());
    keys(root, "", TOP_KEYS, TOP_REQUIRED);
    String name = text(root.get("name"), "name");
    String description = text(root.get("description"), "description");
    YearMonth start = month(root.get("start"), "start");
    Integer months = whole(root.get("months"), "months");
    if (months != null && (months < 1 || months > ScenarioValidator.MAX_MONTHS)) {
      problem(root.get("months"), "months", ScenarioValidator.MONTHS_RANGE);
      months = null;
    }
    List<Region> regions = items(root.get("regions"), "regions", this::region);
    List<Place> places = items(root.get("places"), "places", this::place);
    List<Group> groups = items(root.get("groups"), "groups", this::group);
    List<String> targets = items(root.get("dispatch_targets"), "dispatch_targets", this::text);
    Drivers drivers = drivers(root.get("drivers"));
    if (drivers != null && present(root.get("repatriation"))) {
      Repatriation repatriation = repatriation(root.get("repatriation"), start);
      drivers = repatriation == null ? null : drivers.withRepatriation(repatriation);
    }
    Node originsNode = root.get("origins");
    boolean shared =
        originsNode instanceof Node.Scalar s
            && s.kind() == Node.Kind.STRING
            && s.text().equals(SHARED_DATA);
    List<Origin> origins = null;
    if (!shared && present(originsNode)) {
      if (originsNode instanceof Node.Sequence) {
        origins = items(originsNode, "origins", this::origin);
      } else {
        problem(
            originsNode,
            "origins",
            "must be '" + SHARED_DATA + "' or a list of origins",
            List.of(SHARED_DATA, "a list of origins"));
      }
    }
    Set<String> invalid = new HashSet<>();
    Map<String, Parameter> parameters = parameters(root.get("parameters"), invalid);
    ExitPropensitySection exit = exitPropensity(root.get("exit_propensity"));
    return new Parts(
        name,
        description == null ? "" : description,
        start,
        months == null ? 1 : months,
        regions,
        places,
        groups,
        targets,
        drivers,
        origins,
        shared,
        parameters,
        invalid,
        exit);
  }

  /**
   * Reads {@code exit_propensity:}: a method word, or a mapping of {@code method}, {@code
   * pseudo_travellers} (not negative) and {@code origins} (origin id → a positive multiplier).
   */
  private ExitPropensitySection exitPropensity(Node node) {
    String path = "exit_propensity";
    if (!present(node)) {
      return null;
    }
    if (node instanceof Node.Scalar) {
      String method = method(node, path);
      return method == null ? null : new ExitPropensitySection(method, null, Map.of(), node.at());
    }
    Node.Mapping m = mapping(node, path, EXIT_PROPENSITY_KEYS, List.of());
    if (m == null) {
      return null;
    }
    int before = problems.size();
    String method = present(m.get("method")) ? method(m.get("method"), path + ".method") : null;
    Double k = number(m.get("pseudo_travellers"), path + ".pseudo_travellers");
    if (k != null && k < 0) {
      problem(m.get("pseudo_travellers"), path + ".pseudo_travellers", "must not be negative");
    }
    Map<String, Double> origins = new LinkedHashMap<>();
    Node.Mapping o = mapping(m.get("origins"), path + ".origins", null, List.of());
    if (o != null) {
      for (Node.Entry e : o.entries()) {
        String p = path + ".origins." + e.key();
        Double v = number(e.value(), p);
        if (v != null && !(v > 0)) {
          problem(e.value(), p, "must be a positive multiplier");
        } else if (v != null) {
          origins.put(e.key(), v);
        }
      }
    }
    return problems.size() > before
        ? null
        : new ExitPropensitySection(method, k, origins, node.at());
  }

  private String method(Node node, String path) {
    String word = text(node, path);
    if (word != null && !EXIT_PROPENSITY_METHODS.contains(word)) {
      problem(node, path, "is not a way to set the exit propensity", EXIT_PROPENSITY_METHODS);
      return null;
    }
    return word;
  }

  // ---------------------------------------------------------------- sections

  private Region region(Node node, String path) {
    Node.Mapping m = mapping(node, path, REGION_KEYS, List.of("id", "name"));
    if (m == null) {
      return null;
    }
    String id = identifier(m.get("id"), path + ".id");
    String name = text(m.get("name"), path + ".name");
    List<String> near = items(m.get("near_theatres"), path + ".near_theatres", this::text);
    return id == null || name == null ? null : build(node, path, () -> new Region(id, name, near));
  }

  private Place place(Node node, String path) {
    Node.Mapping m = mapping(node, path, PLACE_KEYS, List.of("id", "name", "kind"));
    if (m == null) {
      return null;
    }
    String id = identifier(m.get("id"), path + ".id");
    String name = text(m.get("name"), path + ".name");
    String kind = text(m.get("kind"), path + ".kind");
    if (kind != null && !PLACE_KINDS.contains(kind)) {
      problem(m.get("kind"), path + ".kind", "is not a kind of place", PLACE_KINDS);
      kind = null;
    }
    List<String> countries = items(m.get("countries"), path + ".countries", this::text);
    if (id == null || name == null || kind == null) {
      return null;
    }
    Place.Kind k = Place.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
    return build(node, path, () -> new Place(id, name, k, countries));
  }

  private Group group(Node node, String path) {
    Node.Mapping m = mapping(node, path, GROUP_KEYS, List.of("id", "name"));
    if (m == null) {
      return null;
    }
    String id = identifier(m.get("id"), path + ".id");
    String name = text(m.get("name"), path + ".name");
    Boolean joinable = bool(m.get("joinable"), path + ".joinable");
    boolean j = joinable != null && joinable;
    return id == null || name == null ? null : build(node, path, () -> new Group(id, name, j));
  }

  private Drivers drivers(Node node) {
    String path = "drivers";
    Node.Mapping m = mapping(node, path, DRIVER_KEYS, DRIVER_KEYS);
    if (m == null) {
      return null;
    }
    int before = problems.size();
    List<Stronghold> strongholds =
        items(m.get("strongholds"), path + ".strongholds", this::stronghold);
    if (present(m.get("strongholds")) && strongholds.isEmpty()) {
      problem(m.get("strongholds"), path + ".strongholds", "needs at least one stronghold");
    }
    List<List<Step>> series = new ArrayList<>();
    for (String key : DRIVER_KEYS.subList(1, DRIVER_KEYS.size())) {
      series.add(steps(m.get(key), path + "." + key));
    }
    if (problems.size() > before || strongholds.isEmpty() || series.contains(null)) {
      return null;
    }
    return build(
        node,
        path,
        () -> new Drivers(strongholds, series.get(0), series.get(1), series.get(2), series.get(3)));
  }

  /**
   * Reads {@code repatriation:}: a default policy and per-origin steps whose {@code from} is a
   * month number or a month YYYY-MM (a month before the start counts as month 0).
   */
  private Repatriation repatriation(Node node, YearMonth start) {
    String path = "repatriation";
    Node.Mapping m = mapping(node, path, REPATRIATION_KEYS, List.of("default"));
    if (m == null) {
      return null;
    }
    int before = problems.size();
    RepatriationPolicy fallback = policy(m.get("default"), path + ".default");
    List<Repatriation.Step> steps =
        items(m.get("policies"), path + ".policies", (n, p) -> policyStep(n, p, start));
    if (problems.size() > before || fallback == null) {
      return null;
    }
    return build(node, path, () -> new Repatriation(fallback, steps));
  }

  private Repatriation.Step policyStep(Node node, String path, YearMonth start) {
    Node.Mapping m = mapping(node, path, POLICY_STEP_KEYS, POLICY_STEP_KEYS);
    if (m == null) {
      return null;
    }
    String origin = text(m.get("origin"), path + ".origin");
    RepatriationPolicy policy = policy(m.get("policy"), path + ".policy");
    Node fromNode = m.get("from");
    Integer from;
    if (fromNode instanceof Node.Scalar sc && sc.kind() == Node.Kind.STRING) {
      YearMonth month = month(fromNode, path + ".from");
      from =
          month == null || start == null
              ? null
              : (int) Math.max(0, java.time.temporal.ChronoUnit.MONTHS.between(start, month));
    } else {
      from = whole(fromNode, path + ".from");
      if (from != null && from < 0) {
        problem(fromNode, path + ".from", "must not be negative");
        from = null;
      }
    }
    Integer f = from;
    return origin == null || policy == null || f == null
        ? null
        : build(node, path, () -> new Repatriation.Step(origin, f, policy));
  }

  private RepatriationPolicy policy(Node node, String path) {
    String word = text(node, path);
    if (word == null) {
      return null;
    }
    RepatriationPolicy p = RepatriationPolicy.byId(word);
    if (p == null) {
      problem(node, path, "is not a repatriation policy", POLICIES);
    }
    return p;
  }

  private Stronghold stronghold(Node node, String path) {
    int before = problems.size();
    Node.Mapping m = mapping(node, path, STRONGHOLD_KEYS, List.of("id", "name", "country"));
    if (m == null) {
      return null;
    }
    String id = identifier(m.get("id"), path + ".id");
    String name = text(m.get("name"), path + ".name");
    String country = text(m.get("country"), path + ".country");
    Double weight = number(m.get("weight"), path + ".weight");
    if (weight != null && !(weight > 0)) {
      problem(m.get("weight"), path + ".weight", "must be positive");
    }
    LocalDate lost = date(m.get("lost"), path + ".lost");
    String source = text(m.get("source"), path + ".source");
    String fall = text(m.get("fall_parameter"), path + ".fall_parameter");
    boolean hasLost = present(m.get("lost"));
    boolean hasFall = present(m.get("fall_parameter"));
    if (hasLost == hasFall) {
      problem(
          node,
          path,
          hasLost
              ? "gives both lost and fall_parameter; give lost if it fell before the start,"
                  + " fall_parameter if not"
              : "needs lost (the date it fell, with its source) or fall_parameter (the parameter"
                  + " for the month it falls)");
    } else if (hasLost && !present(m.get("source"))) {
      problem(node, path, "gives a lost date without the source of the date");
    } else if (hasFall && present(m.get("source"))) {
      problem(
          m.get("source"), path + ".source", "belongs to a lost date; this stronghold has none");
    }
    if (problems.size() > before) {
      return null;
    }
    double w = weight == null ? 1.0 : weight;
    return build(node, path, () -> new Stronghold(id, name, country, w, lost, source, fall));
  }

  private List<Step> steps(Node node, String path) {
    if (!present(node)) {
      return null;
    }
    List<Step> steps = items(node, path, this::step);
    if (node instanceof Node.Sequence seq) {
      if (seq.items().isEmpty()) {
        problem(node, path, "needs at least one step, from month 0");
        return null;
      }
      if (steps.size() != seq.items().size()) {
        return null;
      }
      for (int i = 0; i < steps.size(); i++) {
        int from = steps.get(i).fromMonth();
        Node at = ((Node.Mapping) seq.items().get(i)).get("from");
        if (i == 0 && from != 0) {
          problem(at, path + "[0].from", "must be 0: the first step starts the series");
          return null;
        }
        int previous = i == 0 ? -1 : steps.get(i - 1).fromMonth();
        if (i > 0 && from <= previous) {
          problem(
              at,
              path + "[" + i + "].from",
              "must be later than the previous step's month " + previous);
          return null;
        }
      }
    }
    return steps;
  }

  private Step step(Node node, String path) {
    Node.Mapping m = mapping(node, path, STEP_KEYS, STEP_KEYS);
    if (m == null) {
      return null;
    }
    Integer from = whole(m.get("from"), path + ".from");
    if (from != null && from < 0) {
      problem(m.get("from"), path + ".from", "must not be negative");
      from = null;
    }
    String parameter = text(m.get("parameter"), path + ".parameter");
    int f = from == null ? 0 : from;
    return from == null || parameter == null
        ? null
        : build(node, path, () -> new Step(f, parameter));
  }

  private Origin origin(Node node, String path) {
    int before = problems.size();
    Node.Mapping m = mapping(node, path, ORIGIN_KEYS, ORIGIN_REQUIRED);
    if (m == null) {
      return null;
    }
    String id = text(m.get("id"), path + ".id");
    String name = text(m.get("name"), path + ".name");
    String region = text(m.get("region"), path + ".region");
    Range travelled = range(m.get("travelled"), path + ".travelled");
    Range women = range(m.get("women"), path + ".women");
    Range minors = range(m.get("minors"), path + ".minors");
    Map<String, Range> stocks = stocks(m.get("stocks"), path + ".stocks");
    List<String> sources = sources(m.get("source"), path + ".source");
    String note = text(m.get("note"), path + ".note");
    if (problems.size() > before) {
      return null;
    }
    boolean country = !id.startsWith("rest:");
    Range killed = stocks.get(State.KILLED.id());
    Range returned = stocks.get(State.RETURNED.id());
    return build(
        node,
        path,
        () ->
            new Origin(
                id,
                name,
                region,
                country,
                travelled,
                women,
                minors,
                returned,
                killed,
                sources,
                note == null ? "" : note));
  }

  private Map<String, Range> stocks(Node node, String path) {
    Map<String, Range> out = new LinkedHashMap<>();
    if (!present(node)) {
      return out;
    }
    Node.Mapping m = mapping(node, path, null, List.of());
    if (m == null) {
      return out;
    }
    for (Node.Entry e : m.entries()) {
      String p = path + "." + e.key();
      if (STOCK_STATES.contains(e.key())) {
        Range r = range(e.value(), p);
        if (r != null) {
          out.put(e.key(), r);
        }
      } else {
        String message =
            State.byId(e.key()) == null ? "is an unknown state" : "cannot hold initial stocks";
        problems.add(Problem.at(e.keyAt(), p, e.key(), message, STOCK_STATES));
      }
    }
    return out;
  }

  private Map<String, Parameter> parameters(Node node, Set<String> invalid) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    Node.Mapping m = mapping(node, "parameters", null, List.of());
    if (m == null) {
      return out;
    }
    for (Node.Entry e : m.entries()) {
      int before = problems.size();
      Parameter p = parameter(e.key(), e.value(), "parameters." + e.key());
      if (p != null && problems.size() == before) {
        out.put(e.key(), p);
      } else {
        invalid.add(e.key());
      }
    }
    return out;
  }

  private Parameter parameter(String name, Node node, String path) {
    Node.Mapping m = mapping(node, path, PARAMETER_KEYS, List.of("prior"));
    if (m == null) {
      return null;
    }
    Prior prior = prior(m.get("prior"), path + ".prior");
    String unit = text(m.get("unit"), path + ".unit");
    List<String> sources = sources(m.get("source"), path + ".source");
    String assumption = text(m.get("assumption"), path + ".assumption");
    String description = text(m.get("description"), path + ".description");
    if (sources.isEmpty() && (assumption == null || assumption.isBlank())) {
      problems.add(
          Problem.at(
              node.at(),
              path,
              null,
              "needs a source or an assumption",
              List.of("source", "assumption")));
      return null;
    }
    if (prior == null) {
      return null;
    }
    return build(
        node,
        path,
        () ->
            new Parameter(
                name,
                prior,
                unit == null ? "" : unit,
                sources,
                assumption,
                description == null ? "" : description));
  }

  private Prior prior(Node node, String path) {
    if (!present(node)) {
      return null;
    }
    if (!(node instanceof Node.Mapping m)) {
      problem(node, path, "must be a mapping such as {dist: uniform, low: 0.1, high: 0.3}");
      return null;
    }
    String dist = text(m.get("dist"), path + ".dist");
    if (dist == null) {
      mapping(node, path, null, List.of("dist"));
      return null;
    }
    List<String> numbers = PRIOR_KEYS.get(dist);
    if (numbers == null) {
      problem(m.get("dist"), path + ".dist", "is not a distribution", DISTRIBUTIONS);
      return null;
    }
    List<String> allowed = new ArrayList<>(List.of("dist"));
    allowed.addAll(numbers);
    int before = problems.size();
    mapping(node, path, allowed, allowed);
    double[] x = new double[numbers.size()];
    for (int i = 0; i < x.length; i++) {
      Double v = number(m.get(numbers.get(i)), path + "." + numbers.get(i));
      x[i] = v == null ? Double.NaN : v;
    }
    if (problems.size() > before) {
      return null;
    }
    return build(
        node,
        path,
        () ->
            switch (dist) {
              case "uniform" -> new Prior.Uniform(x[0], x[1]);
              case "loguniform" -> new Prior.LogUniform(x[0], x[1]);
              case "triangular" -> new Prior.Triangular(x[0], x[1], x[2]);
              default -> new Prior.Fixed(x[0]);
            });
  }

  // ---------------------------------------------------------------- values

  @Override
  void located(String path, Location at) {
    locations.putIfAbsent(path, at);
  }

  /** Reads a list with one reader per item, leaving out the items that could not be read. */
  private <T> List<T> items(Node node, String path, ItemReader<T> reader) {
    List<T> out = new ArrayList<>();
    if (!present(node)) {
      return out;
    }
    if (!(node instanceof Node.Sequence seq)) {
      problem(node, path, "must be a list");
      return out;
    }
    for (int i = 0; i < seq.items().size(); i++) {
      Node item = seq.items().get(i);
      String p = path + "[" + i + "]";
      located(p, item.at());
      T value = reader.read(item, p);
      if (value != null) {
        if (out.size() != i) {
          renames.put(path + "[" + out.size() + "]", p);
        }
        out.add(value);
      }
    }
    return out;
  }

  /** Reads one item of a list, or returns null after recording why it could not. */
  @FunctionalInterface
  private interface ItemReader<T> {
    T read(Node node, String path);
  }

  private List<String> sources(Node node, String path) {
    if (node instanceof Node.Scalar s && s.kind() == Node.Kind.STRING) {
      return List.of(s.text());
    }
    return items(node, path, this::text);
  }

  private Boolean bool(Node node, String path) {
    if (!present(node)) {
      return null;
    }
    if (!(node instanceof Node.Scalar s && s.kind() == Node.Kind.BOOLEAN)) {
      problem(node, path, "must be true or false");
      return null;
    }
    return TRUE_WORDS.contains(s.text().toLowerCase(Locale.ROOT));
  }

  private Range range(Node node, String path) {
    if (!present(node)) {
      return null;
    }
    List<Node> ends =
        node instanceof Node.Sequence seq && seq.items().size() == 2 ? seq.items() : List.of(node);
    if (ends.size() == 1 && !(node instanceof Node.Scalar)) {
      problem(node, path, "must be a whole number or [low, high]");
      return null;
    }
    int before = problems.size();
    Integer low = whole(ends.get(0), path);
    Integer high = whole(ends.get(ends.size() - 1), path);
    if (problems.size() > before) {
      return null;
    }
    if (low < 0) {
      problem(node, path, "must not be negative");
      return null;
    }
    if (low > high) {
      problem(node, path, "has a low end above its high end");
      return null;
    }
    return new Range(low, high);
  }

  private YearMonth month(Node node, String path) {
    return parsed(node, path, MONTH, YearMonth::parse, "a month written YYYY-MM");
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Runs a record constructor, turning its rejection into a problem at the node, so that no user
   * input ends in a stack trace.
   */
  private <T> T build(Node node, String path, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      problem(node, path, e.getMessage() == null ? "is not valid" : e.getMessage());
      return null;
    }
  }
}
