package org.dispersal.hindcast;

import java.util.ArrayList;
import java.util.List;
import org.dispersal.scoring.Scorecard;

/** The scorecard of one or several hindcasts (one per forecast date): their scored rows pooled. */
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
                row.month(),
                row.record().sourceId(),
                row.sample(),
                row.record().range(),
                row.crpsPersistence(),
                row.crpsTrend()));
      }
    }
    return Scorecard.of(figures);
  }
}
