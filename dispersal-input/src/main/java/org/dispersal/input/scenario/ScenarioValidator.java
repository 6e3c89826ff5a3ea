package org.dispersal.input.scenario;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.dispersal.model.ModelParameters;
import org.dispersal.model.Origin;
import org.dispersal.model.Parameter;
import org.dispersal.model.Place;
import org.dispersal.model.Prior;
import org.dispersal.model.Range;
import org.dispersal.model.Region;
import org.dispersal.model.Scenario;
import org.dispersal.model.Step;
import org.dispersal.model.Stronghold;

/**
 * The rules a scenario must meet beyond its records' own checks: known country codes, regions,
 * third theatres and source ids; no repeated ids; every required parameter present and no unknown
 * one; probabilities within [0, 1] and everything else non-negative; shares that share one
 * population summing to at most 1; strongholds lost before the start.
 *
 * <p>{@link ScenarioReader} runs these rules on every file it reads, with each problem placed at
 * the line that caused it. {@link #check(Scenario)} runs them on a scenario built or changed in
 * code, where no position is known.
 *
 * <p>Instances are immutable; {@link #withDefaults()} accepts the {@code source_id}s of the shipped
 * {@code sources.csv} and {@code priors/literature.csv}.
 */
public final class ScenarioValidator {

  /** The longest forecast horizon, in months. */
  public static final int MAX_MONTHS = 240;

  /** Parameters that are probabilities whatever their name says. */
  static final Set<String> PROBABILITY_NAMES =
      Set.of("border_closure", "route_screening", "rehabilitation_effect");

  /** Pairs of shares of one population, whose upper ends must not sum to more than 1. */
  static final List<List<String>> SHARE_PAIRS =
      List.of(
          List.of(ModelParameters.Base.SHARE_WOMEN.id(), ModelParameters.Base.SHARE_MINORS.id()),
          List.of(
              ModelParameters.Base.SHARE_KILLED_BY_START.id(),
              ModelParameters.Base.SHARE_RETURNED_BY_START.id()));

  static final String NOT_A_COUNTRY = "is not an ISO 3166-1 alpha-3 country code (or XKX)";
  static final String UNKNOWN_SOURCE = "is not a known source id";
  static final String UNKNOWN_PARAMETER = "is not a parameter of this scenario";
  static final String DUPLICATE_ID = "is used by an earlier entry; ids must be unique";
  static final String MONTHS_RANGE = "must be a whole number from 1 to " + MAX_MONTHS;

  /** Tolerance on the sum of two shares, for decimal fractions that doubles cannot hold. */
  private static final double SUM_TOLERANCE = 1e-9;

  private final Set<String> sources;

  private ScenarioValidator(Set<String> sources) {
    this.sources = sources;
  }

  /** A validator that accepts the source ids of the shipped sources and literature tables. */
  public static ScenarioValidator withDefaults() {
    return new ScenarioValidator(Shipped.SOURCES);
  }

  /**
   * The same validator accepting exactly these source ids, for scenarios that cite a data set of
   * their own.
   *
   * @param ids the {@code source_id}s that {@code source:} lists may name
   */
  public ScenarioValidator withKnownSources(Collection<String> ids) {
    return new ScenarioValidator(Collections.unmodifiableSet(new TreeSet<>(ids)));
  }

  /** The source ids that {@code source:} lists may name. */
  public Set<String> knownSources() {
    return sources;
  }

  /**
   * Checks a scenario built or changed in code. Problems name the scenario instead of a file and
   * carry no line or column.
   *
   * @param scenario the scenario to check
   * @return every problem found, empty if the scenario is valid
   */
  public List<Problem> check(Scenario scenario) {
    Location nowhere = new Location(Objects.toString(scenario.name(), "scenario"), 0, 0);
    return check(scenario, path -> path, path -> nowhere, Set.of());
  }

  /**
   * Checks a scenario read from a file.
   *
   * @param s the scenario, possibly missing the parts that could not be read; without drivers, the
   *     rules that depend on them (parameter names, strongholds) are skipped
   * @param field the path in the file of a path into the scenario
   * @param where the location of a path in the file
   * @param invalid names of parameters that were given but could not be read, which are not also
   *     reported as missing
   */
  List<Problem> check(
      Scenario s,
      Function<String, String> field,
      Function<String, Location> where,
      Set<String> invalid) {
    Run run = new Run(s, field, where);
    run.months();
    run.regions();
    run.places();
    run.groups();
    run.dispatchTargets();
    run.origins();
    run.strongholds();
    run.parameters(invalid);
    return run.out;
  }

