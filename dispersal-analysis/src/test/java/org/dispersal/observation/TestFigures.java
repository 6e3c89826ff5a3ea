package org.dispersal.observation;

import java.time.YearMonth;
import org.dispersal.calibration.ObservedMeasure;

/** Observation rows for tests: a monthly figure of one source, as a file line would give it. */
public final class TestFigures {

  private TestFigures() {}

  /**
   * A figure dated to a month and published in a month, from "test.csv" and source "SRC".
   *
   * @param low the low end, or null ("up to")
   * @param high the high end, or null ("more than")
   */
  public static ObservationRecord monthly(
      int line,
      String month,
      String published,
      String scope,
      String scopeId,
      ObservedMeasure measure,
      Integer low,
      Integer high) {
    YearMonth m = YearMonth.parse(month);
    return new ObservationRecord(
        "test.csv",
        line,
        month,
        m.atDay(1),
        m.atEndOfMonth(),
        published,
        YearMonth.parse(published).atEndOfMonth(),
        scope,
        scopeId,
        "all",
        measure,
        low,
        high,
        "SRC");
  }

  /** The same row for one demographic ({@code men}, {@code women}, {@code minors}). */
  public static ObservationRecord withDemographic(ObservationRecord r, String demographic) {
    return new ObservationRecord(
        r.file(),
        r.line(),
        r.date(),
        r.firstDay(),
        r.lastDay(),
        r.published(),
        r.publishedLast(),
        r.scope(),
        r.scopeId(),
        demographic,
        r.measure(),
        r.low(),
        r.high(),
        r.sourceId(),
        r.definition());
  }

  /** The same row with its {@code definition} column set (empty: the column not given). */
  public static ObservationRecord withDefinition(ObservationRecord r, String definition) {
    return new ObservationRecord(
        r.file(),
        r.line(),
        r.date(),
        r.firstDay(),
        r.lastDay(),
        r.published(),
        r.publishedLast(),
        r.scope(),
        r.scopeId(),
        r.demographic(),
        r.measure(),
        r.low(),
        r.high(),
        r.sourceId(),
        definition);
  }
}
