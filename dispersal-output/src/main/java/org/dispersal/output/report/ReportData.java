package org.dispersal.output.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.engine.Compartment;
import org.dispersal.ensemble.CompositeState;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.ensemble.Scope;
import org.dispersal.ensemble.Statistic;
import org.dispersal.input.data.Country;
import org.dispersal.input.data.SharedData;
import org.dispersal.model.Group;
import org.dispersal.model.Origin;
import org.dispersal.model.Place;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;
import org.dispersal.output.forecast.ForecastRun;

/**
 * Read access to a finished forecast for the report sections: statistics by scope and state, the
 * destination breakdowns of a state, and display names of destinations.
 */
final class ReportData {

  /** The months after the start that the headline reports, when within the horizon. */
  private static final int[] HEADLINE_MONTHS = {6, 12, 24, 36};

  private final ForecastRun run;
  private final EnsembleSummary summary;
  private final Scenario scenario;
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, Origin> origins = new HashMap<>();
  private SharedData countries;

  /** A destination of a state: its summary key and display name. */
  record Destination(int key, String id, String name) {}

  ReportData(ForecastRun run) {
    this.run = run;
    this.summary = run.summary();
    this.scenario = run.scenario();
    for (Origin o : scenario.origins()) {
      names.put(o.id(), o.name() == null || o.name().isBlank() ? o.id() : o.name());
      origins.put(o.id(), o);
    }
    for (Place p : scenario.places()) {
      names.put(p.id(), p.name() == null || p.name().isBlank() ? p.id() : p.name());
    }
  }

  ForecastRun run() {
    return run;
  }

  Scenario scenario() {
    return scenario;
  }

  EnsembleSummary summary() {
    return summary;
  }

  /** The last month of the forecast. */
  int horizon() {
    return scenario.months();
  }

  /** The headline months: 6, 12, 24 and 36 where within the horizon, and the horizon itself. */
  List<Integer> headlineMonths() {
    List<Integer> out = new ArrayList<>();
    for (int m : HEADLINE_MONTHS) {
      if (m <= horizon()) {
        out.add(m);
      }
    }
    if (out.isEmpty() || out.get(out.size() - 1) < horizon()) {
      out.add(horizon());
    }
    return out;
  }

  /** A state's total in the world, all people. */
  Statistic world(int month, State state) {
    return summary.statistic(month, 0, 0, state);
  }

  /** A composite state (summed within each replication) in the world, all people. */
  Statistic world(int month, CompositeState composite) {
    return summary.statistic(month, 0, 0, composite);
  }

  /** A state's total in a scope, all people. */
  Statistic scope(int month, int scope, State state) {
    return summary.statistic(month, scope, 0, state);
  }

  /** One compartment or state total in the world, all people. */
  Statistic world(int month, int key) {
    return summary.statistic(month, 0, 0, key);
  }

  /** The mean number of people counted in a scope at a month, over all states. */
  double total(int month, int scope) {
    double sum = 0;
    for (State s : State.values()) {
      sum += summary.statistic(month, scope, 0, s).mean();
    }
    return sum;
  }

  /** Indices into {@link EnsembleSummary#scopes()} of the scopes of a kind, in order. */
  List<Integer> scopesOfKind(String... kinds) {
    List<Integer> out = new ArrayList<>();
    List<Scope> scopes = summary.scopes();
    for (int i = 0; i < scopes.size(); i++) {
      for (String k : kinds) {
        if (scopes.get(i).kind().equals(k)) {
          out.add(i);
        }
      }
    }
    return out;
  }

  /** The destinations of a state, in the order of the model's compartments. */
  List<Destination> destinations(State state) {
    List<Destination> out = new ArrayList<>();
    for (int key = 0; key < summary.keyCount(); key++) {
      if (summary.isStateTotal(key)) {
        continue;
      }
      Compartment c = summary.keyCompartment(key);
      if (c.state() == state && !c.destination().isEmpty()) {
        out.add(new Destination(key, c.destination(), name(state, c.destination())));
      }
    }
    return out;
  }

  /** The display name of a destination: a place, a group, an origin, or the id itself. */
  String name(State state, String destination) {
    if (state == State.OTHER_GROUP) {
      for (Group g : scenario.groups()) {
        if (g.id().equals(destination)) {
          return g.name() == null || g.name().isBlank() ? g.id() : g.name();
        }
      }
    }
    String name = names.get(destination);
    if (name == null) {
      // A dispatch target that is not an origin: its name from the shipped country list.
      if (countries == null) {
        countries = SharedData.shipped();
      }
      name = countries.country(destination).map(Country::name).orElse(destination);
      names.put(destination, name);
    }
    return name;
  }

  /** The origin of a country or unallocated scope. */
  Origin origin(Scope scope) {
    Origin o = origins.get(scope.id());
    if (o == null) {
      throw new IllegalArgumentException("no origin for scope " + scope.id());
    }
    return o;
  }
}
