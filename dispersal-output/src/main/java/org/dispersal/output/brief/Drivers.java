package org.dispersal.output.brief;

import java.util.List;

/**
 * The top drivers of one headline output, from a Morris screening (μ*, Campolongo et al. 2007):
 * which parameters move the output most, and how the screening was run.
 *
 * @param output what was screened, for example "returned, world, +24 months"
 * @param method how: trajectories, levels, replications, design points, seconds
 * @param top the parameters with the largest μ*, largest first
 */
public record Drivers(String output, String method, List<Driver> top) {

  /** Copies the list. */
  public Drivers {
    top = List.copyOf(top);
  }

  /**
   * One parameter.
   *
   * @param name the parameter's name
   * @param muStar Morris μ*, in people
   * @param sigma Morris σ (spread of the elementary effects: interaction or non-linearity)
   */
  public record Driver(String name, double muStar, double sigma) {}
}
