package org.dispersal.agent;

import java.util.List;

/**
 * A command or engine was asked to run a scenario with agent-only features it cannot simulate. A
 * user error: the message is one line naming what refused and the features, and front ends show it
 * as such (it is an {@link IllegalArgumentException}, which the command line reports as bad input).
 * Features are refused this way, never silently dropped.
 */
public final class UnsupportedFeaturesException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String refusedBy;
  private final List<String> features;

  /**
   * Creates the refusal.
   *
   * @param refusedBy what refused, such as "the cohort engine" or "dispersal bench"
   * @param features the short names of the features (see {@link AgentFeatures#names()})
   * @param remedy what to do instead, or an empty string
   */
  public UnsupportedFeaturesException(String refusedBy, List<String> features, String remedy) {
    super(
        refusedBy
            + " cannot simulate the agent-only features "
            + features
            + (remedy.isEmpty() ? "" : "; " + remedy));
    this.refusedBy = refusedBy;
    this.features = List.copyOf(features);
  }

  /** What refused. */
  public String refusedBy() {
    return refusedBy;
  }

  /** The features it could not simulate. */
  public List<String> features() {
    return features;
  }
}
