package org.dispersal.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each origin's propensity to leave the theatre: a multiplier m on the in_theatre → transit hazard
 * of every cohort of the origin (men, women and minors alike). An origin the map does not name has
 * m = 1, so {@link #NONE} leaves the model as it was (docs/MODEL.md, "Country propensity to leave
 * the theatre").
 *
 * <p>Plain data: the multipliers are estimated from the figures published by the forecast date in
 * {@code org.dispersal.stocks.ExitPropensityEstimator} or set by a scenario file's {@code
 * exit_propensity:} section.
 *
 * @param basis how the multipliers were set: {@value #BASIS_NONE}, {@value #BASIS_ESTIMATED} (from
 *     the origins' travelled and returned figures), {@value #BASIS_FILE} (set by the scenario file
 *     only) or {@value #BASIS_ESTIMATED_AND_FILE} (estimated, some origins set by the file)
 * @param pseudoTravellers the shrinkage k of the estimate (pseudo-travellers at the pooled share);
 *     NaN when nothing was estimated
 * @param pooledShare the people-weighted pooled return share S of the estimate; NaN when nothing
 *     was estimated
 * @param multipliers origin id → m, each finite and positive, in origin order
 */
public record ExitPropensity(
    String basis, double pseudoTravellers, double pooledShare, Map<String, Double> multipliers) {

  /** No origin differs: m = 1 everywhere. */
  public static final String BASIS_NONE = "none";

  /** Estimated from the origins' figures. */
  public static final String BASIS_ESTIMATED = "estimated";

  /** Set by the scenario file only. */
  public static final String BASIS_FILE = "file";

  /** Estimated, with some origins set by the scenario file. */
  public static final String BASIS_ESTIMATED_AND_FILE = "estimated+file";

  /** m = 1 for every origin. */
  public static final ExitPropensity NONE =
      new ExitPropensity(BASIS_NONE, Double.NaN, Double.NaN, Map.of());

  /** Validates and copies the multipliers. */
  public ExitPropensity {
    if (basis == null || multipliers == null) {
      throw new IllegalArgumentException("an exit propensity needs a basis and multipliers");
    }
    for (Map.Entry<String, Double> e : multipliers.entrySet()) {
      Double m = e.getValue();
      if (m == null || !(m > 0) || Double.isInfinite(m)) {
        throw new IllegalArgumentException(
            "exit propensity of " + e.getKey() + " must be positive and finite: " + m);
      }
    }
    multipliers = Collections.unmodifiableMap(new LinkedHashMap<>(multipliers));
  }

  /**
   * The multiplier of one origin.
   *
   * @param originId the origin's id
   * @return m, 1 for an origin the map does not name
   */
  public double of(String originId) {
    return multipliers.getOrDefault(originId, 1.0);
  }

  /** Whether every origin has m = 1. */
  public boolean neutral() {
    return multipliers.values().stream().allMatch(m -> m == 1.0);
  }
}
