package org.dispersal.input.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.reporting.ReportedFigure;
import org.dispersal.reporting.Reporters;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.reporting.SourceType;
import org.junit.jupiter.api.Test;

class ReportedFiguresTest {

  private static final SharedData DATA = SharedData.shipped();

  @Test
  void takesOnlyFiguresWhoseSourceWasPublicByTheDate() {
    LocalDate asOf = LocalDate.of(2015, 6, 30);
    List<ReportedFigure> figures = ReportedFigures.publishedBy(DATA, List.of(), asOf);
    assertThat(figures).isNotEmpty();
    for (ReportedFigure f : figures) {
      Source s = DATA.source(f.sourceId()).orElseThrow();
      assertThat(InformationSet.admits(s, asOf)).as(f.sourceId()).isTrue();
      assertThat(f.date()).isBeforeOrEqualTo(asOf.plusYears(1));
    }
    assertThat(figures).noneMatch(f -> f.sourceId().equals("TSC2017"));
    assertThat(ReportedFigures.publishedBy(DATA, List.of(), LocalDate.of(2017, 12, 31)))
        .anyMatch(f -> f.sourceId().equals("TSC2017"))
        .hasSizeGreaterThan(figures.size());
  }

  /**
   * The pace of new reporters reads the figures through the information set: a figure published
   * after the forecast date, even one dated before it and the first of its country, changes
   * nothing; published by the date, the same row adds its country.
   */
  @Test
  void aFigurePublishedAfterTheForecastDateNeverChangesTheNewReportersPace() {
    LocalDate asOf = LocalDate.of(2017, 2, 13);
    Reporters known = Reporters.estimate(ReportedFigures.publishedBy(DATA, List.of(), asOf), asOf);
    assertThat(known.countries().get("returned")).doesNotContain("ZZZ");
    for (LocalDate published : List.of(asOf.plusDays(1), LocalDate.of(2017, 10, 24))) {
      ObservationRecord late = zzzReturned(published);
      Reporters with =
          Reporters.estimate(ReportedFigures.publishedBy(DATA, List.of(late), asOf), asOf);
      assertThat(with).isEqualTo(known);
    }
    Reporters public_ =
        Reporters.estimate(
            ReportedFigures.publishedBy(DATA, List.of(zzzReturned(asOf.minusDays(10))), asOf),
            asOf);
    assertThat(public_.countries().get("returned")).contains("ZZZ");
    assertThat(public_.onsets().get("returned").firsts())
        .isEqualTo(known.onsets().get("returned").firsts() + 1);
  }

  private static ObservationRecord zzzReturned(LocalDate published) {
    LocalDate day = LocalDate.of(2016, 12, 20);
    return new ObservationRecord(
        "late.csv",
        2,
        day.toString(),
        day,
        day,
        published.toString(),
        published,
        "country",
        "ZZZ",
        "all",
        ObservedMeasure.RETURNED,
        40,
        40,
        "NO_SUCH_SOURCE",
        "");
  }

  @Test
  void theModelOfFebruary2017ComesFromManyDisagreeingPairs() {
    ReportingModel m = ReportedFigures.model(DATA, List.of(), LocalDate.of(2017, 2, 13));
    assertThat(m.pairs()).isGreaterThan(30);
    assertThat(m.sigma()).isBetween(0.1, 1.0);
    assertThat(m.grossShare()).isBetween(0.0, 0.3);
  }

  @Test
  void everySourceHasAType() {
    long government =
        DATA.sources().stream()
            .filter(s -> SourceType.classify(s.organisation()) == SourceType.GOVERNMENT)
            .count();
    long research =
        DATA.sources().stream()
            .filter(s -> SourceType.classify(s.organisation()) == SourceType.RESEARCH)
            .count();
    assertThat(government).isGreaterThan(20);
    assertThat(research).isGreaterThan(5);
    assertThat(ReportedFigures.type(DATA, "ICSR2015")).isEqualTo(SourceType.RESEARCH);
    assertThat(ReportedFigures.type(DATA, "no-such-source")).isEqualTo(SourceType.PRESS);
  }
}
