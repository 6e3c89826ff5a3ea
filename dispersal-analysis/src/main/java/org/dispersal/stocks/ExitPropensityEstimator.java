package org.dispersal.stocks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.model.ExitPropensity;
import org.dispersal.model.Origin;

/**
 * Estimates each country's propensity to leave the theatre from the figures published by the
 * forecast date: the origins the {@link StockRule} made from them (docs/MODEL.md, "Country
 * propensity to leave the theatre").
 *
 * <p>For each country origin with both a travelled figure T and a returned figure R, each taken at
 * the mid-point of its range (the mean of the uniform draw the initial stocks make), the return
 * share is shrunk towards the pooled share S = ΣR / ΣT of those countries (people-weighted):
 *
 * <pre>
 *   s = (R + k·S) / (T + k),   m = clip(s / S, {@value #MIN_MULTIPLIER}, {@value #MAX_MULTIPLIER})
 * </pre>
 *
 * <p>k ({@link #PSEUDO_TRAVELLERS}) counts pseudo-travellers at the pooled share: a country with a
 * few dozen travellers keeps m near 1, one with thousands moves to its own share. Countries without
 * both figures, remainders and named groups keep m = 1 (they are left out of the map). A returned
 * figure above the travelled one is data, not an error: it gives a high share, which the clip
 * bounds. Pure: origins in, multipliers out.
 */
public final class ExitPropensityEstimator {

  /**
   * k, the pseudo-travellers at the pooled share added to every country: {@value}. No source gives
   * it; it is chosen so that a country's own share counts half when it has as many travellers as a
   * mid-sized European origin (about 200), before any score was seen. Documented range {@value
   * #PSEUDO_TRAVELLERS_LOW} to {@value #PSEUDO_TRAVELLERS_HIGH}.
   */
  public static final double PSEUDO_TRAVELLERS = 200;

  /** The low end of the documented range of k. */
  public static final double PSEUDO_TRAVELLERS_LOW = 50;

  /** The high end of the documented range of k. */
  public static final double PSEUDO_TRAVELLERS_HIGH = 1000;

  /**
   * The smallest multiplier: {@value}. A named assumption: no country's hazard of leaving is taken
   * as less than a quarter of the pooled one, since a country's published returns undercount those
   * who came back unnoticed.
   */
  public static final double MIN_MULTIPLIER = 0.25;

  /**
   * The largest multiplier: {@value}. A named assumption: no country's hazard is taken as more than
   * four times the pooled one; it bounds the shares of contradictory figures (returned above
   * travelled).
   */
  public static final double MAX_MULTIPLIER = 4.0;

  private ExitPropensityEstimator() {}

  /**
   * One country's estimate.
   *
   * @param origin the origin id
   * @param travelled T, the mid-point of the travelled range
   * @param returned R, the mid-point of the returned range
   * @param share s, the shrunk return share
   * @param multiplier m, s / S clipped
   */
  public record Estimate(
      String origin, double travelled, double returned, double share, double multiplier) {}

  /**
   * The estimate with {@link #PSEUDO_TRAVELLERS}.
   *
   * @param origins the origins as known at the forecast date
   * @return the multipliers of the countries with both figures
   */
  public static ExitPropensity estimate(List<Origin> origins) {
    return estimate(origins, PSEUDO_TRAVELLERS);
  }

  /**
   * The estimate with another k.
   *
   * @param origins the origins as known at the forecast date
   * @param k the pseudo-travellers, not negative
   * @return the multipliers of the countries with both figures, basis {@value
   *     ExitPropensity#BASIS_ESTIMATED}
   */
  public static ExitPropensity estimate(List<Origin> origins, double k) {
    List<Estimate> rows = estimates(origins, k);
    Map<String, Double> m = new LinkedHashMap<>();
    for (Estimate e : rows) {
      m.put(e.origin(), e.multiplier());
    }
    return new ExitPropensity(ExitPropensity.BASIS_ESTIMATED, k, pooledShare(origins), m);
  }

  /**
   * Each country's figures, share and multiplier, in origin order.
   *
   * @param origins the origins as known at the forecast date
   * @param k the pseudo-travellers, not negative
   * @return one row per country origin with both figures; none if the pooled share is not positive
   */
  public static List<Estimate> estimates(List<Origin> origins, double k) {
    if (!(k >= 0) || Double.isInfinite(k)) {
      throw new IllegalArgumentException("pseudo-travellers must be finite and >= 0: " + k);
    }
    double pooled = pooledShare(origins);
    List<Estimate> out = new ArrayList<>();
    if (!(pooled > 0)) {
      return out;
    }
    for (Origin o : origins) {
      if (!counts(o)) {
        continue;
      }
      double t = o.travelled().mid();
      double r = o.returned().mid();
      double share = (r + k * pooled) / (t + k);
      double m = Math.min(MAX_MULTIPLIER, Math.max(MIN_MULTIPLIER, share / pooled));
      out.add(new Estimate(o.id(), t, r, share, m));
    }
    return out;
  }

  /**
   * S, the people-weighted return share of the countries with both figures: ΣR / ΣT.
   *
   * @param origins the origins
   * @return S, or NaN when no such country has travellers
   */
  public static double pooledShare(List<Origin> origins) {
    double sumT = 0;
    double sumR = 0;
    for (Origin o : origins) {
      if (counts(o)) {
        sumT += o.travelled().mid();
        sumR += o.returned().mid();
      }
    }
    return sumT > 0 ? sumR / sumT : Double.NaN;
  }

  /** A country origin with a positive travelled figure and a returned figure. */
  private static boolean counts(Origin o) {
    return o.country() && !o.remainder() && o.returned() != null && o.travelled().mid() > 0;
  }
}
