package org.dispersal.agent;

import org.dispersal.engine.EngineContract;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.engine.SimulationModel;

/** The engine contract for the agent engine, single-threaded. */
class AgentEngineContractTest extends EngineContract {

  @Override
  protected ReplicationEngine engine(SimulationModel model) {
    return new AgentEngine(model);
  }
}
