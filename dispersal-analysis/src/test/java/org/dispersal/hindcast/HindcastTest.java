package org.dispersal.hindcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.dispersal.observation.TestFigures.withDefinition;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.observation.Publication;
import org.dispersal.observation.TestFigures;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.reporting.SourceType;
import org.dispersal.scoring.Baselines;
import org.dispersal.scoring.ForecastScore;
import org.dispersal.scoring.Scores;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HindcastTest {

  private static final LocalDate AS_OF = LocalDate.of(2017, 2, 13);

  /** A figure dated in a month and published at the end of another. */
  private static ObservationRecord figure(
      int line,
      String month,
      String published,
      String scope,
      String scopeId,
      ObservedMeasure measure,
      int value) {
    return TestFigures.monthly(line, month, published, scope, scopeId, measure, value, value);
  }

  private static final ObservedMeasure TRAVELLED = ObservedMeasure.TRAVELLED;

  // published by the as-of date, resolvable: calibration
  private static final ObservationRecord KNOWN_DEC =
      figure(2, "2016-12", "2017-01", "world", "", TRAVELLED, 4000);
  private static final ObservationRecord KNOWN_JAN =
      figure(3, "2017-01", "2017-01", "world", "", TRAVELLED, 4500);
  private static final ObservationRecord KNOWN_RETURNED =
      figure(4, "2017-01", "2017-01", "world", "", ObservedMeasure.RETURNED, 1500);
  // published by the as-of date, no origin: trend history only
  private static final ObservationRecord KNOWN_DEU =
      figure(5, "2017-01", "2017-01", "country", "DEU", TRAVELLED, 100);
  // dated after the as-of date: scored
  private static final ObservationRecord LATER_WORLD =
      figure(6, "2017-05", "2017-06", "world", "", TRAVELLED, 4000);
  private static final ObservationRecord LATER_FRA =
      figure(7, "2017-05", "2017-06", "country", "FRA", TRAVELLED, 2000);
  private static final ObservationRecord LATER_TUN =
      figure(8, "2017-05", "2017-06", "country", "TUN", TRAVELLED, 2500);
  // dated after, but cannot be laid out: not scored
  private static final ObservationRecord LATER_DEU =
      figure(9, "2017-05", "2017-06", "country", "DEU", TRAVELLED, 100);
  private static final ObservationRecord BEYOND_HORIZON =
      figure(10, "2018-06", "2018-07", "world", "", TRAVELLED, 5000);
  // dated before the as-of date, published after it: neither
  private static final ObservationRecord LATE_NEWS =
      figure(11, "2017-01", "2017-03", "world", "", TRAVELLED, 5000);

  private static final List<ObservationRecord> RECORDS =
      List.of(
          KNOWN_DEC,
          KNOWN_JAN,
          KNOWN_RETURNED,
          KNOWN_DEU,
          LATER_WORLD,
          LATER_FRA,
          LATER_TUN,
          LATER_DEU,
          BEYOND_HORIZON,
          LATE_NEWS);

  /**
   * Runs on {@link TestScenarios#calibratable}: nobody travels after the start, so every
   * replication counts 5,000 travelled in the world at every month: the forecast of that count is
   * known exactly.
   */
  private static Hindcast.Result run(Publication publication, int simulations) {
    return Hindcast.run(
        TestScenarios.calibratable(0.3),
        publication,
        RECORDS,
        new Hindcast.Settings(AS_OF, 40, 7, 1, 20, simulations),
        done -> {});
  }

  private static Map<ObservationRecord, Hindcast.Row> byRecord(Hindcast.Result result) {
    Map<ObservationRecord, Hindcast.Row> rows = new LinkedHashMap<>();
    result.rows().forEach(r -> rows.put(r.record(), r));
    return rows;
  }

  @Test
  void everyRowEndsInExactlyOneOutcome() {
    Hindcast.Result result = run(Publication.AS_WRITTEN, 0);
    assertThat(result.rows()).extracting(Hindcast.Row::record).containsExactlyElementsOf(RECORDS);
    assertThat(result.rows())
        .extracting(Hindcast.Row::status)
        .allMatch(s -> Set.of("calibration", "scored", "not_scored").contains(s));
    Map<ObservationRecord, Hindcast.Row> rows = byRecord(result);
    for (ObservationRecord r : List.of(KNOWN_DEC, KNOWN_JAN, KNOWN_RETURNED)) {
      assertThat(rows.get(r).status()).isEqualTo("calibration");
    }
    for (ObservationRecord r : List.of(LATER_WORLD, LATER_FRA, LATER_TUN)) {
      assertThat(rows.get(r).status()).isEqualTo("scored");
      assertThat(rows.get(r).score()).isNotNull();
    }
    for (ObservationRecord r : List.of(KNOWN_DEU, LATER_DEU, BEYOND_HORIZON, LATE_NEWS)) {
      Hindcast.Row row = rows.get(r);
      assertThat(row.status()).isEqualTo("not_scored");
      assertThat(row.score()).isNull();
      assertThat(row.note()).isNotBlank();
    }
    assertThat(rows.get(KNOWN_DEU).note()).contains("trend history only");
    assertThat(rows.get(LATE_NEWS).note()).contains("published after it");
    assertThat(result.scored()).hasSize(3);
  }

  @Test
  void figuresPublishedAfterTheDateNeverCalibrate() {
    Hindcast.Result result = run(Publication.AS_WRITTEN, 300);
    assertThat(result.calibration()).isNotNull();
    assertThat(result.calibrationRows())
        .extracting(r -> r.record())
        .containsExactly(KNOWN_DEC, KNOWN_JAN, KNOWN_RETURNED)
        .allMatch(r -> !r.publishedLast().isAfter(AS_OF));
  }

  @Test
  void thePublicationRuleDecidesWhatIsKnown() {
    Hindcast.Result result = run((record, asOf) -> false, 300);
    assertThat(result.calibration()).isNull();
    assertThat(result.calibrationRows()).isEmpty();
    assertThat(result.rows()).noneMatch(r -> r.status().equals("calibration"));
    // without a history, no trend baseline
    assertThat(byRecord(result).get(LATER_WORLD).trend()).isNaN();
  }

  @Test
  void scoresAreTheScoringFunctionsOnTheSample() {
    Hindcast.Result result = run(Publication.AS_WRITTEN, 0);
    for (Hindcast.Row row : result.scored()) {
      assertThat(row.sample()).hasSize(40);
      assertThat(row.score()).isEqualTo(ForecastScore.of(row.sample(), row.record().range()));
      assertThat(row.score().crps()).isEqualTo(Scores.crps(row.sample(), row.record().range()));
    }
    Hindcast.Row world = byRecord(result).get(LATER_WORLD);
    List<Baselines.Point> history = new ArrayList<>();
    for (ObservationRecord k : List.of(KNOWN_DEC, KNOWN_JAN)) {
      history.add(new Baselines.Point(k.lastDay().toEpochDay(), k.range().representative()));
    }
    double trend = Baselines.trend(history, LATER_WORLD.lastDay().toEpochDay(), true);
    assertThat(world.trend()).isEqualTo(trend);
    assertThat(world.crpsTrend()).isEqualTo(Scores.crpsPoint(trend, LATER_WORLD.range()));
  }

  @Test
  void aConstantForecastHasAKnownScore() {
    Map<ObservationRecord, Hindcast.Row> rows = byRecord(run(Publication.AS_WRITTEN, 0));
    // every replication counts 5,000 travelled; the figure says 4,000
    Hindcast.Row world = rows.get(LATER_WORLD);
    assertThat(world.sample()).containsOnly(5000.0);
    assertThat(world.month()).isEqualTo(3);
    assertThat(world.score().p50()).isEqualTo(5000);
    assertThat(world.score().crps()).isCloseTo(1000, within(1e-9));
    assertThat(world.crpsPersistence()).isCloseTo(1000, within(1e-9));
    assertThat(world.score().in90()).isFalse();
    // 4,000 at the end of December and 4,500 at the end of January: +500 in 31 days, read 120
    // days after the end of January and never below the last value
    assertThat(world.trend()).isCloseTo(4500 + 500 * 120 / 31.0, within(1e-6));
    assertThat(world.fleeArd()).isNaN();
    // France and Tunisia: point country figures of one measure and date, forecast exactly
    Hindcast.Row fra = rows.get(LATER_FRA);
    Hindcast.Row tun = rows.get(LATER_TUN);
    assertThat(fra.score().crps()).isCloseTo(0, within(1e-9));
    assertThat(tun.score().crps()).isCloseTo(500, within(1e-9));
    double ard =
        Baselines.averagedRelativeDifference(new double[] {2000, 3000}, new double[] {2000, 2500});
    assertThat(fra.fleeArd()).isEqualTo(ard).isEqualTo(tun.fleeArd());
  }

  private static Hindcast.Result reported(int threads) {
    ReportingModel model =
        new ReportingModel(AS_OF, 0.2, 0.05, 0.8, Map.of(SourceType.GOVERNMENT, 0.1), 10, 5, 0);
    return Hindcast.run(
        TestScenarios.calibratable(0.3),
        Publication.AS_WRITTEN,
        RECORDS,
        new Hindcast.Settings(AS_OF, 40, 7, threads, 20, 60),
        new Hindcast.Reporting(model, id -> SourceType.GOVERNMENT),
        done -> {});
  }

  /**
   * Every replication counts 5,000 in the world, so the forecast of a published world figure is the
   * reporting model's distribution around it: 4 draws per replication, spread on the log scale, its
   * median near 5,000 × e^0.1; the same for 1 and 2 threads, calibration included.
   */
  @Test
  void withAReportingModelItForecastsThePublishedFigure() {
    Hindcast.Result one = reported(1);
    Hindcast.Result two = reported(2);
    Hindcast.Row world = byRecord(one).get(LATER_WORLD);
    assertThat(world.sample()).hasSize(40 * Hindcast.REPORTING_DRAWS);
    assertThat(world.score().p50())
        .isBetween(5000 * Math.exp(0.1) * 0.9, 5000 * Math.exp(0.1) * 1.1);
    assertThat(world.score().p95()).isGreaterThan(world.score().p05() * 1.3);
    assertThat(one.reporting()).isNotNull();
    assertThat(one.calibration()).isNotNull();
    for (int i = 0; i < one.rows().size(); i++) {
      assertThat(two.rows().get(i).sample()).isEqualTo(one.rows().get(i).sample());
    }
    assertThat(two.calibration().posterior().values())
        .isDeepEqualTo(one.calibration().posterior().values());
    assertThat(two.calibration().posterior().weights())
        .isEqualTo(one.calibration().posterior().weights());
  }

  /**
   * Rolling origins: the hindcast from 2017-02-13 and the same one labelled a month later score the
   * same figures; assimilation compares their mean CRPS on the figures both scored, and horizons
   * count months from each forecast date.
   */
  @Test
  void assimilationComparesForecastDatesOnTheSameFigures() {
    Hindcast.Result early = run(Publication.AS_WRITTEN, 0);
    List<HindcastScorecard.Assimilation> same =
        HindcastScorecard.assimilation(List.of(early, early));
    assertThat(same).hasSize(2);
    assertThat(same.get(0).figures()).isEqualTo(early.scored().size());
    double mean =
        early.scored().stream().mapToDouble(r -> r.score().crps()).sum() / early.scored().size();
    assertThat(same.get(0).meanCrps()).isCloseTo(mean, within(1e-9));
    assertThat(HindcastScorecard.assimilation(List.of())).isEmpty();
    assertThat(HindcastScorecard.horizon(LocalDate.of(2016, 3, 31), LocalDate.of(2017, 10, 31)))
        .isEqualTo(19);
    assertThat(HindcastScorecard.horizon(LocalDate.of(2017, 2, 13), LocalDate.of(2017, 1, 31)))
        .isZero();
  }

  /**
   * Assimilation pays in full only when every later date beats every earlier one: 300, 250, 260 has
   * two of three pairs better (missed); 300, 250, 200 all three (met); ties are not better.
   */
  @Test
  void assimilationPaysWhenEveryLaterDateBeatsEveryEarlierOne() {
    HindcastScorecard.AssimilationPays mixed = assimilation(47, 300, 250, 260);
    assertThat(mixed.pairs()).isEqualTo(3);
    assertThat(mixed.laterBetter()).isEqualTo(2);
    assertThat(mixed.met()).isFalse();
    assertThat(mixed.sentence())
        .contains("the 47 figures every date scored")
        .contains("lower in 2 of 3 pairs of dates (missed)");
    HindcastScorecard.AssimilationPays falling = assimilation(47, 300, 250, 200);
    assertThat(falling.met()).isTrue();
    assertThat(falling.sentence()).endsWith("lower in 3 of 3 pairs of dates (met).");
    HindcastScorecard.AssimilationPays tie = assimilation(5, 100, 100);
    assertThat(tie.met()).isFalse();
    HindcastScorecard.AssimilationPays none = HindcastScorecard.AssimilationPays.of(List.of());
    assertThat(none.met()).isFalse();
    assertThat(none.sentence()).contains("not measured");
  }

  /**
   * Assimilation over forecast dates a quarter apart from 30 June 2016, each with its mean CRPS on
   * the same {@code figures} figures.
   */
  private static HindcastScorecard.AssimilationPays assimilation(int figures, double... meanCrps) {
    List<HindcastScorecard.Assimilation> dates = new java.util.ArrayList<>();
    for (int i = 0; i < meanCrps.length; i++) {
      LocalDate date = LocalDate.of(2016, 6, 30).plusMonths(3L * i);
      dates.add(new HindcastScorecard.Assimilation(date, figures, meanCrps[i]));
    }
    return HindcastScorecard.AssimilationPays.of(dates);
  }

  @Test
  void theSameSeedGivesTheSameRows() {
    Hindcast.Result a = run(Publication.AS_WRITTEN, 0);
    Hindcast.Result b = run(Publication.AS_WRITTEN, 0);
    for (int i = 0; i < a.rows().size(); i++) {
      assertThat(b.rows().get(i).sample()).isEqualTo(a.rows().get(i).sample());
      assertThat(b.rows().get(i).score()).isEqualTo(a.rows().get(i).score());
    }
  }

  /**
   * Random observation files (seeded): months from late 2016 to 2018, publication up to a year
   * later, world, country (with and without an origin) and region scopes, three measures. Whatever
   * the rows, each ends in exactly one outcome, calibration rows were public by the as-of date, and
   * scored rows are dated after it.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void everyRandomFileSplitsCleanly(long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    String[][] scopes = {
      {"world", ""},
      {"country", "FRA"},
      {"country", "TUN"},
      {"country", "DEU"},
      {"region", "Maghreb"},
      {"countries", "FRA+TUN"}
    };
    ObservedMeasure[] measures = {TRAVELLED, ObservedMeasure.RETURNED, ObservedMeasure.KILLED};
    List<ObservationRecord> records = new ArrayList<>();
    int n = 1 + rng.nextInt(30);
    for (int i = 0; i < n; i++) {
      YearMonth month = YearMonth.of(2016, 10).plusMonths(rng.nextInt(24));
      YearMonth published = month.plusMonths(rng.nextInt(12));
      String[] scope = scopes[rng.nextInt(scopes.length)];
      records.add(
          figure(
              i + 2,
              month.toString(),
              published.toString(),
              scope[0],
              scope[1],
              measures[rng.nextInt(measures.length)],
              rng.nextInt(6000)));
    }
    Publication publication = Publication.AS_WRITTEN;
    Hindcast.Result result =
        Hindcast.run(
            TestScenarios.calibratable(0.3),
            publication,
            records,
            new Hindcast.Settings(AS_OF, 5, seed, 1, 20, 0),
            d -> {});

    assertThat(result.rows()).extracting(Hindcast.Row::record).containsExactlyElementsOf(records);
    for (Hindcast.Row row : result.rows()) {
      ObservationRecord r = row.record();
      switch (row.status()) {
        case "calibration" -> assertThat(publication.publishedBy(r, AS_OF)).isTrue();
        case "scored" -> {
          assertThat(r.datedAfter(AS_OF)).isTrue();
          assertThat(row.score()).isNotNull();
          assertThat(row.sample()).hasSize(5);
        }
        case "not_scored" -> {
          assertThat(row.score()).isNull();
          assertThat(row.note()).isNotBlank();
        }
        default -> throw new AssertionError("unknown status " + row.status());
      }
    }
    assertThat(result.calibrationRows()).allMatch(c -> publication.publishedBy(c.record(), AS_OF));
  }

  private static Hindcast.Result runWith(
      List<ObservationRecord> records, java.util.Map<String, Set<String>> reportingCountries) {
    return Hindcast.run(
        TestScenarios.calibratable(0.3),
        Publication.AS_WRITTEN,
        records,
        new Hindcast.Settings(AS_OF, 400, 11, 1, 20, 0),
        null,
        reportingCountries == null
            ? null
            : org.dispersal.reporting.Reporters.fixed(reportingCountries),
        d -> {});
  }

  @Test
  void figuresDefinedAsCountsAreForecastExactlyAsWithoutTheMappings() {
    List<ObservationRecord> records =
        RECORDS.stream().map(r -> withDefinition(r, "count")).toList();
    Map<ObservationRecord, Hindcast.Row> off = byRecord(runWith(records, null));
    Map<ObservationRecord, Hindcast.Row> on = byRecord(runWith(records, Map.of()));
    assertThat(on.keySet()).containsExactlyElementsOf(off.keySet());
    for (ObservationRecord r : records) {
      assertThat(on.get(r).status()).isEqualTo(off.get(r).status());
      if (off.get(r).sample() != null) {
        assertThat(on.get(r).sample()).containsExactly(off.get(r).sample());
        assertThat(on.get(r).crpsPersistence()).isEqualTo(off.get(r).crpsPersistence());
        assertThat(on.get(r).note()).contains("definition count (column)");
      }
    }
  }

  @Test
  void confirmedDeathsAreTheModelsKilledThinnedInEachReplication() {
    ObservationRecord killed =
        figure(12, "2017-05", "2017-06", "world", "", ObservedMeasure.KILLED, 300);
    ObservationRecord count = withDefinition(killed, "count");
    ObservationRecord confirmed = withDefinition(killed, "confirmed");
    double[] all = byRecord(runWith(List.of(count), Map.of())).get(count).latent();
    Hindcast.Row row = byRecord(runWith(List.of(confirmed), Map.of())).get(confirmed);
    double[] thinned = row.latent();
    assertThat(thinned).hasSameSizeAs(all);
    double sumAll = 0;
    double sumThinned = 0;
    for (int i = 0; i < all.length; i++) {
      assertThat(thinned[i]).isBetween(0.0, all[i]);
      sumAll += all[i];
      sumThinned += thinned[i];
    }
    // the sum of independent binomial thinnings: mean share·N, variance share·(1 − share)·N;
    // |z| < 3.29 fails falsely with probability 0.001
    double p = org.dispersal.reporting.FigureDefinitions.CONFIRMED_DEATH_SHARE;
    assertThat(sumAll).isGreaterThan(1000);
    double z = (sumThinned - p * sumAll) / Math.sqrt(p * (1 - p) * sumAll);
    assertThat(Math.abs(z)).isLessThan(3.29);
    assertThat(row.note()).contains("definition confirmed (column)");
  }

  @Test
  void theTrendBaselineReadsOnlyEarlierFiguresOfTheSameDefinition() {
    ObservationRecord earlier =
        figure(13, "2016-06", "2016-07", "world", "", ObservedMeasure.IN_THEATRE, 2000);
    ObservationRecord later =
        withDefinition(
            figure(14, "2017-05", "2017-06", "world", "", ObservedMeasure.IN_THEATRE, 1500),
            "residual");
    for (String[] c : new String[][] {{"count", "false"}, {"residual", "true"}, {"", "true"}}) {
      ObservationRecord known = withDefinition(earlier, c[0]);
      Hindcast.Row row = byRecord(runWith(List.of(known, later), Map.of())).get(later);
      assertThat(Double.isNaN(row.trend())).as(c[0]).isEqualTo(!Boolean.parseBoolean(c[1]));
    }
    // without the mappings every earlier figure of the measure is history
    ObservationRecord known = withDefinition(earlier, "count");
    assertThat(byRecord(runWith(List.of(known, later), null)).get(later).trend()).isEqualTo(2000);
  }

  private static Hindcast.Result withReporters(
      List<ObservationRecord> records, org.dispersal.reporting.Reporters reporters, int threads) {
    return Hindcast.run(
        TestScenarios.calibratable(0.3),
        Publication.AS_WRITTEN,
        records,
        new Hindcast.Settings(AS_OF, 200, 11, threads, 20, 0),
        null,
        reporters,
        d -> {});
  }

  /**
   * A world total of the reporting countries dated July 2017 and published eight months after the
   * forecast date, when only France had reported: with a pace of new reporters, Tunisia joins in
   * some replications. The new reporters come from a stream of their own, so each replication's
   * value is the one without them plus Tunisia's count or nothing, and persistence goes through the
   * same mapping; the same for 1 and 2 threads.
   */
  @Test
  void newReportersAddCountriesThatHadNotReportedTheSameForAnyThreadCount() {
    ObservationRecord total =
        withDefinition(
            figure(15, "2017-07", "2017-10", "world", "", ObservedMeasure.RETURNED, 5600),
            "reporting_countries");
    ObservationRecord tunisia =
        withDefinition(
            figure(16, "2017-07", "2017-10", "country", "TUN", ObservedMeasure.RETURNED, 500),
            "count");
    Map<String, Set<String>> france = Map.of("returned", Set.of("FRA"));
    org.dispersal.reporting.Reporters fixed = org.dispersal.reporting.Reporters.fixed(france);
    org.dispersal.reporting.Reporters pace =
        new org.dispersal.reporting.Reporters(
            france,
            Map.of("returned", new org.dispersal.reporting.Reporters.Onset(AS_OF, 2, 24, 0.1)));
    List<ObservationRecord> records = List.of(total, tunisia);
    Hindcast.Row without = byRecord(withReporters(records, fixed, 1)).get(total);
    Hindcast.Result one = withReporters(records, pace, 1);
    Hindcast.Result two = withReporters(records, pace, 2);
    Hindcast.Row with = byRecord(one).get(total);
    double[] tun = byRecord(one).get(tunisia).latent();
    int joined = 0;
    for (int i = 0; i < with.latent().length; i++) {
      double added = with.latent()[i] - without.latent()[i];
      assertThat(added).isIn(0.0, tun[i]);
      joined += added > 0 ? 1 : 0;
    }
    // P(Tunisia joins) = 1 − e^(−0.1·Δ) = 0.574 (Δ = 260 days = 8.54 months): 114.9 of 200
    // replications, standard deviation 7.0; outside 80-150 (5 standard deviations) with
    // probability below 1e-6
    assertThat(joined).isBetween(80, 150);
    assertThat(with.crpsPersistence()).isNotEqualTo(without.crpsPersistence());
    for (int i = 0; i < one.rows().size(); i++) {
      assertThat(two.rows().get(i).sample()).isEqualTo(one.rows().get(i).sample());
      assertThat(two.rows().get(i).crpsPersistence())
          .isEqualTo(one.rows().get(i).crpsPersistence());
    }
  }
}
