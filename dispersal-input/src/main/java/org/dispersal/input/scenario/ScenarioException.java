package org.dispersal.input.scenario;

import java.util.List;

/**
 * A scenario that cannot be read or is not valid, with every problem found in one pass.
 *
 * <p>The message holds one line per problem, so a command-line tool can print it as it is; the
 * stack trace is of no use to the author of the file.
 */
public final class ScenarioException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The problems, in file order; never empty. */
  private final transient List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param problems what is wrong; at least one
   */
  public ScenarioException(List<Problem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(List<Problem> problems) {
    if (problems == null || problems.isEmpty()) {
      throw new IllegalArgumentException("a scenario exception needs at least one problem");
    }
    StringBuilder out = new StringBuilder();
    for (Problem p : problems) {
      out.append(out.length() == 0 ? "" : "\n").append(p);
    }
    return out.toString();
  }
}
