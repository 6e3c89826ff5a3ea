package org.dispersal.hypotheses;

import java.util.List;

/**
 * One competing hypothesis about how the story continues, for example "mass return" or "stay and
 * fight": the scenario with some parameters set differently, or a variant scenario, and the
 * analyst's prior weight.
 *
 * @param id a short identifier, unique in its set, used to key likelihoods
 * @param name the name an analyst reads
 * @param variant a variant scenario (a built-in name or file) to run instead of the scenario
 *     itself, or null for the scenario itself
 * @param overrides {@code NAME=VALUE} settings laid over the scenario (or the variant), in the
 *     {@code --set} syntax; empty for none
 * @param prior the prior weight, positive (a set normalises its weights)
 * @param basis why the hypothesis and its weight: the assumption with its reasoning, or the sources
 * @param sources source ids backing the hypothesis, possibly empty
 */
public record Hypothesis(
    String id,
    String name,
    String variant,
    List<String> overrides,
    double prior,
    String basis,
    List<String> sources) {

  /** Validates the hypothesis. */
  public Hypothesis {
    if (id == null || id.isBlank() || name == null || name.isBlank()) {
      throw new IllegalArgumentException("a hypothesis needs an id and a name");
    }
    if (!(prior > 0) || !Double.isFinite(prior)) {
      throw new IllegalArgumentException(
          "the prior weight of hypothesis " + id + " must be positive, not " + prior);
    }
    overrides = List.copyOf(overrides);
    sources = List.copyOf(sources);
    basis = basis == null ? "" : basis;
  }

  /** What the hypothesis runs, for a reader: the variant and the overrides. */
  public String describeRun() {
    StringBuilder out = new StringBuilder(variant == null ? "the scenario" : variant);
    if (!overrides.isEmpty()) {
      out.append(" with ").append(String.join(", ", overrides));
    }
    return out.toString();
  }
}
