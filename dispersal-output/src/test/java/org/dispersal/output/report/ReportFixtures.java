package org.dispersal.output.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.EnsembleRunner;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.model.Drivers;
import org.dispersal.model.Group;
import org.dispersal.model.ModelParameters;
import org.dispersal.model.Origin;
import org.dispersal.model.Parameter;
import org.dispersal.model.Place;
import org.dispersal.model.Prior;
import org.dispersal.model.Range;
import org.dispersal.model.Region;
import org.dispersal.model.Scenario;
import org.dispersal.model.Stronghold;
import org.dispersal.output.forecast.ForecastRun;
import org.dispersal.testkit.TestScenarios;

/** Scenarios built in code, and forecasts of them, for the report tests. */
final class ReportFixtures {

  /** A description that would run a script if it were not escaped. */
  static final String HOSTILE = "<script>alert(1)</script>";

  /** A place name that would load an image and run a script if it were not escaped. */
  static final String HOSTILE_PLACE = "Sahel <img src=x onerror=alert(2)>";

  private static final String[][] REGIONS = {
    {"middle_east", "Middle East", "jordan,saudi_arabia,yemen"},
    {"maghreb", "Maghreb", "libya,tunisia,sahel"},
    {"western_europe", "Western Europe & Nordics", ""},
    {"former_soviet", "Former Soviet Union", "afpak"},
    {"balkans", "Balkans", ""},
    {"southeast_asia", "Southeast Asia", "southeast_asia"},
  };

  private static final String[][] THEATRES = {
    {"libya", "Libya"},
    {"sahel", "Sahel (Mali, Niger, Burkina Faso)"},
    {"yemen", "Yemen"},
    {"afpak", "Afghanistan-Pakistan"},
    {"southeast_asia", "Southeast Asia (Mindanao and neighbours)"},
    {"jordan", "Jordan"},
    {"tunisia", "Tunisia"},
    {"saudi_arabia", "Saudi Arabia"},
  };

  /** Origins of the realistic fixture: id, name, region index, travelled low, high. */
  private static final Object[][] ORIGINS = {
    {"TUN", "Tunisia", 1, 6000, 7000},
    {"SAU", "Saudi Arabia", 0, 2500, 3000},
    {"RUS", "Russia", 3, 2400, 3400},
    {"JOR", "Jordan", 0, 2000, 2500},
    {"MAR", "Morocco", 1, 1200, 1500},
    {"FRA", "France", 2, 1700, 1900},
    {"TUR", "Turkey", 0, 2000, 2200},
    {"UZB", "Uzbekistan", 3, 500, 1500},
    {"DEU", "Germany", 2, 760, 950},
    {"GBR", "United Kingdom", 2, 760, 850},
    {"IDN", "Indonesia", 5, 500, 700},
    {"BEL", "Belgium", 2, 470, 520},
    {"EGY", "Egypt", 0, 600, 1000},
    {"LBY", "Libya", 1, 600, 600},
    {"TJK", "Tajikistan", 3, 400, 1000},
    {"KAZ", "Kazakhstan", 3, 300, 500},
    {"BIH", "Bosnia and Herzegovina", 4, 330, 350},
    {"XKX", "Kosovo", 4, 300, 320},
    {"ALB", "Albania", 4, 90, 150},
    {"MYS", "Malaysia", 5, 100, 150},
    {"PHL", "Philippines", 5, 100, 100},
    {"SWE", "Sweden", 2, 300, 310},
    {"AUT", "Austria", 2, 300, 300},
    {"NLD", "Netherlands", 2, 220, 250},
    {"DZA", "Algeria", 1, 170, 250},
    {"LBN", "Lebanon", 0, 900, 900},
    {"rest:middle_east", "Rest of the Middle East", 0, 1000, 2000},
    {"rest:former_soviet", "Rest of the former Soviet Union", 3, 500, 900},
  };

  private ReportFixtures() {}

  /** Three origins in two regions, a hostile description, the given horizon. */
  static Scenario tiny(int months) {
    List<Origin> origins =
        List.of(
            origin("TUN", "Tunisia", "maghreb", true, 2000, 2400),
            origin("FRA", "France", "western_europe", true, 1500, 1500),
            origin("rest:maghreb", "Rest of the Maghreb", "maghreb", false, 300, 500));
    List<Region> regions =
        List.of(
            new Region("maghreb", "Maghreb", List.of("libya")),
            new Region("western_europe", "Western Europe", List.of()));
    List<Place> places =
        List.of(
            new Place("iraq", "Iraq", Place.Kind.CORE_THEATRE, List.of("IRQ")),
            new Place("libya", "Libya", Place.Kind.THIRD_THEATRE, List.of("LBY")),
            new Place("sahel", HOSTILE_PLACE, Place.Kind.THIRD_THEATRE, List.of("MLI")),
            new Place("turkey", "Turkey", Place.Kind.TRANSIT, List.of("TUR")));
    return build("tiny", HOSTILE, months, regions, origins, places, List.of("FRA"));
  }

