package org.dispersal.store;

import java.io.IOException;
import java.io.OutputStream;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Summary rows together with the bytes of the summary.csv they were rendered with (the header, then
 * the rows in the same order), so that the DuckDB store can load the file with DuckDB's own CSV
 * reader in one statement instead of appending 175,000 rows one value at a time through JDBC
 * (docs/PERFORMANCE.md, "Session 16: the summary rows from the file"). As a list it is the rows, so
 * every other store (PostgreSQL, a test double) reads it like any other.
 */
public final class RenderedSummaryRows extends AbstractList<SummaryRow> implements RandomAccess {

  private final List<SummaryRow> rows;
  private final byte[][] file;

  /**
   * @param rows the rows, in the file's order
   * @param file summary.csv in parts (each part whole lines, the header first), holding exactly
   *     {@code rows} in the same order with the mean to two decimals; kept, not copied
   */
  public RenderedSummaryRows(List<SummaryRow> rows, byte[][] file) {
    this.rows = List.copyOf(rows);
    this.file = file;
  }

  @Override
  public SummaryRow get(int index) {
    return rows.get(index);
  }

  @Override
  public int size() {
    return rows.size();
  }

  /** The file's parts, header first (the store's own, not a copy: never change them). */
  byte[][] file() {
    return file;
  }

  /** Whether {@code bytes} are the file's bytes: its parts, one after the other. */
  boolean isFile(byte[] bytes) {
    long length = 0;
    for (byte[] part : file) {
      length += part.length;
    }
    if (length != bytes.length) {
      return false;
    }
    int at = 0;
    for (byte[] part : file) {
      if (!Arrays.equals(part, 0, part.length, bytes, at, at + part.length)) {
        return false;
      }
      at += part.length;
    }
    return true;
  }

  /** Writes the file, part after part. */
  public void writeFile(OutputStream out) throws IOException {
    for (byte[] part : file) {
      out.write(part);
    }
  }
}
