package org.dispersal.agent;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import org.dispersal.engine.CohortEngine;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.engine.SimulationModel;

/**
 * Which engine runs a model, and the one factory of engines: the cohort engine (exact multinomial
 * per cohort), the per-agent engine, or {@code AUTO}: the cohort engine unless the scenario uses
 * agent-only features. Every caller gets its engine here ({@link #create(CompiledModel)} for a
 * scenario), so a scenario's {@code agents:} section is honoured by every command or refused with
 * an {@link UnsupportedFeaturesException}, never dropped.
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
   * @throws UnsupportedFeaturesException if the cohort engine is asked for with agent-only
   *     features, which it cannot simulate
   */
  public EngineKind resolve(AgentFeatures features) {
    if (this == AUTO) {
      return features.any() ? AGENT : COHORT;
    }
    if (this == COHORT && features.any()) {
      throw new UnsupportedFeaturesException(
          "the cohort engine", features.names(), "use --engine agent or auto");
    }
    return this;
  }

  /**
   * A new single-threaded engine of this kind (after {@link #resolve}) for a model.
   *
   * @throws UnsupportedFeaturesException as {@link #resolve} does
   */
  public ReplicationEngine create(SimulationModel model, AgentFeatures features) {
    return switch (resolve(features)) {
      case COHORT -> new CohortEngine(model);
      case AGENT -> new AgentEngine(model, features, null, 1);
      case AUTO -> throw new IllegalStateException("resolve never gives AUTO");
    };
  }

  /**
   * A new single-threaded engine of this kind for a scenario's model, with the agent-only features
   * its {@code agents.*} parameters switch on ({@link AgentFeatures#of}).
   */
  public ReplicationEngine create(CompiledModel model) {
    return create(model, AgentFeatures.of(model.scenario()));
  }

  /**
   * A per-agent engine that spreads each replication's blocks of agents over a pool (benchmarks and
   * very large models); with a null pool and one worker it runs on the caller's thread.
   *
   * @param workers how many workers share a replication's blocks (1 without a pool)
   */
  public static AgentEngine agentEngine(
      SimulationModel model, AgentFeatures features, ExecutorService pool, int workers) {
    return new AgentEngine(model, features, pool, workers);
  }
}
