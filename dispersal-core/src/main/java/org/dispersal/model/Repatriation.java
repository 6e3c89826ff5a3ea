package org.dispersal.model;

import java.util.List;

/**
 * The repatriation driver: each origin's {@link RepatriationPolicy} over time, as a step series per
 * origin over a default that holds for every origin and every month no step of its own covers.
 *
 * @param defaultPolicy the policy of origins without steps, and of every origin before its first
 *     step
 * @param steps per-origin steps; the steps of one origin are in increasing month order
 */
public record Repatriation(RepatriationPolicy defaultPolicy, List<Step> steps) {

  /** No repatriation anywhere. */
  public static final Repatriation NONE = new Repatriation(RepatriationPolicy.NONE, List.of());

  /**
   * One step: from {@code fromMonth} on, origin {@code origin} follows {@code policy}.
   *
   * @param origin the origin id (an ISO alpha-3 code)
   * @param fromMonth months after the start (0 is the start month)
   * @param policy the policy from then on
   */
  public record Step(String origin, int fromMonth, RepatriationPolicy policy) {

    /** Validates the step. */
    public Step {
      if (origin == null || origin.isBlank() || fromMonth < 0 || policy == null) {
        throw new IllegalArgumentException(
            "repatriation step needs an origin, a month >= 0 and a policy");
      }
    }
  }

  /** Copies the steps and checks that each origin's steps are in increasing month order. */
  public Repatriation {
    if (defaultPolicy == null) {
      throw new IllegalArgumentException("repatriation needs a default policy");
    }
    steps = List.copyOf(steps);
    for (int i = 0; i < steps.size(); i++) {
      for (int j = 0; j < i; j++) {
        Step a = steps.get(j);
        Step b = steps.get(i);
        if (a.origin().equals(b.origin()) && a.fromMonth() >= b.fromMonth()) {
          throw new IllegalArgumentException(
              "repatriation steps of " + b.origin() + " must be in increasing month order");
        }
      }
    }
  }

  /** The policy of origin {@code origin} at month {@code month}. */
  public RepatriationPolicy policy(String origin, int month) {
    RepatriationPolicy p = defaultPolicy;
    for (Step s : steps) {
      if (s.origin().equals(origin) && s.fromMonth() <= month) {
        p = s.policy();
      }
    }
    return p;
  }
}
