package org.dispersal.hindcast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.hypotheses.Allocation;
import org.dispersal.hypotheses.Stacking;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.observation.Publication;
import org.dispersal.scoring.ForecastScore;
import org.dispersal.scoring.PublishedDensity;

/**
 * The competing hypotheses on rolling origins, weighted by predictive stacking: each hypothesis is
 * hindcast from every forecast date ({@link Hindcast}, the same seed, so they share common random
 * numbers), and the weights at a date are the stacking weights ({@link Stacking}) fitted on the log
 * predictive probabilities ({@link Hindcast.Row#logScore}) of the figures that earlier forecast
 * dates scored and that were public by the date. A figure published after a date never informs its
 * weights; a figure scored from several earlier dates counts once per date. Where no such figure
 * exists (the first forecast date) the weights are the hypotheses' prior weights.
 *
 * <p>The mixture at a date is scored as the default forecast runs it ({@code MixtureForecast}):
 * replications are split by the weights with {@link Allocation#largestRemainder}, and hypothesis k
 * contributes its first n<sub>k</sub> replications (with their reporting draws). Its log score is
 * exact: ln Σ<sub>k</sub> w<sub>k</sub> p<sub>k</sub>(y). Persistence and the trend are the first
 * hypothesis's (a hypothesis changes dynamics, not the initial stocks, unless it overrides a stock
 * share).
 */
public final class HypothesisHindcast {

  private HypothesisHindcast() {}

  /**
   * How a date's weights were set: fitted by stacking, or the prior weights for want of figures.
   */
  public enum Basis {
    /** Fitted by stacking on earlier forecast dates' figures published by the date. */
    STACKED,
    /** No earlier forecast date scored a figure public by the date: the prior weights. */
    PRIOR;

    /** The lower-case name used in files. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The weights as of one date.
   *
   * @param asOf the date
   * @param weights one per hypothesis, summing to 1
   * @param basis stacked or prior
   * @param figures figure scorings the weights were fitted on (0 for the prior)
   * @param iterations EM updates taken (0 for the prior)
   */
  public record Weights(
      LocalDate asOf, double[] weights, Basis basis, int figures, int iterations) {
    /** Copies the weights. */
    public Weights {
      weights = weights.clone();
    }

    /** The weights (a copy). */
    @Override
    public double[] weights() {
      return weights.clone();
    }
  }

  /**
   * A forecast's scores on the figures of one date, or pooled over dates.
   *
   * @param label a hypothesis id, or {@code mixture}
   * @param figures figures scored
   * @param meanCrps mean CRPS, people
   * @param meanLogScore mean log predictive probability (higher is better)
   * @param coverage50 share of figures the central 50% interval holds
   * @param coverage90 share the central 90% interval holds
   */
  public record Scores(
      String label,
      int figures,
      double meanCrps,
      double meanLogScore,
      double coverage50,
      double coverage90) {}

  /**
   * The result.
   *
   * @param ids hypothesis ids, in order
   * @param prior the prior weights, normalised
   * @param byHypothesis per hypothesis, one hindcast per forecast date (dates ascending, the same
   *     for every hypothesis)
   * @param weights the weights at each forecast date
   * @param mixture the mixture's hindcast at each forecast date
   */
  public record Result(
      List<String> ids,
      double[] prior,
      List<List<Hindcast.Result>> byHypothesis,
      List<Weights> weights,
      List<Hindcast.Result> mixture) {

    /** The forecast dates. */
    public List<LocalDate> dates() {
      return mixture.stream().map(Hindcast.Result::asOf).toList();
    }

    /** Scores at one forecast date: each hypothesis, then the mixture. */
    public List<Scores> scoresAt(int date) {
      List<Scores> out = new ArrayList<>();
      for (int h = 0; h < ids.size(); h++) {
        out.add(scores(ids.get(h), List.of(byHypothesis.get(h).get(date))));
      }
      out.add(scores("mixture", List.of(mixture.get(date))));
      return out;
    }

    /** Scores pooled over every forecast date: each hypothesis, then the mixture. */
    public List<Scores> pooled() {
      List<Scores> out = new ArrayList<>();
      for (int h = 0; h < ids.size(); h++) {
        out.add(scores(ids.get(h), byHypothesis.get(h)));
      }
      out.add(scores("mixture", mixture));
      return out;
    }
  }

