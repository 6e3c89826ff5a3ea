package org.dispersal.input.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.model.ExitPropensity;
import org.dispersal.model.ModelParameters;
import org.dispersal.model.Origin;
import org.dispersal.model.Parameter;
import org.dispersal.model.Scenario;
import org.dispersal.stocks.ExitPropensityEstimator;

/**
 * Reads scenario files (YAML) into {@link Scenario}s, checking them on the way.
 *
 * <p>A scenario comes from a file, from a built-in name such as {@code isis-2017} (the classpath
 * resource {@code org/dispersal/scenarios/isis-2017.yaml}), or from text. The format is described
 * in {@code docs/SCENARIOS.md} and by the JSON Schema {@code
 * org/dispersal/scenarios/scenario.schema.json}. In short:
 *
 * <ul>
 *   <li>{@code extends: NAME-OR-PATH} starts from another scenario (a built-in name, or a path
 *       relative to this file if it ends in {@code .yaml} or {@code .yml} or holds a {@code /});
 *       each top-level section given here replaces the inherited one, except {@code parameters},
 *       which are merged by name.
 *   <li>{@code origins: shared-data} takes the origins from the function given to {@link
 *       #withSharedOrigins}, as of the first day of the start month or the date given to {@link
 *       #withAsOf}; otherwise {@code origins} is an explicit list.
 *   <li>Overrides given to {@link #withOverrides} ({@code NAME=VALUE}, as {@code --set} on the
 *       command line) replace the priors of named parameters after the file is read.
 * </ul>
 *
 * <p>Every problem is collected in one pass, each with its file, line and column: the shape of the
 * file here, the semantic rules in {@link ScenarioValidator}. A file with any problem ends in a
 * {@link ScenarioException} carrying all of them; no other exception results from what a file says.
 *
 * <p>Instances are immutable and safe to share; the {@code withX} methods return changed copies.
 *
 * <p>It is over 500 lines because it is the one entry point for every way a scenario is read (file,
 * built-in name, text, {@code extends} chains, Markov and pathway forms, overrides, the information
 * set), and each of those is a short method over the same immutable settings.
 */
public final class ScenarioReader {

  /** Where built-in scenarios live on the classpath. */
  public static final String BUILT_IN_DIRECTORY = "org/dispersal/scenarios/";

  /** Text appended to the description of a parameter whose prior was overridden. */
  public static final String OVERRIDE_MARK = "(set on the command line)";

  /** The assumption of a parameter that only an override defines. */
  public static final String OVERRIDE_ASSUMPTION = "set on the command line";

  /** The section of competing hypotheses. */
  static final String HYPOTHESES = "hypotheses";

  /** The section of indicators. */
  static final String INDICATORS = "indicators";

  /** The identity of a built-in scenario's source, before its name. */
  private static final String BUILT_IN_IDENTITY = "built-in:";

  /**
   * The built-in scenarios as parsed, kept for the process (they are part of the jar, and the trees
   * are immutable): the default forecast reads its scenario once for each of its hypotheses, and
   * the hypotheses' variants extend it (docs/PERFORMANCE.md, "Session 12: the tail").
   */
  private static final Map<String, YamlTree.Parsed> BUILT_IN_PARSED = new ConcurrentHashMap<>();

  /** How many files an {@code extends} chain may hold. */
  static final int MAX_EXTENDS = 8;

  private static final List<String> BUILT_INS =
      List.of(
          "isis-2017",
          "isis-2017-merger",
          "isis-2017-border-sealed",
          "isis-2017-fast-offensives",
          "isis-2017-slow-offensives",
          "isis-2017-prosecution-doubled",
          "isis-2017-rehabilitation-up",
          "isis-2017-repatriation-organised",
          "mali-2013");
  private static final Pattern BUILT_IN_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private final Function<LocalDate, List<Origin>> sharedOrigins;
  private final LocalDate asOf;
  private final List<String> overrides;
  private final ScenarioValidator validator;

  private ScenarioReader(
      Function<LocalDate, List<Origin>> sharedOrigins,
      LocalDate asOf,
      List<String> overrides,
      ScenarioValidator validator) {
    this.sharedOrigins = sharedOrigins;
    this.asOf = asOf;
    this.overrides = overrides;
    this.validator = validator;
  }

