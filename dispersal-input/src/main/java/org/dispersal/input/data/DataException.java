package org.dispersal.input.data;

/**
 * Malformed or inconsistent data in one of the shipped or user-supplied CSV files.
 *
 * <p>The message is one line in the stable form {@code <file>:<line>: field <name>: <detail>}, for
 * example {@code fighters_by_country.csv:12: field fighters_low: 'abc' is not a whole number}. The
 * line is the physical line (1-based, header = 1) where the offending field starts; it and the
 * field are left out of the message when they do not apply (a missing file).
 */
public final class DataException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String fileName;
  private final int line;
  private final String field;
  private final String detail;

  /**
   * Creates the exception.
   *
   * @param fileName the file name, without directories
   * @param line the 1-based line, or 0 if no line applies
   * @param field the column name, or null if no column applies
   * @param detail what is wrong, with the offending value quoted
   */
  public DataException(String fileName, int line, String field, String detail) {
    super(format(fileName, line, field, detail));
    this.fileName = fileName;
    this.line = line;
    this.field = field;
    this.detail = detail;
  }

  private static String format(String fileName, int line, String field, String detail) {
    StringBuilder text = new StringBuilder(fileName);
    if (line > 0) {
      text.append(':').append(line);
    }
    text.append(": ");
    if (field != null) {
      text.append("field ").append(field).append(": ");
    }
    return text.append(detail).toString();
  }

  /** The file name, without directories. */
  public String fileName() {
    return fileName;
  }

  /** The 1-based line, or 0 if no line applies. */
  public int line() {
    return line;
  }

  /** The column name, or null if no column applies. */
  public String field() {
    return field;
  }

  /** What is wrong. */
  public String detail() {
    return detail;
  }
}
