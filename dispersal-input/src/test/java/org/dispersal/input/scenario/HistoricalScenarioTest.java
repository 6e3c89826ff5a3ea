package org.dispersal.input.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dispersal.engine.CohortEngine;
import org.dispersal.engine.CompiledModel;
import org.dispersal.input.data.CsvReader;
import org.dispersal.input.data.CsvRow;
import org.dispersal.input.data.CsvTable;
import org.dispersal.model.Origin;
import org.dispersal.model.Parameter;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The historical scenario {@code mali-2013} (docs/HISTORICAL.md): it loads as a built-in, every
 * figure it ships is traced to a row of its sources table, an ensemble conserves people, and its
 * forecast is compared with the outcomes published later, which were not used to set the priors.
 *
 * <p>The comparison does not require the forecast to be right. It recomputes each verdict (is the
 * observed range inside the 90% interval, and where is the median) and checks it against the
 * verdict recorded in {@code mali-2013-observed.csv} and quoted in docs/HISTORICAL.md, so a change
 * of the model or the scenario that changes a verdict fails here until the documentation says so.
 */
class HistoricalScenarioTest {

  private static final String NAME = "mali-2013";
  private static final String SOURCES = "org/dispersal/data/history/mali-2013-sources.csv";
  private static final String OBSERVED = "org/dispersal/data/history/mali-2013-observed.csv";

  /** Replications of the comparison: enough for stable 5% and 95% quantiles, about 2 s. */
  private static final int RUNS = 1000;

  private static final long SEED = 20130111L;

  /** A source id as written in the text: capitals and digits joined by underscores. */
  private static final Pattern SOURCE_ID = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

  private static final String ASSUMED = "Assumed: ";

  /**
   * Values fixed by construction rather than by a figure: nobody killed or gone home before month 0
   * (the strength figures count those under arms), and the policy lever left at 1.
   */
  private static final Set<String> STRUCTURAL =
      Set.of(
          "share_killed_by_start",
          "share_returned_by_start",
          "prosecution_multiplier",
          // No camps, no repatriation policy and no families in the case (docs/HISTORICAL.md).
          "camp_rate_collapse",
          "camp_death_rate",
          "camp_escape_rate",
          "camp_trial_rate",
          "repatriation_rate_case_by_case",
          "repatriation_rate_organised",
          "repatriation_women_factor",
          "repatriation_men_factor",
          "repatriation_detained_factor",
          "birth_rate",
          // The strength figures are the stocks as counted: no revision (docs/HISTORICAL.md).
          "stock_revision");

  /** The three fates the French military counted in October 2013, which partition every state. */
  private static final Map<String, Set<State>> MEASURES = measures();

  private static Scenario scenario;
  private static Map<String, CsvRow> sources;

  @BeforeAll
  static void load() throws IOException {
    scenario = ScenarioReader.withDefaults().readBuiltIn(NAME);
    sources = new LinkedHashMap<>();
    for (CsvRow row : table(SOURCES).rows()) {
      sources.put(row.required("source_id"), row);
    }
  }

  @Test
  void loadsAsABuiltInScenarioOfItsOwn() {
    assertThat(scenario.name()).isEqualTo(NAME);
    assertThat(scenario.start()).hasToString("2013-01");
    assertThat(scenario.origins())
        .extracting(Origin::id)
        .containsExactly("rest:ansar_dine", "rest:mujao", "rest:aqim");
    assertThat(scenario.drivers().strongholds()).hasSize(5);
    assertThat(ScenarioReader.withDefaults().validate(builtInPath())).isEmpty();
  }

  @Test
  void namesItsOwnCoreTheatreWhereTheReportSpeaksOfIt() {
    assertThat(scenario.coreTheatreNames()).containsExactly("Northern Mali (Azawad)");
    assertThat(scenario.origins()).noneMatch(Origin::remainder).noneMatch(Origin::country);
  }

  @Test
  void everySourceRowIsComplete() {
    assertThat(sources).hasSizeGreaterThanOrEqualTo(10);
    for (CsvRow row : sources.values()) {
      for (String field :
          List.of("author", "title", "publisher", "published", "figures_read", "used_for")) {
        assertThat(row.required(field)).as(row.required("source_id") + " " + field).isNotBlank();
      }
      assertThat(row.required("url")).as(row.required("source_id")).startsWith("http");
    }
  }

