package org.dispersal.app.sensitivity;

import java.util.List;
import org.dispersal.app.problem.InputException;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.calibration.Target;
import org.dispersal.calibration.TargetResolver;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;
import org.dispersal.scoring.ObservedRange;

/**
 * One output a sensitivity analysis explains, written {@code MEASURE:SCOPE[=ID]:month=M
 * [:demographic=D]}, for example {@code returned:region=Western Europe:month=24}. MEASURE is an
 * observation measure ({@code travelled, returned, killed, in_theatre, detained, relocated,
 * prosecuted, attacks}) or any model state ({@code insurgent, other_group, dispatched, ...});
 * {@code state.NAME} names a state whose id is also a measure ({@code state.returned} counts only
 * the returnees not yet assessed, {@code returned} everyone back home).
 *
 * @param spec the text as given
 * @param measure the observation measure, or the one whose cells are narrowed to {@code state}
 * @param state the model state counted, or null for the whole measure
 * @param scope world, region, country or countries
 * @param id the region, country or {@code A+B} list; empty at world scope
 * @param month the month, 0 to the horizon
 * @param demographic the demographic group
 */
public record OutputSpec(
    String spec,
    ObservedMeasure measure,
    State state,
    String scope,
    String id,
    int month,
    String demographic) {

  /** Every name MEASURE may take, for messages. */
  public static String measureNames() {
    List<String> out = new java.util.ArrayList<>();
    for (ObservedMeasure m : ObservedMeasure.values()) {
      out.add(m.id());
    }
    for (State st : State.values()) {
      out.add(ObservedMeasure.byId(st.id()) == null ? st.id() : "state." + st.id());
    }
    return String.join(", ", out);
  }

  /**
   * Reads an output of a scenario.
   *
   * @throws InputException naming the field {@code outputs} and the text
   */
  public static OutputSpec parse(String spec, Scenario s) {
    String[] parts = spec.split(":");
    if (parts.length < 3) {
      throw bad(spec, "must be MEASURE:SCOPE[=ID]:month=M[:demographic=D]");
    }
    ObservedMeasure m = ObservedMeasure.byId(parts[0]);
    State state = null;
    if (m == null) {
      String name = parts[0].startsWith("state.") ? parts[0].substring(6) : parts[0];
      for (State st : State.values()) {
        if (st.id().equals(name)) {
          state = st;
        }
      }
      if (state == null) {
        throw bad(spec, "measure must be one of " + measureNames());
      }
      m = ObservedMeasure.TRAVELLED;
    }
    String scope = parts[1];
    String id = "";
    int eq = scope.indexOf('=');
    if (eq >= 0) {
      id = scope.substring(eq + 1);
      scope = scope.substring(0, eq);
    }
    if (!List.of("world", "region", "country", "countries").contains(scope)) {
      throw bad(spec, "scope must be world, region=, country= or countries=");
    }
    Integer month = null;
    String demographic = "all";
    for (int i = 2; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      if (kv.length == 2 && kv[0].equals("month")) {
        try {
          month = Integer.parseInt(kv[1]);
        } catch (NumberFormatException e) {
          throw bad(spec, "month must be a whole number");
        }
      } else if (kv.length == 2 && kv[0].equals("demographic")) {
        demographic = kv[1];
      } else {
        throw bad(spec, "unknown part '" + parts[i] + "'");
      }
    }
    if (month == null || month < 0 || month > s.months()) {
      throw bad(spec, "month must be between 0 and " + s.months());
    }
    return new OutputSpec(spec, m, state, scope, id, month, demographic);
  }

  /** The model the output is analysed on: the scenario cut to the output's month. */
  public CompiledModel model(Scenario s) {
    return new CompiledModel(s.withMonths(Math.max(1, month)));
  }

  /**
   * The target the output names, resolved on its model.
   *
   * @throws InputException when the scenario has no such region, country or group
   */
  public Target target(CompiledModel model, Scenario s) {
    try {
      return new TargetResolver(model)
          .resolve(
              spec,
              s.start().plusMonths(month),
              scope,
              id,
              demographic,
              measure,
              new ObservedRange(0, Double.POSITIVE_INFINITY))
          .target()
          .narrowed(state, model);
    } catch (TargetResolver.UnresolvableException e) {
      throw bad(spec, e.getMessage());
    }
  }

  private static InputException bad(String spec, String message) {
    return new InputException(
        List.of(new org.dispersal.app.problem.InputProblem(null, 0, 0, "outputs", spec, message)));
  }
}
