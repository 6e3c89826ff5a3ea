package org.dispersal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.forecast.MixtureRequest;
import org.dispersal.hypotheses.Hypothesis;
import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.input.scenario.HypothesisScenario;
import org.dispersal.model.Scenario;
import org.dispersal.output.validation.ShippedStacking;

/**
 * The default forecast of a scenario whose competing hypotheses have shipped stacking weights
 * ({@link ShippedStacking}): the mixture of the hypotheses by those weights ({@link
 * MixtureRequest}); and the starting weights of {@code dispersal update}. A scenario without
 * hypotheses or without shipped weights for exactly its hypotheses runs alone, as before.
 */
final class DefaultMixture {

  private DefaultMixture() {}

  /** The shipped weights, if they are for exactly these hypotheses of this scenario. */
  static Optional<ShippedStacking> weights(String scenarioName, HypothesisSet set) {
    if (set == null) {
      return Optional.empty();
    }
    List<String> ids = set.hypotheses().stream().map(Hypothesis::id).toList();
    return ShippedStacking.shipped(scenarioName).filter(w -> w.ids().equals(ids));
  }

  /**
   * The hypotheses with the stacking weights as their starting (prior) weights, or as they are
   * without shipped weights.
   */
  static HypothesisSet startingWeights(String scenarioName, HypothesisSet set) {
    return weights(scenarioName, set).map(w -> set.withWeights(w.weightArray())).orElse(set);
  }

  /**
   * The mixture request for a forecast, or empty when the scenario runs alone.
   *
   * @param nameOrPath the scenario as the user named it
   * @param sets the {@code --set} overrides
   * @param months the horizon asked for, or null for the scenario's
   * @param input the scenario as read for a single forecast (with the overrides and horizon)
   * @param runs replications in all
   * @param seed the master seed
   * @param threads worker threads
   */
  static Optional<MixtureRequest> request(
      String nameOrPath,
      List<String> sets,
      Integer months,
      ScenarioInput input,
      int runs,
      long seed,
      int threads) {
    HypothesisScenario read = ScenarioSource.reader(sets).readWithHypotheses(nameOrPath);
    HypothesisSet set = read.hypotheses();
    Optional<ShippedStacking> w = weights(read.scenario().name(), set);
    if (w.isEmpty()) {
      return Optional.empty();
    }
    List<Scenario> scenarios = new ArrayList<>();
    for (Hypothesis h : set.hypotheses()) {
      List<String> all = new ArrayList<>(sets);
      all.addAll(h.overrides());
      Scenario s =
          ScenarioSource.load(h.variant() == null ? nameOrPath : h.variant(), all).scenario();
      scenarios.add(months == null ? s : s.withMonths(months));
    }
    return Optional.of(
        new MixtureRequest(
            input,
            set.hypotheses(),
            scenarios,
            w.get().weightArray(),
            w.get().describe(),
            runs,
            seed,
            threads,
            sets));
  }
}
