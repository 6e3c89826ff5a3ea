package org.dispersal.input.data;

import java.util.List;

/**
 * One record of a {@link CsvTable}, with typed accessors that report bad values as a {@link
 * DataException} naming the file, the line and the column.
 */
public final class CsvRow {

  private final String fileName;
  private final int line;
  private final List<String> header;
  private final List<String> values;
  private final List<Integer> lines;

  CsvRow(String fileName, int line, List<String> header, List<String> values, List<Integer> lines) {
    this.fileName = fileName;
    this.line = line;
    this.header = header;
    this.values = List.copyOf(values);
    this.lines = List.copyOf(lines);
  }

  /** The name of the file the record comes from. */
  public String fileName() {
    return fileName;
  }

  /** The 1-based line where the record starts. */
  public int line() {
    return line;
  }

  /**
   * The value of a column exactly as written, possibly empty.
   *
   * @param field the column name
   * @return the value
   * @throws DataException if the file has no such column
   */
  public String text(String field) {
    return values.get(index(field));
  }

  /**
   * The value of a column that must not be blank.
   *
   * @param field the column name
   * @return the value
   * @throws DataException if the value is blank
   */
  public String required(String field) {
    String value = text(field);
    if (value.isBlank()) {
      throw error(field, "is empty");
    }
    return value;
  }

  /**
   * A whole number of at least 0 written with digits only, or nothing.
   *
   * @param field the column name
   * @return the number, or null if the value is empty
   * @throws DataException if the value is not a whole number
   */
  public Integer wholeNumber(String field) {
    String value = text(field);
    if (value.isEmpty()) {
      return null;
    }
    if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw error(field, "'" + value + "' is not a whole number");
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw error(field, "'" + value + "' is too large");
    }
  }

  /**
   * A value that must be {@code yes} or {@code no}.
   *
   * @param field the column name
   * @return true for yes
   * @throws DataException for any other value
   */
  public boolean yesNo(String field) {
    String value = text(field);
    if (value.equals("yes") || value.equals("no")) {
      return value.equals("yes");
    }
    throw error(field, "'" + value + "' is not yes or no");
  }

  /**
   * An error about one field of this record, located at the line where the field starts.
   *
   * @param field the column name
   * @param detail what is wrong
   * @return the exception, for the caller to throw
   */
  public DataException error(String field, String detail) {
    int i = header.indexOf(field);
    return new DataException(fileName, i < 0 ? line : lines.get(i), field, detail);
  }

  private int index(String field) {
    int i = header.indexOf(field);
    if (i < 0) {
      throw new DataException(fileName, 1, field, "missing column");
    }
    return i;
  }
}
