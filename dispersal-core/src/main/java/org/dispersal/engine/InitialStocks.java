package org.dispersal.engine;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.model.Demographic;
import org.dispersal.model.ModelParameters.Base;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;
import org.dispersal.random.Binomial;
import org.dispersal.random.RandomStreams;
import org.dispersal.random.Substream;

/**
 * Draws one replication's stocks at the start date, shared by every engine.
 *
 * <p>Per origin: the number who travelled is uniform within its source range, times {@code
 * stock_revision} (the revisions of the figures still to come), rounded; women and minors come from
 * country figures where given (times the same multiplier), otherwise binomially from {@code
 * share_women} and {@code share_minors}; the killed and returned by the start likewise (a country
 * figure as a share of the unrevised number), deaths weighted by the combat factor; everyone else
 * is in theatre. An origin's floor under its dead ({@link Origin#killedAtLeast()}, drawn uniformly
 * like a figure) raises the killed share to at least the floor's share of the unrevised number.
 */
public final class InitialStocks {

  /** Cohorts per origin, one per demographic, in the order men, women, minors. */
  private static final int DEMOGRAPHICS = Demographic.values().length;

  private InitialStocks() {}

  /**
   * Fills {@code stocks[cohort][local]} with one replication's initial stocks.
   *
   * @param model the compiled scenario
   * @param r the replication's parameter values
   * @param stream the replication's initial-stock stream
   * @param stocks one array per cohort, of the cohort's layout length
   */
  public static void fill(
      CompiledModel model, Realization r, UniformRandomProvider stream, int[][] stocks) {
    int cohortCount = model.cohorts().size();
    List<Cohort> cohorts = model.cohorts();
    double[] v = r.sharedValues();
    long base = stream.nextLong();
    // One generator re-seeded per origin: the numbers of RandomStreams.substream, without a new
    // generator for each of the replication's origins.
    Substream rng = new Substream();
    for (int c = 0; c < cohortCount; c += DEMOGRAPHICS) {
      Origin o = cohorts.get(c).origin();
      // Each origin draws from its own substream, keyed by its id (common random numbers).
      rng.reseed(base, RandomStreams.key(o.id()));
      int men = c;
      int women = c + 1;
      int minors = c + 2;
      double revision = Math.max(0, v[model.cohortParameter(c, Base.STOCK_REVISION)]);
      int drawn = draw(o.travelled(), rng);
      int n = revise(drawn, revision);
      int w =
          o.women() != null
              ? Math.min(n, revise(draw(o.women(), rng), revision))
              : Binomial.sample(rng, n, clamp(v[model.cohortParameter(c, Base.SHARE_WOMEN)]));
      int m;
      if (o.minors() != null) {
        m = Math.min(n - w, revise(draw(o.minors(), rng), revision));
      } else {
        double sw = v[model.cohortParameter(c, Base.SHARE_WOMEN)];
        double sm = v[model.cohortParameter(c, Base.SHARE_MINORS)];
        m = Binomial.sample(rng, n - w, clamp(sm / Math.max(1e-12, 1 - sw)));
      }
      int menSize = n - w - m;
      double killedShare =
          o.killed() != null && drawn > 0
              ? Math.min(1.0, draw(o.killed(), rng) / (double) drawn)
              : v[model.cohortParameter(c, Base.SHARE_KILLED_BY_START)];
      double returnedShare =
          o.returned() != null && drawn > 0
              ? Math.min(1.0, draw(o.returned(), rng) / (double) drawn)
              : v[model.cohortParameter(c, Base.SHARE_RETURNED_BY_START)];
      if (o.killedAtLeast() != null && drawn > 0) {
        // Drawn after the figures' draws, so origins without a floor draw exactly as before; with
        // one, the binomial splits below come one draw later in the stream (the same law).
        killedShare =
            Math.max(killedShare, Math.min(1.0, draw(o.killedAtLeast(), rng) / (double) drawn));
      }
      double womenCombat = v[model.cohortParameter(women, Base.WOMEN_COMBAT_FACTOR)];
      double minorsCombat = v[model.cohortParameter(minors, Base.MINORS_COMBAT_FACTOR)];
      double meanFactor = (menSize * 1.0 + w * womenCombat + m * minorsCombat);
      meanFactor = n > 0 ? meanFactor / n : 1.0;
      split(stocks[men], menSize, 1.0, killedShare, returnedShare, meanFactor, rng);
      split(stocks[women], w, womenCombat, killedShare, returnedShare, meanFactor, rng);
      split(stocks[minors], m, minorsCombat, killedShare, returnedShare, meanFactor, rng);
    }
  }

  /**
   * Sets one cohort's stocks at the start: of its {@code size} people, the killed by the start
   * (binomial, weighted by its combat factor over the origin's mean), then the returned among the
   * rest, and everyone else in theatre.
   */
  private static void split(
      int[] s,
      int size,
      double combat,
      double killedShare,
      double returnedShare,
      double meanFactor,
      UniformRandomProvider rng) {
    java.util.Arrays.fill(s, 0);
    double pk = clamp(killedShare * combat / Math.max(1e-12, meanFactor));
    int killed = Binomial.sample(rng, size, pk);
    double pr = clamp(returnedShare / Math.max(1e-12, 1 - killedShare));
    int returned = Binomial.sample(rng, size - killed, pr);
    s[CompiledModel.KILLED] = killed;
    s[CompiledModel.RETURNED] = returned;
    s[CompiledModel.IN_THEATRE] = size - killed - returned;
  }

  /** A count times the revision multiplier, rounded; exactly the count when it is 1. */
  private static int revise(int count, double revision) {
    return revision == 1.0 ? count : (int) Math.round(count * revision);
  }

  private static int draw(Range range, UniformRandomProvider rng) {
    if (range.low() == range.high()) {
      return range.low();
    }
    return range.low() + rng.nextInt(range.high() - range.low() + 1);
  }

  static double clamp(double p) {
    return p < 0 ? 0 : (p > 1 ? 1 : p);
  }
}