  @Test
  void everyParameterIsCitedOrALabelledAssumptionWithARange() {
    for (Parameter p : scenario.parameters().values()) {
      if (!p.isAssumption()) {
        assertThat(p.sources()).as(p.name() + " cites known rows").isSubsetOf(sources.keySet());
        assertThat(p.description()).as(p.name() + " says how it read them").contains("sources: ");
        continue;
      }
      String text = p.assumption();
      assertThat(text).as(p.name()).startsWith(ASSUMED);
      assertThat(idsIn(text)).as(p.name() + " names known rows").isSubsetOf(sources.keySet());
      boolean range = p.prior().high() > p.prior().low();
      assertThat(range || STRUCTURAL.contains(p.name()))
          .as(p.name() + ": an assumed value needs a range; " + p.prior().describe())
          .isTrue();
    }
  }

  @Test
  void everyOriginCitesTheRowsItsFiguresComeFrom() {
    for (Origin o : scenario.origins()) {
      assertThat(o.sources()).as(o.id()).isNotEmpty().isSubsetOf(sources.keySet());
      assertThat(idsIn(o.note())).as(o.id()).isSubsetOf(sources.keySet());
      assertThat(o.travelled().high()).as(o.id()).isGreaterThan(o.travelled().low());
    }
  }

  @Test
  void everyObservedFigureHasASourceRow() throws IOException {
    for (CsvRow row : table(OBSERVED).rows()) {
      assertThat(sources).containsKey(row.required("source_id"));
      assertThat(MEASURES.keySet().contains(row.required("measure")) || isState(row))
          .as("measure " + row.required("measure"))
          .isTrue();
    }
  }

  @Test
  void theThreeFatesPartitionEveryState() {
    List<State> all = new ArrayList<>();
    for (String fate : List.of("neutralised", "went_home", "fighting_on")) {
      all.addAll(MEASURES.get(fate));
    }
    assertThat(all).containsExactlyInAnyOrder(State.values());
  }

  @Test
  void anEnsembleConservesPeopleAndNeverGoesNegative() {
    CompiledModel model = new CompiledModel(scenario);
    CohortEngine engine = new CohortEngine(model);
    for (int r = 0; r < 50; r++) {
      long[] start = new long[model.cohortCount()];
      engine.simulate(
          SEED,
          r,
          (month, stocks) -> {
            for (int c = 0; c < stocks.length; c++) {
              long total = 0;
              for (int n : stocks[c]) {
                assertThat(n).isNotNegative();
                total += n;
              }
              if (month == 0) {
                start[c] = total;
              } else {
                assertThat(total).as("cohort %d month %d", c, month).isEqualTo(start[c]);
              }
            }
          });
      assertThat(Arrays.stream(start).sum()).isBetween(1900L, 4000L);
    }
  }

