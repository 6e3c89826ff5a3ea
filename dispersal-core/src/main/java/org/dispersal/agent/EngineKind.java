package org.dispersal.agent;

import java.util.Locale;
import org.dispersal.engine.CohortEngine;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.engine.SimulationModel;

/**
 * Which engine runs a model: the cohort engine (exact multinomial per cohort), the per-agent
 * engine, or {@code AUTO}: the cohort engine unless the scenario uses agent-only features.
 */
public enum EngineKind {
  /** The cohort engine. */
  COHORT,
  /** The per-agent engine. */
  AGENT,
  /** The cohort engine unless agent-only features are on. */
  AUTO;

  /** The lower-case name used on the command line and in manifests. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The engine to use for a scenario with these features.
   *
   * @throws IllegalArgumentException if the cohort engine is asked for with agent-only features,
   *     which it cannot simulate
   */
  public EngineKind resolve(AgentFeatures features) {
    if (this == AUTO) {
      return features.any() ? AGENT : COHORT;
    }
    if (this == COHORT && features.any()) {
      throw new IllegalArgumentException(
          "the cohort engine cannot simulate the agent-only features "
              + features.names()
              + "; use --engine agent or auto");
    }
    return this;
  }

  /** A new single-threaded engine of this kind (after {@link #resolve}) for a model. */
  public ReplicationEngine create(SimulationModel model, AgentFeatures features) {
    return switch (resolve(features)) {
      case COHORT -> new CohortEngine(model);
      case AGENT -> new AgentEngine(model, features, null, 1);
      case AUTO -> throw new IllegalStateException("resolve never gives AUTO");
    };
  }
}
