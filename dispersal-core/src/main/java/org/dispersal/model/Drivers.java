package org.dispersal.model;

import java.util.List;

/**
 * The drivers that change over time and push people out of the core theatre or hold them back.
 *
 * @param strongholds the cities whose loss builds the territorial-control index
 * @param borderClosure how closed the Turkish frontier is (0 open, 1 sealed), as steps over time
 * @param routeScreening the chance that an operative on a migration route is caught, as steps
 * @param prosecutionMultiplier a policy lever on prosecution at home, as steps (1 = as sourced)
 * @param rehabilitation the effect of rehabilitation at home on re-engagement, as steps
 * @param repatriation each origin's repatriation policy over time
 */
public record Drivers(
    List<Stronghold> strongholds,
    List<Step> borderClosure,
    List<Step> routeScreening,
    List<Step> prosecutionMultiplier,
    List<Step> rehabilitation,
    Repatriation repatriation) {

  /** Drivers without repatriation (every origin's policy is {@link RepatriationPolicy#NONE}). */
  public Drivers(
      List<Stronghold> strongholds,
      List<Step> borderClosure,
      List<Step> routeScreening,
      List<Step> prosecutionMultiplier,
      List<Step> rehabilitation) {
    this(
        strongholds,
        borderClosure,
        routeScreening,
        prosecutionMultiplier,
        rehabilitation,
        Repatriation.NONE);
  }

  /** The same drivers with another repatriation driver (a scenario's policy variant). */
  public Drivers withRepatriation(Repatriation other) {
    return new Drivers(
        strongholds, borderClosure, routeScreening, prosecutionMultiplier, rehabilitation, other);
  }

  /** Copies the lists and checks that each series starts at month 0 and is in order. */
  public Drivers {
    strongholds = List.copyOf(strongholds);
    borderClosure = checkSeries("border_closure", borderClosure);
    routeScreening = checkSeries("route_screening", routeScreening);
    prosecutionMultiplier = checkSeries("prosecution_multiplier", prosecutionMultiplier);
    rehabilitation = checkSeries("rehabilitation", rehabilitation);
    if (repatriation == null) {
      throw new IllegalArgumentException("drivers need a repatriation driver");
    }
    if (strongholds.isEmpty()) {
      throw new IllegalArgumentException("drivers need at least one stronghold");
    }
  }

  private static List<Step> checkSeries(String name, List<Step> steps) {
    if (steps == null || steps.isEmpty() || steps.get(0).fromMonth() != 0) {
      throw new IllegalArgumentException(name + " needs a first step from month 0");
    }
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).fromMonth() <= steps.get(i - 1).fromMonth()) {
        throw new IllegalArgumentException(name + " steps must be in increasing month order");
      }
    }
    return List.copyOf(steps);
  }
}
