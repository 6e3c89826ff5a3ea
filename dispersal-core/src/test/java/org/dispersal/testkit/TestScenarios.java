package org.dispersal.testkit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Drivers;
import org.dispersal.model.Group;
import org.dispersal.model.ModelParameters;
import org.dispersal.model.Origin;
import org.dispersal.model.Parameter;
import org.dispersal.model.Place;
import org.dispersal.model.Prior;
import org.dispersal.model.Range;
import org.dispersal.model.Region;
import org.dispersal.model.Repatriation;
import org.dispersal.model.RepatriationPolicy;
import org.dispersal.model.Scenario;
import org.dispersal.model.Step;
import org.dispersal.model.Stronghold;

/** Builds small scenarios in code for tests: fixed ones, and random ones from a seeded stream. */
public final class TestScenarios {

  private TestScenarios() {}

  /**
   * Drivers with these strongholds and each policy (border closure, route screening, prosecution,
   * rehabilitation) one step from month 0 whose value is the parameter of the same name.
   */
  public static Drivers drivers(List<Stronghold> strongholds) {
    return new Drivers(
        strongholds,
        List.of(new Step(0, "border_closure")),
        List.of(new Step(0, "route_screening")),
        List.of(new Step(0, "prosecution_multiplier")),
        List.of(new Step(0, "rehabilitation_effect")));
  }

  /**
   * A small scenario with two regions, the given origins, two third theatres, two joinable groups,
   * one dispatch target, three strongholds and every parameter fixed at {@code values} or a
   * default.
   */
  public static Scenario small(List<Origin> origins, Map<String, Double> values, int months) {
    return small(origins, values, months, Repatriation.NONE);
  }

  /** {@link #small(List, Map, int)} with a repatriation driver. */
  public static Scenario small(
      List<Origin> origins, Map<String, Double> values, int months, Repatriation repatriation) {
    List<Region> regions =
        List.of(
            new Region("maghreb", "Maghreb", List.of("libya")),
            new Region("western_europe", "Western Europe", List.of()));
    List<Place> places =
        List.of(
            new Place("iraq", "Iraq", Place.Kind.CORE_THEATRE, List.of("IRQ")),
            new Place("libya", "Libya", Place.Kind.THIRD_THEATRE, List.of("LBY")),
            new Place("sahel", "Sahel", Place.Kind.THIRD_THEATRE, List.of("MLI")),
            new Place("turkey", "Turkey", Place.Kind.TRANSIT, List.of("TUR")));
    List<Group> groups =
        List.of(
            new Group("islamic_state", "Islamic State", false),
            new Group("aq_syria", "JFS", true),
            new Group("aq_other", "Other AQ", true));
    Drivers drivers =
        drivers(
                List.of(
                    new Stronghold("a", "A", "IRQ", 1, LocalDate.of(2016, 6, 1), "X", null),
                    new Stronghold("b", "B", "SYR", 1, null, null, "fall_month.b"),
                    new Stronghold("c", "C", "SYR", 2, null, null, "fall_month.c")))
            .withRepatriation(repatriation);
    Scenario skeleton =
        new Scenario(
            "test",
            "test scenario",
            YearMonth.of(2017, 2),
            months,
            regions,
            origins,
            places,
            groups,
            List.of("FRA"),
            drivers,
            Map.of());
    Map<String, Parameter> params = new LinkedHashMap<>();
    for (String name : ModelParameters.required(skeleton).keySet()) {
      double v = values.getOrDefault(name, defaultValue(name));
      params.put(name, fixed(name, v));
    }
    for (Map.Entry<String, Double> e : values.entrySet()) {
      params.putIfAbsent(e.getKey(), fixed(e.getKey(), e.getValue()));
    }
    return skeleton.withParameters(params);
  }

  /**
   * France 2,000 and Tunisia 3,000 travelled (points), six months from February 2017, with {@code
   * returned} of them home and a tenth killed by the start, and two free parameters for
   * calibration: the share returned by the start (uniform 0.05 to 0.6) and the base exit rate
   * (log-uniform 0.001 to 0.1).
   */
  public static Scenario calibratable(double returned) {
    Scenario s =
        small(
            List.of(country("FRA", "western_europe", 2000), country("TUN", "maghreb", 3000)),
            Map.of("share_returned_by_start", returned, "share_killed_by_start", 0.1),
            6);
    Map<String, Parameter> p = new LinkedHashMap<>();
    p.put(
        "share_returned_by_start",
        s.parameters().get("share_returned_by_start").withPrior(new Prior.Uniform(0.05, 0.6)));
    p.put(
        "exit_rate_base",
        s.parameters().get("exit_rate_base").withPrior(new Prior.LogUniform(0.001, 0.1)));
    return s.withParameters(p);
  }

