package org.dispersal.app.problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request refused because of what the user gave, with every {@link InputProblem} found. The one
 * error type of the application layer that is the user's to fix: the command line exits with 2, the
 * service answers 422.
 */
public final class InputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<InputProblem> problems;

  /**
   * Creates the refusal.
   *
   * @param problems at least one problem
   */
  public InputException(List<InputProblem> problems) {
    this(summary(problems), problems);
  }

  /**
   * Creates the refusal with a summary of its own.
   *
   * @param summary one line saying what could not be used, shown before the problems' details
   * @param problems at least one problem
   */
  public InputException(String summary, List<InputProblem> problems) {
    super(summary);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an input exception needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** A refusal of one request field. */
  public static InputException field(String field, String message) {
    return new InputException(List.of(InputProblem.field(field, message)));
  }

  /** The problems, in the order found. */
  public List<InputProblem> problems() {
    return problems;
  }

  private static String summary(List<InputProblem> problems) {
    return problems.stream().map(InputProblem::toString).collect(Collectors.joining("; "));
  }
}
