package org.dispersal.input.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A strict reader for comma-separated files as RFC 4180 defines them.
 *
 * <p>The first record is the header. Fields are separated by commas and records by LF or CRLF; a
 * field that holds commas, quotes or line breaks must be quoted, and a quote inside a quoted field
 * is written twice. Anything else is rejected with a {@link DataException} naming the file, the
 * line where the field starts and the column: a quote inside an unquoted field, text after a
 * closing quote, an unterminated quote, a bare carriage return, a record with more or fewer fields
 * than the header, a blank or repeated column name. A final line break is optional; a UTF-8 byte
 * order mark at the start is skipped. Values are returned exactly as written, never trimmed.
 */
public final class CsvReader {

  private final String fileName;
  private final String text;
  private int pos;
  private int line = 1;
  private List<String> header;

  private CsvReader(String fileName, String text) {
    this.fileName = fileName;
    this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Reads a whole table.
   *
   * @param fileName the name used in error messages
   * @param reader the characters of the file; read to the end but not closed
   * @return the table
   * @throws DataException if the text is not well-formed CSV
   * @throws UncheckedIOException if the reader fails
   */
  public static CsvTable read(String fileName, Reader reader) {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    try {
      for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
        text.append(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + fileName, e);
    }
    return parse(fileName, text.toString());
  }

  /**
   * Parses a whole table held in a string.
   *
   * @param fileName the name used in error messages
   * @param text the content of the file
   * @return the table
   * @throws DataException if the text is not well-formed CSV
   */
  public static CsvTable parse(String fileName, String text) {
    return new CsvReader(fileName, text).table();
  }

  private CsvTable table() {
    if (text.isEmpty()) {
      throw new DataException(fileName, 1, null, "the file is empty (a header is required)");
    }
    List<String> names = record().values;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.isBlank()) {
        throw new DataException(fileName, 1, "#" + (i + 1), "blank column name");
      }
      if (!seen.add(name)) {
        throw new DataException(fileName, 1, name, "repeated column name");
      }
    }
    header = List.copyOf(names);
    List<CsvRow> rows = new ArrayList<>();
    while (pos < text.length()) {
      int start = line;
      Record record = record();
      checkWidth(record, start);
      rows.add(new CsvRow(fileName, start, header, record.values, record.lines));
    }
    return new CsvTable(fileName, header, rows);
  }

  private void checkWidth(Record record, int start) {
    int found = record.values.size();
    int expected = header.size();
    if (found < expected) {
      throw new DataException(
          fileName,
          start,
          header.get(found),
          "missing (the record has " + found + " fields, the header " + expected + ")");
    }
    if (found > expected) {
      throw new DataException(
          fileName,
          start,
          "#" + (expected + 1),
          "unexpected (the record has " + found + " fields, the header " + expected + ")");
    }
  }

  private record Record(List<String> values, List<Integer> lines) {}

  private Record record() {
    List<String> values = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    while (true) {
      lines.add(line);
      values.add(field(values.size()));
      if (pos >= text.length()) {
        return new Record(values, lines);
      }
      char c = text.charAt(pos);
      if (c == ',') {
        pos++;
      } else {
        pos += c == '\r' ? 2 : 1;
        line++;
        return new Record(values, lines);
      }
    }
  }

  private String field(int index) {
    return pos < text.length() && text.charAt(pos) == '"' ? quoted(index) : unquoted(index);
  }

  private String quoted(int index) {
    int startLine = line;
    StringBuilder value = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw new DataException(fileName, startLine, name(index), "unterminated quoted field");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
          value.append('"');
          pos += 2;
          continue;
        }
        pos++;
        break;
      }
      if (c == '\n') {
        line++;
      }
      value.append(c);
      pos++;
    }
    if (pos < text.length() && !atSeparator()) {
      throw new DataException(
          fileName, line, name(index), "text after the closing quote: '" + rest() + "'");
    }
    return value.toString();
  }

  private String unquoted(int index) {
    int start = pos;
    while (pos < text.length() && !atSeparator()) {
      char c = text.charAt(pos);
      if (c == '"') {
        throw new DataException(
            fileName,
            line,
            name(index),
            "quote inside an unquoted field: '" + text.substring(start, pos) + rest() + "'");
      }
      if (c == '\r') {
        throw new DataException(fileName, line, name(index), "carriage return without line feed");
      }
      pos++;
    }
    return text.substring(start, pos);
  }

  private boolean atSeparator() {
    char c = text.charAt(pos);
    return c == ','
        || c == '\n'
        || (c == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n');
  }

  private String rest() {
    int end = pos;
    while (end < text.length() && text.charAt(end) != '\n' && end - pos < 40) {
      end++;
    }
    return text.substring(pos, end);
  }

  private String name(int index) {
    return header != null && index < header.size() ? header.get(index) : "#" + (index + 1);
  }
}
