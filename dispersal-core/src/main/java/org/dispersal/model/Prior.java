package org.dispersal.model;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A prior distribution of a parameter: what is believed about its value before calibration.
 *
 * <p>Each replication of an ensemble draws every parameter from its prior, so the ensemble carries
 * parameter uncertainty as well as chance.
 */
public sealed interface Prior
    permits Prior.Fixed, Prior.Uniform, Prior.Triangular, Prior.LogUniform {

  /**
   * Draws one value using the caller's stream: {@code quantile} of one uniform draw, unless a prior
   * needs no draw at all.
   */
  default double sample(UniformRandomProvider rng) {
    return quantile(rng.nextDouble());
  }

  /** The smallest value the prior allows. */
  double low();

  /** The largest value the prior allows. */
  double high();

  /** A central value (the mode or mid-point) for reports and deterministic runs. */
  double central();

  /** A short human-readable description such as {@code uniform(0.1, 0.3)}. */
  String describe();

  /**
   * The value at cumulative probability u in [0, 1): the inverse of the distribution function. A
   * draw is {@code quantile(uniform)}, so paired runs that fix a parameter still pair the others.
   */
  double quantile(double u);

  /** A point value. */
  record Fixed(double value) implements Prior {
    /** Validates the value. */
    public Fixed {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("fixed value must be finite");
      }
    }

    @Override
    public double sample(UniformRandomProvider rng) {
      return value;
    }

    @Override
    public double quantile(double u) {
      return value;
    }

    @Override
    public double low() {
      return value;
    }

    @Override
    public double high() {
      return value;
    }

    @Override
    public double central() {
      return value;
    }

    @Override
    public String describe() {
      return "fixed(" + value + ")";
    }
  }

  /** Every value between low and high equally likely. */
  record Uniform(double low, double high) implements Prior {
    /** Validates the range. */
    public Uniform {
      if (!(Double.isFinite(low) && Double.isFinite(high) && low <= high)) {
        throw new IllegalArgumentException("uniform needs finite low <= high");
      }
    }

    @Override
    public double quantile(double u) {
      return low + (high - low) * u;
    }

    @Override
    public double central() {
      return 0.5 * (low + high);
    }

    @Override
    public String describe() {
      return "uniform(" + low + ", " + high + ")";
    }
  }

  /** A triangular distribution with a most likely value. */
  record Triangular(double low, double mode, double high) implements Prior {
    /** Validates the shape. */
    public Triangular {
      if (!(Double.isFinite(low) && Double.isFinite(high) && low <= mode && mode <= high)
          || low == high) {
        throw new IllegalArgumentException(
            "triangular needs finite low <= mode <= high, low < high");
      }
    }

    @Override
    public double quantile(double u) {
      double f = (mode - low) / (high - low);
      if (u < f) {
        return low + Math.sqrt(u * (high - low) * (mode - low));
      }
      return high - Math.sqrt((1 - u) * (high - low) * (high - mode));
    }

    @Override
    public double central() {
      return mode;
    }

    @Override
    public String describe() {
      return "triangular(" + low + ", " + mode + ", " + high + ")";
    }
  }

  /** Uniform on the logarithmic scale: for rates known only to an order of magnitude. */
  record LogUniform(double low, double high) implements Prior {
    /** Validates the range. */
    public LogUniform {
      if (!(Double.isFinite(low) && Double.isFinite(high) && 0 < low && low <= high)) {
        throw new IllegalArgumentException("log-uniform needs 0 < low <= high");
      }
    }

    @Override
    public double quantile(double u) {
      return Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * u);
    }

    @Override
    public double central() {
      return Math.sqrt(low * high);
    }

    @Override
    public String describe() {
      return "log-uniform(" + low + ", " + high + ")";
    }
  }
}