  /**
   * A reader without shared data (a file saying {@code origins: shared-data} is then a problem),
   * without overrides, checking with {@link ScenarioValidator#withDefaults()}.
   */
  public static ScenarioReader withDefaults() {
    return new ScenarioReader(null, null, List.of(), ScenarioValidator.withDefaults());
  }

  /**
   * The same reader taking the origins of {@code origins: shared-data} from a data set.
   *
   * @param origins gives the origins known as of a date; it may throw {@link
   *     IllegalArgumentException} or {@link IllegalStateException} when it has none, which becomes
   *     a problem at the {@code origins} line
   */
  public ScenarioReader withSharedOrigins(Function<LocalDate, List<Origin>> origins) {
    return new ScenarioReader(Objects.requireNonNull(origins), asOf, overrides, validator);
  }

  /**
   * The same reader asking the shared data for origins as of this date instead of the first day of
   * the scenario's start month.
   *
   * @param date the as-of date, or null for the default
   */
  public ScenarioReader withAsOf(LocalDate date) {
    return new ScenarioReader(sharedOrigins, date, overrides, validator);
  }

  /**
   * The same reader applying overrides after each file is read, in order (a later one for the same
   * name wins).
   *
   * @param settings each {@code NAME=VALUE}, where VALUE is a number (fixed), {@code LOW..HIGH}
   *     (uniform), {@code uniform(LOW, HIGH)}, {@code triangular(LOW, MODE, HIGH)}, {@code
   *     loguniform(LOW, HIGH)} or {@code fixed(VALUE)}
   */
  public ScenarioReader withOverrides(List<String> settings) {
    return new ScenarioReader(sharedOrigins, asOf, List.copyOf(settings), validator);
  }

  /**
   * The same reader checking with another validator, for example one that knows the source ids of a
   * user's own data.
   *
   * @param checks the validator
   */
  public ScenarioReader withValidator(ScenarioValidator checks) {
    return new ScenarioReader(sharedOrigins, asOf, overrides, Objects.requireNonNull(checks));
  }

  /** The names of the built-in scenarios. */
  public static List<String> builtInNames() {
    return BUILT_INS;
  }

  /**
   * Reads a scenario file.
   *
   * @param file the YAML file
   * @return the scenario, valid
   * @throws ScenarioException if the file cannot be read or has any problem
   */
  public Scenario read(Path file) {
    List<Problem> problems = new ArrayList<>();
    Source source = Source.of(file, problems);
    return source == null ? fail(problems) : read(source, problems);
  }

  /**
   * Reads a built-in scenario.
   *
   * @param name a built-in name such as {@code isis-2017}
   * @return the scenario, valid (with the overrides applied)
   * @throws ScenarioException if there is no such scenario or it has a problem
   */
  public Scenario readBuiltIn(String name) {
    List<Problem> problems = new ArrayList<>();
    Source source = Source.builtIn(name, new Location(name, 0, 0), problems);
    return source == null ? fail(problems) : read(source, problems);
  }

  /**
   * Reads a scenario named the way a user names it: a path if it ends in {@code .yaml} or {@code
   * .yml} or holds a path separator, otherwise a built-in name.
   *
   * @param nameOrPath for example {@code isis-2017} or {@code scenarios/merger.yaml}
   * @return the scenario, valid
   * @throws ScenarioException if it cannot be found, read, or has any problem
   */
  public Scenario read(String nameOrPath) {
    if (!Source.isPath(nameOrPath)) {
      return readBuiltIn(nameOrPath);
    }
    try {
      return read(Path.of(nameOrPath));
    } catch (InvalidPathException e) {
      return fail(
          List.of(Problem.at(new Location(nameOrPath, 0, 0), "", null, "is not a valid path")));
    }
  }

