package org.dispersal.app.problem;

import java.util.List;
import org.dispersal.input.data.DataException;
import org.dispersal.input.events.EventFileException;
import org.dispersal.input.scenario.Problem;

/**
 * One thing wrong with what a user gave: a request field, a scenario file, an event file. The
 * command line prints it as one line and exits with 2; the service answers 422 with the same
 * fields.
 *
 * <p>{@link #toString()} gives {@code SOURCE:LINE:COLUMN: FIELD: 'VALUE' MESSAGE}, each part left
 * out when unknown (line and column 0, no source, no field, no value), the form of {@link Problem}.
 *
 * @param source the file or text the problem is in (a scenario file, {@code events-input.csv}), or
 *     null for a request field
 * @param line the 1-based line, or 0 if unknown
 * @param column the 1-based column, or 0 if unknown
 * @param field the field or column name, or null for the whole input
 * @param value the offending value as given, or null
 * @param message what is wrong, in one line
 */
public record InputProblem(
    String source, int line, int column, String field, String value, String message) {

  /** Validates the problem and keeps its texts to one line. */
  public InputProblem {
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("an input problem needs a message");
    }
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("an input problem needs a non-negative line and column");
    }
    source = blankToNull(source);
    field = blankToNull(field);
    value = value == null ? null : oneLine(value);
    message = oneLine(message);
  }

  /** A problem with one field of a request: {@code field}, what is wrong. */
  public static InputProblem field(String field, String message) {
    return new InputProblem(null, 0, 0, field, null, message);
  }

  /** A problem of a scenario file, with what would be allowed folded into the message. */
  public static InputProblem of(Problem p) {
    String message =
        p.allowed().isEmpty()
            ? p.message()
            : p.message() + " (allowed: " + String.join(", ", p.allowed()) + ")";
    return new InputProblem(p.file(), p.line(), p.column(), p.field(), p.value(), message);
  }

  /** The problem of an event file's row or column. */
  public static InputProblem of(EventFileException e) {
    EventFileException.Fault f = e.fault();
    return new InputProblem(f.file(), f.line(), f.column(), f.name(), f.value(), f.problem());
  }

  /** The problem of a shipped or given data file (observations, ...). */
  public static InputProblem of(DataException e) {
    return new InputProblem(e.fileName(), e.line(), 0, e.field(), null, e.detail());
  }

  /** What is wrong with the value, without where: {@code 'VALUE' MESSAGE}. */
  public String valueAndMessage() {
    return value == null ? message : "'" + value + "' " + message;
  }

  /** The one-line form {@code SOURCE:LINE:COLUMN: FIELD: 'VALUE' MESSAGE}. */
  @Override
  public String toString() {
    return Problem.line(source, line, column, field, value, message);
  }

  /** The problems of a scenario file. */
  public static List<InputProblem> of(List<Problem> problems) {
    return problems.stream().map(InputProblem::of).toList();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : oneLine(s);
  }

  private static String oneLine(String s) {
    return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }
}