  /**
   * Whether a parameter is a probability: its base name (without a region qualifier) starts with
   * {@code share_}, ends with {@code _share} or {@code _probability}, is one of {@link
   * #PROBABILITY_NAMES}, or it is named by a border-closure, route-screening or rehabilitation
   * step.
   */
  static boolean isProbability(Scenario s, String name) {
    String base = baseName(s, name);
    if (base.startsWith("share_")
        || base.endsWith("_share")
        || base.endsWith("_probability")
        || PROBABILITY_NAMES.contains(base)) {
      return true;
    }
    if (s.drivers() == null) {
      return false;
    }
    for (List<Step> series :
        List.of(
            s.drivers().borderClosure(),
            s.drivers().routeScreening(),
            s.drivers().rehabilitation())) {
      for (Step step : series) {
        if (step.parameter().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The name without a trailing region qualifier. */
  static String baseName(Scenario s, String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && s.region(name.substring(dot + 1)) != null ? name.substring(0, dot) : name;
  }

  /** Every name a parameter of this scenario may have, for suggestions. */
  static List<String> parameterNames(Scenario s) {
    List<String> out = new ArrayList<>(ModelParameters.required(s).keySet());
    for (ModelParameters.Base b : ModelParameters.Base.values()) {
      for (Region r : s.regions()) {
        out.add(b.id() + "." + r.id());
      }
    }
    return out;
  }

  /** A range as written in a file: a single number or {@code [low, high]}. */
  static String render(Range r) {
    return r.low() == r.high() ? Integer.toString(r.low()) : "[" + r.low() + ", " + r.high() + "]";
  }

  /** A number without a trailing {@code .0}. */
  static String plain(double value) {
    return Double.isFinite(value)
        ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
        : Double.toString(value);
  }

  /** One pass over a scenario. */
  private final class Run {
    private final Scenario s;
    private final Function<String, String> field;
    private final Function<String, Location> where;
    private final List<Problem> out = new ArrayList<>();

    Run(Scenario s, Function<String, String> field, Function<String, Location> where) {
      this.s = s;
      this.field = field;
      this.where = where;
    }

    private void add(String path, String value, String message, List<String> allowed) {
      String inFile = field.apply(path);
      out.add(Problem.at(where.apply(inFile), inFile, value, message, allowed));
    }

    private void add(String path, String value, String message) {
      add(path, value, message, List.of());
    }

    private void unique(Set<String> seen, String id, String path) {
      if (!seen.add(id)) {
        add(path, id, DUPLICATE_ID);
      }
    }

    private void country(String code, String path) {
      if (!KnownIds.isCountry(code)) {
        add(path, code, NOT_A_COUNTRY, KnownIds.nearest(code, KnownIds.allCountries()));
      }
    }

    private void source(String id, String path) {
      if (id == null || !sources.contains(id)) {
        add(path, id, UNKNOWN_SOURCE, KnownIds.nearest(id, sources));
      }
    }

    void months() {
      if (s.months() < 1 || s.months() > MAX_MONTHS) {
        add("months", Integer.toString(s.months()), MONTHS_RANGE);
      }
    }

    void regions() {
      List<String> theatres = s.thirdTheatres().stream().map(Place::id).toList();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < s.regions().size(); i++) {
        Region r = s.regions().get(i);
        unique(seen, r.id(), "regions[" + i + "].id");
        for (int j = 0; j < r.nearTheatres().size(); j++) {
          String t = r.nearTheatres().get(j);
          if (!theatres.contains(t)) {
            add(
                "regions[" + i + "].near_theatres[" + j + "]",
                t,
                "is not a third theatre",
                theatres);
          }
        }
      }
    }

    void places() {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < s.places().size(); i++) {
        Place p = s.places().get(i);
        unique(seen, p.id(), "places[" + i + "].id");
        for (int j = 0; j < p.countries().size(); j++) {
          country(p.countries().get(j), "places[" + i + "].countries[" + j + "]");
        }
      }
    }

    void groups() {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < s.groups().size(); i++) {
        unique(seen, s.groups().get(i).id(), "groups[" + i + "].id");
      }
    }

    void dispatchTargets() {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < s.dispatchTargets().size(); i++) {
        String path = "dispatch_targets[" + i + "]";
        country(s.dispatchTargets().get(i), path);
        unique(seen, s.dispatchTargets().get(i), path);
      }
    }

    void origins() {
      List<String> regions = s.regions().stream().map(Region::id).toList();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < s.origins().size(); i++) {
        Origin o = s.origins().get(i);
        String path = "origins[" + i + "]";
        if (o.country()) {
          country(o.id(), path + ".id");
        }
        unique(seen, o.id(), path + ".id");
        if (s.region(o.region()) == null) {
          add(path + ".region", o.region(), "is not a region of the scenario", regions);
        }
        for (int j = 0; j < o.sources().size(); j++) {
          source(o.sources().get(j), path + ".source[" + j + "]");
        }
        within(o.travelled(), o.women(), path + ".women");
        within(o.travelled(), o.minors(), path + ".minors");
        within(o.travelled(), o.killed(), path + ".stocks.killed");
        within(o.travelled(), o.killedAtLeast(), path + ".killed_at_least");
        within(o.travelled(), o.returned(), path + ".stocks.returned");
      }
    }