  /**
   * Weights every date and scores the mixture.
   *
   * @param ids hypothesis ids
   * @param prior the prior weights, positive
   * @param byHypothesis per hypothesis, its hindcasts at the same ascending forecast dates, run
   *     with the reporting model (so every scored row has a log score)
   * @param publication when each figure became public
   * @return the weights, the mixture and every part
   */
  public static Result run(
      List<String> ids,
      double[] prior,
      List<List<Hindcast.Result>> byHypothesis,
      Publication publication) {
    check(ids, prior, byHypothesis);
    int dates = byHypothesis.get(0).size();
    List<Weights> weights = new ArrayList<>();
    List<Hindcast.Result> mixture = new ArrayList<>();
    for (int d = 0; d < dates; d++) {
      LocalDate asOf = byHypothesis.get(0).get(d).asOf();
      Weights w = weightsAsOf(asOf, prior, byHypothesis, publication);
      weights.add(w);
      List<Hindcast.Result> atDate = new ArrayList<>();
      for (List<Hindcast.Result> h : byHypothesis) {
        atDate.add(h.get(d));
      }
      mixture.add(mixture(atDate, w.weights()));
    }
    return new Result(List.copyOf(ids), normalised(prior), byHypothesis, weights, mixture);
  }

  /**
   * The stacking weights as of a date: fitted on every figure scored from a forecast date before it
   * and published by it, regularised towards the prior weights ({@link Stacking#PRIOR_STRENGTH});
   * the prior weights if there is none.
   *
   * @param asOf the date
   * @param prior the prior weights (also the optimiser's start)
   * @param byHypothesis per hypothesis, its hindcasts at ascending forecast dates
   * @param publication when each figure became public
   * @return the weights
   */
  public static Weights weightsAsOf(
      LocalDate asOf,
      double[] prior,
      List<List<Hindcast.Result>> byHypothesis,
      Publication publication) {
    List<double[]> rows = new ArrayList<>();
    int k = byHypothesis.size();
    for (int d = 0; d < byHypothesis.get(0).size(); d++) {
      if (!byHypothesis.get(0).get(d).asOf().isBefore(asOf)) {
        continue;
      }
      List<Map<ObservationRecord, Hindcast.Row>> scored = new ArrayList<>();
      for (List<Hindcast.Result> h : byHypothesis) {
        scored.add(scoredRows(h.get(d)));
      }
      for (Hindcast.Row row : byHypothesis.get(0).get(d).scored()) {
        if (!row.record().publishedBy(asOf, publication)) {
          continue;
        }
        double[] logP = new double[k];
        boolean all = true;
        for (int h = 0; h < k; h++) {
          Hindcast.Row r = scored.get(h).get(row.record());
          if (r == null) {
            all = false;
            break;
          }
          if (Double.isNaN(r.logScore())) {
            throw new IllegalArgumentException(
                "stacking needs log scores: run the hindcasts with the reporting model");
          }
          logP[h] = r.logScore();
        }
        if (all) {
          rows.add(logP);
        }
      }
    }
    if (rows.isEmpty()) {
      return new Weights(asOf, normalised(prior), Basis.PRIOR, 0, 0);
    }
    Stacking.Weights fit =
        Stacking.fit(rows.toArray(new double[0][]), prior, Stacking.PRIOR_STRENGTH);
    return new Weights(asOf, fit.weights(), Basis.STACKED, fit.figures(), fit.iterations());
  }

  /**
   * The mixture's hindcast at one date: every figure scored by every hypothesis, forecast by the
   * replications the weights allocate (see the class comment); other rows as the first hypothesis
   * has them.
   *
   * @param atDate each hypothesis's hindcast at the date
   * @param weights the weights
   * @return the mixture's hindcast
   */
  public static Hindcast.Result mixture(List<Hindcast.Result> atDate, double[] weights) {
    Hindcast.Result first = atDate.get(0);
    List<Map<ObservationRecord, Hindcast.Row>> scored = new ArrayList<>();
    for (Hindcast.Result r : atDate) {
      scored.add(scoredRows(r));
    }
    List<Hindcast.Row> rows = new ArrayList<>();
    for (Hindcast.Row row : first.rows()) {
      if (row.score() == null) {
        rows.add(row);
        continue;
      }
      List<Hindcast.Row> parts = new ArrayList<>();
      for (Map<ObservationRecord, Hindcast.Row> m : scored) {
        Hindcast.Row r = m.get(row.record());
        if (r != null) {
          parts.add(r);
        }
      }
      if (parts.size() < atDate.size()) {
        rows.add(
            new Hindcast.Row(
                row.record(),
                "not_scored",
                -1,
                null,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                null,
                "not scored by every hypothesis"));
        continue;
      }
      rows.add(mixtureRow(parts, weights));
    }
    return new Hindcast.Result(
        first.scenario(),
        rows,
        null,
        first.calibrationRows(),
        atDate.stream().mapToDouble(Hindcast.Result::seconds).sum(),
        first.asOf(),
        first.reporting());
  }

