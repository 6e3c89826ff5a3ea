package org.dispersal.hindcast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
                row.crpsTrend(),
                row.record().measure().id()));
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

  /**
   * Whether assimilation pays on the figures every forecast date scored ({@link AssimilationPays}).
   *
   * @param results one hindcast per forecast date, ascending
   */
  public static AssimilationPays assimilationPays(List<Hindcast.Result> results) {
    return AssimilationPays.of(assimilation(results));
  }

  /**
   * Whether assimilation pays (issue #14's target): of every pair of forecast dates, how often the
   * later date scored the figures every date scored better (lower mean CRPS). It pays in full when
   * every later date beats every earlier one, the "the same figures scored from later
   * forecast dates are forecast better"; the share of pairs says how far from that it is.
   *
   * @param dates each date's mean CRPS on the same figures, ascending ({@link #assimilation})
   */
  public record AssimilationPays(List<Assimilation> dates) {

    /** Copies the dates. */
    public AssimilationPays {
      dates = List.copyOf(dates);
    }

    /**
     * The comparison of every pair of dates.
     *
     * @param dates each date's mean CRPS on the same figures, ascending
     * @return the comparison; no pairs with fewer than two dates
     */
    public static AssimilationPays of(List<Assimilation> dates) {
      return new AssimilationPays(dates);
    }

    /** The pairs of dates compared. */
    public int pairs() {
      return dates.size() * (dates.size() - 1) / 2;
    }

    /** The pairs whose later date has the lower mean CRPS. */
    public int laterBetter() {
      int better = 0;
      for (int i = 0; i < dates.size(); i++) {
        for (int j = i + 1; j < dates.size(); j++) {
          if (dates.get(j).meanCrps() < dates.get(i).meanCrps()) {
            better++;
          }
        }
      }
      return better;
    }

    /** Whether every later date beat every earlier one (false with nothing to compare). */
    public boolean met() {
      return pairs() > 0 && laterBetter() == pairs();
    }

    /** One sentence: the figures, the pairs, and met or missed. */
    public String sentence() {
      if (pairs() == 0) {
        return "Assimilation: not measured, fewer than two forecast dates scored the same figures.";
      }
      return String.format(
          Locale.ROOT,
          "Assimilation pays when every later forecast date scores the %d figures every date scored"
              + " better than every earlier date: the later date's mean CRPS was lower in %d of %d"
              + " pairs of dates (%s).",
          dates.get(0).figures(),
          laterBetter(),
          pairs(),
          met() ? "met" : "missed");
    }
  }

  /** Whole months from the forecast date to the figure's date, at least 0. */
  static int horizon(LocalDate asOf, LocalDate figure) {
    return (int)
        Math.max(0, ChronoUnit.MONTHS.between(YearMonth.from(asOf), YearMonth.from(figure)));
  }
}
