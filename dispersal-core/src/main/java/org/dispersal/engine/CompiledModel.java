package org.dispersal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.model.Demographic;
import org.dispersal.model.Group;
import org.dispersal.model.ModelParameters;
import org.dispersal.model.ModelParameters.Base;
import org.dispersal.model.Origin;
import org.dispersal.model.Place;
import org.dispersal.model.RepatriationPolicy;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;
import org.dispersal.random.RandomStreams;
import org.dispersal.random.RandomStreams.Purpose;

/**
 * A scenario laid out for fast simulation: the global list of compartments, the cohorts with their
 * local compartment layouts, and each cohort's parameter indices with region overrides resolved.
 *
 * <p>Every cohort has the same local layout: the fixed states first ({@link #IN_THEATRE} to {@link
 * #IN_CAMP}), then one compartment per joinable group, one per third theatre, and then for each
 * dispatch destination (home first, then the targets abroad) the triple dispatched, arrested,
 * attack.
 */
public final class CompiledModel implements SimulationModel {

  /** Local index of people in theatre. */
  public static final int IN_THEATRE = 0;

  /** Local index of people in transit. */
  public static final int TRANSIT = 1;

  /** Local index of the killed. */
  public static final int KILLED = 2;

  /** Local index of the detained. */
  public static final int DETAINED = 3;

  /** Local index of returnees not yet assessed. */
  public static final int RETURNED = 4;

  /** Local index of insurgents. */
  public static final int INSURGENT = 5;

  /** Local index of the prosecuted. */
  public static final int PROSECUTED = 6;

  /** Local index of disengaged returnees who cooperate. */
  public static final int COOPERATING = 7;

  /** Local index of disengaged returnees who do not cooperate. */
  public static final int NOT_COOPERATING = 8;

  /** Local index of people held in camps or prisons of a non-state custodian. */
  public static final int IN_CAMP = 9;

  /** Number of fixed local compartments. */
  public static final int FIXED = 10;

  /** Destination label of cooperating disengaged returnees. */
  public static final String COOPERATING_LABEL = "cooperating";

  /** Destination label of non-cooperating disengaged returnees. */
  public static final String NOT_COOPERATING_LABEL = "not_cooperating";

  private final Scenario scenario;
  private final List<Compartment> compartments = new ArrayList<>();
  private final Map<Compartment, Integer> compartmentIndex = new LinkedHashMap<>();
  private final List<Cohort> cohorts = new ArrayList<>();
  private final List<Cohort> cohortView = java.util.Collections.unmodifiableList(cohorts);
  private final List<String> parameterNames;
  private final int[][] cohortParameters;
  private final int groupCount;
  private final int theatreCount;
  private final int[] relocationWeight;
  private final int[] groupWeight;
  private final int[] targetWeight;
  private final Map<String, Integer> parameterIndex = new LinkedHashMap<>();
  private final boolean[][] nearTheatre;
  private final int[][] cohortTargetWeights;
  private final RepatriationPolicy[][] policies;

  /** Whether no origin's repatriation policy changes at month t (t ≥ 1; false at 0). */
  private final boolean[] samePolicies;

  private final int[] arrivalParameter;
  private final double[] originShare;
  private final double[] exitPropensity;
  private final boolean arrivals;
  private final int[] rowClass;

  /**
   * The prefix of the arrival-flow parameters: {@code arrivals_per_month.YYYY} is the number of
   * people who arrive in the core theatre each month of calendar year YYYY, all origins together. A
   * year without such a parameter has no arrivals; a scenario without any has none at all.
   */
  public static final String ARRIVALS_PER_MONTH = "arrivals_per_month.";

