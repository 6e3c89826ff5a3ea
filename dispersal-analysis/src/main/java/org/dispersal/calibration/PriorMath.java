package org.dispersal.calibration;

import org.dispersal.model.Prior;

/**
 * Densities, transforms and quantiles of the model's priors, for calibration and sensitivity.
 *
 * <p>Calibration works on a transformed scale z: the identity for uniform and triangular priors,
 * the logarithm for log-uniform priors, on which they are uniform and a Gaussian perturbation
 * kernel moves evenly across orders of magnitude. {@link #density} is the prior density on the z
 * scale.
 */
public final class PriorMath {

  private PriorMath() {}

  /** Whether the prior has any spread (fixed priors are not calibrated). */
  public static boolean isFree(Prior p) {
    return !(p instanceof Prior.Fixed) && p.high() > p.low();
  }

  /** The z value of a parameter value. */
  public static double toZ(Prior p, double value) {
    return p instanceof Prior.LogUniform ? Math.log(value) : value;
  }

  /** The parameter value of a z value. */
  public static double fromZ(Prior p, double z) {
    return p instanceof Prior.LogUniform ? Math.exp(z) : z;
  }

  /** The prior density on the z scale (0 outside the support). */
  public static double density(Prior p, double z) {
    if (p instanceof Prior.Uniform u) {
      return z < u.low() || z > u.high() ? 0 : 1 / (u.high() - u.low());
    }
    if (p instanceof Prior.LogUniform l) {
      double a = Math.log(l.low());
      double b = Math.log(l.high());
      return z < a || z > b ? 0 : 1 / (b - a);
    }
    if (p instanceof Prior.Triangular t) {
      double a = t.low();
      double c = t.mode();
      double b = t.high();
      if (z < a || z > b) {
        return 0;
      }
      if (z < c) {
        return 2 * (z - a) / ((b - a) * (c - a));
      }
      return c == b ? 2 / (b - a) : 2 * (b - z) / ((b - a) * (b - c));
    }
    return 1;
  }

  /** The quantile function (inverse CDF) of the prior at u in [0, 1]. */
  public static double quantile(Prior p, double u) {
    if (p instanceof Prior.Uniform un) {
      return un.low() + (un.high() - un.low()) * u;
    }
    if (p instanceof Prior.LogUniform l) {
      return Math.exp(Math.log(l.low()) + (Math.log(l.high()) - Math.log(l.low())) * u);
    }
    if (p instanceof Prior.Triangular t) {
      double a = t.low();
      double c = t.mode();
      double b = t.high();
      double f = (c - a) / (b - a);
      if (u < f) {
        return a + Math.sqrt(u * (b - a) * (c - a));
      }
      return b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    return p.central();
  }
}