  /**
   * Reads a scenario with its competing hypotheses and indicators (the optional {@code hypotheses:}
   * and {@code indicators:} sections), named as for {@link #read(String)}.
   *
   * @param nameOrPath a built-in name or a path
   * @return the scenario and its hypotheses (null if it declares none), both valid
   * @throws ScenarioException if it cannot be found, read, or has any problem
   */
  public HypothesisScenario readWithHypotheses(String nameOrPath) {
    List<Problem> problems = new ArrayList<>();
    Source source;
    if (Source.isPath(nameOrPath)) {
      try {
        source = Source.of(Path.of(nameOrPath), problems);
      } catch (InvalidPathException e) {
        return fail(
            List.of(Problem.at(new Location(nameOrPath, 0, 0), "", null, "is not a valid path")));
      }
    } else {
      source = Source.builtIn(nameOrPath, new Location(nameOrPath, 0, 0), problems);
    }
    return source == null ? fail(problems) : readBoth(source, problems);
  }

  /**
   * Reads a scenario with its hypotheses from text, as {@link #parse} does.
   *
   * @param yaml the YAML text
   * @param fileName the name used in problems
   * @return the scenario and its hypotheses (null if it declares none)
   * @throws ScenarioException if the text has any problem
   */
  public HypothesisScenario parseWithHypotheses(String yaml, String fileName) {
    return readBoth(new Source(fileName, yaml, null, "text:" + fileName), new ArrayList<>());
  }

  /**
   * Reads a scenario from text, such as an upload. An {@code extends} here may only name a built-in
   * scenario, since there is no directory to resolve a path against.
   *
   * @param yaml the YAML text
   * @param fileName the name used in problems
   * @return the scenario, valid
   * @throws ScenarioException if the text has any problem
   */
  public Scenario parse(String yaml, String fileName) {
    return read(new Source(fileName, yaml, null, "text:" + fileName), new ArrayList<>());
  }

  /**
   * Checks a scenario file, as {@code dispersal validate FILE} does.
   *
   * @param file the YAML file
   * @return every problem found, in file order; empty if the file is valid
   */
  public List<Problem> validate(Path file) {
    try {
      read(file);
      return List.of();
    } catch (ScenarioException e) {
      return e.problems();
    }
  }

  // ---------------------------------------------------------------- reading

  private Scenario read(Source source, List<Problem> problems) {
    return readBoth(source, problems).scenario();
  }

  private HypothesisScenario readBoth(Source source, List<Problem> problems) {
    Set<String> inherited = new HashSet<>();
    Node.Mapping root = resolve(source, new ArrayDeque<>(), inherited, problems);
    if (root == null) {
      return fail(problems);
    }
    if (MarkovScenarioReader.isMarkov(root)) {
      return fail(
          List.of(
              Problem.at(
                  root.at(), "kind", "markov", "is a Markov model: run it with dispersal bench")));
    }
    Map<String, Parameter> agents =
        AgentSection.read(root.get("agents"), validator.knownSources(), problems);
    Interpreter interpreter = new Interpreter(problems);
    Interpreter.Parts parts =
        interpreter.interpret(root.without("agents").without(HYPOTHESES).without(INDICATORS));
    Map<String, Location> locations = interpreter.locations();

    List<Origin> origins = parts.origins() == null ? List.of() : parts.origins();
    if (parts.sharedOrigins()) {
      origins = shared(parts, locations.get("origins"), problems);
    }

    Scenario skeleton =
        parts.drivers() == null
            ? null
            : scenario(parts, List.of(), Map.of(), locations.get(""), problems);
    Map<String, Parameter> parameters = new LinkedHashMap<>(parts.parameters());
    if (skeleton != null) {
      parameters.keySet().removeIf(n -> inherited.contains(n) && !isKnown(skeleton, n));
    }
    for (Setting setting : Setting.parseAll(overrides, problems)) {
      if (skeleton != null && !isKnown(skeleton, setting.name())) {
        problems.add(
            Problem.at(
                setting.nameAt(),
                "parameters." + setting.name(),
                null,
                ScenarioValidator.UNKNOWN_PARAMETER,
                KnownIds.nearest(setting.name(), ScenarioValidator.parameterNames(skeleton))));
      } else if (skeleton != null) {
        parameters.put(setting.name(), overridden(setting, parts.parameters(), skeleton));
        locations.put("parameters." + setting.name(), setting.nameAt());
        locations.put("parameters." + setting.name() + ".prior", setting.valueAt());
      }
    }

    Scenario scenario = scenario(parts, origins, parameters, locations.get(""), problems);
    if (scenario != null) {
      scenario = scenario.withExitPropensity(exitPropensity(parts, origins, problems));
    }
    if (scenario != null) {
      problems.addAll(
          validator.check(
              scenario, interpreter::filePath, path -> where(locations, path), parts.invalid()));
    }
    HypothesisSet hypotheses =
        HypothesesSection.read(
            root.get(HYPOTHESES),
            root.get(INDICATORS),
            scenario,
            validator.knownSources(),
            source.directory(),
            problems);
    if (!problems.isEmpty() || scenario == null || parts.drivers() == null) {
      return fail(problems);
    }
    return new HypothesisScenario(AgentSection.apply(scenario, agents, root.at()), hypotheses);
  }

