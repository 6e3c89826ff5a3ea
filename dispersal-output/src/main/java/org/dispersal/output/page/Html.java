package org.dispersal.output.page;

/**
 * The one escaper of text placed in HTML and SVG, so that nothing from a scenario can inject
 * markup: {@code & < > " '} become character references, in element content and in quoted attribute
 * values alike.
 */
public final class Html {

  private Html() {}

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
