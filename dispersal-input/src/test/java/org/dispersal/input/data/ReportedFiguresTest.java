package org.dispersal.input.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.dispersal.reporting.ReportedFigure;
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
