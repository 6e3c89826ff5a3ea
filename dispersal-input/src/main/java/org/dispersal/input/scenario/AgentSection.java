package org.dispersal.input.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dispersal.agent.AgentFeatures;
import org.dispersal.model.Parameter;
import org.dispersal.model.Prior;
import org.dispersal.model.Scenario;

/**
 * Reads the optional {@code agents:} section of a pathway scenario: the parameters of the
 * agent-only features ({@link AgentFeatures}), each with a prior, a unit, sources or an assumption,
 * and a description, like any other parameter. Names are given without the {@code agents.} prefix,
 * for example:
 *
 * <pre>
 * agents:
 *   time_in_state.dispatched.median_months:
 *     prior: triangular(4, 5, 7)
 *     unit: months
 *     source: [MALET_HAYES2018]
 *     description: Lag from a dispatched operative's arrival to a plot (median 5 months).
 * </pre>
 *
 * <p>The prior is written as on the command line ({@code --set}): a number, {@code LOW..HIGH} or
 * {@code dist(args)}. The parameters join the scenario's parameter list with the {@code agents.}
 * prefix, so they are drawn per replication and listed in manifests.
 */
final class AgentSection {

  private static final List<String> KEYS =
      List.of("prior", "unit", "source", "assumption", "description");

  private AgentSection() {}

  /**
   * Reads the section (null when absent), adding problems with their locations.
   *
   * @param known the source ids a parameter may cite
   */
  static Map<String, Parameter> read(Node node, Set<String> known, List<Problem> problems) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!(node instanceof Node.Mapping m)) {
      problems.add(Problem.at(node.at(), "agents", node.render(), "must map parameter names"));
      return out;
    }
    for (Node.Entry e : m.entries()) {
      String path = "agents." + e.key();
      if (!(e.value() instanceof Node.Mapping p)) {
        problems.add(Problem.at(e.value().at(), path, null, "must be a parameter mapping", KEYS));
        continue;
      }
      int before = problems.size();
      for (Node.Entry k : p.entries()) {
        if (!KEYS.contains(k.key())) {
          problems.add(Problem.at(k.keyAt(), path + "." + k.key(), null, "is not a key", KEYS));
        }
      }
      Prior prior = null;
      Node priorNode = p.get("prior");
      if (priorNode instanceof Node.Scalar s) {
        try {
          prior = Setting.prior(s.text());
        } catch (IllegalArgumentException ex) {
          problems.add(
              Problem.at(s.at(), path + ".prior", s.text(), ex.getMessage(), Setting.FORMS));
        }
      } else {
        problems.add(Problem.at(p.at(), path + ".prior", null, "is required", Setting.FORMS));
      }
      List<String> sources = new ArrayList<>();
      if (p.get("source") instanceof Node.Sequence seq) {
        for (Node n : seq.items()) {
          sources.add(n.render());
          if (!known.contains(n.render())) {
            problems.add(
                Problem.at(
                    n.at(),
                    path + ".source",
                    n.render(),
                    ScenarioValidator.UNKNOWN_SOURCE,
                    KnownIds.nearest(n.render(), known)));
          }
        }
      }
      String assumption = text(p.get("assumption"));
      if (sources.isEmpty() && assumption == null) {
        problems.add(
            Problem.at(p.at(), path, null, "needs a source or an assumption with its reasoning"));
      }
      if (problems.size() == before) {
        String name = AgentFeatures.PREFIX + e.key();
        out.put(
            name,
            new Parameter(
                name, prior, text(p.get("unit")), sources, assumption, text(p.get("description"))));
      }
    }
    return out;
  }

  /** The scenario with the agent parameters, after checking the features they switch on. */
  static Scenario apply(Scenario scenario, Map<String, Parameter> agents, Location at) {
    if (agents.isEmpty()) {
      return scenario;
    }
    Scenario out = scenario.withParameters(agents);
    try {
      AgentFeatures.of(out);
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(List.of(Problem.at(at, "agents", null, e.getMessage())));
    }
    return out;
  }

  private static String text(Node n) {
    return n instanceof Node.Scalar s && !n.isNull() ? s.text() : null;
  }
}
