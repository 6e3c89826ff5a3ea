package org.dispersal.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;

/**
 * The agent-only features a pathway scenario switches on, each driven by named parameters of the
 * scenario (with priors and sources like any other parameter, drawn per replication). Only the
 * per-agent engine can simulate them; a scenario without any is run by the cohort engine under
 * {@code --engine auto}.
 *
 * <ul>
 *   <li><b>Time in state</b>: the time a person spends in a state is drawn on entry from a
 *       discretised log-normal, L = max(1, round(m · exp(σ Z))) months with Z standard normal, m =
 *       {@code agents.time_in_state.STATE.median_months} and σ = {@code
 *       agents.time_in_state.STATE.dispersion}, instead of the state's monthly hazard; where the
 *       person goes on leaving still follows the month's rows. For {@code dispatched} this is the
 *       arrival-to-plot lag (Malet and Hayes 2018, PRIORS T8: median 5 months).
 *   <li><b>Recruitment networks</b>: people who travelled together form clusters (within a cohort)
 *       of size 1 + Geometric with mean {@code agents.networks.cluster_size_mean}. When a member
 *       returns or is dispatched, the others' hazard of making the same move (from transit; from
 *       theatre, of leaving for transit) is multiplied by {@code
 *       agents.networks.follow_multiplier}.
 *   <li><b>Heterogeneity</b>: each person carries a propensity z ~ Gamma(k, 1/k) (mean 1, variance
 *       1/k) with k = {@code agents.heterogeneity.STATE.shape}, which multiplies the monthly hazard
 *       of leaving that state.
 * </ul>
 *
 * @param timeInState states whose duration is drawn from a lag distribution
 * @param networks the recruitment-network parameters, or null when off
 * @param heterogeneity states whose leaving hazard varies between people
 */
