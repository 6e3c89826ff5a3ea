package org.dispersal.model;

/**
 * One step of a driver that changes over time: from {@code fromMonth} on, the driver takes the
 * value of {@code parameter}.
 *
 * @param fromMonth months after the start (0 is the start month)
 * @param parameter the parameter whose drawn value applies from then on
 */
public record Step(int fromMonth, String parameter) {

  /** Validates the step. */
  public Step {
    if (fromMonth < 0 || parameter == null || parameter.isBlank()) {
      throw new IllegalArgumentException("step needs fromMonth >= 0 and a parameter");
    }
  }
}
