package org.dispersal.input.events;

import java.io.Serializable;
import org.dispersal.input.scenario.Problem;

/**
 * A bad row or column in an event file. The message is one line, {@code FILE:LINE:COLUMN: NAME:
 * 'VALUE' PROBLEM}, where COLUMN is the 1-based position of the field in its record and NAME the
 * column's header, for example {@code gtd.csv:4:3: imonth: '13' is not a month from 0 to 12}.
 */
public final class EventFileException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final Fault fault;

  /**
   * Creates the exception; the parameters are those of {@link Fault}.
   *
   * @param file the file name
   * @param line the 1-based line, or 0 for the whole file
   * @param column the 1-based column, or 0 when the problem is the whole line
   * @param name the column's header, or null
   * @param value the offending value, or null
   * @param problem what is wrong
   */
  public EventFileException(
      String file, int line, int column, String name, String value, String problem) {
    this(new Fault(file, line, column, name, value, problem));
  }

  private EventFileException(Fault fault) {
    super(fault.toString());
    this.fault = fault;
  }

  /** Where the problem is and what it is. */
  public Fault fault() {
    return fault;
  }

  /**
   * Where a problem of an event file is and what it is.
   *
   * @param file the file name
   * @param line the 1-based line, or 0 for the whole file
   * @param column the 1-based column, or 0 when the problem is the whole line
   * @param name the column's header, or null
   * @param value the offending value, or null
   * @param problem what is wrong
   */
  public record Fault(String file, int line, int column, String name, String value, String problem)
      implements Serializable {

    /** The one-line message {@code FILE:LINE:COLUMN: NAME: 'VALUE' PROBLEM}. */
    @Override
    public String toString() {
      return Problem.line(
          file, line, column, name, value == null ? null : value.replace('\n', ' '), problem);
    }
  }
}
