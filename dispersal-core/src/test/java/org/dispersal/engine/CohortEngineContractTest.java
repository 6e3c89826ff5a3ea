package org.dispersal.engine;

/** The engine contract for the cohort engine (agreement with itself checks the test's harness). */
class CohortEngineContractTest extends EngineContract {

  @Override
  protected ReplicationEngine engine(SimulationModel model) {
    return new CohortEngine(model);
  }
}
