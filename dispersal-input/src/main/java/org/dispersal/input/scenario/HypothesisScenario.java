package org.dispersal.input.scenario;

import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.model.Scenario;

/**
 * A scenario read together with its competing hypotheses and indicators ({@link
 * ScenarioReader#readWithHypotheses}).
 *
 * @param scenario the scenario, valid, with any overrides applied
 * @param hypotheses the hypotheses and indicators, or null if the scenario declares none
 */
public record HypothesisScenario(Scenario scenario, HypothesisSet hypotheses) {}