  /** About thirty origins in six regions, eight third theatres, 36 months. */
  static Scenario realistic() {
    List<Region> regions = new ArrayList<>();
    for (String[] r : REGIONS) {
      regions.add(new Region(r[0], r[1], r[2].isEmpty() ? List.of() : List.of(r[2].split(","))));
    }
    List<Origin> origins = new ArrayList<>();
    for (Object[] o : ORIGINS) {
      String id = (String) o[0];
      origins.add(
          origin(
              id,
              (String) o[1],
              REGIONS[(Integer) o[2]][0],
              !id.startsWith("rest:"),
              (Integer) o[3],
              (Integer) o[4]));
    }
    List<Place> places = new ArrayList<>();
    places.add(new Place("iraq", "Iraq", Place.Kind.CORE_THEATRE, List.of("IRQ")));
    places.add(new Place("syria", "Syria", Place.Kind.CORE_THEATRE, List.of("SYR")));
    for (String[] t : THEATRES) {
      places.add(new Place(t[0], t[1], Place.Kind.THIRD_THEATRE, List.of()));
    }
    places.add(new Place("turkey", "Turkey", Place.Kind.TRANSIT, List.of("TUR")));
    return build(
        "realistic",
        "Foreign fighters after February 2017 along the five pathways, 36 months ahead.",
        36,
        regions,
        origins,
        places,
        List.of("FRA", "BEL", "DEU", "GBR", "TUR"));
  }

  private static Origin origin(
      String id, String name, String region, boolean country, int low, int high) {
    return new Origin(
        id,
        name,
        region,
        country,
        new Range(low, high),
        null,
        null,
        null,
        null,
        List.of("ICSR2015"),
        "");
  }

  private static Scenario build(
      String name,
      String description,
      int months,
      List<Region> regions,
      List<Origin> origins,
      List<Place> places,
      List<String> targets) {
    Drivers drivers =
        TestScenarios.drivers(
            List.of(
                new Stronghold("ramadi", "Ramadi", "IRQ", 1, LocalDate.of(2016, 2, 9), "W", null),
                new Stronghold("mosul", "Mosul", "IRQ", 2, null, null, "fall_month.mosul"),
                new Stronghold("raqqa", "Raqqa", "SYR", 2, null, null, "fall_month.raqqa")));
    List<Group> groups =
        List.of(
            new Group("islamic_state", "Islamic State", false),
            new Group("aq_syria", "Jabhat Fatah al-Sham", true),
            new Group("aq_other", "Other al-Qaeda franchises", true));
    Scenario skeleton =
        new Scenario(
            name,
            description,
            YearMonth.of(2017, 2),
            months,
            regions,
            origins,
            places,
            groups,
            targets,
            drivers,
            Map.of());
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : ModelParameters.required(skeleton).entrySet()) {
      parameters.put(e.getKey(), parameter(e.getKey(), e.getValue()));
    }
    return skeleton.withParameters(parameters);
  }

  private static Parameter parameter(String name, String meaning) {
    Prior prior = prior(name);
    if (name.equals("share_women") || name.equals("kill_rate_base")) {
      return new Parameter(
          name, prior, "share", List.of("ICCT2016", "MALET_HAYES2018"), null, meaning);
    }
    return new Parameter(name, prior, unit(name), List.of(), "chosen for the test", meaning);
  }

  private static String unit(String name) {
    if (name.contains("rate")) {
      return "per month";
    }
    return name.contains("weight") ? "weight" : "share";
  }

  private static Prior prior(String name) {
    if (name.startsWith("fall_month.")) {
      return new Prior.Uniform(2, 14);
    }
    if (name.contains("weight")) {
      return new Prior.Uniform(0.5, 2);
    }
    return switch (name) {
      case "merger_month" -> new Prior.Uniform(6, 30);
      case "merger_defection_multiplier" -> new Prior.Uniform(2, 5);
      case "relocation_near_affinity" -> new Prior.Uniform(2, 6);
      case "prosecution_multiplier" -> new Prior.Fixed(1);
      case "transit_exit_rate" -> new Prior.Uniform(0.5, 1.5);
      case "assessment_rate" -> new Prior.Uniform(0.2, 0.6);
      case "women_combat_factor", "minors_combat_factor" -> new Prior.Uniform(0.05, 0.3);
      case "kill_rate_collapse", "exit_rate_collapse", "insurgency_rate_collapse" ->
          new Prior.Uniform(0.01, 0.04);
      case "share_women", "share_killed_by_start" -> new Prior.Uniform(0.1, 0.2);
      case "share_minors" -> new Prior.Uniform(0.05, 0.15);
      case "share_returned_by_start" -> new Prior.Uniform(0.1, 0.3);
      case "dispatch_share" -> new Prior.Triangular(0.005, 0.02, 0.11);
      case "reengagement_rate" -> new Prior.LogUniform(0.001, 0.004);
      case "relocation_share", "plot_success_share", "cooperation_share" ->
          new Prior.Uniform(0.05, 0.3);
      case "plot_rate" -> new Prior.Uniform(0.07, 0.14);
      case "dispatch_home_share" -> new Prior.Uniform(0.5, 0.9);
      case "border_closure" -> new Prior.Uniform(0.4, 0.8);
      case "transit_arrest_share", "route_screening", "rehabilitation_effect" ->
          new Prior.Uniform(0.1, 0.4);
      case "merger_probability" -> new Prior.Uniform(0.05, 0.25);
      default -> new Prior.Uniform(0.005, 0.02);
    };
  }

  /** Runs an ensemble and wraps it as a finished forecast. */
  static ForecastRun forecast(Scenario scenario, int runs) {
    EnsembleSummary summary = EnsembleRunner.run(new CompiledModel(scenario), runs, 1L, 1, i -> {});
    return new ForecastRun(
        scenario,
        "",
        summary,
        1L,
        runs,
        1,
        "cohort",
        List.of(),
        "test",
        "test-data",
        Instant.parse("2017-02-01T00:00:00Z"),
        Instant.parse("2017-02-01T00:01:00Z"));
  }
}
