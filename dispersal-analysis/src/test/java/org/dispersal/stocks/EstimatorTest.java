package org.dispersal.stocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.dispersal.model.Range;
import org.junit.jupiter.api.Test;

class EstimatorTest {

  private final Estimator estimator = new Estimator(Period.ofMonths(18), 0.10);

  private static DatedFigure at(String id, String date, Integer low, Integer high) {
    return new DatedFigure(id, LocalDate.parse(date), date, new Figure(low, high));
  }

  private Estimator.Estimate estimate(DatedFigure... figures) {
    return estimator.estimate(List.of(figures)).orElseThrow();
  }

  @Test
  void takesTheLatestFigureAsThePoint() {
    Estimator.Estimate e =
        estimate(at("OLD", "2015-01-26", 500, 600), at("NEW", "2015-12-07", 760, 760));

    assertThat(e.range()).isEqualTo(Range.of(760));
    assertThat(e.sources()).containsExactly("NEW");
  }

  @Test
  void coversContemporaryFiguresInBothDirections() {
    Estimator.Estimate e =
        estimate(at("FSB", "2015-12-15", 2900, 2900), at("TSG", "2015-12-07", 2400, 2400));

    assertThat(e.range()).isEqualTo(new Range(2400, 2900));
    assertThat(e.sources()).containsExactly("FSB", "TSG");
  }

  @Test
  void closesMoreThanXWithTheMargin() {
    assertThat(estimate(at("USDOS", "2016-06-02", 40000, null)).range())
        .isEqualTo(new Range(40000, 44000));
    assertThat(
            new Estimator(Period.ofMonths(18), 0.0)
                .estimate(List.of(at("USDOS", "2016-06-02", 40000, null)))
                .orElseThrow()
                .range())
        .isEqualTo(Range.of(40000));
  }

  @Test
  void raisesTheHighEndToCoverAnEarlierHigherFigureWithinTheWindow() {
    Estimator.Estimate e =
        estimate(
            at("GOV", "2017-01-31", 2929, 2929),
            at("TSG", "2015-12-07", 6000, 6500),
            at("ICSR", "2015-01-26", 1500, 3000));

    assertThat(e.range()).isEqualTo(new Range(2929, 6500));
    assertThat(e.sources()).containsExactly("GOV", "TSG");
    assertThat(e.note()).contains("raised by earlier higher TSG (2015-12-07) 6000-6500");
  }

  @Test
  void ignoresEarlierHigherFiguresOutsideTheWindowAndOverlappingOnes() {
    Estimator.Estimate e =
        estimate(
            at("NEW", "2017-01-31", 2929, 4000),
            at("OVERLAP", "2016-06-01", 3500, 4500),
            at("ANCIENT", "2015-06-30", 6000, 6000));

    assertThat(e.range()).isEqualTo(new Range(2929, 4000));
  }

  @Test
  void treatsEarlierLowerFiguresAsGrowthNotDisagreement() {
    Estimator.Estimate e =
        estimate(at("NEW", "2015-12-07", 1700, 1700), at("OLD", "2015-10-31", 900, null));

    assertThat(e.range()).isEqualTo(Range.of(1700));
  }

  @Test
  void lowersTheLowEndOnlyForAContemporaryOrLaterCeilingBelowThePoint() {
    assertThat(
            estimate(at("NEW", "2016-01-31", 1000, null), at("CEIL", "2016-01-15", null, 500))
                .range())
        .isEqualTo(new Range(500, 1100));
    assertThat(
            estimate(at("NEW", "2016-01-31", 1000, null), at("CEIL", "2015-07-20", null, 500))
                .range())
        .isEqualTo(new Range(1000, 1100));
    assertThat(
            estimate(at("NEW", "2016-01-31", 1000, 1000), at("CEIL", "2016-01-20", null, 1200))
                .range())
        .isEqualTo(Range.of(1000));
  }

  @Test
  void givesNothingForCeilingsAlone() {
    assertThat(estimator.estimate(List.of(at("CEIL", "2015-11-30", null, 50)))).isEmpty();
    assertThat(estimator.estimate(List.of())).isEmpty();
  }

  @Test
  void ordersTranscribedEndsAndIsIndependentOfInputOrder() {
    DatedFigure a = at("A", "2013-12-10", 15, 14);
    DatedFigure b = at("B", "2013-12-01", 20, 20);

    assertThat(estimate(a, b).range()).isEqualTo(new Range(14, 20));
    assertThat(estimate(b, a)).isEqualTo(estimate(a, b));
  }
}
