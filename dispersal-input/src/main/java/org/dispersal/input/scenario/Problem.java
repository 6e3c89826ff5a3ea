package org.dispersal.input.scenario;

import java.util.List;

/**
 * One thing wrong with a scenario, with where it was written.
 *
 * <p>{@link #toString()} gives one line in the form {@code FILE:LINE:COL: FIELD: 'VALUE' MESSAGE
 * (allowed: A, B)}, which editors and terminals understand as a position. The field is left out
 * when the problem concerns the whole file, the value when there is none (a missing key), the
 * allowed list when it is empty, and line and column when no position is known (line 0, as for a
 * scenario built in code). Values and messages are kept to one line.
 *
 * @param file the file name as given, a built-in scenario's resource name such as {@code
 *     isis-2017.yaml}, or {@code --set} for a command-line override
 * @param line the 1-based line, or 0 if unknown; for {@code --set} the position of the override
 * @param column the 1-based column, or 0 if unknown
 * @param field the path of the field, such as {@code parameters.share_women.prior.low} or {@code
 *     origins[3].stocks.wounded}; empty for the whole file
 * @param value the offending value as written, or null
 * @param message what is wrong
 * @param allowed what would be accepted instead, possibly empty; a long list is cut to the nearest
 *     candidates and ends with {@code ...}
 */
public record Problem(
    String file,
    int line,
    int column,
    String field,
    String value,
    String message,
    List<String> allowed) {

  /** Longest value shown before it is cut. */
  private static final int VALUE_LIMIT = 80;

  /** Validates the problem and keeps its texts to one line. */
  public Problem {
    if (file == null || message == null || message.isBlank()) {
      throw new IllegalArgumentException("problem needs a file and a message");
    }
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("problem needs a non-negative line and column");
    }
    field = field == null ? "" : oneLine(field);
    value = value == null ? null : cut(oneLine(value));
    message = oneLine(message);
    allowed = allowed == null ? List.of() : allowed.stream().map(Problem::oneLine).toList();
  }

  /** A problem at a location. */
  static Problem at(Location at, String field, String value, String message, List<String> allowed) {
    return new Problem(at.file(), at.line(), at.column(), field, value, message, allowed);
  }

  /** A problem at a location with nothing to suggest. */
  static Problem at(Location at, String field, String value, String message) {
    return at(at, field, value, message, List.of());
  }

  /** The one-line form {@code FILE:LINE:COL: FIELD: 'VALUE' MESSAGE (allowed: ...)}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line).append(':').append(column);
    }
    out.append(": ");
    if (!field.isEmpty()) {
      out.append(field).append(": ");
    }
    if (value != null) {
      out.append('\'').append(value).append("' ");
    }
    out.append(message);
    if (!allowed.isEmpty()) {
      out.append(" (allowed: ").append(String.join(", ", allowed)).append(')');
    }
    return out.toString();
  }

  /**
   * The one line every input problem is shown in, {@code SOURCE:LINE:COLUMN: FIELD: 'VALUE'
   * MESSAGE}: the source left out when null, with its line and column; the line when 0; the column
   * when 0; the field when null; the value when null.
   */
  public static String line(
      String source, int line, int column, String field, String value, String message) {
    StringBuilder out = new StringBuilder();
    if (source != null) {
      out.append(source);
      if (line > 0) {
        out.append(':').append(line);
        if (column > 0) {
          out.append(':').append(column);
        }
      }
      out.append(": ");
    }
    if (field != null) {
      out.append(field).append(": ");
    }
    if (value != null) {
      out.append('\'').append(value).append("' ");
    }
    return out.append(message).toString();
  }

  private static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(Character.isISOControl(c) ? '?' : c);
      }
    }
    return out.toString();
  }

  private static String cut(String text) {
    return text.length() > VALUE_LIMIT ? text.substring(0, VALUE_LIMIT - 3) + "..." : text;
  }
}