  /** A parameter with a fixed prior, labelled as a test assumption. */
  public static Parameter fixed(String name, double value) {
    return new Parameter(name, new Prior.Fixed(value), "test", List.of(), "test value", name);
  }

  private static double defaultValue(String name) {
    if (name.startsWith("fall_month.")) {
      return 6;
    }
    if (name.contains("weight")) {
      return 1;
    }
    return switch (name) {
      case "merger_month" -> 12;
      case "merger_defection_multiplier", "relocation_near_affinity" -> 3;
      case "prosecution_multiplier", "stock_revision" -> 1;
      case "collapse_half_life" -> 1e9;
      case "birth_rate", "camp_rate_collapse" -> 0;
      case "transit_exit_rate", "assessment_rate" -> 0.5;
      case "women_combat_factor", "minors_combat_factor" -> 0.2;
      default -> 0.05;
    };
  }

  /**
   * The initial stocks of one replication of a compiled scenario (master seed 7), one array per
   * cohort.
   */
  public static int[][] initialStocks(CompiledModel model, long replication) {
    int[][] stocks = new int[model.cohorts().size()][];
    for (int c = 0; c < stocks.length; c++) {
      stocks[c] = new int[model.compartmentCount(c)];
    }
    model.replication(7, replication).initialStocks(stocks);
    return stocks;
  }

  /** An origin country with point figures. */
  public static Origin country(String iso3, String region, int travelled) {
    return new Origin(
        iso3, iso3, region, true, Range.of(travelled), null, null, null, null, List.of("X"), "");
  }

  /**
   * A random small scenario: 1-4 origins with random figures and ranges, random parameter values
   * (probabilities in [0,1], rates up to 1, so births too), a random horizon of 1-30 months, a
   * random default repatriation policy and one random policy step per origin.
   */
  public static Scenario random(UniformRandomProvider rng) {
    int n = 1 + rng.nextInt(4);
    List<Origin> origins = new ArrayList<>();
    String[] ids = {"FRA", "TUN", "BEL", "MAR"};
    for (int i = 0; i < n; i++) {
      int low = rng.nextInt(2000);
      int high = low + rng.nextInt(200);
      Range women = rng.nextBoolean() ? new Range(0, rng.nextInt(50)) : null;
      Range returned = rng.nextBoolean() ? Range.of(rng.nextInt(300)) : null;
      Range killed = rng.nextBoolean() ? Range.of(rng.nextInt(300)) : null;
      origins.add(
          new Origin(
              ids[i],
              ids[i],
              i % 2 == 0 ? "western_europe" : "maghreb",
              i < 3,
              new Range(low, high),
              women,
              null,
              returned,
              killed,
              List.of("X"),
              ""));
    }
    Map<String, Double> values = new LinkedHashMap<>();
    Scenario base = small(origins, Map.of(), 1 + rng.nextInt(30));
    for (String name : base.parameters().keySet()) {
      double v;
      if (name.startsWith("fall_month.") || name.equals("merger_month")) {
        v = rng.nextDouble() * 40;
      } else if (name.contains("weight")
          || name.contains("multiplier")
          || name.contains("affinity")
          || name.contains("factor")) {
        v = rng.nextDouble() * 5;
      } else {
        v = rng.nextDouble() * (rng.nextBoolean() ? 1 : 0.1);
      }
      values.put(name, v);
    }
    values.put("share_women", rng.nextDouble() * 0.5);
    values.put("share_minors", rng.nextDouble() * 0.5);
    values.put("collapse_half_life", 0.5 + rng.nextDouble() * 60);
    // the engine contract checks the stocks against the origins' ranges: no revision here
    // (StockRevisionTest checks the multiplier)
    values.put("stock_revision", 1.0);
    List<Repatriation.Step> steps = new ArrayList<>();
    RepatriationPolicy[] policies = RepatriationPolicy.values();
    for (Origin o : origins) {
      int from = rng.nextInt(base.months() + 1);
      steps.add(new Repatriation.Step(o.id(), from, policies[rng.nextInt(policies.length)]));
    }
    Repatriation repatriation = new Repatriation(policies[rng.nextInt(policies.length)], steps);
    return small(origins, values, base.months(), repatriation);
  }
}