public record AgentFeatures(
    List<TimeInState> timeInState, Networks networks, List<Heterogeneity> heterogeneity) {

  /** Prefix of every agent-only parameter. */
  public static final String PREFIX = "agents.";

  /** Prefix of the time-in-state parameters. */
  public static final String TIME_IN_STATE = PREFIX + "time_in_state.";

  /** Suffix of a time-in-state median. */
  public static final String MEDIAN = ".median_months";

  /** Suffix of a time-in-state dispersion. */
  public static final String DISPERSION = ".dispersion";

  /** The mean cluster size of recruitment networks. */
  public static final String CLUSTER_SIZE = PREFIX + "networks.cluster_size_mean";

  /** The factor on the hazard of following a cluster member. */
  public static final String FOLLOW = PREFIX + "networks.follow_multiplier";

  /** Prefix of the heterogeneity parameters. */
  public static final String HETEROGENEITY = PREFIX + "heterogeneity.";

  /** Suffix of a heterogeneity shape. */
  public static final String SHAPE = ".shape";

  /** No agent-only feature. */
  public static final AgentFeatures NONE = new AgentFeatures(List.of(), null, List.of());

  /** Copies the lists and checks that no state is listed twice or under two features. */
  public AgentFeatures {
    timeInState = List.copyOf(timeInState);
    heterogeneity = List.copyOf(heterogeneity);
    List<State> seen = new ArrayList<>();
    for (TimeInState t : timeInState) {
      if (seen.contains(t.state())) {
        throw new IllegalArgumentException("time in state given twice for " + t.state().id());
      }
      seen.add(t.state());
    }
    for (Heterogeneity h : heterogeneity) {
      if (seen.contains(h.state())) {
        throw new IllegalArgumentException(
            "state "
                + h.state().id()
                + " cannot have both a time-in-state distribution and heterogeneity");
      }
      seen.add(h.state());
    }
  }

  /**
   * A state whose duration follows a lag distribution.
   *
   * @param state the state
   * @param medianParameter the parameter giving the median duration in months
   * @param dispersionParameter the parameter giving σ of the log-normal
   */
  public record TimeInState(State state, String medianParameter, String dispersionParameter) {}

  /**
   * Recruitment networks.
   *
   * @param clusterSizeParameter the parameter giving the mean cluster size (at least 1)
   * @param followMultiplierParameter the parameter giving the factor on the hazard of following
   */
  public record Networks(String clusterSizeParameter, String followMultiplierParameter) {}

  /**
   * Per-person propensities for leaving a state.
   *
   * @param state the state
   * @param shapeParameter the parameter giving the gamma shape k
   */
  public record Heterogeneity(State state, String shapeParameter) {}

  /** Whether any agent-only feature is on. */
  public boolean any() {
    return !timeInState.isEmpty() || networks != null || !heterogeneity.isEmpty();
  }

  /** Short names of the features that are on, for messages and manifests. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    for (TimeInState t : timeInState) {
      out.add("time_in_state." + t.state().id());
    }
    if (networks != null) {
      out.add("networks");
    }
    for (Heterogeneity h : heterogeneity) {
      out.add("heterogeneity." + h.state().id());
    }
    return out;
  }

  /**
   * The features a scenario switches on through its {@code agents.*} parameters.
   *
   * @throws IllegalArgumentException naming the parameter, if one is not a known agent parameter,
   *     names an unknown or absorbing state, or lacks its partner
   */
  public static AgentFeatures of(Scenario s) {
    Map<State, String[]> timed = new LinkedHashMap<>();
    Map<State, String> shapes = new LinkedHashMap<>();
    String cluster = null;
    String follow = null;
    for (String name : s.parameters().keySet()) {
      if (!name.startsWith(PREFIX)) {
        continue;
      }
      if (name.equals(CLUSTER_SIZE)) {
        cluster = name;
      } else if (name.equals(FOLLOW)) {
        follow = name;
      } else if (name.startsWith(TIME_IN_STATE) && name.endsWith(MEDIAN)) {
        state(name, TIME_IN_STATE, MEDIAN, timed)[0] = name;
      } else if (name.startsWith(TIME_IN_STATE) && name.endsWith(DISPERSION)) {
        state(name, TIME_IN_STATE, DISPERSION, timed)[1] = name;
      } else if (name.startsWith(HETEROGENEITY) && name.endsWith(SHAPE)) {
        State st = movable(name, name.substring(HETEROGENEITY.length(), name.length() - 6));
        shapes.put(st, name);
      } else {
        throw new IllegalArgumentException(
            "parameter " + name + " is not an agent parameter; known: " + known());
      }
    }
    List<TimeInState> tis = new ArrayList<>();
    for (Map.Entry<State, String[]> e : timed.entrySet()) {
      String[] p = e.getValue();
      String id = TIME_IN_STATE + e.getKey().id();
      if (p[0] == null || p[1] == null) {
        throw new IllegalArgumentException(
            "time in state "
                + e.getKey().id()
                + " needs both "
                + id
                + MEDIAN
                + " and "
                + id
                + DISPERSION);
      }
      tis.add(new TimeInState(e.getKey(), p[0], p[1]));
    }
    if ((cluster == null) != (follow == null)) {
      throw new IllegalArgumentException(
          "recruitment networks need both " + CLUSTER_SIZE + " and " + FOLLOW);
    }
    List<Heterogeneity> het = new ArrayList<>();
    shapes.forEach((st, name) -> het.add(new Heterogeneity(st, name)));
    return new AgentFeatures(tis, cluster == null ? null : new Networks(cluster, follow), het);
  }

  private static String[] state(
      String name, String prefix, String suffix, Map<State, String[]> into) {
    State st = movable(name, name.substring(prefix.length(), name.length() - suffix.length()));
    return into.computeIfAbsent(st, k -> new String[2]);
  }

  private static State movable(String name, String id) {
    State st = State.byId(id);
    if (st == null) {
      throw new IllegalArgumentException("parameter " + name + ": " + id + " is not a state");
    }
    if (ABSORBING.contains(st)) {
      throw new IllegalArgumentException(
          "parameter " + name + ": nobody leaves " + id + ", so it takes no agent feature");
    }
    return st;
  }

  private static final List<State> ABSORBING =
      List.of(State.KILLED, State.PROSECUTED, State.RELOCATED, State.ARRESTED, State.ATTACK);

  private static String known() {
    return TIME_IN_STATE
        + "STATE"
        + MEDIAN
        + ", "
        + TIME_IN_STATE
        + "STATE"
        + DISPERSION
        + ", "
        + CLUSTER_SIZE
        + ", "
        + FOLLOW
        + ", "
        + HETEROGENEITY
        + "STATE"
        + SHAPE;
  }
}