  @Test
  void forecastAgainstTheOutcomesPublishedLater() throws IOException {
    List<CsvRow> rows = table(OBSERVED).rows();
    CompiledModel model = new CompiledModel(scenario);
    double[][] samples = sample(model, rows);
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-12s %5s %12s %18s %10s %10s %10s  %s%n",
                "measure",
                "month",
                "unit",
                "observed",
                "p05",
                "p50",
                "p95",
                "verdict"));
    List<String> actual = new ArrayList<>();
    List<String> recorded = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      CsvRow row = rows.get(i);
      double[] s = samples[i];
      Arrays.sort(s);
      double low = Double.parseDouble(row.required("low"));
      double high = Double.parseDouble(row.required("high"));
      double p05 = quantile(s, 0.05);
      double p50 = quantile(s, 0.50);
      double p95 = quantile(s, 0.95);
      String verdict = verdict(low, high, p05, p50, p95);
      out.append(
          String.format(
              Locale.ROOT,
              "%-12s %5s %12s %8.2f-%-9.2f %10.2f %10.2f %10.2f  %s%n",
              row.required("measure"),
              row.required("month"),
              row.required("unit"),
              low,
              high,
              p05,
              p50,
              p95,
              verdict));
      actual.add(verdict);
      recorded.add(row.required("verdict"));
    }
    System.out.print(out);
    assertThat(actual).as("verdicts against the recorded ones%n%s", out).isEqualTo(recorded);
  }

  /**
   * Where the forecast stands against an observed range: {@code median_inside} when the median lies
   * in it; {@code overlap_above} or {@code overlap_below} when only the 90% interval reaches it;
   * {@code above} or {@code below} when the 90% interval misses it.
   */
  static String verdict(double low, double high, double p05, double p50, double p95) {
    if (p05 > high) {
      return "above";
    }
    if (p95 < low) {
      return "below";
    }
    if (p50 > high) {
      return "overlap_above";
    }
    return p50 < low ? "overlap_below" : "median_inside";
  }

  @Test
  void verdictsReadTheIntervalTheWayTheDocumentationSays() {
    assertThat(verdict(600, 1000, 700, 800, 900)).isEqualTo("median_inside");
    assertThat(verdict(600, 1000, 800, 1100, 1500)).isEqualTo("overlap_above");
    assertThat(verdict(600, 1000, 300, 500, 650)).isEqualTo("overlap_below");
    assertThat(verdict(600, 1000, 1001, 1200, 1500)).isEqualTo("above");
    assertThat(verdict(600, 1000, 100, 200, 599)).isEqualTo("below");
  }

  /** One sample per observed row: the row's measure in each replication, at the row's month. */
  private static double[][] sample(CompiledModel model, List<CsvRow> rows) {
    double[][] out = new double[rows.size()][RUNS];
    int[][][] locals = new int[rows.size()][model.cohortCount()][];
    for (int i = 0; i < rows.size(); i++) {
      Set<State> states = statesOf(rows.get(i));
      for (int c = 0; c < model.cohortCount(); c++) {
        List<Integer> idx = new ArrayList<>();
        for (State s : states) {
          for (int j : model.locals(c, s)) {
            idx.add(j);
          }
        }
        locals[i][c] = idx.stream().mapToInt(Integer::intValue).toArray();
      }
    }
    CohortEngine engine = new CohortEngine(model);
    for (int r = 0; r < RUNS; r++) {
      int rep = r;
      engine.simulate(
          SEED,
          rep,
          (month, stocks) -> {
            for (int i = 0; i < rows.size(); i++) {
              CsvRow row = rows.get(i);
              if (Integer.parseInt(row.required("month")) != month) {
                continue;
              }
              long inMeasure = 0;
              long everyone = 0;
              for (int c = 0; c < stocks.length; c++) {
                for (int j : locals[i][c]) {
                  inMeasure += stocks[c][j];
                }
                for (int n : stocks[c]) {
                  everyone += n;
                }
              }
              boolean share = row.required("unit").equals("share");
              out[i][rep] = share ? (double) inMeasure / everyone : inMeasure;
            }
          });
    }
    return out;
  }

  /** The empirical quantile of a sorted sample (inverse CDF, as in the hindcast). */
  private static double quantile(double[] sorted, double p) {
    int k = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, k))];
  }

  private static Set<State> statesOf(CsvRow row) {
    String measure = row.required("measure");
    if (MEASURES.containsKey(measure)) {
      return MEASURES.get(measure);
    }
    if (measure.equals("detained")) {
      return EnumSet.of(State.DETAINED, State.IN_CAMP, State.ARRESTED);
    }
    return EnumSet.of(stateNamed(measure));
  }

  private static boolean isState(CsvRow row) {
    String measure = row.required("measure");
    return measure.equals("detained")
        || Arrays.stream(State.values()).anyMatch(s -> s.id().equals(measure));
  }

  private static State stateNamed(String id) {
    for (State s : State.values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no state " + id);
  }

  private static Map<String, Set<State>> measures() {
    Map<String, Set<State>> m = new LinkedHashMap<>();
    m.put("neutralised", EnumSet.of(State.KILLED, State.DETAINED, State.IN_CAMP, State.ARRESTED));
    m.put("went_home", EnumSet.of(State.RETURNED, State.DISENGAGED, State.PROSECUTED));
    m.put(
        "fighting_on",
        EnumSet.of(
            State.IN_THEATRE,
            State.TRANSIT,
            State.INSURGENT,
            State.OTHER_GROUP,
            State.RELOCATED,
            State.DISPATCHED,
            State.ATTACK));
    return m;
  }

  /** The source ids a text names. */
  private static Set<String> idsIn(String text) {
    Set<String> ids = new TreeSet<>();
    Matcher m = SOURCE_ID.matcher(text);
    while (m.find()) {
      ids.add(m.group());
    }
    return ids;
  }

  private static java.nio.file.Path builtInPath() {
    return java.nio.file.Path.of(
        "src/main/resources/" + ScenarioReader.BUILT_IN_DIRECTORY + NAME + ".yaml");
  }

  private static CsvTable table(String resource) throws IOException {
    try (InputStream in =
        HistoricalScenarioTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String file = resource.substring(resource.lastIndexOf('/') + 1);
      return CsvReader.read(file, new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }
}
