package org.dispersal.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.calibration.Target;
import org.dispersal.calibration.TargetResolver;
import org.dispersal.engine.CompiledModel;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.observation.TestFigures;
import org.dispersal.testkit.Stats;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * New reporters of a {@code reporting_countries} total: the pace estimated from first-figure dates
 * (exact values; figures after the forecast date never change it), and the draw of which countries
 * join (exactly today's mapping at rate 0; the exact law of the countries added, chi-square at a
 * fixed seed failing falsely with probability 0.001).
 */
class ReportersTest {

  private static final LocalDate AS_OF = LocalDate.of(2017, 2, 13);
  private static final CompiledModel MODEL = new CompiledModel(TestScenarios.calibratable(0.3));
  private static final TargetResolver RESOLVER = new TargetResolver(MODEL);
  private static final double ALPHA = 0.001;
  private static final double DAYS_PER_MONTH = 365.25 / 12;

  private static ReportedFigure returned(String iso3, LocalDate date) {
    return new ReportedFigure(
        "country:" + iso3 + ":all:returned", "S", SourceType.GOVERNMENT, date, 10);
  }

  @Test
  void thePaceIsTheGammaPoissonMeanOfTheFirstFiguresInTheWindow() {
    List<ReportedFigure> figures =
        List.of(
            returned("FRA", LocalDate.of(2014, 9, 12)), // before the window: reporting, not new
            returned("FRA", LocalDate.of(2016, 1, 1)), // not FRA's first
            returned("DEU", LocalDate.of(2015, 6, 1)),
            returned("TUN", LocalDate.of(2016, 6, 1)),
            new ReportedFigure("country:BEL:all:travelled", "S", SourceType.PRESS, AS_OF, 5),
            new ReportedFigure("world::all:returned", "S", SourceType.PRESS, AS_OF, 5));
    Reporters r = Reporters.estimate(figures, AS_OF);
    assertThat(r.countries().get("returned")).containsExactly("DEU", "FRA", "TUN");
    assertThat(r.countries().get("travelled")).containsExactly("BEL");
    Reporters.Onset o = r.onsets().get("returned");
    double months =
        ChronoUnit.DAYS.between(AS_OF.minusMonths(Reporters.WINDOW_MONTHS), AS_OF) / DAYS_PER_MONTH;
    assertThat(o.firsts()).isEqualTo(2);
    assertThat(o.months()).isCloseTo(months, within(1e-12));
    assertThat(o.perMonth())
        .isCloseTo(
            (Reporters.PRIOR_COUNTRIES + 2) / (Reporters.PRIOR_MONTHS + months), within(1e-15));
    // Δ months after the forecast date: λ̂·Δ; none on or before it
    LocalDate published = LocalDate.of(2017, 10, 24);
    assertThat(r.expectedNew("returned", published))
        .isCloseTo(
            o.perMonth() * ChronoUnit.DAYS.between(AS_OF, published) / DAYS_PER_MONTH,
            within(1e-12));
    assertThat(r.expectedNew("returned", AS_OF)).isZero();
    assertThat(r.expectedNew("killed", published)).isZero();
    // a measure first reported inside the window: the exposure starts at its first figure
    Reporters young =
        Reporters.estimate(List.of(returned("TUN", LocalDate.of(2016, 8, 13))), AS_OF);
    Reporters.Onset y = young.onsets().get("returned");
    double t = ChronoUnit.DAYS.between(LocalDate.of(2016, 8, 13), AS_OF) / DAYS_PER_MONTH;
    assertThat(y.firsts()).isEqualTo(1);
    assertThat(y.perMonth())
        .isCloseTo((Reporters.PRIOR_COUNTRIES + 1) / (Reporters.PRIOR_MONTHS + t), within(1e-15));
  }

