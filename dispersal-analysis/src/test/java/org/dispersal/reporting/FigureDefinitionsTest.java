package org.dispersal.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.calibration.Target;
import org.dispersal.calibration.TargetResolver;
import org.dispersal.engine.Cohort;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.State;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.testkit.Stats;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * The definitional mappings on a two-country model ({@link TestScenarios#calibratable}: France and
 * Tunisia), where every answer is exact: which compartments each definition adds up, cell for cell;
 * the law of the thinned counts (chi-square at fixed seeds, each failing falsely with probability
 * 0.001); the sum over the reporting countries only.
 */
class FigureDefinitionsTest {

  private static final CompiledModel MODEL = new CompiledModel(TestScenarios.calibratable(0.3));
  private static final TargetResolver RESOLVER = new TargetResolver(MODEL);
  private static final double ALPHA = 0.001;

  private static ObservationRecord figure(
      String scope, String scopeId, ObservedMeasure measure, String source, String definition) {
    YearMonth m = YearMonth.from(MODEL.scenario().start());
    return new ObservationRecord(
        "t.csv",
        2,
        m.toString(),
        m.atDay(1),
        m.atEndOfMonth(),
        m.toString(),
        m.atEndOfMonth(),
        scope,
        scopeId,
        "all",
        measure,
        10,
        10,
        source,
        definition);
  }

  /** The states of the compartments a target adds up for one cohort. */
  private static Set<State> states(Target t, Cohort c) {
    Set<State> out = new HashSet<>();
    for (int j : t.cells()[c.index()]) {
      out.add(MODEL.compartments().get(c.compartments()[j]).state());
    }
    return out;
  }

  @Test
  void theResidualIsEveryoneNotHomeAndNotKilledPlusTheUnconfirmedDeadCellForCell()
      throws Exception {
    ObservationRecord r =
        figure("country", "FRA", ObservedMeasure.IN_THEATRE, "SRC", Definition.RESIDUAL.id());
    FigureDefinitions.Mapping m = FigureDefinitions.map(RESOLVER, r, Map.of());
    assertThat(m.alternatives()).hasSize(1);
    FigureDefinitions.Alternative a = m.alternatives().get(0);
    assertThat(a.keep()).isEqualTo(1 - FigureDefinitions.CONFIRMED_DEATH_SHARE);
    Target returned =
        RESOLVER
            .resolve("r", r.month(), "country", "FRA", "all", ObservedMeasure.RETURNED, r.range())
            .target();
    Target inTheatre =
        RESOLVER
            .resolve("i", r.month(), "country", "FRA", "all", ObservedMeasure.IN_THEATRE, r.range())
            .target();
    int checked = 0;
    for (Cohort c : MODEL.cohorts()) {
      Set<Integer> base = new HashSet<>();
      for (int j : a.base().cells()[c.index()]) {
        base.add(j);
      }
      Set<Integer> thinned = new HashSet<>();
      for (int j : a.thinned().cells()[c.index()]) {
        thinned.add(j);
      }
      Set<Integer> home = new HashSet<>();
      for (int j : returned.cells()[c.index()]) {
        home.add(j);
      }
      boolean france = c.origin().id().equals("FRA");
      for (int j = 0; j < c.compartments().length; j++) {
        State s = MODEL.compartments().get(c.compartments()[j]).state();
        // every compartment of France's cohorts is in exactly one of: home, killed, the residual
        int in = (base.contains(j) ? 1 : 0) + (thinned.contains(j) ? 1 : 0);
        if (!france) {
          assertThat(in).isZero();
          continue;
        }
        assertThat(in + (home.contains(j) ? 1 : 0)).as("compartment %s", s).isEqualTo(1);
        assertThat(thinned.contains(j)).isEqualTo(s == State.KILLED);
        checked++;
      }
      if (france) {
        assertThat(states(a.base(), c))
            .containsAll(states(inTheatre, c))
            .doesNotContain(State.KILLED, State.RETURNED, State.PROSECUTED);
        if (states(a.base(), c).isEmpty()) {
          continue;
        }
        assertThat(states(inTheatre, c)).contains(State.IN_THEATRE);
        for (State s : new State[] {State.DETAINED, State.IN_CAMP}) {
          if (MODEL.compartments().stream().anyMatch(x -> x.state() == s)) {
            assertThat(states(a.base(), c)).contains(s);
          }
        }
      }
    }
    assertThat(checked).isPositive();
    // in one replication: base + Binomial(killed, 1 - share); with no one killed, exactly the base
    double[] sample = m.sample(new double[][] {{120, 7}, {0, 0}}, rng(1));
    assertThat(sample).containsExactly(120, 7);
  }

  @Test
  void confirmedDeathsAreTheKilledThinnedBinomially() throws Exception {
    ObservationRecord r =
        figure("country", "TUN", ObservedMeasure.KILLED, "SRC", Definition.CONFIRMED.id());
    FigureDefinitions.Mapping m = FigureDefinitions.map(RESOLVER, r, Map.of());
    assertThat(m.targets()).hasSize(1);
    assertThat(states(m.targets().get(0), MODEL.cohorts().get(0))).isSubsetOf(State.KILLED);
    int killed = 60;
    int n = 40_000;
    double[] counts = new double[n];
    java.util.Arrays.fill(counts, killed);
    double[] sample = m.sample(new double[][] {counts}, rng(20170213));
    assertBinomial(sample, killed, FigureDefinitions.CONFIRMED_DEATH_SHARE);
  }

  @Test
  void theResidualsUnconfirmedDeadFollowTheComplementaryBinomial() throws Exception {
    FigureDefinitions.Mapping m =
        FigureDefinitions.map(
            RESOLVER,
            figure("country", "FRA", ObservedMeasure.IN_THEATRE, "SRC", "residual"),
            Map.of());
    int n = 40_000;
    double[] base = new double[n];
    double[] killed = new double[n];
    java.util.Arrays.fill(base, 0);
    java.util.Arrays.fill(killed, 80);
    double[] sample = m.sample(new double[][] {base, killed}, rng(99));
    assertBinomial(sample, 80, 1 - FigureDefinitions.CONFIRMED_DEATH_SHARE);
  }

  private static void assertBinomial(double[] sample, int trials, double p) {
    BinomialDistribution law = BinomialDistribution.of(trials, p);
    double[] probs = new double[trials + 1];
    long[] observed = new long[trials + 1];
    for (int k = 0; k <= trials; k++) {
      probs[k] = law.probability(k);
    }
    for (double v : sample) {
      assertThat(v).isBetween(0.0, (double) trials).isEqualTo(Math.rint(v));
      observed[(int) v]++;
    }
    assertThat(Stats.chiSquarePValue(probs, observed)).isGreaterThan(ALPHA);
  }

  @Test
  void aTotalOverReportingCountriesSumsExactlyThoseCountries() throws Exception {
    ObservationRecord r =
        figure("world", "", ObservedMeasure.RETURNED, "SRC", "reporting_countries");
    FigureDefinitions.Mapping m =
        FigureDefinitions.map(RESOLVER, r, Map.of("returned", Set.of("TUN"), "killed", Set.of()));
    Target t = m.targets().get(0);
    Target tunisia =
        RESOLVER
            .resolve("t", r.month(), "country", "TUN", "all", ObservedMeasure.RETURNED, r.range())
            .target();
    for (Cohort c : MODEL.cohorts()) {
      assertThat(t.cells()[c.index()]).containsExactly(tunisia.cells()[c.index()]);
    }
    // a country that reported only another measure does not count; none reporting: unresolvable
    assertThatThrownBy(
            () ->
                FigureDefinitions.map(
                    RESOLVER, r, Map.of("killed", Set.of("FRA", "TUN"), "returned", Set.of())))
        .isInstanceOf(TargetResolver.UnresolvableException.class);
    // both reporting: the world's count over the country origins
    Target both =
        FigureDefinitions.map(RESOLVER, r, Map.of("returned", Set.of("FRA", "TUN")))
            .targets()
            .get(0);
    Target world =
        RESOLVER
            .resolve("w", r.month(), "world", "", "all", ObservedMeasure.RETURNED, r.range())
            .target();
    for (Cohort c : MODEL.cohorts()) {
      int[] expected = c.origin().country() ? world.cells()[c.index()] : new int[0];
      assertThat(both.cells()[c.index()]).containsExactly(expected);
    }
  }

  @Test
  void theDefinitionComesFromTheColumnThenTheSourcesRuleElseAMixture() {
    ObservationRecord column =
        figure("country", "FRA", ObservedMeasure.KILLED, "ICCT2016", "count");
    assertThat(FigureDefinitions.candidates(column))
        .containsExactly(new FigureDefinitions.Weighted(Definition.COUNT, 1.0));
    ObservationRecord rule = figure("country", "FRA", ObservedMeasure.KILLED, "ICCT2016", "");
    assertThat(FigureDefinitions.candidates(rule))
        .containsExactly(new FigureDefinitions.Weighted(Definition.CONFIRMED, 1.0));
    assertThat(FigureDefinitions.describe(rule)).contains("rule for ICCT2016");
    ObservationRecord unknown = figure("country", "FRA", ObservedMeasure.KILLED, "SRC", "");
    assertThat(FigureDefinitions.given(unknown)).isNull();
    assertThat(FigureDefinitions.candidates(unknown))
        .containsExactly(
            new FigureDefinitions.Weighted(
                Definition.COUNT, 1 - FigureDefinitions.UNKNOWN_KILLED_CONFIRMED_WEIGHT),
            new FigureDefinitions.Weighted(
                Definition.CONFIRMED, FigureDefinitions.UNKNOWN_KILLED_CONFIRMED_WEIGHT));
    ObservationRecord theatre = figure("country", "FRA", ObservedMeasure.IN_THEATRE, "SRC", "");
    assertThat(FigureDefinitions.candidates(theatre))
        .extracting(FigureDefinitions.Weighted::definition)
        .containsExactly(Definition.COUNT, Definition.RESIDUAL);
    ObservationRecord countryReturned =
        figure("country", "FRA", ObservedMeasure.RETURNED, "SRC", "");
    assertThat(FigureDefinitions.candidates(countryReturned))
        .containsExactly(new FigureDefinitions.Weighted(Definition.COUNT, 1.0));
    ObservationRecord total = figure("world", "", ObservedMeasure.RETURNED, "SRC", "");
    assertThat(FigureDefinitions.candidates(total))
        .extracting(FigureDefinitions.Weighted::definition)
        .containsExactly(Definition.COUNT, Definition.REPORTING_COUNTRIES);
    // a rule for a scope does not reach other scopes
    ObservationRecord tscWorld = figure("world", "", ObservedMeasure.RETURNED, "TSC2017", "");
    ObservationRecord tscFrance = figure("country", "FRA", ObservedMeasure.RETURNED, "TSC2017", "");
    assertThat(FigureDefinitions.given(tscWorld)).isEqualTo(Definition.REPORTING_COUNTRIES);
    assertThat(FigureDefinitions.given(tscFrance)).isNull();
  }

  @Test
  void everySourceRuleFitsItsMeasureAndCitesABasis() {
    for (FigureDefinitions.Rule rule : FigureDefinitions.SOURCE_RULES) {
      String scope = rule.scope() == null ? "countries" : rule.scope();
      assertThat(rule.definition().allows(rule.measure(), scope)).as(rule.toString()).isTrue();
      assertThat(rule.basis()).isNotBlank();
    }
    assertThat(FigureDefinitions.CONFIRMED_DEATH_SHARE)
        .isBetween(
            FigureDefinitions.CONFIRMED_DEATH_SHARE_LOW,
            FigureDefinitions.CONFIRMED_DEATH_SHARE_HIGH);
    assertThat(FigureDefinitions.CONFIRMED_DEATH_SHARE_LOW).isCloseTo(0.609, within(0.001));
  }

  @Test
  void anUnknownDefinitionIsAMixtureWithItsPriorWeights() throws Exception {
    ObservationRecord r = figure("world", "", ObservedMeasure.RETURNED, "SRC", "");
    FigureDefinitions.Mapping m =
        FigureDefinitions.map(RESOLVER, r, Map.of("returned", Set.of("FRA")));
    assertThat(m.alternatives())
        .extracting(FigureDefinitions.Alternative::definition)
        .containsExactly(Definition.COUNT, Definition.REPORTING_COUNTRIES);
    assertThat(m.note())
        .contains("definition unknown: mixture count 0.50 reporting_countries 0.50");
    int n = 20_000;
    double[] world = new double[n];
    double[] france = new double[n];
    java.util.Arrays.fill(world, 500);
    java.util.Arrays.fill(france, 200);
    double[] sample = m.sample(new double[][] {world, france}, rng(5));
    long[] observed = new long[2];
    for (double v : sample) {
      assertThat(v).isIn(500.0, 200.0);
      observed[v == 500.0 ? 0 : 1]++;
    }
    double w = FigureDefinitions.UNKNOWN_TOTAL_REPORTING_WEIGHT;
    assertThat(Stats.chiSquarePValue(new double[] {1 - w, w}, observed)).isGreaterThan(ALPHA);
    // no reporting country: the mixture falls back on the count alone, and says so
    FigureDefinitions.Mapping alone = FigureDefinitions.map(RESOLVER, r, Map.of());
    assertThat(alone.alternatives()).hasSize(1);
    assertThat(alone.alternatives().get(0).weight()).isEqualTo(1.0);
    assertThat(alone.note()).contains("reporting_countries not laid out");
  }

  @Test
  void theExactLawAgreesWithTheBinomialAndTheMixtureWeights() throws Exception {
    FigureDefinitions.Mapping residual =
        FigureDefinitions.map(
            RESOLVER,
            figure("country", "FRA", ObservedMeasure.IN_THEATRE, "SRC", "residual"),
            Map.of());
    double q = 1 - FigureDefinitions.CONFIRMED_DEATH_SHARE;
    BinomialDistribution law = BinomialDistribution.of(50, q);
    // P(base + Binomial(50, q) <= 110) with base 100 is the binomial CDF at 10
    double p =
        FigureDefinitions.probability(residual, new double[] {100, 50}, c -> c <= 110 ? 1 : 0);
    assertThat(p).isCloseTo(law.cumulativeProbability(10), within(1e-12));
    // a mixture: count (the first target) with weight 1/2, residual-free reporting total 1/2
    FigureDefinitions.Mapping mixture =
        FigureDefinitions.map(
            RESOLVER,
            figure("world", "", ObservedMeasure.RETURNED, "SRC", ""),
            Map.of("returned", Set.of("FRA")));
    double both =
        FigureDefinitions.probability(mixture, new double[] {500, 200}, c -> c == 200 ? 1 : 0);
    assertThat(both).isCloseTo(FigureDefinitions.UNKNOWN_TOTAL_REPORTING_WEIGHT, within(1e-15));
  }

  @Test
  void reportingCountriesAreReadFromTheFiguresSubjects() {
    LocalDate d = LocalDate.of(2016, 1, 1);
    Map<String, Set<String>> rc =
        FigureDefinitions.reportingCountries(
            List.of(
                new ReportedFigure("country:FRA:all:returned", "A", SourceType.PRESS, d, 10),
                new ReportedFigure("country:TUN:all:travelled", "A", SourceType.PRESS, d, 10),
                new ReportedFigure("country:DEU:women:returned", "A", SourceType.PRESS, d, 1),
                new ReportedFigure("world::all:returned", "A", SourceType.PRESS, d, 10)));
    assertThat(rc.get("returned")).containsExactly("DEU", "FRA");
    assertThat(rc.get("travelled")).containsExactly("TUN");
  }

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.SPLIT_MIX_64.create(seed);
  }
}
