package org.dispersal.input.events;

import java.util.List;
import org.dispersal.input.data.CsvRow;

/**
 * One record of an event file with typed accessors whose errors name the file, line and column
 * ({@link EventFileException}).
 */
final class EventRow {

  private final CsvRow row;
  private final List<String> header;
  private final int skipped;

  /**
   * @param skipped the comment lines before the header, so that lines are counted in the file
   */
  EventRow(CsvRow row, List<String> header, int skipped) {
    this.row = row;
    this.header = header;
    this.skipped = skipped;
  }

  /** The 1-based line in the file where the record starts. */
  int line() {
    return row.line() + skipped;
  }

  /** {@code file:line}, for the audit trail. */
  String origin() {
    return row.fileName() + ":" + line();
  }

  /** Whether the file has a column. */
  boolean has(String column) {
    return header.contains(column);
  }

  /** The value of a column, stripped; empty if the file lacks the column. */
  String text(String column) {
    return has(column) ? row.text(column).strip() : "";
  }

  /** The value of a column that must not be blank. */
  String required(String column) {
    String v = text(column);
    if (v.isEmpty()) {
      throw error(column, null, "is empty");
    }
    return v;
  }

  /** A whole number, or null when empty; {@code 3.0} is read as 3, as spreadsheets write it. */
  Integer whole(String column, int min, int max, String what) {
    String v = text(column);
    if (v.isEmpty()) {
      return null;
    }
    try {
      double d = Double.parseDouble(v);
      if (d == Math.rint(d) && d >= min && d <= max) {
        return (int) d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(column, v, "is not " + what);
  }

  /** A type or subtype as an identifier: lower case, runs of other characters as one '_'. */
  static String slug(String text) {
    String s = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return s.replaceAll("^_+|_+$", "");
  }

  /** An error about one column of this record. */
  EventFileException error(String column, String value, String problem) {
    int index = header.indexOf(column);
    return new EventFileException(
        row.fileName(), line(), index < 0 ? 0 : index + 1, column, value, problem);
  }
}
