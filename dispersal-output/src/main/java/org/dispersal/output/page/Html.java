package org.dispersal.output.page;

/**
 * The one escaper of text placed in HTML and SVG, so that nothing from a scenario can inject
 * markup: {@code & < > " '} become character references, in element content and in quoted attribute
 * values alike.
 */
public final class Html {

  private Html() {}

  /**
   * Table cells holding the given HTML, one {@code <td>} each, in order; the caller escapes text
   * (values are written as {@link String#valueOf(Object)} gives them).
   */
  public static String cells(Object... html) {
    StringBuilder b = new StringBuilder();
    for (Object cell : html) {
      b.append("<td>").append(cell).append("</td>");
    }
    return b.toString();
  }

  /** A table row of {@link #cells}. */
  public static String row(Object... html) {
    return "<tr>" + cells(html) + "</tr>";
  }

  /** Escapes text for element content and quoted attribute values; null becomes empty. */
  public static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String ref =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (ref != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (ref == null) {
          out.append(c);
        } else {
          out.append(ref);
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
