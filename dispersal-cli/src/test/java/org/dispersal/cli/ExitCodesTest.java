package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.dispersal.app.problem.InputException;
import org.dispersal.app.problem.InputProblem;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Exit codes as the README promises: bad input, an unknown option included, exits with 2 and one
 * line; an unexpected exception exits with 1, in one line that points to {@code --debug}, and is
 * never reported as bad input, even when it is an {@link IllegalArgumentException}.
 */
class ExitCodesTest {

  @Test
  void anUnknownOptionIsBadInput() {
    CliTest.Result r = CliTest.run("forecast", "--no-such-option");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--no-such-option'").doesNotContain("\tat ");
    CliTest.Result value = CliTest.run("forecast", "--runs", "many");
    assertThat(value.code()).isEqualTo(2);
  }

  @Test
  void anInputProblemIsOneLinePerProblemWithTwo() {
    StringWriter err = new StringWriter();
    int code =
        handle(
            new InputException(
                List.of(
                    new InputProblem("events.csv", 4, 3, "date", "2017-04-31", "is not a date"))),
            err,
            new String[0]);
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("dispersal: events.csv:4:3: date: '2017-04-31' is not a date");
  }

  @Test
  void anUnexpectedExceptionExitsWithOneAndPointsToDebug() {
    StringWriter err = new StringWriter();
    int code = handle(new IllegalArgumentException("weights must sum to 1"), err, new String[0]);
    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "dispersal: internal error: java.lang.IllegalArgumentException: weights must sum to 1"
                + " (run with --debug for details)");

    StringWriter debug = new StringWriter();
    assertThat(handle(new IllegalStateException("bug"), debug, new String[] {"--debug"}))
        .isEqualTo(1);
    assertThat(debug.toString()).contains("\tat ").contains("internal error");
  }

  private static int handle(Exception e, StringWriter err, String[] args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setErr(new PrintWriter(err, true));
    return new UserErrors(args).handleExecutionException(e, cl, null);
  }
}
