package org.dispersal.hypotheses;

import java.util.Locale;

/**
 * The words of estimative probability of Intelligence Community Directive 203 (2015): almost no
 * chance 1-5%, very unlikely 5-20%, unlikely 20-45%, roughly even chance 45-55%, likely 55-80%,
 * very likely 80-95%, almost certain 95-99% (PRIORS 3.5).
 *
 * <p>The directive's ranges share their end points and stop at 1% and 99%. Here a shared end point
 * belongs to the band nearer to 50%, so the scale is symmetric: the term of {@code p} mirrors the
 * term of {@code 1 - p} (5% is "very unlikely" as 95% is "very likely"). Below 1% the lowest term
 * and above 99% the highest are kept, since the directive has no words beyond them; the number is
 * always shown next to the words.
 */
public enum Icd203 {
  /** Below 5%. */
  ALMOST_NO_CHANCE("almost no chance"),
  /** From 5% to below 20%. */
  VERY_UNLIKELY("very unlikely"),
  /** From 20% to below 45%. */
  UNLIKELY("unlikely"),
  /** From 45% to 55%, both included. */
  ROUGHLY_EVEN_CHANCE("roughly even chance"),
  /** Above 55% to 80%. */
  LIKELY("likely"),
  /** Above 80% to 95%. */
  VERY_LIKELY("very likely"),
  /** Above 95%. */
  ALMOST_CERTAIN("almost certain");

  private static final double TOLERANCE = 1e-12;

  private final String words;

  Icd203(String words) {
    this.words = words;
  }

  /** The words, in lower case, as they appear in a sentence. */
  public String words() {
    return words;
  }

  /**
   * The term of a probability.
   *
   * @param p a probability in [0, 1]
   * @return its ICD 203 term
   * @throws IllegalArgumentException if p is not in [0, 1]
   */
  public static Icd203 of(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("a probability must be between 0 and 1, not " + p);
    }
    // Distance from an even chance, so that the scale is symmetric; the tolerance keeps decimal
    // boundaries such as 0.55 (stored as 0.55000000000000004) on the band nearer to 50%.
    double d = Math.abs(p - 0.5);
    boolean above = p > 0.5;
    if (d <= 0.05 + TOLERANCE) {
      return ROUGHLY_EVEN_CHANCE;
    }
    if (d <= 0.30 + TOLERANCE) {
      return above ? LIKELY : UNLIKELY;
    }
    if (d <= 0.45 + TOLERANCE) {
      return above ? VERY_LIKELY : VERY_UNLIKELY;
    }
    return above ? ALMOST_CERTAIN : ALMOST_NO_CHANCE;
  }

  /** A probability as a number and words, for example {@code 62% (likely)}. */
  public static String describe(double p) {
    return percent(p) + " (" + of(p).words() + ")";
  }

  /**
   * A probability as a percentage: one decimal below 10% or above 90%, where a point matters,
   * otherwise whole per cent.
   */
  public static String percent(double p) {
    double v = 100 * p;
    return String.format(Locale.ROOT, p < 0.1 || p > 0.9 ? "%.1f%%" : "%.0f%%", v);
  }
}