  @Test
  void theCountriesAreTheReportingCountriesAndALaterDatedFigureCountsAsReportedOnTheDate() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(13L);
    String[] isos = {"FRA", "TUN", "DEU", "BEL", "MAR", "GBR", "SWE", "AUS"};
    String[] measures = {"returned", "killed", "travelled"};
    for (int trial = 0; trial < 200; trial++) {
      List<ReportedFigure> figures = new ArrayList<>();
      int n = rng.nextInt(12);
      for (int i = 0; i < n; i++) {
        figures.add(
            new ReportedFigure(
                "country:" + isos[rng.nextInt(isos.length)] + ":all:" + measures[rng.nextInt(3)],
                "S",
                SourceType.PRESS,
                AS_OF.minusDays(1500).plusDays(rng.nextInt(1800)),
                1));
      }
      assertThat(Reporters.estimate(figures, AS_OF).countries())
          .isEqualTo(FigureDefinitions.reportingCountries(figures));
    }
    // a figure public by the date that describes a later one (a whole year) was first reported
    // on the date at the latest
    Reporters later = Reporters.estimate(List.of(returned("TUN", AS_OF.plusMonths(10))), AS_OF);
    assertThat(later.countries().get("returned")).containsExactly("TUN");
    assertThat(later.onsets().get("returned").months()).isZero();
    assertThat(later.onsets().get("returned").firsts()).isEqualTo(1);
  }

  private static ObservationRecord worldReturned(LocalDate published) {
    YearMonth m = YearMonth.from(MODEL.scenario().start());
    return new ObservationRecord(
        "t.csv",
        2,
        m.toString(),
        m.atDay(1),
        m.atEndOfMonth(),
        published.toString(),
        published,
        "world",
        "",
        "all",
        ObservedMeasure.RETURNED,
        5600,
        null,
        "SRC",
        "reporting_countries");
  }

  private static Reporters withRate(double perMonth) {
    return new Reporters(
        Map.of("returned", Set.of("FRA")),
        Map.of("returned", new Reporters.Onset(AS_OF, 3, 24, perMonth)));
  }

  @Test
  void theCountriesThatHadNotReportedJoinWithTheirInitialStockAsWeight() throws Exception {
    LocalDate published = LocalDate.of(2017, 10, 24);
    FigureDefinitions.Mapping m =
        FigureDefinitions.map(RESOLVER, worldReturned(published), withRate(0.5));
    FigureDefinitions.Joiners j = m.alternatives().get(0).joiners();
    assertThat(j.origins()).containsExactly("TUN");
    double tunisia =
        MODEL.scenario().origins().stream()
            .filter(o -> o.id().equals("TUN"))
            .findFirst()
            .orElseThrow()
            .travelled()
            .mid();
    assertThat(j.weights()).containsExactly(Math.pow(tunisia, Reporters.STOCK_EXPONENT));
    assertThat(j.mean())
        .isCloseTo(0.5 * ChronoUnit.DAYS.between(AS_OF, published) / DAYS_PER_MONTH, within(1e-12));
    assertThat(m.targets()).hasSize(2);
    // published by the forecast date: no new reporters
    assertThat(
            FigureDefinitions.map(RESOLVER, worldReturned(AS_OF), withRate(0.5))
                .alternatives()
                .get(0)
                .joiners())
        .isNull();
  }

  @Test
  void atRateZeroTheMappingIsExactlyTheOneWithoutNewReporters() throws Exception {
    ObservationRecord r = worldReturned(LocalDate.of(2017, 10, 24));
    FigureDefinitions.Mapping today =
        FigureDefinitions.map(RESOLVER, r, Map.of("returned", Set.of("FRA")));
    FigureDefinitions.Mapping zero = FigureDefinitions.map(RESOLVER, r, withRate(0));
    assertThat(zero).usingRecursiveComparison().isEqualTo(today);
    // an unknown definition (a mixture) too: same alternatives, same draws
    ObservationRecord unknown = TestFigures.withDefinition(r, "");
    FigureDefinitions.Mapping mixToday =
        FigureDefinitions.map(RESOLVER, unknown, Map.of("returned", Set.of("FRA")));
    FigureDefinitions.Mapping mixZero = FigureDefinitions.map(RESOLVER, unknown, withRate(0));
    assertThat(mixZero).usingRecursiveComparison().isEqualTo(mixToday);
    // joiners whose mean is 0 draw nothing and add nothing
    FigureDefinitions.Alternative a = today.alternatives().get(0);
    FigureDefinitions.Mapping meanZero =
        new FigureDefinitions.Mapping(
            List.of(
                new FigureDefinitions.Alternative(
                    a.definition(),
                    1,
                    a.base(),
                    null,
                    0,
                    new FigureDefinitions.Joiners(
                        List.of("TUN"), List.of(a.base()), new double[] {1}, 0))),
            "");
    double[][] samples = {{3, 4, 5}, {100, 100, 100}};
    UniformRandomProvider reporters = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
    assertThat(meanZero.sample(samples, rng(2), reporters)).containsExactly(3, 4, 5);
    assertThat(reporters.nextLong())
        .isEqualTo(RandomSource.XO_RO_SHI_RO_128_PP.create(1L).nextLong());
  }

  @Test
  void theCountriesAddedFollowTheirExactLaw() throws Exception {
    // three countries whose counts 1, 10 and 100 spell out which joined; weights 1, 2, 3
    ObservationRecord r = worldReturned(AS_OF);
    Target t =
        RESOLVER
            .resolve("t", r.month(), "country", "TUN", "all", ObservedMeasure.RETURNED, r.range())
            .target();
    double[] w = {1, 2, 3};
    double mean = 1.3;
    FigureDefinitions.Mapping m =
        new FigureDefinitions.Mapping(
            List.of(
                new FigureDefinitions.Alternative(
                    Definition.REPORTING_COUNTRIES,
                    1,
                    t,
                    null,
                    0,
                    new FigureDefinitions.Joiners(
                        List.of("A", "B", "C"), List.of(t, t, t), w, mean))),
            "");
    int n = 40_000;
    double[][] samples = new double[4][n];
    Arrays.fill(samples[1], 1);
    Arrays.fill(samples[2], 10);
    Arrays.fill(samples[3], 100);
    double[] out = m.sample(samples, rng(7), rng(20171024));
    // outcomes: the sum of the chosen counts, a subset of {A, B, C}
    int[] sums = {0, 1, 10, 100, 11, 101, 110, 111};
    PoissonDistribution poisson = PoissonDistribution.of(mean);
    double p0 = poisson.probability(0);
    double p1 = poisson.probability(1);
    double p2 = poisson.probability(2);
    double p3 = 1 - p0 - p1 - p2;
    double total = 6;
    double[] probs = new double[8];
    probs[0] = p0;
    for (int i = 0; i < 3; i++) {
      probs[1 + i] = p1 * w[i] / total;
    }
    // two of three drawn successively: either order
    int[][] pairs = {{0, 1}, {0, 2}, {1, 2}};
    for (int k = 0; k < 3; k++) {
      int i = pairs[k][0];
      int j = pairs[k][1];
      probs[4 + k] =
          p2 * (w[i] / total * w[j] / (total - w[i]) + w[j] / total * w[i] / (total - w[j]));
    }
    probs[7] = p3;
    long[] observed = new long[8];
    for (double v : out) {
      int c = indexOf(sums, (int) v);
      assertThat(c).as("outcome %s", v).isNotNegative();
      observed[c]++;
    }
    assertThat(Arrays.stream(probs).sum()).isCloseTo(1, within(1e-12));
    assertThat(Stats.chiSquarePValue(probs, observed)).isGreaterThan(ALPHA);
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
  }
}
