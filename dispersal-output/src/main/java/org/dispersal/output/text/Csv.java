package org.dispersal.output.text;

import java.util.List;

/**
 * The one CSV writer of the output module (RFC 4180): fields separated by commas, a field quoted
 * when it holds a comma, a double quote, a carriage return or a line feed, with its quotes doubled;
 * lines end with a line feed.
 */
public final class Csv {

  private Csv() {}

  /** A field as it goes into a line, quoted when needed; null becomes an empty field. */
  public static String field(String text) {
    if (text == null) {
      return "";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return '"' + text.replace("\"", "\"\"") + '"';
      }
    }
    return text;
  }

  /** A line of fields, each quoted when needed, with its line feed. */
  public static String line(List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    return out.append('\n').toString();
  }

  /** A line of fields, each quoted when needed, with its line feed. */
  public static String line(String... fields) {
    return line(List.of(fields));
  }
}
