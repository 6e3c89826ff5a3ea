package org.dispersal.hindcast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.scoring.Scorecard;

/**
 * The scorecard of one or several hindcasts (one per forecast date): their scored rows pooled. A
 * figure's horizon is the whole months from the forecast date to the last day the figure describes,
 * as an analyst counts it, whichever month of the model it was laid out on.
 */
public final class HindcastScorecard {

  private HindcastScorecard() {}

  /**
   * Scores the scored rows of every result.
   *
   * @param results one hindcast per forecast date
   */
  public static Scorecard of(List<Hindcast.Result> results) {
    List<Scorecard.Figure> figures = new ArrayList<>();
    for (Hindcast.Result result : results) {
      for (Hindcast.Row row : result.scored()) {
        figures.add(
            new Scorecard.Figure(
                result.asOf(),
                horizon(result.asOf(), row.record().lastDay()),
                row.record().sourceId(),
                row.sample(),
                row.record().range(),
                row.crpsPersistence(),
                row.crpsTrend()));
      }
    }
    return Scorecard.of(figures);
  }

  /**
   * One forecast date's mean CRPS on the figures that every forecast date scored.
   *
   * @param asOf the forecast date
   * @param figures how many figures every date scored
   * @param meanCrps the date's mean CRPS on them, in people
   */
  public record Assimilation(LocalDate asOf, int figures, double meanCrps) {}

  /**
   * Whether assimilation pays: the mean CRPS of each forecast date on the same figures (those that
   * every date scored), so that later dates, which knew more, can be compared with earlier ones.
   *
   * @param results one hindcast per forecast date, ascending
   * @return one entry per date, in order; empty when no figure was scored from every date
   */
  public static List<Assimilation> assimilation(List<Hindcast.Result> results) {
    Set<ObservationRecord> common = null;
    for (Hindcast.Result result : results) {
      Set<ObservationRecord> scored = new HashSet<>();
      result.scored().forEach(r -> scored.add(r.record()));
      if (common == null) {
        common = scored;
      } else {
        common.retainAll(scored);
      }
    }
    List<Assimilation> out = new ArrayList<>();
    if (common == null || common.isEmpty()) {
      return out;
    }
    for (Hindcast.Result result : results) {
      double sum = 0;
      for (Hindcast.Row row : result.scored()) {
        if (common.contains(row.record())) {
          sum += row.score().crps();
        }
      }
      out.add(new Assimilation(result.asOf(), common.size(), sum / common.size()));
    }
    return out;
  }

  /** Whole months from the forecast date to the figure's date, at least 0. */
  static int horizon(LocalDate asOf, LocalDate figure) {
    return (int)
        Math.max(0, ChronoUnit.MONTHS.between(YearMonth.from(asOf), YearMonth.from(figure)));
  }
}
