package org.dispersal.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a forecast's {@code summary.csv} into {@link SummaryRow}s. Columns are found by the header,
 * so their order does not matter; every column of {@link SummaryRow} must be there. Errors name the
 * file, line and column.
 */
public final class SummaryCsvReader {

  private static final List<String> COLUMNS =
      List.of(
          "month",
          "date",
          "scope",
          "scope_id",
          "demographic",
          "state",
          "destination",
          "mean",
          "p05",
          "p25",
          "p50",
          "p75",
          "p95");

  private SummaryCsvReader() {}

  /** Reads every row of the file; throws {@link StoreException} for a missing or bad file. */
  public static List<SummaryRow> read(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString());
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Reads every row from a reader; {@code name} is used in error messages. */
  public static List<SummaryRow> read(BufferedReader reader, String name) throws IOException {
    String header = reader.readLine();
    if (header == null) {
      throw new StoreException(name + ": the file is empty, expected the header " + Csv.HEADER);
    }
    if (header.startsWith("\uFEFF")) {
      header = header.substring(1);
    }
    List<String> names = split(header, name, 1);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i).trim(), i);
    }
    int[] at = new int[COLUMNS.size()];
    for (int i = 0; i < COLUMNS.size(); i++) {
      Integer col = index.get(COLUMNS.get(i));
      if (col == null) {
        throw new StoreException(
            name + " line 1: column '" + COLUMNS.get(i) + "' is missing from the header");
      }
      at[i] = col;
    }
    List<SummaryRow> rows = new ArrayList<>();
    String line;
    int lineNo = 1;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isEmpty()) {
        continue;
      }
      List<String> f = split(line, name, lineNo);
      if (f.size() != names.size()) {
        throw new StoreException(
            name
                + " line "
                + lineNo
                + ": "
                + f.size()
                + " fields, but the header has "
                + names.size());
      }
      Field field = new Field(name, lineNo, f, at);
      rows.add(
          new SummaryRow(
              field.integer(0),
              field.text(1),
              field.text(2),
              field.text(3),
              field.text(4),
              field.text(5),
              field.text(6),
              field.decimal(7),
              field.whole(8),
              field.whole(9),
              field.whole(10),
              field.whole(11),
              field.whole(12)));
    }
    return rows;
  }

  /** The fields of one line and how to read them, with the line for messages. */
  private record Field(String file, int line, List<String> values, int[] at) {
    String text(int column) {
      return values.get(at[column]);
    }

    int integer(int column) {
      return (int) whole(column);
    }

    long whole(int column) {
      try {
        return Long.parseLong(text(column));
      } catch (NumberFormatException e) {
        throw bad(column, "a whole number");
      }
    }

    double decimal(int column) {
      try {
        return Double.parseDouble(text(column));
      } catch (NumberFormatException e) {
        throw bad(column, "a number");
      }
    }

    private StoreException bad(int column, String expected) {
      return new StoreException(
          file
              + " line "
              + line
              + ": column '"
              + COLUMNS.get(column)
              + "' must be "
              + expected
              + ", not '"
              + text(column)
              + "'");
    }
  }

  /** Splits one CSV line; fields may be quoted with "" for a quote inside. */
  private static List<String> split(String line, String file, int lineNo) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    while (true) {
      cur.setLength(0);
      if (i < line.length() && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= line.length()) {
            throw new StoreException(file + " line " + lineNo + ": a quoted field is not closed");
          }
          char ch = line.charAt(i++);
          if (ch == '"') {
            if (i < line.length() && line.charAt(i) == '"') {
              cur.append('"');
              i++;
            } else {
              break;
            }
          } else {
            cur.append(ch);
          }
        }
        if (i < line.length() && line.charAt(i) != ',') {
          throw new StoreException(
              file + " line " + lineNo + ": text after a closing quote at column " + (i + 1));
        }
      } else {
        int comma = line.indexOf(',', i);
        int end = comma < 0 ? line.length() : comma;
        cur.append(line, i, end);
        i = end;
      }
      out.add(cur.toString());
      if (i >= line.length()) {
        return out;
      }
      i++; // the comma
    }
  }
}
