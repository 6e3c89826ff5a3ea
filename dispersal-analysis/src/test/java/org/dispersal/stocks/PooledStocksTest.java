package org.dispersal.stocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.reporting.SourceType;
import org.junit.jupiter.api.Test;

class PooledStocksTest {

  private static final LocalDate AS_OF = LocalDate.of(2017, 2, 13);

  /** σ 0.3, gross share 3% with σ_g 1.5, governments 0.1 above the rest. */
  private static final ReportingModel REPORTING =
      new ReportingModel(AS_OF, 0.3, 0.03, 1.5, Map.of(SourceType.GOVERNMENT, 0.1), 100, 100, 3);

  /** No trend, a fresh error of 0.15 on many pairs, no spread of the trend. */
  private static final Revisions REVISIONS = new Revisions(Map.of(), 0.15, 1000, 0, 0);

  /** Sources named G… are governments, the rest research; the series is the first letter. */
  private static PooledStocks pooled(Revisions revisions) {
    return new PooledStocks(
        REPORTING,
        revisions,
        id -> id.substring(0, 1),
        id -> id.startsWith("G") ? SourceType.GOVERNMENT : SourceType.RESEARCH);
  }

  private static DatedFigure at(String source, String date, Integer low, Integer high) {
    return new DatedFigure(source, LocalDate.parse(date), date, new Figure(low, high));
  }

  private static Estimator.Estimate estimate(Revisions revisions, DatedFigure... figures) {
    return pooled(revisions).estimate(Measure.TRAVELLED, List.of(figures), AS_OF).orElseThrow();
  }

  private static Estimator.Estimate estimate(DatedFigure... figures) {
    return estimate(REVISIONS, figures);
  }

  private static double width(Range r) {
    return Math.log1p(r.high()) - Math.log1p(r.low());
  }

  @Test
  void oneSeriesIsDeBiasedAndKeepsOnlyTheWidthBeyondItsPersistentError() {
    Estimator.Estimate e = estimate(at("G1", "2017-01-31", 1000, 1000));
    // the government bias of 0.1 taken off: 1001 / e^0.1 - 1
    assertThat(e.range().mid()).isCloseTo(1001 * Math.exp(-0.1) - 1, within(6.0));
    // σ_u² = 0.09 - 0.0225: the range keeps about the fresh error's 90% width, not σ's
    assertThat(width(e.range())).isCloseTo(2 * 1.645 * 0.15, within(0.1));
    assertThat(width(e.range())).isLessThan(2 * 1.645 * 0.3 * 0.8);
    assertThat(e.sources()).containsExactly("G1");
    assertThat(e.note()).startsWith("pooled 1 series (G1 (2017-01-31) 1000): median 90");
  }

  @Test
  void aSeriesEarlierFiguresAreRevisionsOfItsLatest() {
    Estimator.Estimate latest = estimate(at("R2", "2016-12-31", 1000, 1000));
    Estimator.Estimate both =
        estimate(at("R1", "2015-06-30", 400, 400), at("R2", "2016-12-31", 1000, 1000));
    assertThat(both.range()).isEqualTo(latest.range());
    assertThat(both.sources()).containsExactly("R2");
  }

  @Test
  void twoAgreeingSeriesNarrowTheEstimateAndTwoDisagreeingOnesWidenIt() {
    Estimator.Estimate one = estimate(at("R1", "2017-01-31", 1000, 1000));
    Estimator.Estimate agreeing =
        estimate(at("R1", "2017-01-31", 1000, 1000), at("S1", "2017-01-31", 1000, 1000));
    Estimator.Estimate disagreeing =
        estimate(at("R1", "2017-01-31", 1000, 1000), at("S1", "2017-01-31", 3000, 3000));
    assertThat(width(agreeing.range())).isLessThan(width(one.range()));
    assertThat(agreeing.range().mid()).isCloseTo(1000, within(5.0));
    // between the two, and wider than either alone
    assertThat(disagreeing.range().mid()).isBetween(1300.0, 2400.0);
    assertThat(width(disagreeing.range())).isGreaterThan(width(one.range()));
    assertThat(disagreeing.sources()).containsExactly("R1", "S1");
  }

  @Test
  void aGrossOutlierIsWeightedDownNotAveraged() {
    Estimator.Estimate e =
        estimate(
            at("R1", "2017-01-31", 1000, 1000),
            at("S1", "2017-01-31", 1100, 1100),
            at("T1", "2017-01-31", 1050, 1050),
            at("U1", "2017-01-31", 30000, 30000));
    assertThat(e.range().mid()).isBetween(950.0, 1300.0);
  }

