package org.dispersal.app.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dispersal.app.ScenarioInput;
import org.dispersal.hypotheses.Hypothesis;
import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.model.Scenario;
import org.dispersal.output.validation.ShippedStacking;

/**
 * The default forecast of a scenario whose competing hypotheses have shipped stacking weights
 * ({@link ShippedStacking}): the mixture of the hypotheses by those weights ({@link
 * MixtureRequest}); and the starting weights of an update. A scenario without hypotheses, or
 * without shipped weights for exactly its hypotheses (same ids, same order), runs alone. The
 * command line ({@code dispersal forecast}, {@code dispersal update}) and the service ({@code POST
 * /api/runs}) both decide here, so the same scenario gives the same default forecast in both.
 */
public final class DefaultMixture {

  private DefaultMixture() {}

  /**
   * Reads the scenario a hypothesis runs: the base scenario or a variant, with overrides. The
   * command line reads built-in names and files; the service reads stored text and built-ins.
   */
  @FunctionalInterface
  public interface ScenarioLoader {

    /**
     * The scenario of one hypothesis, read with every validation rule.
     *
     * @param variant the hypothesis's variant (a built-in name or a file), or null for the base
     *     scenario
     * @param overrides the caller's overrides followed by the hypothesis's own, in order
     * @return the scenario, with its own horizon (the caller's horizon is applied after)
     */
    Scenario load(String variant, List<String> overrides);
  }

  /**
   * The shipped weights, if they are for exactly these hypotheses of this scenario.
   *
   * @param scenarioName the scenario's name (the weights file is {@code <name>.json})
   * @param set its hypotheses, or null when it declares none
   */
  public static Optional<ShippedStacking> weights(String scenarioName, HypothesisSet set) {
    if (set == null) {
      return Optional.empty();
    }
    List<String> ids = set.hypotheses().stream().map(Hypothesis::id).toList();
    return ShippedStacking.shipped(scenarioName).filter(w -> w.ids().equals(ids));
  }

  /**
   * The hypotheses with the stacking weights as their starting (prior) weights, or as they are
   * without shipped weights; null stays null.
   */
  public static HypothesisSet startingWeights(String scenarioName, HypothesisSet set) {
    return weights(scenarioName, set).map(w -> set.withWeights(w.weightArray())).orElse(set);
  }

  /**
   * The mixture request of a default forecast, or empty when the scenario runs alone.
   *
   * @param set the scenario's hypotheses, as read with the caller's overrides (null: none)
   * @param input the scenario as read for a single forecast (with the overrides and horizon)
   * @param loader reads each hypothesis's scenario
   * @param overrides the caller's overrides
   * @param months the horizon asked for, or null for the scenario's
   * @param runs replications in all
   * @param seed the master seed
   * @param threads worker threads
   */
  public static Optional<MixtureRequest> request(
      HypothesisSet set,
      ScenarioInput input,
      ScenarioLoader loader,
      List<String> overrides,
      Integer months,
      int runs,
      long seed,
      int threads) {
    Optional<ShippedStacking> w = weights(input.scenario().name(), set);
    if (w.isEmpty()) {
      return Optional.empty();
    }
    List<String> sets = overrides == null ? List.of() : overrides;
    List<Scenario> scenarios = new ArrayList<>();
    for (Hypothesis h : set.hypotheses()) {
      List<String> all = new ArrayList<>(sets);
      all.addAll(h.overrides());
      Scenario s = loader.load(h.variant(), all);
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