  private static boolean isKnown(Scenario skeleton, String name) {
    return ModelParameters.isKnown(skeleton, name);
  }

  /**
   * Parses a source and lays it over the scenario it extends, recursively.
   *
   * @param inherited receives the names of the parameters the outermost file inherits rather than
   *     gives itself
   * @return the merged top-level mapping, or null if this file or one it extends is unreadable
   */
  private Node.Mapping resolve(
      Source source, Deque<String> chain, Set<String> inherited, List<Problem> problems) {
    YamlTree.Parsed parsed =
        source.identity().startsWith(BUILT_IN_IDENTITY)
            ? BUILT_IN_PARSED.computeIfAbsent(
                source.identity(), id -> YamlTree.parse(source.text(), source.display()))
            : YamlTree.parse(source.text(), source.display());
    problems.addAll(parsed.problems());
    if (parsed.root() == null) {
      return null;
    }
    if (!(parsed.root() instanceof Node.Mapping mapping)) {
      problems.add(
          Problem.at(
              parsed.root().at(),
              "",
              parsed.root().render(),
              "must be a mapping of scenario sections",
              Interpreter.TOP_KEYS));
      return null;
    }
    Node.Entry extendsEntry = mapping.entry("extends");
    if (extendsEntry == null) {
      return mapping;
    }
    Node.Mapping own = mapping.without("extends");
    Node target = extendsEntry.value();
    if (!(target instanceof Node.Scalar s) || s.kind() != Node.Kind.STRING) {
      problems.add(
          Problem.at(
              target.at(),
              "extends",
              target.render(),
              "must name a built-in scenario or a file",
              BUILT_INS));
      return null;
    }
    Source parent = source.locate(s.text(), target.at(), problems);
    if (parent == null) {
      return null;
    }
    chain.push(source.identity());
    if (chain.contains(parent.identity()) || chain.size() >= MAX_EXTENDS) {
      String message =
          chain.contains(parent.identity())
              ? "extends a scenario that extends this one"
              : "starts a chain of more than " + MAX_EXTENDS + " extended scenarios";
      problems.add(Problem.at(target.at(), "extends", s.text(), message));
      chain.pop();
      return null;
    }
    Node.Mapping base = resolve(parent, chain, inherited, problems);
    chain.pop();
    return base == null ? null : merge(base, own, inherited);
  }

  /**
   * Lays a file over the scenario it extends: sections replace, parameters merge by name.
   *
   * @param inherited receives the names of the parameters that come from {@code base} alone
   */
  static Node.Mapping merge(Node.Mapping base, Node.Mapping own, Set<String> inherited) {
    inherited.clear();
    Node.Mapping merged = base.overlay(own);
    if (!(base.get("parameters") instanceof Node.Mapping b)) {
      return merged;
    }
    Node.Entry ownParameters = own.entry("parameters");
    if (ownParameters == null) {
      b.entries().forEach(e -> inherited.add(e.key()));
      return merged;
    }
    if (!(ownParameters.value() instanceof Node.Mapping o)) {
      return merged;
    }
    b.entries().stream().filter(e -> o.entry(e.key()) == null).forEach(e -> inherited.add(e.key()));
    Node.Entry both = new Node.Entry("parameters", ownParameters.keyAt(), b.overlay(o));
    return new Node.Mapping(
        merged.at(),
        merged.entries().stream().map(e -> e.key().equals("parameters") ? both : e).toList());
  }

