package org.dispersal.analyst;

import java.util.ArrayList;
import java.util.List;
import org.dispersal.stats.Normal;

/**
 * How misses and false alarms trade off as a screening tool's threshold moves, under the
 * equal-variance binormal model.
 *
 * <p>Assumption (stated, not sourced: no ROC curve has been published for a returnee screening
 * tool): the tool's score is normal with unit variance among the committed and among the others,
 * with means d' apart. The stated operating point (s, c) fixes d' = Φ⁻¹(s) + Φ⁻¹(c); moving the
 * threshold gives the points (1 − c', Φ(d' − Φ⁻¹(c'))) for every specificity c'. Shares of exactly
 * 0 or 1 are taken as 0.0005 or 0.9995 to keep d' finite. At base rate p, per {@code of} returnees,
 * a point has misses = of·p·(1 − s') and false alarms = of·(1 − p)(1 − c').
 *
 * @param dPrime the separation d'
 * @param baseRate the base rate p the counts use
 * @param of the number of returnees the counts refer to
 * @param points the curve from the most to the least specific threshold
 */
public record TradeOffCurve(double dPrime, double baseRate, int of, List<Point> points) {

  /** Copies the points. */
  public TradeOffCurve {
    points = List.copyOf(points);
  }

  /**
   * One threshold.
   *
   * @param sensitivity s' at this threshold
   * @param specificity c' at this threshold
   * @param misses committed returnees cleared, per {@code of}
   * @param falseAlarms other returnees flagged, per {@code of}
   */
  public record Point(double sensitivity, double specificity, double misses, double falseAlarms) {}

  private static final double EDGE = 0.0005;

  /**
   * The curve through a stated test.
   *
   * @param test the stated operating point
   * @param baseRate the share committed
   * @param of the number of returnees per which misses and false alarms are counted
   * @param steps the number of thresholds, at least 2
   */
  public static TradeOffCurve through(ScreeningTest test, double baseRate, int of, int steps) {
    if (steps < 2) {
      throw new IllegalArgumentException("steps must be at least 2");
    }
    double d =
        Normal.quantile(clamp(test.sensitivity())) + Normal.quantile(clamp(test.specificity()));
    List<Point> pts = new ArrayList<>();
    for (int k = 0; k < steps; k++) {
      double spec = 1 - EDGE - (1 - 2 * EDGE) * k / (steps - 1.0);
      pts.add(point(d, spec, baseRate, of));
    }
    return new TradeOffCurve(d, baseRate, of, pts);
  }

  /** The point of the curve at a given specificity. */
  public Point at(double specificity) {
    return point(dPrime, clamp(specificity), baseRate, of);
  }

  private static Point point(double d, double spec, double p, int of) {
    double sens = Normal.cdf(d - Normal.quantile(spec));
    return new Point(sens, spec, of * p * (1 - sens), of * (1 - p) * (1 - spec));
  }

  private static double clamp(double x) {
    return Math.min(1 - EDGE, Math.max(EDGE, x));
  }
}
