/**
 * Scenario files: reading YAML into {@link org.dispersal.model.Scenario}s, with {@code extends},
 * shared-data origins and {@code --set} overrides, and checking them.
 *
 * <p>{@link org.dispersal.input.scenario.ScenarioReader} is the entry point. It parses with
 * Jackson's streaming YAML parser into a small tree that keeps every node's line and column, checks
 * the shape of each section, and runs the semantic rules of {@link
 * org.dispersal.input.scenario.ScenarioValidator}. Whatever a file says ends in a valid scenario or
 * a {@link org.dispersal.input.scenario.ScenarioException} listing every {@link
 * org.dispersal.input.scenario.Problem}, one line each. The format is described in {@code
 * docs/SCENARIOS.md} and by {@code org/dispersal/scenarios/scenario.schema.json}.
 */
package org.dispersal.input.scenario;
