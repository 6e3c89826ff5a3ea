package org.dispersal.model;

import java.util.List;

/**
 * A named model parameter: its prior, its unit, where its value comes from, and what it means.
 *
 * <p>Every rate or share in the model is a parameter. Its value comes either from cited sources
 * ({@code sources}: {@code source_id}s of the shipped data or papers listed in docs) or is an
 * assumption with a one-line justification; never both missing.
 *
 * @param name the identifier, for example {@code kill_rate_base} or {@code
 *     prosecution_share.western_europe}
 * @param prior the prior distribution
 * @param unit for example {@code per month} or {@code share}
 * @param sources cited source identifiers, possibly empty when {@code assumption} is given
 * @param assumption the justification of an assumed value, or null when sources are given
 * @param description what the parameter means
 */
public record Parameter(
    String name,
    Prior prior,
    String unit,
    List<String> sources,
    String assumption,
    String description) {

  /** Validates the provenance rule. */
  public Parameter {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("parameter needs a name");
    }
    if (prior == null) {
      throw new IllegalArgumentException("parameter " + name + " needs a prior");
    }
    sources = sources == null ? List.of() : List.copyOf(sources);
    if (sources.isEmpty() && (assumption == null || assumption.isBlank())) {
      throw new IllegalArgumentException(
          "parameter " + name + " needs a source or an assumption with its justification");
    }
  }

  /** Whether the value is an assumption rather than a sourced figure. */
  public boolean isAssumption() {
    return sources.isEmpty();
  }

  /** The same parameter with another prior (used by overrides and calibration). */
  public Parameter withPrior(Prior newPrior) {
    return new Parameter(name, newPrior, unit, sources, assumption, description);
  }
}