  @Test
  void rangesAreIntervalCensoredAndMoreThanOrUpToAreOneSided() {
    Estimator.Estimate range = estimate(at("R1", "2017-01-31", 1000, 4000));
    assertThat(range.range().mid()).isBetween(1500.0, 2600.0);
    Estimator.Estimate point = estimate(at("R1", "2017-01-31", 800, 800));
    Estimator.Estimate withMoreThan =
        estimate(at("R1", "2017-01-31", 800, 800), at("S1", "2017-01-31", 1000, null));
    Estimator.Estimate withUpTo =
        estimate(at("R1", "2017-01-31", 800, 800), at("S1", "2017-01-31", null, 500));
    assertThat(withMoreThan.range().mid()).isGreaterThan(point.range().mid());
    assertThat(withUpTo.range().mid()).isLessThan(point.range().mid());
    // alone, "more than X" is closed with the margin, as the latest-figure rule closes it
    Estimator.Estimate moreThan = estimate(at("R1", "2017-01-31", 1000, null));
    assertThat(moreThan.range().mid()).isBetween(1000.0, 1100.0);
    // "up to X" alone gives no estimate
    assertThat(
            pooled(REVISIONS)
                .estimate(Measure.TRAVELLED, List.of(at("R1", "2017-01-31", null, 500)), AS_OF))
        .isEmpty();
  }

  @Test
  void theRevisionTrendProjectsAFigureToTheDate() {
    Revisions trend = new Revisions(Map.of(Measure.TRAVELLED, 0.5), 0.15, 1000, 0, 0);
    Estimator.Estimate e = estimate(trend, at("R1", "2016-02-13", 1000, 1000));
    assertThat(e.range().mid()).isCloseTo(1001 * Math.exp(0.5 * 366 / 365.25) - 1, within(15.0));
  }

  @Test
  void anOldLowerFigureIsGrowthButAnOldHigherOneStillCounts() {
    Revisions spread = new Revisions(Map.of(), 0.15, 1000, 0.5, 10);
    Estimator.Estimate recent = estimate(spread, at("R1", "2017-01-31", 1000, 1000));
    Estimator.Estimate withOldLower =
        estimate(spread, at("R1", "2017-01-31", 1000, 1000), at("S1", "2014-01-31", 300, 300));
    Estimator.Estimate withOldHigher =
        estimate(spread, at("R1", "2017-01-31", 1000, 1000), at("S1", "2014-01-31", 3000, 3000));
    assertThat(withOldLower.range().mid()).isCloseTo(recent.range().mid(), within(100.0));
    assertThat(withOldHigher.range().mid()).isGreaterThan(recent.range().mid() + 200);
  }

  @Test
  void revisionsAreEstimatedFromSuccessiveFiguresOfASeries() {
    // two countries whose series A doubled over a year ending within the year before the date
    StockFigures figures =
        new StockFigures(
            List.of(
                country("FRA", at("A1", "2016-01-01", 100, 100), at("A2", "2016-12-31", 201, 201)),
                country("BEL", at("A1", "2016-01-01", 50, 50), at("A2", "2016-12-31", 101, 101))),
            List.of(),
            List.of());
    Revisions r = Revisions.estimate(figures, id -> id.substring(0, 1), AS_OF);
    assertThat(r.pairs()).isEqualTo(2);
    double slope = Math.log(202.0 / 101) * 365.25 / 365;
    // shrunk toward no trend with the weight of five pairs
    assertThat(r.trend().get(Measure.TRAVELLED)).isCloseTo(2 * slope / 7, within(0.01));
    assertThat(r.trend().get(Measure.RETURNED)).isZero();
    // two sources of different organisations are two series: no pair
    Revisions apart = Revisions.estimate(figures, id -> id, AS_OF);
    assertThat(apart.pairs()).isZero();
    assertThat(apart.freshSigma(0.3)).isCloseTo(0.3 / Math.sqrt(2), within(1e-9));
  }

  @Test
  void contradictoryFiguresInformAndEveryCountryNamedIsAnOrigin() {
    StockFigures figures =
        new StockFigures(
            List.of(
                new StockFigures.CountryFigures(
                    "MKD",
                    "North Macedonia",
                    "balkans",
                    Map.of(
                        Measure.TRAVELLED,
                        List.of(at("R1", "2016-12-31", 12, 12)),
                        Measure.RETURNED,
                        List.of(at("S1", "2016-12-31", 86, 86)))),
                new StockFigures.CountryFigures(
                    "DEU",
                    "Germany",
                    "western_europe",
                    Map.of(Measure.WOMEN, List.of(at("G1", "2016-12-31", 100, 100))))),
            List.of(),
            List.of());
    Allocation a = pooled(REVISIONS).allocate(figures, AS_OF);
    Origin mkd = a.origin("MKD").orElseThrow();
    assertThat(mkd.travelled().low()).isGreaterThanOrEqualTo(mkd.returned().low());
    assertThat(mkd.note()).contains("travelled raised to");
    Origin deu = a.origin("DEU").orElseThrow();
    assertThat(deu.travelled().low()).isGreaterThanOrEqualTo(deu.women().low());
    assertThat(deu.note()).contains("no travelled figure");
  }

  private static StockFigures.CountryFigures country(String iso3, DatedFigure... travelled) {
    return new StockFigures.CountryFigures(
        iso3, iso3, "western_europe", Map.of(Measure.TRAVELLED, List.of(travelled)));
  }
}