    private void within(Range travelled, Range part, String path) {
      if (part != null && part.low() > travelled.high()) {
        add(path, render(part), "exceeds the travelled figure " + render(travelled));
      }
    }

    void strongholds() {
      if (s.drivers() == null) {
        return;
      }
      Set<String> seen = new HashSet<>();
      List<Stronghold> all = s.drivers().strongholds();
      for (int i = 0; i < all.size(); i++) {
        Stronghold h = all.get(i);
        String path = "drivers.strongholds[" + i + "]";
        unique(seen, h.id(), path + ".id");
        country(h.country(), path + ".country");
        if (h.lostOn() != null
            && s.start() != null
            && YearMonth.from(h.lostOn()).isAfter(s.start())) {
          add(
              path + ".lost",
              h.lostOn().toString(),
              "is after the start month "
                  + s.start()
                  + "; a stronghold still held at the start needs fall_parameter");
        }
        if (h.source() != null) {
          source(h.source(), path + ".source");
        }
      }
    }

    void parameters(Set<String> invalid) {
      List<String> names = null;
      for (Map.Entry<String, Parameter> e : s.parameters().entrySet()) {
        String name = e.getKey();
        String path = "parameters." + name;
        Parameter p = e.getValue();
        if (s.drivers() != null && !ModelParameters.isKnown(s, name)) {
          names = names == null ? parameterNames(s) : names;
          add(path, null, UNKNOWN_PARAMETER, KnownIds.nearest(name, names));
        }
        for (int j = 0; j < p.sources().size(); j++) {
          source(p.sources().get(j), path + ".source[" + j + "]");
        }
        bounds(name, p.prior(), path + ".prior");
      }
      for (List<String> pair : SHARE_PAIRS) {
        pair(pair.get(0), pair.get(1), "");
        for (Region r : s.regions()) {
          pair(pair.get(0), pair.get(1), "." + r.id());
        }
      }
      if (s.drivers() == null) {
        return;
      }
      Map<String, String> required = ModelParameters.required(s);
      for (String name : ModelParameters.missing(s)) {
        if (!invalid.contains(name)) {
          add("parameters." + name, null, "is required: " + required.get(name));
        }
      }
    }

    private void bounds(String name, Prior prior, String path) {
      if (isProbability(s, name)) {
        if (outside(prior)) {
          add(path, prior.describe(), "is a probability and must lie in [0, 1]");
        }
      } else if (prior.low() < 0) {
        add(path, prior.describe(), "must not be negative");
      }
    }

    /** Whether a share's prior leaves [0, 1], which {@link #bounds} reports by itself. */
    private boolean outside(Prior prior) {
      return prior.low() < 0 || prior.high() > 1;
    }

    private void pair(String first, String second, String qualifier) {
      Map<String, Parameter> params = s.parameters();
      Parameter a = params.get(first + qualifier);
      Parameter b = params.get(second + qualifier);
      if (!qualifier.isEmpty() && a == null && b == null) {
        return;
      }
      String nameA = a == null ? first : first + qualifier;
      String nameB = b == null ? second : second + qualifier;
      a = a == null ? params.get(first) : a;
      b = b == null ? params.get(second) : b;
      if (a == null || b == null || outside(a.prior()) || outside(b.prior())) {
        return;
      }
      double sum = a.prior().high() + b.prior().high();
      if (sum > 1 + SUM_TOLERANCE) {
        add(
            "parameters." + nameB + ".prior",
            b.prior().describe(),
            "and "
                + nameA
                + " ("
                + a.prior().describe()
                + ") can sum to more than 1: upper ends "
                + plain(a.prior().high())
                + " + "
                + plain(b.prior().high())
                + " = "
                + BigDecimal.valueOf(a.prior().high())
                    .add(BigDecimal.valueOf(b.prior().high()))
                    .stripTrailingZeros()
                    .toPlainString());
      }
    }
  }

  /** The shipped source ids, read once. */
  private static final class Shipped {
    static final Set<String> SOURCES = Collections.unmodifiableSet(KnownIds.shippedSources());
  }
}
