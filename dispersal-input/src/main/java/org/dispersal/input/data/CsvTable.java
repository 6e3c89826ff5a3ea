package org.dispersal.input.data;

import java.util.List;

/**
 * A CSV file as read by {@link CsvReader}: its column names and its records.
 *
 * @param fileName the name used in error messages
 * @param header the column names, in file order
 * @param rows the records after the header, in file order
 */
public record CsvTable(String fileName, List<String> header, List<CsvRow> rows) {

  /** Validates and copies the table. */
  public CsvTable {
    if (fileName == null || header == null || rows == null) {
      throw new IllegalArgumentException("a table needs a file name, a header and rows");
    }
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /**
   * Checks that the header has the given columns.
   *
   * @param columns the column names a reader of this file needs
   * @return this table
   * @throws DataException naming the first missing column
   */
  public CsvTable requireColumns(String... columns) {
    for (String column : columns) {
      if (!header.contains(column)) {
        throw new DataException(fileName, 1, column, "missing column");
      }
    }
    return this;
  }
}
