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
