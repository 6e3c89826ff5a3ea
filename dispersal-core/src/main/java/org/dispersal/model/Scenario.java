package org.dispersal.model;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the model needs to forecast one case: when it starts, where people come from and can
 * go, the drivers over time, and every parameter with its prior and source.
 *
 * <p>A scenario is plain data. Files become scenarios in the io module; engines turn a scenario
 * into numbers.
 *
 * @param name the scenario's name, for example {@code isis-2017}
 * @param description what the scenario represents
 * @param start the first month (month 0)
 * @param months how many monthly steps to forecast
 * @param regions the regions of origin
 * @param origins the origin countries and unallocated remainders with their figures
 * @param places core theatres, third theatres and transit places
 * @param groups the militant groups
 * @param dispatchTargets countries that dispatched operatives are sent to besides their home
 * @param drivers drivers that change over time
 * @param parameters every parameter by name, in a defined order
 * @param exitPropensity each origin's multiplier on the hazard of leaving the theatre ({@link
 *     ExitPropensity#NONE} for m = 1 everywhere)
 */
public record Scenario(
    String name,
    String description,
    YearMonth start,
    int months,
    List<Region> regions,
    List<Origin> origins,
    List<Place> places,
    List<Group> groups,
    List<String> dispatchTargets,
    Drivers drivers,
    Map<String, Parameter> parameters,
    ExitPropensity exitPropensity) {

  /** Copies collections; semantic checks live in {@link ScenarioRules}. */
  public Scenario {
    exitPropensity = exitPropensity == null ? ExitPropensity.NONE : exitPropensity;
    regions = List.copyOf(regions);
    origins = List.copyOf(origins);
    places = List.copyOf(places);
    groups = List.copyOf(groups);
    dispatchTargets = List.copyOf(dispatchTargets);
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    if (months < 1) {
      throw new IllegalArgumentException("months must be at least 1");
    }
  }

  /** A scenario in which every origin has an exit propensity of 1 ({@link ExitPropensity#NONE}). */
  public Scenario(
      String name,
      String description,
      YearMonth start,
      int months,
      List<Region> regions,
      List<Origin> origins,
      List<Place> places,
      List<Group> groups,
      List<String> dispatchTargets,
      Drivers drivers,
      Map<String, Parameter> parameters) {
    this(
        name,
        description,
        start,
        months,
        regions,
        origins,
        places,
        groups,
        dispatchTargets,
        drivers,
        parameters,
        ExitPropensity.NONE);
  }

  /** The same scenario with other exit propensities. */
  public Scenario withExitPropensity(ExitPropensity propensity) {
    return new Scenario(
        name,
        description,
        start,
        months,
        regions,
        origins,
        places,
        groups,
        dispatchTargets,
        drivers,
        parameters,
        propensity);
  }

  /** The same scenario with other origins (the initial stocks read from more figures). */
  public Scenario withOrigins(List<Origin> replaced) {
    return new Scenario(
        name,
        description,
        start,
        months,
        regions,
        replaced,
        places,
        groups,
        dispatchTargets,
        drivers,
        parameters,
        exitPropensity);
  }

  /** The names of the core theatres, in declared order ("Iraq", "Syria" for isis-2017). */
  public List<String> coreTheatreNames() {
    return places.stream()
        .filter(p -> p.kind() == Place.Kind.CORE_THEATRE)
        .map(Place::name)
        .toList();
  }

  /** The third theatres, in declared order. */
  public List<Place> thirdTheatres() {
    return places.stream().filter(p -> p.kind() == Place.Kind.THIRD_THEATRE).toList();
  }

  /** The groups fighters can join, in declared order. */
  public List<Group> joinableGroups() {
    return groups.stream().filter(Group::joinable).toList();
  }

  /** Finds a region by id or returns null. */
  public Region region(String id) {
    return regions.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
  }

  /** The same scenario with some parameters replaced (used by overrides). */
  public Scenario withParameters(Map<String, Parameter> replaced) {
    Map<String, Parameter> all = new LinkedHashMap<>(parameters);
    all.putAll(replaced);
    return with(months, all);
  }

  /** The same scenario with another horizon. */
  public Scenario withMonths(int newMonths) {
    return with(newMonths, parameters);
  }

  private Scenario with(int newMonths, Map<String, Parameter> newParameters) {
    return new Scenario(
        name,
        description,
        start,
        newMonths,
        regions,
        origins,
        places,
        groups,
        dispatchTargets,
        drivers,
        newParameters,
        exitPropensity);
  }
}