  private List<Origin> shared(Interpreter.Parts parts, Location at, List<Problem> problems) {
    if (sharedOrigins == null) {
      problems.add(
          Problem.at(
              at,
              "origins",
              Interpreter.SHARED_DATA,
              "needs the shared data set, which was not given to the reader",
              List.of("a list of origins")));
      return List.of();
    }
    LocalDate date = asOf != null ? asOf : parts.start() == null ? null : parts.start().atDay(1);
    if (date == null) {
      return List.of();
    }
    try {
      return List.copyOf(sharedOrigins.apply(date));
    } catch (IllegalArgumentException | IllegalStateException e) {
      problems.add(
          Problem.at(
              at,
              "origins",
              Interpreter.SHARED_DATA,
              "cannot be read as of " + date + ": " + e.getMessage()));
      return List.of();
    }
  }

  /**
   * Each origin's exit propensity: estimated from the origins' figures ({@link
   * ExitPropensityEstimator}) when the file asks for it ({@code estimated}), m = 1 everywhere
   * otherwise (the default, docs/MODEL.md says why); the multipliers the file gives for some
   * origins replace the estimate of those origins.
   */
  static ExitPropensity exitPropensity(
      Interpreter.Parts parts, List<Origin> origins, List<Problem> problems) {
    Interpreter.ExitPropensitySection section = parts.exitPropensity();
    String method = section != null && section.method() != null ? section.method() : "none";
    double k =
        section != null && section.pseudoTravellers() != null
            ? section.pseudoTravellers()
            : ExitPropensityEstimator.PSEUDO_TRAVELLERS;
    ExitPropensity base =
        method.equals("estimated")
            ? ExitPropensityEstimator.estimate(origins, k)
            : ExitPropensity.NONE;
    if (section == null || section.origins().isEmpty()) {
      return base;
    }
    Set<String> ids = new HashSet<>();
    origins.forEach(o -> ids.add(o.id()));
    Map<String, Double> m = new LinkedHashMap<>(base.multipliers());
    for (Map.Entry<String, Double> e : section.origins().entrySet()) {
      if (!ids.contains(e.getKey())) {
        problems.add(
            Problem.at(
                section.at(),
                "exit_propensity.origins." + e.getKey(),
                e.getKey(),
                "is not an origin of the scenario",
                KnownIds.nearest(e.getKey(), List.copyOf(ids))));
      } else {
        m.put(e.getKey(), e.getValue());
      }
    }
    String basis =
        base == ExitPropensity.NONE
            ? ExitPropensity.BASIS_FILE
            : ExitPropensity.BASIS_ESTIMATED_AND_FILE;
    return new ExitPropensity(basis, base.pseudoTravellers(), base.pooledShare(), m);
  }

  private static Scenario scenario(
      Interpreter.Parts parts,
      List<Origin> origins,
      Map<String, Parameter> parameters,
      Location at,
      List<Problem> problems) {
    try {
      return new Scenario(
          parts.name(),
          parts.description(),
          parts.start(),
          parts.months(),
          parts.regions(),
          origins,
          parts.places(),
          parts.groups(),
          parts.dispatchTargets(),
          parts.drivers(),
          parameters);
    } catch (IllegalArgumentException e) {
      problems.add(Problem.at(at, "", null, e.getMessage()));
      return null;
    }
  }

  /**
   * The parameter a setting makes: the file's parameter of that name (or, for a region-qualified
   * name the file lacks, its base parameter) with the new prior and the override marked in its
   * description; a parameter the file lacks altogether takes the catalogue's meaning.
   */
  private static Parameter overridden(
      Setting setting, Map<String, Parameter> fromFile, Scenario skeleton) {
    String name = setting.name();
    Parameter old = fromFile.get(name);
    if (old == null) {
      old = fromFile.get(ScenarioValidator.baseName(skeleton, name));
    }
    if (old == null) {
      return new Parameter(
          name,
          setting.prior(),
          "",
          List.of(),
          OVERRIDE_ASSUMPTION,
          ModelParameters.required(skeleton).getOrDefault(name, name) + " " + OVERRIDE_MARK);
    }
    String description =
        old.description() == null || old.description().isBlank()
            ? OVERRIDE_MARK
            : old.description() + " " + OVERRIDE_MARK;
    return new Parameter(
        name, setting.prior(), old.unit(), old.sources(), old.assumption(), description);
  }

