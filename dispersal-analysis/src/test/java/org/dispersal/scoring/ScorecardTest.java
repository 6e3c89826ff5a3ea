package org.dispersal.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class ScorecardTest {

  private static final LocalDate FEB = LocalDate.of(2017, 2, 13);
  private static final LocalDate MAY = LocalDate.of(2017, 5, 13);

  /** The ensemble 1, 2, ..., 10. */
  private static final double[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

  private static Scorecard.Figure figure(
      LocalDate asOf, int month, String source, double[] sample, ObservedRange r) {
    return new Scorecard.Figure(asOf, month, source, sample, r, 1, Double.NaN, "");
  }

  /** A point figure y scored against the ensemble 1..10. */
  private static Scorecard.Figure point(LocalDate asOf, int month, String source, double y) {
    return figure(asOf, month, source, ONE_TO_TEN, new ObservedRange(y, y));
  }

  @Test
  void pitIsTheMidPointOfTheCdfJumpForPointsRangesAndOpenEnds() {
    // F(4) = 0.4, F(5) = 0.5: mid-PIT 0.45.
    assertThat(ForecastScore.of(ONE_TO_TEN, new ObservedRange(5, 5)).pit())
        .isCloseTo(0.45, within(1e-12));
    // [3, 7]: (F(2) + F(7))/2 = (0.2 + 0.7)/2.
    ForecastScore range = ForecastScore.of(ONE_TO_TEN, new ObservedRange(3, 7));
    assertThat(range.pitLow()).isCloseTo(0.2, within(1e-12));
    assertThat(range.pitHigh()).isCloseTo(0.7, within(1e-12));
    assertThat(range.pit()).isCloseTo(0.45, within(1e-12));
    // more than 8: (F(7) + 1)/2.
    assertThat(ForecastScore.of(ONE_TO_TEN, new ObservedRange(8, Double.POSITIVE_INFINITY)).pit())
        .isCloseTo(0.85, within(1e-12));
    // up to 2: F(2)/2.
    assertThat(ForecastScore.of(ONE_TO_TEN, new ObservedRange(0, 2)).pit())
        .isCloseTo(0.1, within(1e-12));
    // below every member and above every member.
    assertThat(ForecastScore.of(ONE_TO_TEN, new ObservedRange(0, 0)).pit()).isZero();
    assertThat(ForecastScore.of(ONE_TO_TEN, new ObservedRange(50, 50)).pit()).isEqualTo(1);
  }

  /**
   * The groups by kind hold exactly their figures: by measure in alphabetical order (a figure with
   * no measure in none of them), then the figures with a trend baseline (counted before) and those
   * without, each scored as the pool of those figures alone would be.
   */
  @Test
  void kindsGroupTheFiguresByMeasureAndByEarlierCount() {
    double[] tens = new double[10];
    java.util.Arrays.fill(tens, 10);
    Scorecard.Figure returnedCounted =
        new Scorecard.Figure(FEB, 1, "a", tens, new ObservedRange(20, 20), 20, 5, "returned");
    Scorecard.Figure returnedNew =
        new Scorecard.Figure(
            FEB, 1, "b", tens, new ObservedRange(14, 14), 2, Double.NaN, "returned");
    Scorecard.Figure killedNew =
        new Scorecard.Figure(
            MAY, 3, "a", tens, new ObservedRange(40, 40), 30, Double.NaN, "killed");
    Scorecard.Figure unknown =
        new Scorecard.Figure(MAY, 3, "c", tens, new ObservedRange(10, 10), 1, 1, "");
    Scorecard card = Scorecard.of(List.of(returnedCounted, returnedNew, killedNew, unknown));
    assertThat(card.kinds())
        .extracting(k -> k.by() + ":" + k.value() + ":" + k.group().figures())
        .containsExactly(
            "measure:killed:1", "measure:returned:2", "earlier_count:yes:2", "earlier_count:no:2");
    Scorecard.Group returned = card.kinds().get(1).group();
    Scorecard.Group alone = Scorecard.of(List.of(returnedCounted, returnedNew)).overall();
    assertThat(returned.crps()).isEqualTo(alone.crps()).isCloseTo(7, within(1e-12));
    assertThat(returned.persistenceEqual()).isEqualTo(alone.persistenceEqual());
    Scorecard.Group notCounted = card.kinds().get(3).group();
    // CRPS 4 and 30 against persistence 2 and 30, each divided by 1 + y.
    assertThat(notCounted.persistenceEqual().value())
        .isCloseTo(1 - (4 / 15.0 + 30 / 41.0) / (2 / 15.0 + 30 / 41.0), within(1e-12));
    assertThat(notCounted.trendEqual().figures()).isZero();
  }

  @Test
  void coverageCountsRangesThatOverlapTheCentralIntervals() {
    // Of 1..10 the central 50% interval is [3, 8] and the 90% interval [1, 10].
    Scorecard card =
        Scorecard.of(
            List.of(
                point(FEB, 2, "a", 5),
                point(FEB, 2, "a", 9),
                point(FEB, 2, "a", 20),
                figure(FEB, 2, "a", ONE_TO_TEN, new ObservedRange(9, 40))));
    Scorecard.Group all = card.overall();
    assertThat(all.figures()).isEqualTo(4);
    assertThat(all.at(0.5).observed()).isCloseTo(1 / 4.0, within(1e-12));
    assertThat(all.at(0.9).observed()).isCloseTo(3 / 4.0, within(1e-12));
    // One source: every resample is the sample itself.
    assertThat(all.at(0.9).ci()).isEqualTo(new Scorecard.Interval(0.75, 0.75));
  }

  @Test
  void skillIsWeightedByPeopleAndEquallyPerFigure() {
    double[] tens = new double[10];
    double[] thousands = new double[10];
    java.util.Arrays.fill(tens, 10);
    java.util.Arrays.fill(thousands, 1000);
    // A one-valued ensemble's CRPS is its distance to the figure: 10 and 100.
    Scorecard.Figure small =
        new Scorecard.Figure(FEB, 1, "a", tens, new ObservedRange(20, 20), 20, 5, "");
    Scorecard.Figure large =
        new Scorecard.Figure(FEB, 1, "b", thousands, new ObservedRange(1100, 1100), 50, 400, "");
    Scorecard.Group all = Scorecard.of(List.of(small, large)).overall();
    assertThat(all.crps()).isCloseTo(55, within(1e-9));
    assertThat(all.persistencePeople().value()).isCloseTo(1 - 110.0 / 70, within(1e-12));
    double model = 10 / 21.0 + 100 / 1101.0;
    assertThat(all.persistenceEqual().value())
        .isCloseTo(1 - model / (20 / 21.0 + 50 / 1101.0), within(1e-12));
    assertThat(all.trendPeople().value()).isCloseTo(1 - 110.0 / 405, within(1e-12));
    assertThat(all.trendEqual().value())
        .isCloseTo(1 - model / (5 / 21.0 + 400 / 1101.0), within(1e-12));
    // log scale: |log 11 − log 21| and |log 1001 − log 1101|.
    assertThat(all.crpsLog())
        .isCloseTo((Math.log(21 / 11.0) + Math.log(1101 / 1001.0)) / 2, within(1e-12));
    // Two sources: a resample holds one of them twice or both; the interval spans the extremes.
    assertThat(all.persistencePeople().ci().low()).isCloseTo(1 - 100.0 / 50, within(1e-12));
    assertThat(all.persistencePeople().ci().high()).isCloseTo(1 - 10.0 / 20, within(1e-12));
  }

  @Test
  void pitHistogramSpreadsEachFigureOverItsInterval() {
    double[] tens = new double[10];
    java.util.Arrays.fill(tens, 10);
    Scorecard.Group all =
        Scorecard.of(
                List.of(
                    point(FEB, 1, "a", 5),
                    figure(FEB, 1, "a", ONE_TO_TEN, new ObservedRange(3, 7)),
                    figure(FEB, 1, "a", tens, new ObservedRange(20, 20))))
            .overall();
    double[] h = all.pitHistogram();
    // [0.4, 0.5] all in bin 4; [0.2, 0.7] 0.2 in each of bins 2 to 6; PIT 1 in the last bin.
    double[] expected = {0, 0, 0.2 / 3, 0.2 / 3, 1.2 / 3, 0.2 / 3, 0.2 / 3, 0, 0, 1 / 3.0};
    for (int i = 0; i < h.length; i++) {
      assertThat(h[i]).as("bin %d", i).isCloseTo(expected[i], within(1e-12));
    }
  }

  @Test
  void groupsByHorizonBandAndForecastDate() {
    Scorecard card =
        Scorecard.of(
            List.of(point(MAY, 3, "a", 5), point(FEB, 15, "b", 50), point(FEB, 3, "a", 5)));
    assertThat(card.pooled())
        .extracting(Scorecard.Group::horizon)
        .containsExactly("all", "0-6", "7-12", "13-24", "25-36");
    assertThat(card.pooled()).extracting(Scorecard.Group::figures).containsExactly(3, 2, 0, 1, 0);
    assertThat(card.pooled().get(3).at(0.9).observed()).isZero();
    assertThat(card.dates()).extracting(Scorecard.DateGroups::asOf).containsExactly(FEB, MAY);
    assertThat(card.dates().get(0).groups().get(0).figures()).isEqualTo(2);
    assertThat(card.dates().get(1).groups().get(0).figures()).isEqualTo(1);
    // 1..10 has a 90% width of 9 against a median of 5.
    assertThat(card.pooled().get(3).medianWidth90()).isCloseTo(9 / 5.0, within(1e-12));
    assertThat(card.verdict().targets())
        .filteredOn(t -> t.id().equals("width90_24"))
        .extracting(Scorecard.Target::status)
        .containsExactly(Scorecard.Status.MET);
    assertThat(card.pooled().get(2).at(0.9).observed()).isNaN();
    // One forecast date alone scores exactly as the pool of it, intervals included.
    Scorecard single = Scorecard.of(List.of(point(FEB, 3, "a", 5), point(FEB, 4, "b", 50)));
    assertThat(single.dates().get(0).groups().get(0).coverage())
        .isEqualTo(single.overall().coverage());
  }

  @Test
  void noScoredFigureMeasuresNoTarget() {
    Scorecard card = Scorecard.of(List.of());
    assertThat(card.overall().figures()).isZero();
    assertThat(card.overall().at(0.9).ci()).isEqualTo(Scorecard.Interval.NONE);
    assertThat(card.dates()).isEmpty();
    assertThat(card.verdict().targets())
        .extracting(Scorecard.Target::status)
        .containsOnly(Scorecard.Status.NOT_MEASURED);
    assertThat(card.verdict().summary())
        .startsWith("Scored against 0 figures from 0 sources, the forecast meets 0 of the 7");
  }

  /**
   * Observations drawn from the forecast distribution itself: coverage is near nominal and the PIT
   * histogram flat. 600 figures from 120 sources; coverage within 0.06 of nominal (over four
   * binomial standard deviations) and the histogram's chi-square below the 0.999 quantile of
   * chi-square with 9 degrees of freedom: a false failure rate of about 0.001 for a fixed seed. The
   * same check fails a forecast whose spread is a third of the truth's.
   */
  @Test
  void aCalibratedForecastCoversNominallyWithAFlatPit() {
    Scorecard calibrated = Scorecard.of(synthetic(1.0));
    Scorecard.Group all = calibrated.overall();
    for (Scorecard.Coverage c : all.coverage()) {
      assertThat(c.observed()).as("coverage %s", c.level()).isCloseTo(c.level(), within(0.06));
      assertThat(c.ci().low()).isLessThanOrEqualTo(c.observed());
      assertThat(c.ci().high()).isGreaterThanOrEqualTo(c.observed());
    }
    double bound = ChiSquaredDistribution.of(9).inverseSurvivalProbability(0.001);
    assertThat(chiSquare(all)).isLessThan(bound);
    assertThat(calibrated.verdict().targets())
        .filteredOn(t -> t.id().startsWith("coverage"))
        .extracting(Scorecard.Target::status)
        .containsOnly(Scorecard.Status.MET);

    Scorecard narrowCard = Scorecard.of(synthetic(3.0));
    Scorecard.Group narrow = narrowCard.overall();
    assertThat(narrow.at(0.9).observed()).isLessThan(0.6);
    assertThat(chiSquare(narrow)).isGreaterThan(bound);
    Scorecard.Verdict v = narrowCard.verdict();
    assertThat(v.targets().get(0).status()).isEqualTo(Scorecard.Status.MISSED);
    assertThat(v.summary()).contains("too narrow");
  }

  private static double chiSquare(Scorecard.Group g) {
    double expected = g.figures() / (double) Scorecard.PIT_BINS;
    double chi = 0;
    for (double share : g.pitHistogram()) {
      double observed = share * g.figures();
      chi += (observed - expected) * (observed - expected) / expected;
    }
    return chi;
  }

  /** Figures whose truth has {@code spread} times the forecast's standard deviation. */
  private static List<Scorecard.Figure> synthetic(double spread) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20170213L);
    List<Scorecard.Figure> out = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      double mean = 500 + 4000 * rng.nextDouble();
      double sd = 0.1 * mean;
      ContinuousDistribution.Sampler forecast = NormalDistribution.of(mean, sd).createSampler(rng);
      double[] sample = new double[400];
      for (int k = 0; k < sample.length; k++) {
        sample[k] = Math.rint(forecast.sample());
      }
      double y = Math.rint(NormalDistribution.of(mean, spread * sd).createSampler(rng).sample());
      out.add(
          new Scorecard.Figure(
              FEB, i % 36, "s" + (i % 120), sample, new ObservedRange(y, y), 1, Double.NaN, ""));
    }
    return out;
  }
}
