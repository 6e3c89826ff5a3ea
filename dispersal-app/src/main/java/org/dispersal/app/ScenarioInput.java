package org.dispersal.app;

import org.dispersal.app.problem.InputException;
import org.dispersal.input.scenario.ScenarioValidator;
import org.dispersal.model.Scenario;

/**
 * A scenario as a run uses it: valid, with its horizon set, and the text it was read from (hashed
 * into the manifest and kept in the store).
 *
 * @param scenario the valid scenario
 * @param text the file's text as read; empty when there is none
 */
public record ScenarioInput(Scenario scenario, String text) {

  /** Checks that there is a scenario. */
  public ScenarioInput {
    if (scenario == null) {
      throw new IllegalArgumentException("a run needs a scenario");
    }
    text = text == null ? "" : text;
  }

  /** The scenario's name. */
  public String name() {
    return scenario.name();
  }

  /**
   * The same scenario over another horizon.
   *
   * @param months the horizon, or null to keep the scenario's
   * @throws InputException for months outside 1 to {@link ScenarioValidator#MAX_MONTHS}
   */
  public ScenarioInput withMonths(Integer months) {
    if (months == null) {
      return this;
    }
    if (months < 1 || months > ScenarioValidator.MAX_MONTHS) {
      throw InputException.field(
          "months", "must be between 1 and " + ScenarioValidator.MAX_MONTHS + ", not " + months);
    }
    return new ScenarioInput(scenario.withMonths(months), text);
  }
}