  /** The location of a field path, or of the nearest enclosing field that was written. */
  private static Location where(Map<String, Location> locations, String path) {
    String p = path;
    while (true) {
      Location at = locations.get(p);
      if (at != null) {
        return at;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) {
        return locations.get("");
      }
      p = p.substring(0, cut);
    }
  }

  /** Throws the problems, de-duplicated, files in order of first mention, each in line order. */
  private static <T> T fail(List<Problem> problems) {
    List<String> files = new ArrayList<>();
    for (Problem p : problems) {
      if (!files.contains(p.file())) {
        files.add(p.file());
      }
    }
    List<Problem> sorted = new ArrayList<>(new LinkedHashSet<>(problems));
    sorted.sort(
        Comparator.comparingInt((Problem p) -> files.indexOf(p.file()))
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column));
    throw new ScenarioException(sorted);
  }

  /**
   * The text of one scenario file with what is needed to resolve its {@code extends}.
   *
   * @param display the name shown in problems
   * @param text the YAML text
   * @param directory the directory that relative paths start from, or null if paths are not allowed
   * @param identity what makes two sources the same, for finding cycles
   */
  private record Source(String display, String text, Path directory, String identity) {

    static boolean isPath(String name) {
      return name.endsWith(".yaml")
          || name.endsWith(".yml")
          || name.contains("/")
          || name.contains("\\");
    }

    static Source of(Path file, List<Problem> problems) {
      Location at = new Location(file.toString(), 0, 0);
      try {
        String text =
            StandardCharsets.UTF_8
                .newDecoder()
                .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
        Path absolute = file.toAbsolutePath().normalize();
        return new Source(file.toString(), text, absolute.getParent(), absolute.toString());
      } catch (NoSuchFileException e) {
        problems.add(Problem.at(at, "", null, "does not exist"));
      } catch (CharacterCodingException e) {
        problems.add(Problem.at(at, "", null, "is not UTF-8 text"));
      } catch (IOException e) {
        problems.add(Problem.at(at, "", null, "cannot be read: " + e.getMessage()));
      }
      return null;
    }

    static Source builtIn(String name, Location at, List<Problem> problems) {
      String resource = BUILT_IN_DIRECTORY + name + ".yaml";
      InputStream in =
          BUILT_IN_NAME.matcher(name).matches()
              ? ScenarioReader.class.getClassLoader().getResourceAsStream(resource)
              : null;
      if (in == null) {
        problems.add(Problem.at(at, "", name, "is not a built-in scenario", BUILT_INS));
        return null;
      }
      try (in) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Source(name + ".yaml", text, null, BUILT_IN_IDENTITY + name);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the built-in " + resource, e);
      }
    }

    /** The source an {@code extends} value names, or null after recording why there is none. */
    Source locate(String target, Location at, List<Problem> problems) {
      if (!isPath(target)) {
        List<Problem> found = new ArrayList<>();
        Source parent = builtIn(target, at, found);
        for (Problem p : found) {
          problems.add(Problem.at(at, "extends", p.value(), p.message(), p.allowed()));
        }
        return parent;
      }
      if (directory == null) {
        problems.add(
            Problem.at(
                at,
                "extends",
                target,
                "is a path, but this scenario is not a file; name a built-in scenario",
                BUILT_INS));
        return null;
      }
      Path file;
      try {
        file = directory.resolve(target).normalize();
      } catch (InvalidPathException e) {
        problems.add(Problem.at(at, "extends", target, "is not a valid path"));
        return null;
      }
      List<Problem> found = new ArrayList<>();
      Source parent = of(file, found);
      for (Problem p : found) {
        problems.add(Problem.at(at, "extends", target, p.message()));
      }
      return parent;
    }
  }

  /**
   * The text of a scenario file, or of a built-in scenario by name, as written; null when there is
   * neither.
   */
  public static String text(String nameOrPath) {
    try {
      Path p = Path.of(nameOrPath);
      if (Files.isRegularFile(p)) {
        return Files.readString(p, StandardCharsets.UTF_8);
      }
      try (InputStream in =
          ScenarioReader.class
              .getClassLoader()
              .getResourceAsStream(BUILT_IN_DIRECTORY + nameOrPath + ".yaml")) {
        return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
