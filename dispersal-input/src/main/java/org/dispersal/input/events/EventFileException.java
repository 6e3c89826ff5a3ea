package org.dispersal.input.events;

/**
 * A bad row or column in an event file. The message is one line, {@code FILE:LINE:COLUMN: NAME:
 * 'VALUE' PROBLEM}, where COLUMN is the 1-based position of the field in its record and NAME the
 * column's header, for example {@code gtd.csv:4:3: imonth: '13' is not a month from 0 to 12}.
 */
public final class EventFileException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String name;
  private final String value;
  private final String problem;

  /**
   * Creates the exception.
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
    super(format(file, line, column, name, value, problem));
    this.file = file;
    this.line = line;
    this.column = column;
    this.name = name;
    this.value = value;
    this.problem = problem;
  }

  /** The file name. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 for the whole file. */
  public int line() {
    return line;
  }

  /** The 1-based column, or 0 when the problem is the whole line. */
  public int column() {
    return column;
  }

  /** The column's header, or null. */
  public String name() {
    return name;
  }

  /** The offending value, or null. */
  public String value() {
    return value;
  }

  /** What is wrong. */
  public String problem() {
    return problem;
  }

  private static String format(
      String file, int line, int column, String name, String value, String problem) {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line);
    }
    if (column > 0) {
      out.append(':').append(column);
    }
    out.append(": ");
    if (name != null) {
      out.append(name).append(": ");
    }
    if (value != null) {
      out.append('\'').append(value.replace('\n', ' ')).append("' ");
    }
    return out.append(problem).toString();
  }
}
