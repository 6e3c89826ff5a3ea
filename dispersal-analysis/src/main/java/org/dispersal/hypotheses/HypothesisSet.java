package org.dispersal.hypotheses;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The competing hypotheses of a scenario and the indicators that discriminate between them.
 *
 * <p>The hypotheses should be mutually exclusive and together exhaustive (PRIORS 3.1): keep an
 * explicit "other" or "baseline" hypothesis for everything the named ones leave out. Prior weights
 * are normalised to sum to 1.
 *
 * @param hypotheses at least two, ids unique
 * @param indicators the indicators, ids unique, each with one likelihood per hypothesis
 */
public record HypothesisSet(List<Hypothesis> hypotheses, List<Indicator> indicators) {

  /** Validates and copies the set. */
  public HypothesisSet {
    hypotheses = List.copyOf(hypotheses);
    indicators = List.copyOf(indicators);
    if (hypotheses.size() < 2) {
      throw new IllegalArgumentException("competing hypotheses need at least two hypotheses");
    }
    Set<String> ids = new HashSet<>();
    for (Hypothesis h : hypotheses) {
      if (!ids.add(h.id())) {
        throw new IllegalArgumentException("hypothesis id " + h.id() + " is used twice");
      }
    }
    Set<String> indicatorIds = new HashSet<>();
    for (Indicator i : indicators) {
      if (!indicatorIds.add(i.id())) {
        throw new IllegalArgumentException("indicator id " + i.id() + " is used twice");
      }
      if (i.likelihoods().size() != hypotheses.size()) {
        throw new IllegalArgumentException(
            "indicator "
                + i.id()
                + " gives "
                + i.likelihoods().size()
                + " likelihoods for "
                + hypotheses.size()
                + " hypotheses");
      }
    }
  }

  /** The prior weights, normalised to sum to 1, in hypothesis order. */
  public double[] priorWeights() {
    double total = 0;
    for (Hypothesis h : hypotheses) {
      total += h.prior();
    }
    double[] out = new double[hypotheses.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = hypotheses.get(i).prior() / total;
    }
    return out;
  }

  /**
   * The same hypotheses and indicators starting from other weights, for example the stacking
   * weights fitted on rolling-origin scores: each hypothesis's prior weight is replaced, its basis
   * and sources kept.
   *
   * @param weights one per hypothesis, in order; zeros are raised to 1e-6 of the total so that an
   *     update can still move weight back to a hypothesis stacking left out
   * @return the set with those weights as its priors
   */
  public HypothesisSet withWeights(double[] weights) {
    if (weights.length != hypotheses.size()) {
      throw new IllegalArgumentException(
          weights.length + " weights for " + hypotheses.size() + " hypotheses");
    }
    double total = 0;
    for (double w : weights) {
      if (!(w >= 0) || !Double.isFinite(w)) {
        throw new IllegalArgumentException("weights must be finite and non-negative, not " + w);
      }
      total += w;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("at least one weight must be positive");
    }
    List<Hypothesis> out = new java.util.ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      Hypothesis h = hypotheses.get(i);
      out.add(
          new Hypothesis(
              h.id(),
              h.name(),
              h.variant(),
              h.overrides(),
              Math.max(weights[i], 1e-6 * total),
              h.basis(),
              h.sources()));
    }
    return new HypothesisSet(out, indicators);
  }

  /** The index of a hypothesis by id, or -1. */
  public int indexOf(String hypothesisId) {
    for (int i = 0; i < hypotheses.size(); i++) {
      if (hypotheses.get(i).id().equals(hypothesisId)) {
        return i;
      }
    }
    return -1;
  }
}