  private static Hindcast.Row mixtureRow(List<Hindcast.Row> parts, double[] weights) {
    Hindcast.Row first = parts.get(0);
    int runs = first.latent().length;
    int draws = first.sample().length / runs;
    int[] n = Allocation.largestRemainder(weights, runs);
    double[] latent = new double[runs];
    double[] sample = new double[runs * draws];
    int at = 0;
    double[] terms = new double[parts.size()];
    for (int k = 0; k < parts.size(); k++) {
      Hindcast.Row p = parts.get(k);
      if (p.latent().length != runs || p.sample().length != runs * draws) {
        throw new IllegalArgumentException("the hypotheses' hindcasts need the same replications");
      }
      // Disjoint replications, as MixtureForecast runs them: hypothesis k's slice starts where
      // the previous one ended, so no stock draw is repeated across hypotheses.
      System.arraycopy(p.latent(), at, latent, at, n[k]);
      System.arraycopy(p.sample(), at * draws, sample, at * draws, n[k] * draws);
      at += n[k];
      terms[k] = weights[k] > 0 ? Math.log(weights[k]) + p.logScore() : Double.NEGATIVE_INFINITY;
    }
    double logScore = PublishedDensity.logSumExp(terms);
    return new Hindcast.Row(
        first.record(),
        first.status(),
        first.month(),
        ForecastScore.of(sample, first.record().range()),
        first.crpsPersistence(),
        first.crpsTrend(),
        first.trend(),
        Double.NaN,
        sample,
        first.note(),
        latent,
        logScore);
  }

  /** Scores of the scored rows of some hindcasts, pooled. */
  static Scores scores(String label, List<Hindcast.Result> results) {
    int n = 0;
    double crps = 0;
    double log = 0;
    int in50 = 0;
    int in90 = 0;
    for (Hindcast.Result r : results) {
      for (Hindcast.Row row : r.scored()) {
        n++;
        crps += row.score().crps();
        log += row.logScore();
        in50 += row.score().in50() ? 1 : 0;
        in90 += row.score().in90() ? 1 : 0;
      }
    }
    return new Scores(
        label,
        n,
        n == 0 ? Double.NaN : crps / n,
        n == 0 ? Double.NaN : log / n,
        n == 0 ? Double.NaN : (double) in50 / n,
        n == 0 ? Double.NaN : (double) in90 / n);
  }

  private static Map<ObservationRecord, Hindcast.Row> scoredRows(Hindcast.Result r) {
    Map<ObservationRecord, Hindcast.Row> out = new HashMap<>();
    for (Hindcast.Row row : r.scored()) {
      out.put(row.record(), row);
    }
    return out;
  }

  private static void check(
      List<String> ids, double[] prior, List<List<Hindcast.Result>> byHypothesis) {
    if (ids.size() < 2 || ids.size() != prior.length || ids.size() != byHypothesis.size()) {
      throw new IllegalArgumentException(
          "stacking needs at least two hypotheses, each with a prior weight and its hindcasts");
    }
    List<LocalDate> dates = byHypothesis.get(0).stream().map(Hindcast.Result::asOf).toList();
    if (dates.isEmpty()) {
      throw new IllegalArgumentException("stacking needs at least one forecast date");
    }
    for (List<Hindcast.Result> h : byHypothesis) {
      if (!h.stream().map(Hindcast.Result::asOf).toList().equals(dates)) {
        throw new IllegalArgumentException("every hypothesis needs the same forecast dates");
      }
    }
    for (int d = 1; d < dates.size(); d++) {
      if (!dates.get(d).isAfter(dates.get(d - 1))) {
        throw new IllegalArgumentException("forecast dates must ascend: " + dates);
      }
    }
  }

  private static double[] normalised(double[] w) {
    double s = Arrays.stream(w).sum();
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = w[i] / s;
    }
    return out;
  }
}