  /**
   * Lays out a scenario.
   *
   * @throws IllegalArgumentException if a required parameter is missing
   */
  public CompiledModel(Scenario scenario) {
    this.scenario = scenario;
    List<String> missing = ModelParameters.missing(scenario);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("scenario lacks parameters: " + missing);
    }
    parameterNames = List.copyOf(scenario.parameters().keySet());
    for (int i = 0; i < parameterNames.size(); i++) {
      parameterIndex.put(parameterNames.get(i), i);
    }
    List<Group> groups = scenario.joinableGroups();
    List<Place> theatres = scenario.thirdTheatres();
    groupCount = groups.size();
    theatreCount = theatres.size();
    relocationWeight = new int[theatreCount];
    for (int t = 0; t < theatreCount; t++) {
      relocationWeight[t] = parameter(ModelParameters.RELOCATION_WEIGHT + theatres.get(t).id());
    }
    groupWeight = new int[groupCount];
    for (int g = 0; g < groupCount; g++) {
      groupWeight[g] = parameter(ModelParameters.GROUP_WEIGHT + groups.get(g).id());
    }
    targetWeight = new int[scenario.dispatchTargets().size()];
    for (int t = 0; t < targetWeight.length; t++) {
      targetWeight[t] =
          parameter(ModelParameters.DISPATCH_TARGET_WEIGHT + scenario.dispatchTargets().get(t));
    }
    for (State s : State.values()) {
      if (!s.hasDestinations()) {
        global(new Compartment(s, ""));
      }
    }
    // A cohort's layout depends on its origin alone and its parameters on its origin's region
    // alone: each is found once, not once per demographic (the model is compiled before the first
    // replication, once per hypothesis).
    List<int[]> params = new ArrayList<>();
    Map<String, int[]> regionParameters = new java.util.HashMap<>();
    for (Origin o : scenario.origins()) {
      int region = scenario.regions().indexOf(scenario.region(o.region()));
      int[] layout = layout(o, groups, theatres);
      int[] p = regionParameters.computeIfAbsent(o.region(), this::baseParameters);
      for (Demographic d : Demographic.values()) {
        cohorts.add(new Cohort(cohorts.size(), o, d, region, layout));
        params.add(p);
      }
    }
    cohortParameters = params.toArray(new int[0][]);
    exitPropensity = new double[cohorts.size()];
    for (Cohort c : cohorts) {
      exitPropensity[c.index()] = scenario.exitPropensity().of(c.origin().id());
    }
    nearTheatre = new boolean[scenario.regions().size()][theatreCount];
    for (int r = 0; r < nearTheatre.length; r++) {
      for (int t = 0; t < theatreCount; t++) {
        nearTheatre[r][t] = scenario.regions().get(r).nearTheatres().contains(theatres.get(t).id());
      }
    }
    cohortTargetWeights = new int[cohorts.size()][];
    for (Cohort c : cohorts) {
      List<String> dest = destinations(c.origin());
      int[] w = new int[dest.size()];
      w[0] = -1;
      for (int d = 1; d < dest.size(); d++) {
        w[d] = targetWeight[scenario.dispatchTargets().indexOf(dest.get(d))];
      }
      cohortTargetWeights[c.index()] = w;
    }
    arrivalParameter = new int[scenario.months() + 1];
    boolean any = false;
    for (int t = 0; t <= scenario.months(); t++) {
      int year = scenario.start().plusMonths(t).getYear();
      arrivalParameter[t] = parameterIndex(ARRIVALS_PER_MONTH + year);
      any |= t < scenario.months() && arrivalParameter[t] >= 0;
    }
    arrivals = any;
    originShare = new double[scenario.origins().size()];
    double travelled = 0;
    for (Origin o : scenario.origins()) {
      travelled += o.travelled().mid();
    }
    for (int o = 0; o < originShare.length; o++) {
      originShare[o] =
          travelled > 0
              ? scenario.origins().get(o).travelled().mid() / travelled
              : 1.0 / originShare.length;
    }
    policies = new RepatriationPolicy[scenario.origins().size()][scenario.months() + 1];
    for (int o = 0; o < policies.length; o++) {
      for (int t = 0; t <= scenario.months(); t++) {
        policies[o][t] =
            scenario.drivers().repatriation().policy(scenario.origins().get(o).id(), t);
      }
    }
    samePolicies = new boolean[scenario.months() + 1];
    for (int t = 1; t <= scenario.months(); t++) {
      samePolicies[t] = true;
      for (RepatriationPolicy[] p : policies) {
        samePolicies[t] &= p[t] == p[t - 1];
      }
    }
    rowClass = new int[cohorts.size()];
    Map<RowInputs, Integer> classes = new LinkedHashMap<>();
    int demographics = Demographic.values().length;
    for (int o = 0; o < policies.length; o++) {
      // The cohorts of an origin, one per demographic, share all but their demographic.
      int first = o * demographics;
      List<Integer> parameters = java.util.Arrays.stream(cohortParameters[first]).boxed().toList();
      List<RepatriationPolicy> originPolicies = List.of(policies[o]);
      List<Integer> targetWeights =
          java.util.Arrays.stream(cohortTargetWeights[first]).boxed().toList();
      for (int i = first; i < first + demographics; i++) {
        Cohort c = cohorts.get(i);
        RowInputs key =
            new RowInputs(
                c.demographic(),
                c.regionIndex(),
                c.size(),
                parameters,
                exitPropensity[i],
                originPolicies,
                targetWeights);
        rowClass[i] = classes.computeIfAbsent(key, k -> classes.size());
      }
    }
  }

  /** The index of each base parameter for an origin region: the region's own, else the global. */
  private int[] baseParameters(String region) {
    int[] p = new int[Base.values().length];
    for (Base b : Base.values()) {
      Integer qualified = parameterIndex.get(b.id() + "." + region);
      p[b.ordinal()] = qualified != null ? qualified : parameter(b.id());
    }
    return p;
  }

  /**
   * Everything {@link MonthlyKernel#fill} reads of a cohort besides the replication: cohorts with
   * equal inputs get the same rows.
   */
  private record RowInputs(
      Demographic demographic,
      int region,
      int size,
      List<Integer> parameters,
      double exitPropensity,
      List<RepatriationPolicy> policies,
      List<Integer> targetWeights) {}

  /**
   * Cohorts of one origin region and demographic that share their exit propensity, repatriation
   * policies and dispatch destinations read the same parameters and layout, so {@link
   * MonthlyKernel#fill} gives them the same rows: they are one row class.
   */
  @Override
  public int rowClass(int cohort) {
    return rowClass[cohort];
  }

  /**
   * The multiplier of cohort c's hazard of leaving the theatre (in_theatre → transit): its origin's
   * exit propensity ({@link org.dispersal.model.ExitPropensity}), 1 for most origins.
   */
  public double exitPropensity(int c) {
    return exitPropensity[c];
  }

  private int[] layout(Origin o, List<Group> groups, List<Place> theatres) {
    List<Integer> local = new ArrayList<>();
    local.add(global(new Compartment(State.IN_THEATRE, "")));
    local.add(global(new Compartment(State.TRANSIT, "")));
    local.add(global(new Compartment(State.KILLED, "")));
    local.add(global(new Compartment(State.DETAINED, "")));
    local.add(global(new Compartment(State.RETURNED, "")));
    local.add(global(new Compartment(State.INSURGENT, "")));
    local.add(global(new Compartment(State.PROSECUTED, "")));
    local.add(global(new Compartment(State.DISENGAGED, COOPERATING_LABEL)));
    local.add(global(new Compartment(State.DISENGAGED, NOT_COOPERATING_LABEL)));
    local.add(global(new Compartment(State.IN_CAMP, "")));
    for (Group g : groups) {
      local.add(global(new Compartment(State.OTHER_GROUP, g.id())));
    }
    for (Place t : theatres) {
      local.add(global(new Compartment(State.RELOCATED, t.id())));
    }
    for (String dest : destinations(o)) {
      local.add(global(new Compartment(State.DISPATCHED, dest)));
      local.add(global(new Compartment(State.ARRESTED, dest)));
      local.add(global(new Compartment(State.ATTACK, dest)));
    }
    return local.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The dispatch destinations of an origin: home first, then the targets abroad. */
  public List<String> destinations(Origin o) {
    List<String> out = new ArrayList<>();
    out.add(o.id());
    for (String t : scenario.dispatchTargets()) {
      if (!t.equals(o.id())) {
        out.add(t);
      }
    }
    return out;
  }

  private int global(Compartment c) {
    return compartmentIndex.computeIfAbsent(
        c,
        k -> {
          compartments.add(k);
          return compartments.size() - 1;
        });
  }

  private int parameter(String name) {
    Integer i = parameterIndex.get(name);
    if (i == null) {
      throw new IllegalArgumentException("scenario lacks parameter " + name);
    }
    return i;
  }

  /** The scenario this model was compiled from. */
  public Scenario scenario() {
    return scenario;
  }

  /** All compartments any cohort can occupy, in a fixed order. */
  public List<Compartment> compartments() {
    return java.util.Collections.unmodifiableList(compartments);
  }

  /** The cohorts in their fixed order. */
  public List<Cohort> cohorts() {
    return cohortView;
  }

  @Override
  public int cohortCount() {
    return cohorts.size();
  }

  @Override
  public long cohortKey(int cohort) {
    Cohort c = cohorts.get(cohort);
    return RandomStreams.key(c.origin().id() + "/" + c.demographic().id());
  }

  @Override
  public int compartmentCount(int cohort) {
    return cohorts.get(cohort).size();
  }

  @Override
  public int months() {
    return scenario.months();
  }

  /**
   * Draws replication {@code replication}: its realization from the PARAMETERS and DRIVERS streams
   * of (seed, replication), its initial stocks from the INITIAL_STOCKS stream.
   */
  @Override
  public PathwayReplication replication(long seed, long replication) {
    Realization r =
        Realization.draw(
            this,
            RandomStreams.stream(seed, replication, Purpose.PARAMETERS),
            RandomStreams.stream(seed, replication, Purpose.DRIVERS));
    return new PathwayReplication(
        this, r, RandomStreams.stream(seed, replication, Purpose.INITIAL_STOCKS));
  }

  /**
   * Replication {@code replication} with given parameter values (a calibration particle, a
   * posterior draw, a design point): its driver paths from the DRIVERS stream and its initial
   * stocks from the INITIAL_STOCKS stream of (seed, replication), as {@link #replication(long,
   * long)} draws them.
   *
   * @param values parameter values in the order of {@link #parameterNames()}
   */
  public PathwayReplication replication(long seed, long replication, double[] values) {
    Realization r =
        Realization.fromValues(
            this, values, RandomStreams.stream(seed, replication, Purpose.DRIVERS));
    return new PathwayReplication(
        this, r, RandomStreams.stream(seed, replication, Purpose.INITIAL_STOCKS));
  }

  /** The local indices, in a cohort's layout, of the compartments of a state. */
  public int[] locals(int cohort, State state) {
    int[] global = cohorts.get(cohort).compartments();
    int[] out = new int[global.length];
    int n = 0;
    for (int j = 0; j < global.length; j++) {
      if (compartments.get(global[j]).state() == state) {
        out[n++] = j;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** Parameter names in the order of the value arrays of a {@link Realization}. */
  public List<String> parameterNames() {
    return parameterNames;
  }

  /** The index of a named parameter in value arrays, or -1. */
  public int parameterIndex(String name) {
    Integer i = parameterIndex.get(name);
    return i == null ? -1 : i;
  }

  /** The value index of a base parameter for a cohort, after region overrides. */
  int cohortParameter(int cohort, Base base) {
    return cohortParameters[cohort][base.ordinal()];
  }

  int groupCount() {
    return groupCount;
  }

  int theatreCount() {
    return theatreCount;
  }

  int relocationWeight(int theatre) {
    return relocationWeight[theatre];
  }

  int groupWeight(int group) {
    return groupWeight[group];
  }

  /**
   * The value index of the target weight of each dispatch destination of a cohort (home first,
   * marked -1, then the targets abroad).
   */
  int[] targetWeights(int cohort) {
    return cohortTargetWeights[cohort];
  }

  /**
   * Cohorts per origin, one per demographic: a constant, as {@code Demographic.values()} makes a
   * new array at every call (the kernel asks for a cohort's origin every cohort and month).
   */
  private static final int DEMOGRAPHICS = Demographic.values().length;

  /** The repatriation policy of a cohort's origin at month t. */
  public RepatriationPolicy policy(int cohort, int month) {
    return policies[cohort / DEMOGRAPHICS][month];
  }

  /** Whether no origin's repatriation policy changes at month t (t ≥ 1). */
  boolean samePolicies(int month) {
    return samePolicies[month];
  }

  /** Whether some month before the horizon falls in a year with an arrival-flow parameter. */
  @Override
  public boolean hasArrivals() {
    return arrivals;
  }

  /** The value index of the arrival-flow parameter of month t's calendar year, or -1. */
  int arrivalParameter(int month) {
    return arrivalParameter[month];
  }

  /**
   * A cohort's origin's share of the arrivals: its travelled figure (the middle of its range) over
   * all origins' (equal shares when no origin has travellers).
   */
  double originShare(int cohort) {
    return originShare[cohort / DEMOGRAPHICS];
  }

  /**
   * The cohort that children born to the people of a cohort join: the minors of the same origin for
   * a cohort of women, otherwise -1. Births are the model's one source of new people.
   */
  @Override
  public int birthCohort(int cohort) {
    return cohorts.get(cohort).demographic() == Demographic.WOMEN
        ? cohort - Demographic.WOMEN.ordinal() + Demographic.MINORS.ordinal()
        : -1;
  }

  /** Whether third theatre t is near the region with index r. */
  boolean isNear(int region, int theatre) {
    return nearTheatre[region][theatre];
  }

  /** First local index of the group compartments. */
  static int groupStart() {
    return FIXED;
  }

  /** First local index of the relocation compartments. */
  int theatreStart() {
    return FIXED + groupCount;
  }

  /** First local index of the dispatch triples. */
  int dispatchStart() {
    return FIXED + groupCount + theatreCount;
  }
}
